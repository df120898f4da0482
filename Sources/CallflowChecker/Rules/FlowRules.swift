import CallflowDiagnostics
import CallflowSyntax

/// The rules that run on one flow's graph once its blocks are typed: definite assignment,
/// callback numbers, working queues, the callback typestate, queue polling and callback
/// settings; and the facts the project rules need.
enum FlowRules {
  static func run(_ context: FlowContext, _ bag: inout DiagnosticBag, _ summary: inout CheckedFlow.Summary) {
    AttributeRule(context: context).run(&bag, &summary)
    CallbackNumberRules(context: context).run(&bag, &summary)
    WorkingQueueRule(context: context).run(&bag, &summary)
    TypestateRule(context: context).run(&bag)
    QueuePollRule(context: context).run(&bag)
    CallbackSettingsRules(context: context).run(&bag, &summary)
    FlowFacts(context: context).run(&summary)
  }
}
