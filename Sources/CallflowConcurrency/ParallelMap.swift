import Dispatch

/// `body(i)` for every `i` in `0..<count`, run on all cores; results in index order. The one
/// parallel loop of the toolchain: the driver parses and checks files with it, the graph draws
/// flows with it.
public func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
  guard count > 1 else { return (0..<count).map(body) }
  let slots = Slots<T>(count: count)
  DispatchQueue.concurrentPerform(iterations: count) { i in slots.store(body(i), at: i) }
  return slots.take()
}

/// Storage written by concurrent tasks, each at its own index once, then read once all are
/// done.
private final class Slots<T>: @unchecked Sendable {
  private let buffer: UnsafeMutableBufferPointer<T>

  init(count: Int) {
    buffer = .allocate(capacity: count)
  }

  deinit {
    buffer.deallocate()
  }

  /// Every index is stored exactly once before ``take()``.
  func store(_ value: T, at i: Int) { (buffer.baseAddress.unsafelyUnwrapped + i).initialize(to: value) }

  /// The values, moved out in one copy of their bytes (their references are not counted
  /// again).
  func take() -> [T] {
    Array(unsafeUninitializedCapacity: buffer.count) { values, count in
      if let to = values.baseAddress, let from = buffer.baseAddress { to.moveInitialize(from: from, count: buffer.count) }
      count = buffer.count
    }
  }
}
