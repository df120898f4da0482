import ArgumentParser
import CallflowDiagnostics
import CallflowDriver
import CallflowScenarios
import CallflowSyntax
import Foundation

struct Simulate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Simulate a project under a load model and report service level, abandonment and callbacks.",
    discussion: """
      The model (a *.model.yaml file, Docs/SIMULATOR.md) says when calls arrive, what callers \
      choose, how they answer callbacks, how long they wait, and which agents work when. The \
      project is compiled and every contact runs its flows in the VM on a virtual clock. The \
      same model and seed give the same report. On a terminal a progress bar shows how far \
      the simulated period has got. Every mistake of the model is reported at its place before \
      anything runs (exit status 2): unknown keys, bad values, numbers no flow answers, routing \
      profiles the center lacks, and choices for blocks or keys the flows do not have. \
      With --replications N the model runs N times, each with its own seed (the first is the \
      model's), on all cores, and each figure is reported as the mean of the runs with its 95% \
      confidence interval; the same model and N give the same report on any machine.
      """
  )

  @OptionGroup var input: LoadModelArguments

  @Option(name: .long, help: "Run the model this many times with different seeds and report means with 95% confidence intervals (1 to 1000).")
  var replications: Int = 1

  @Option(name: .long, help: "Also draw queue sizes and callbacks waiting over time to this SVG file.")
  var chart: String?

  @Flag(name: .long, help: "Write the chart over an existing file of another kind (a flow, a center.yaml).")
  var force = false

  @OptionGroup var checking: CheckingOptions

  func validate() throws {
    guard (1...1000).contains(replications) else { throw ValidationError("--replications must be from 1 to 1000, not \(replications)") }
  }

  func run() throws {
    let started = Date()
    let showProgress = isatty(STDERR_FILENO) == 1
    var shown = -1
    if let chart {
      do { try OutputFile.check(chart, for: .svg, force: force) } catch {
        Terminal.error("\(error)")
        throw ExitCode(2)
      }
    }
    let options = checking.checkOptions()
    let progress = { (fraction: Double) in
      guard showProgress else { return }
      let percent = Int(fraction * 100)
      guard percent != shown else { return }
      shown = percent
      let filled = percent * 30 / 100
      Terminal.standardError("\rsimulating [" + String(repeating: "#", count: filled) + String(repeating: " ", count: 30 - filled) + "] \(percent)%")
    }
    // One run, or replications: the same failures, and a report of either kind.
    let result: Result<(text: (Double) -> String, json: () -> String, svg: () -> String), SimulateRun.Failure>
    if replications == 1 {
      result = SimulateRun.run(path: input.path, modelPath: input.model, options: options, progress: progress).map { report in
        ({ report.text(elapsed: $0) }, { report.json().printed() }, { QueueChart.svg(report) })
      }
    } else {
      result = SimulateRun.replicate(path: input.path, modelPath: input.model, replications: replications, options: options, progress: progress).map { report in
        ({ report.text(elapsed: $0) }, { report.json().printed() }, { QueueChart.svg(report) })
      }
    }
    if showProgress, shown >= 0 { Terminal.standardError("\r\u{1B}[K") }
    switch result {
    case .failure(let failure):
      throw failure.report(colors: checking.wantsColor(fd: STDERR_FILENO))
    case .success(let report):
      if let chart {
        do {
          try Conversion.writeAtomically(report.svg(), to: chart)
        } catch {
          Terminal.error("\(error)")
          throw ExitCode(2)
        }
      }
      switch input.format {
      case .text: Terminal.standardOutput(report.text(Date().timeIntervalSince(started)))
      case .json: Terminal.standardOutput(report.json() + "\n")
      }
    }
  }
}
