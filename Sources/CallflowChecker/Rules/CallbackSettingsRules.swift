import CallflowDiagnostics
import CallflowSyntax

/// The rules on the settings of each callback `transfer-to-queue` queues:
/// `callback-retries-range` and `callback-interval-range` (the warnings; values outside what
/// the platform takes are reported while typing), `customer-first-retries`,
/// `customer-first-outbound-flow` (no outbound flow), `callback-setting-ignored` and
/// `callback-retries-outlast-expiry`.
struct CallbackSettingsRules {
  let context: FlowContext

  /// The most retries before the manual's warning applies.
  static let retriesWarningAbove = 5
  /// The shortest retry interval the manual recommends.
  static let shortestRetryInterval = 60
  /// How long an unworked callback stays queued when `expiry` is not given.
  static let defaultExpiry = 7 * 86_400

  func run(_ bag: inout DiagnosticBag, _ summary: inout CheckedFlow.Summary) {
    for b in context.callbacks.keys.sorted() {
      guard let callback = context.callback(b) else { continue }
      if let flow = callback.creationFlow { summary.creationFlows.append(flow) }
      if let flow = callback.outboundFlow { summary.outboundFlows.append(flow) }
      if callback.customerFirst { customerFirst(callback, &bag) } else { agentFirst(callback, &bag) }
    }
  }

  private func customerFirst(_ callback: CallbackSettings, _ bag: inout DiagnosticBag) {
    guard let mode = callback.dialMode else { return }
    for name in ["max-retries", "retry-interval"] {
      guard let span = callback.nameSpan(name) else { continue }
      bag.report(
        .customerFirstRetries, "`\(name)` has no effect on a customer-first callback", at: span,
        notes: [
          Note("the callback is customer-first here", at: mode.span),
          Note("a customer-first callback dials once; build retries and the time between them into its outbound flow"),
        ])
    }
    if callback.outboundFlow == nil {
      bag.report(
        .customerFirstOutboundFlow, "a customer-first callback needs an `outbound-flow`", at: mode.span,
        notes: [
          Note("the platform runs the outbound flow when it dials the customer: `check-call-progress` tells a person from a voicemail, then `transfer-to-queue` finds an agent")
        ])
    }
  }

  private func agentFirst(_ callback: CallbackSettings, _ bag: inout DiagnosticBag) {
    if let retries = callback.maxRetries, retries.value > Self.retriesWarningAbove {
      bag.append(
        Diagnostic(
          .callbackRetriesRange,
          "`max-retries` of \(retries.value) means up to \(UInt(retries.value) + 1) calls to the customer",
          at: retries.span,
          notes: [
            Note("a high number set by accident, such as 20, means needless agent work and too many calls; 2 (three calls) is usual"),
            Note("retries happen only when the call rings with no answer; a voicemail counts as connected"),
          ], severity: .warning))
    }
    if let interval = callback.retryInterval, interval.value < Self.shortestRetryInterval {
      bag.append(
        Diagnostic(
          .callbackIntervalRange, "retry-interval of \(DurationSyntax.format(interval.value)) is under the 1 minute minimum",
          at: interval.span, notes: [Note("a customer who missed the call needs time to get to the phone; 10m is usual")],
          severity: .warning))
    }
    if let flow = callback.outboundFlow {
      let mode = callback.dialMode
      bag.report(
        .callbackSettingIgnored, "`outbound-flow` is ignored: this callback is agent-first", at: callback.nameSpan("outbound-flow") ?? flow.span,
        notes: [
          Note(mode == nil ? "`dial-mode` defaults to `agent-first`" : "the dial mode is set here", at: mode?.span),
          Note("only a customer-first callback runs an outbound flow; add `dial-mode: customer-first` or remove `outbound-flow`"),
        ])
    }
    outlast(callback, &bag)
  }

  /// The first call after `initial-delay`, then each retry at least `retry-interval` later:
  /// when the last can only start after the expiry, the retries promised never happen.
  private func outlast(_ callback: CallbackSettings, _ bag: inout DiagnosticBag) {
    guard let retries = callback.maxRetries, retries.value > 0, let interval = callback.retryInterval else { return }
    let delay = callback.initialDelay?.value ?? 0
    let expiry = callback.expiry?.value ?? Self.defaultExpiry
    let (spread, overflow) = retries.value.multipliedReportingOverflow(by: interval.value)
    let (last, overflow2) = delay.addingReportingOverflow(spread)
    guard overflow || overflow2 || last > expiry else { return }
    let fitting = max(0, (expiry - delay) / interval.value)
    var notes = [
      Note(
        "the last retry starts \(overflow || overflow2 ? "too late to count" : DurationSyntax.format(last)) after the request at the earliest; only \(fitting) of \(retries.value) retries fit"
      )
    ]
    notes.append(Note(callback.expiry == nil ? "an unworked callback is deleted after 7 days" : "the callback expires here", at: callback.expiry?.span))
    bag.report(
      .callbackRetriesOutlastExpiry,
      "\(retries.value) retries \(DurationSyntax.format(interval.value)) apart run past the callback's expiry of \(DurationSyntax.format(expiry))",
      at: retries.span, notes: notes)
  }
}
