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
///
/// A bucket holds the events of one second, so it keeps the events alone, not their times or
/// order numbers. Its first ``slabWidth`` events are side by side in one array for the whole
/// wheel (the slab), the rest in an array of the bucket's own: an event put an hour ahead
/// touches the bucket's fill and its place in the slab, where an array per bucket touched the
/// outer array, the bucket's header, its storage and its count, each in a line of memory the
/// hour since had evicted (Docs/PERFORMANCE.md, thirteenth pass).
struct EventQueue<Event> {
  private struct Entry: Comparable {
    var time: Int
    var sequence: Int
    var event: Event
    static func < (a: Entry, b: Entry) -> Bool { a.time != b.time ? a.time < b.time : a.sequence < b.sequence }
    static func == (a: Entry, b: Entry) -> Bool { a.time == b.time && a.sequence == b.sequence }
  }

  /// How many events a bucket holds and where its first event not yet taken is. A bucket's
  /// entries past its count are spent ones, written over by the next events scheduled there:
  /// a bucket taken to its end is emptied by setting two numbers, not by removing its entries.
  /// (A spent entry keeps its event until then: the simulator's events are plain numbers,
  /// which keep nothing alive.)
  private struct Fill {
    var count: Int32 = 0
    var head: Int32 = 0
  }

  /// The seconds the wheel holds: a power of two.
  static var wheelSeconds: Int { 4096 }
  /// The events of a bucket kept in the slab; the rest are in its overflow.
  static var slabWidth: Int { 16 }

  /// Bucket `k`'s fill (second `t` in bucket `t & (wheelSeconds - 1)`).
  private var fills = [Fill](repeating: Fill(), count: wheelSeconds)
  /// Bucket `k`'s first events, at `k * slabWidth ..< (k + 1) * slabWidth`.
  private var slab = [Event?](repeating: nil, count: wheelSeconds * slabWidth)
  /// Bucket `k`'s events past its first ``slabWidth``.
  private var overflow = [[Event]](repeating: [], count: wheelSeconds)
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
    if time >= base && time - base < Self.wheelSeconds {
      put(event, in: time & (Self.wheelSeconds - 1))
    } else {
      sequence += 1
      later.push(Entry(time: time, sequence: sequence, event: event))
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
    let head = Int(fills[k].head)
    let taken = head < Self.slabWidth ? slab[k * Self.slabWidth + head] : overflow[k][head - Self.slabWidth]
    if head + 1 == fills[k].count {
      fills[k] = Fill()
    } else {
      fills[k].head += 1
    }
    inWheel -= 1
    // Every entry below a bucket's count was written by `put`.
    guard let event = taken else { preconditionFailure("an agenda bucket's entry was never written") }
    return (base, event)
  }

  /// Adds `event` at the end of bucket `k`, over a spent entry when the bucket has one.
  private mutating func put(_ event: Event, in k: Int) {
    let count = Int(fills[k].count)
    if count < Self.slabWidth {
      slab[k * Self.slabWidth + count] = event
    } else if count - Self.slabWidth < overflow[k].count {
      overflow[k][count - Self.slabWidth] = event
    } else {
      overflow[k].append(event)
    }
    fills[k].count += 1
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
    while fills[base & (Self.wheelSeconds - 1)].count == 0 {
      base += 1
      arrive()
    }
    return true
  }

  /// Moves the heap's events that are within the wheel now into it, in their order.
  private mutating func arrive() {
    while let top = later.min, top.time - base < Self.wheelSeconds {
      later.pop()
      put(top.event, in: top.time & (Self.wheelSeconds - 1))
    }
  }
}
