/// The items of the collections a reader has open, innermost last, in one buffer for the
/// whole document: a closing collection's items are moved out of it into the collection,
/// never copied into an array of their own first.
final class NodeStack<Node> {
  private var base: UnsafeMutablePointer<Node>
  private var capacity: Int
  /// How many items the open collections hold in all.
  private(set) var count = 0

  init() {
    capacity = 64
    base = .allocate(capacity: capacity)
  }

  deinit {
    base.deinitialize(count: count)
    base.deallocate()
  }

  func push(_ node: consuming Node) {
    if count == capacity { grow() }
    (base + count).initialize(to: node)
    count += 1
  }

  /// The item at `index`, which is below ``count``.
  func withItem<R>(at index: Int, _ body: (borrowing Node) -> R) -> R {
    body((base + index).pointee)
  }

  /// The items from `start` on, taken off the stack: the caller moves out or deinitializes
  /// every one of them before the next ``push(_:)``.
  func popItems(from start: Int) -> UnsafeMutableBufferPointer<Node> {
    let items = UnsafeMutableBufferPointer(start: base + start, count: count - start)
    count = start
    return items
  }

  private func grow() {
    let larger = UnsafeMutablePointer<Node>.allocate(capacity: capacity * 2)
    larger.moveInitialize(from: base, count: count)
    base.deallocate()
    base = larger
    capacity *= 2
  }
}

extension Array {
  /// An array of `items`, moved out of them (their memory is left uninitialized).
  init(moving items: UnsafeMutableBufferPointer<Element>) {
    // Reserved and appended to rather than made with `init(unsafeUninitializedCapacity:)`,
    // which allocates through the standard library's unspecialized code, looking the storage's
    // type up at run time for every collection.
    self.init()
    reserveCapacity(items.count)
    for i in items.indices { append(items.moveElement(from: i)) }
  }
}
