/// A binary min-heap.
struct Heap<Element: Comparable> {
  private(set) var elements: [Element] = []

  var min: Element? { elements.first }

  // Both directions move a hole rather than swap: each level moves one element, not two.
  mutating func push(_ element: Element) {
    var child = elements.count
    elements.append(element)
    while child > 0 {
      let parent = (child - 1) / 2
      guard element < elements[parent] else { break }
      elements[child] = elements[parent]
      child = parent
    }
    elements[child] = element
  }

  @discardableResult
  mutating func pop() -> Element? {
    guard let first = elements.first else { return nil }
    let last = elements.removeLast()
    let count = elements.count
    guard count > 0 else { return first }
    var parent = 0
    while true {
      let left = 2 * parent + 1
      guard left < count else { break }
      let right = left + 1
      let child = right < count && elements[right] < elements[left] ? right : left
      guard elements[child] < last else { break }
      elements[parent] = elements[child]
      parent = child
    }
    elements[parent] = last
    return first
  }
}

/// The simulator's agenda: events by time, and among events at the same second in the order
/// they were scheduled, so a run is the same for the same inputs.
struct EventQueue<Event> {
  private struct Entry: Comparable {
    var time: Int
    var sequence: Int
    var event: Event
    static func < (a: Entry, b: Entry) -> Bool { a.time != b.time ? a.time < b.time : a.sequence < b.sequence }
    static func == (a: Entry, b: Entry) -> Bool { a.time == b.time && a.sequence == b.sequence }
  }

  private var heap = Heap<Entry>()
  private var sequence = 0

  /// The time of the earliest event.
  var nextTime: Int? { heap.min?.time }

  mutating func schedule(_ event: Event, at time: Int) {
    sequence += 1
    heap.push(Entry(time: time, sequence: sequence, event: event))
  }

  /// The earliest event and its time.
  mutating func next() -> (time: Int, event: Event)? {
    heap.pop().map { ($0.time, $0.event) }
  }
}
