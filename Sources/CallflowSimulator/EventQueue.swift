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
///
/// Times are whole seconds, and most events fall within the hour after the clock: those wait
/// in a wheel of one bucket a second for the next ``wheelSeconds``, each bucket a queue in the
/// order of scheduling, so taking or adding one costs the same whatever is pending. The others
/// (later, or before the wheel's first second) wait in a heap by time and order of
/// scheduling, and move into the wheel as it turns to their second, before anything else can
/// be scheduled there: each bucket stays in the order of scheduling.
struct EventQueue<Event> {
  private struct Entry: Comparable {
    var time: Int
    var sequence: Int
    var event: Event
    static func < (a: Entry, b: Entry) -> Bool { a.time != b.time ? a.time < b.time : a.sequence < b.sequence }
    static func == (a: Entry, b: Entry) -> Bool { a.time == b.time && a.sequence == b.sequence }
  }

  /// The seconds the wheel holds: a power of two.
  static var wheelSeconds: Int { 4096 }

  /// The wheel's buckets (second `t` in bucket `t & (wheelSeconds - 1)`), how many events
  /// each holds, and where its first event not yet taken is. A bucket's entries past its
  /// count are spent ones, written over by the next events scheduled there: a bucket taken to
  /// its end is emptied by setting two numbers, not by removing its entries. (A spent entry
  /// keeps its event until then: the simulator's events are plain numbers, which keep nothing
  /// alive.)
  private var buckets: [[Entry]] = Array(repeating: [], count: wheelSeconds)
  private var counts: [Int] = Array(repeating: 0, count: wheelSeconds)
  private var heads: [Int] = Array(repeating: 0, count: wheelSeconds)
  /// The wheel's first second: it holds `base ..< base + wheelSeconds`.
  private var base = 0
  /// Events in the wheel.
  private var inWheel = 0
  /// Events outside the wheel.
  private var later = Heap<Entry>()
  private var sequence = 0

  /// The time of the earliest event; the wheel turns to it.
  mutating func nextTime() -> Int? {
    guard settle() else { return nil }
    if let top = later.min, top.time < base { return top.time }
    return base
  }

  mutating func schedule(_ event: Event, at time: Int) {
    sequence += 1
    let entry = Entry(time: time, sequence: sequence, event: event)
    if time >= base && time - base < Self.wheelSeconds {
      put(entry, in: time & (Self.wheelSeconds - 1))
    } else {
      later.push(entry)
    }
  }

  /// The earliest event and its time.
  mutating func next() -> (time: Int, event: Event)? {
    guard settle() else { return nil }
    if let top = later.min, top.time < base {
      later.pop()
      return (top.time, top.event)
    }
    let k = base & (Self.wheelSeconds - 1)
    let entry = buckets[k][heads[k]]
    heads[k] += 1
    if heads[k] == counts[k] {
      heads[k] = 0
      counts[k] = 0
    }
    inWheel -= 1
    return (entry.time, entry.event)
  }

  /// Adds `entry` at the end of bucket `k`, over a spent entry when the bucket has one.
  private mutating func put(_ entry: Entry, in k: Int) {
    if counts[k] < buckets[k].count {
      buckets[k][counts[k]] = entry
    } else {
      buckets[k].append(entry)
    }
    counts[k] += 1
    inWheel += 1
  }

  /// Turns the wheel to the earliest event: afterwards it is first in the heap (an event
  /// before the wheel's first second) or first in the wheel's first bucket. `false` when
  /// nothing is pending.
  private mutating func settle() -> Bool {
    if let top = later.min, top.time < base { return true }
    if inWheel == 0 {
      guard let top = later.min else { return false }
      base = top.time
      arrive()
    }
    while heads[base & (Self.wheelSeconds - 1)] == counts[base & (Self.wheelSeconds - 1)] {
      base += 1
      arrive()
    }
    return true
  }

  /// Moves the heap's events that are within the wheel now into it, in their order.
  private mutating func arrive() {
    while let top = later.min, top.time - base < Self.wheelSeconds {
      later.pop()
      put(top, in: top.time & (Self.wheelSeconds - 1))
    }
  }
}
