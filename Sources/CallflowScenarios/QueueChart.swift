import CallflowSimulator
import CallflowSyntax
import CallflowSemantics
import CallflowVM

/// An SVG line chart of a simulation's queues over time: contacts in each queue as solid
/// lines, callbacks waiting as dashed lines of the same colour, days or hours along the
/// bottom, a legend, and a title that says what is drawn.
public enum QueueChart {
  public static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"]

  /// One line of the chart: a queue's contacts or callbacks, step by step, with the band of
  /// its confidence interval when it is a mean over replications.
  struct Line {
    var label: String
    var values: [Double]
    var band: (low: [Double], high: [Double])?
    var color: String
    var dashed: Bool
  }

  public static func svg(_ report: SimulationReport) -> String {
    // Lines: every queue that held contacts, and the callbacks of those that held callbacks.
    var lines: [Line] = []
    for (k, s) in report.series.enumerated() {
      let color = palette[k % palette.count]
      if s.contacts.contains(where: { $0 > 0 }) { lines.append(Line(label: "\(s.queue): contacts in queue", values: s.contacts.map(Double.init), color: color, dashed: false)) }
      if s.callbacks.contains(where: { $0 > 0 }) { lines.append(Line(label: "\(s.queue): callbacks waiting", values: s.callbacks.map(Double.init), color: color, dashed: true)) }
    }
    return svg(report, lines: lines, subtitle: "The most at any moment in each \(DurationSyntax.format(report.step)); times of day in \(report.timezone)")
  }

  /// The chart of replications: each line the mean over the runs of the most at any moment
  /// of each step, in a shaded band of its 95% confidence interval.
  public static func svg(_ replicated: ReplicatedReport) -> String {
    let report = replicated.first
    var lines: [Line] = []
    for (k, s) in report.series.enumerated() {
      let color = palette[k % palette.count]
      for (callbacks, label) in [(false, "contacts in queue"), (true, "callbacks waiting")] {
        let runs = replicated.runs.map { callbacks ? $0.series[k].callbacks : $0.series[k].contacts }
        guard runs.contains(where: { $0.contains { $0 > 0 } }) else { continue }
        let estimates = s.contacts.indices.map { step in Estimate(runs.map { Double($0[step]) }) ?? Estimate(mean: 0, halfWidth: 0, count: 0) }
        lines.append(
          Line(
            label: "\(s.queue): \(label)", values: estimates.map(\.mean), band: (estimates.map { max(0, $0.low) }, estimates.map(\.high)), color: color,
            dashed: callbacks))
      }
    }
    return svg(
      report, lines: lines,
      subtitle:
        "The mean of \(replicated.runs.count) replications of the most at any moment in each \(DurationSyntax.format(report.step)), shaded over its 95% confidence interval; times of day in \(report.timezone)"
    )
  }

  private static func svg(_ report: SimulationReport, lines: [Line], subtitle: String) -> String {
    let width = 960.0, left = 64.0, right = 24.0, top = 56.0
    // The legend's entries flow into rows under the plot.
    var legend: [(x: Double, row: Int)] = []
    var lx = left, row = 0
    for line in lines {
      let entry = 40 + Double(line.label.count) * 6.5
      if lx + entry > width - right, lx > left {
        row += 1
        lx = left
      }
      legend.append((lx, row))
      lx += entry
    }
    let rows = Double(legend.last.map { $0.row + 1 } ?? 1)
    let plotHeight = 328.0, bottom = 38 + 18 * rows
    let height = top + plotHeight + bottom
    let plotWidth = width - left - right
    let most = lines.flatMap { $0.band?.high ?? $0.values }.max() ?? 0
    let (yMax, yStep) = scale(Int(most.rounded(.up)))
    let span = Double(report.end - report.start)
    func x(_ t: Double) -> Double { left + plotWidth * t / max(span, 1) }
    func y(_ v: Double) -> Double { top + plotHeight * (1 - v / Double(yMax)) }
    func f(_ v: Double) -> String { String((v * 10).rounded() / 10) }

    var svg = """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="Helvetica, Arial, sans-serif" font-size="12">
      <title>\(escape("Queue sizes over time: \(report.model)"))</title>
      <rect width="100%" height="100%" fill="white"/>
      <text x="\(f(left))" y="24" font-size="16" font-weight="bold">\(escape("Contacts waiting in each queue: \(report.model)"))</text>
      <text x="\(f(left))" y="42" fill="#555">\(escape(subtitle))</text>

      """
    // Horizontal grid and the count axis.
    var v = 0
    while v <= yMax {
      let yy = y(Double(v))
      svg += "<line x1=\"\(f(left))\" y1=\"\(f(yy))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(yy))\" stroke=\"#e5e5e5\"/>\n"
      svg += "<text x=\"\(f(left - 8))\" y=\"\(f(yy + 4))\" text-anchor=\"end\">\(v)</text>\n"
      v += yStep
    }
    svg += "<text transform=\"translate(16 \(f(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\" fill=\"#555\">contacts</text>\n"
    // Time ticks, in the model's time zone: each midnight for runs over two days, else every
    // 3 hours.
    let tick = span > 2 * 86_400 ? 86_400 : 3 * 3600
    let localStart = report.start + report.utcOffset
    var t = report.start - ((localStart % tick) + tick) % tick
    if t < report.start { t += tick }
    while t <= report.end {
      let xx = x(Double(t - report.start))
      svg += "<line x1=\"\(f(xx))\" y1=\"\(f(top))\" x2=\"\(f(xx))\" y2=\"\(f(top + plotHeight))\" stroke=\"#f0f0f0\"/>\n"
      svg += "<text x=\"\(f(xx))\" y=\"\(f(top + plotHeight + 18))\" text-anchor=\"middle\">\(escape(tickLabel(t + report.utcOffset, daily: tick == 86_400)))</text>\n"
      t += tick
    }
    svg += "<line x1=\"\(f(left))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(top + plotHeight))\" stroke=\"#333\"/>\n"
    svg += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotHeight))\" stroke=\"#333\"/>\n"
    // The bands under the lines, as steps too.
    for line in lines {
      guard let band = line.band else { continue }
      var upper: [String] = []
      var lower: [String] = []
      for k in line.values.indices {
        let x0 = x(Double(k * report.step)), x1 = x(Double(min((k + 1) * report.step, Int(span))))
        upper += ["\(f(x0)),\(f(y(band.high[k])))", "\(f(x1)),\(f(y(band.high[k])))"]
        lower += ["\(f(x0)),\(f(y(band.low[k])))", "\(f(x1)),\(f(y(band.low[k])))"]
      }
      svg += "<polygon fill=\"\(line.color)\" fill-opacity=\"\(line.dashed ? "0.10" : "0.18")\" stroke=\"none\" points=\"\((upper + lower.reversed()).joined(separator: " "))\"><title>\(escape(line.label + ": 95% confidence interval"))</title></polygon>\n"
    }
    // The lines, as steps: each value holds for its whole step.
    for line in lines {
      var points: [String] = []
      for (k, value) in line.values.enumerated() {
        let x0 = x(Double(k * report.step)), x1 = x(Double(min((k + 1) * report.step, Int(span))))
        points.append("\(f(x0)),\(f(y(value)))")
        points.append("\(f(x1)),\(f(y(value)))")
      }
      svg += "<polyline fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"1.5\"\(line.dashed ? " stroke-dasharray=\"5 3\"" : "") points=\"\(points.joined(separator: " "))\"><title>\(escape(line.label))</title></polyline>\n"
    }
    // The legend, under the plot.
    for (line, place) in zip(lines, legend) {
      let (lx, ly) = (place.x, top + plotHeight + 44 + 18 * Double(place.row))
      svg += "<line x1=\"\(f(lx))\" y1=\"\(f(ly - 4))\" x2=\"\(f(lx + 24))\" y2=\"\(f(ly - 4))\" stroke=\"\(line.color)\" stroke-width=\"2\"\(line.dashed ? " stroke-dasharray=\"5 3\"" : "")/>\n"
      svg += "<text x=\"\(f(lx + 30))\" y=\"\(f(ly))\">\(escape(line.label))</text>\n"
    }
    if lines.isEmpty {
      svg += "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(top + plotHeight / 2))\" text-anchor=\"middle\" fill=\"#555\">No contact waited in any queue.</text>\n"
    }
    svg += "</svg>\n"
    return svg
  }

  /// A top for the count axis and a step between its lines: 1, 2 or 5 times a power of ten.
  public static func scale(_ most: Int) -> (top: Int, step: Int) {
    guard most > 0 else { return (1, 1) }
    var unit = 1
    while true {
      for m in [1, 2, 5] where most <= unit * m * 5 {
        let step = unit * m
        return ((most + step - 1) / step * step, step)
      }
      unit *= 10
    }
  }

  /// The label of a tick at local time `t` (seconds as if the zone were UTC).
  public static func tickLabel(_ t: Int, daily: Bool) -> String {
    if daily {
      let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
      let iso = Clock.iso(t)
      let start = iso.index(iso.startIndex, offsetBy: 5)
      return names[HostChecks.day(ofLocalSeconds: t).weekday] + " " + String(iso[start..<iso.index(start, offsetBy: 5)])
    }
    return Clock.timeOfDay(t)
  }

  public static func escape(_ text: String) -> String {
    var out = ""
    for c in text {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(c)
      }
    }
    return out
  }
}
