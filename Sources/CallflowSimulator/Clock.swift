import CallflowBytecode
import CallflowSemantics
import Foundation

/// Virtual time: whole seconds after 1970-01-01T00:00:00Z.
public enum Clock {
  /// `seconds` as ISO 8601 UTC: `2026-01-05T10:00:00Z`.
  public static func iso(_ seconds: Int) -> String {
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let rest = seconds - days * 86_400
    let (y, m, d) = civil(days)
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(y)-\(two(m))-\(two(d))T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
  }

  /// `HH:MM` (and `:SS` when not zero) of `seconds` in UTC.
  public static func timeOfDay(_ seconds: Int) -> String {
    let rest = ((seconds % 86_400) + 86_400) % 86_400
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    let base = "\(two(rest / 3600)):\(two(rest / 60 % 60))"
    return rest % 60 == 0 ? base : base + ":" + two(rest % 60)
  }

  /// An ISO 8601 time (`2026-01-05T10:00:00Z`, or with an offset) as seconds.
  public static func parse(_ text: String) -> Int? {
    guard let date = try? Date(text, strategy: .iso8601) else { return nil }
    return Int(date.timeIntervalSince1970.rounded(.down))
  }

  /// The day (year, month, day) of a day number counted from 1970-01-01.
  static func civil(_ days: Int) -> (Int, Int, Int) {
    // Howard Hinnant's days-to-civil.
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}

/// A time zone's offset from UTC, cached by the hour: looking a zone up is the slow part of
/// checking hours of operation, and offsets change on the hour.
struct ZoneOffsets {
  let zone: TimeZone
  private var cache: [Int: Int] = [:]
  /// The hour asked last and its offset: the clock moves forward, most asks are in its hour.
  private var lastHour = Int.min
  private var lastOffset = 0

  init(_ zone: TimeZone) { self.zone = zone }

  mutating func local(_ seconds: Int) -> Int {
    let hour = seconds >= 0 ? seconds / 3600 : (seconds - 3599) / 3600
    if hour == lastHour { return seconds + lastOffset }
    lastHour = hour
    if let offset = cache[hour] {
      lastOffset = offset
      return seconds + offset
    }
    let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(hour * 3600)))
    if cache.count > 10_000 { cache.removeAll(keepingCapacity: true) }
    cache[hour] = offset
    lastOffset = offset
    return seconds + offset
  }
}

/// A module's hours of operation in their zone, with the answer for the local minute asked
/// last: hours open and close on the minute, and the clock moves forward, so most checks of
/// hours (one for each caller of a busy line) fall in the minute checked before.
struct OpenHours {
  let hours: Resources.Hours
  var offsets: ZoneOffsets
  private var lastMinute = Int.min
  private var lastOpen = false

  init(hours: Resources.Hours, offsets: ZoneOffsets) {
    self.hours = hours
    self.offsets = offsets
  }

  /// Whether the hours are open at `time` (UTC seconds).
  mutating func isOpen(at time: Int) -> Bool {
    let local = offsets.local(time)
    let minute = local >= 0 ? local / 60 : (local - 59) / 60
    if minute == lastMinute { return lastOpen }
    lastMinute = minute
    lastOpen = HostChecks.isOpen(hours, localSeconds: local)
    return lastOpen
  }
}
