import Foundation

/// The forms decided for actions alike (the same type, text of parameters and shape of
/// transitions), shared by the lowerings of one run: a project's flows repeat their actions
/// (the same prompt, logging, voice or disconnect in every flow), and the self-check that
/// decides an action's form then runs once for all of them. Safe to share between threads.
/// Holds at most ``byteLimit`` bytes of likenesses; past that, decisions are not kept.
public final class FormDecisions: @unchecked Sendable {
  /// The most bytes of likenesses kept.
  public static let byteLimit = 8 << 20

  private let lock = NSLock()
  private var table = ByteKeyedTable<Int?>(capacity: 256)
  private var bytes = 0

  /// An empty set of decisions.
  public init() {}

  /// The decision for `likeness`: nil when none was made, else the place of the form chosen
  /// among its type's forms (nil inside when none writes the actions back exactly).
  func decision(_ likeness: ConnectLowering.Likeness) -> Int?? {
    lock.lock()
    defer { lock.unlock() }
    return table[likeness]
  }

  /// Keeps `chosen` as the decision for `likeness`, unless one is kept or the limit is met.
  func record(_ likeness: ConnectLowering.Likeness, _ chosen: Int?) {
    lock.lock()
    defer { lock.unlock() }
    guard bytes + likeness.count <= Self.byteLimit, table.add(likeness, chosen).added else { return }
    bytes += likeness.count
  }

  /// How many decisions are kept.
  var count: Int {
    lock.lock()
    defer { lock.unlock() }
    return table.count
  }
}
