/// A project whose customer-queue flow, `bounce`, puts the caller straight back in the queue
/// it waits in, and a scenario that calls it: the loop `flow-transfer-loop` reports, and the
/// simulator stops (a finding of the module fuzz target, once a stack overflow).
public let requeueLoopProject: [String: String] = [
  "center.yaml": """
    center: t
    queues:
      Support: {capacity: 10, caller-id: {name: Acme, number: "+18005550199"}}
    routing-profiles:
      Tier1: {queues: [{queue: Support, priority: 1}]}
    phone-numbers:
      "+18005550199": main

    """,
  "main.flow.yaml": """
    flow: main
    type: inbound
    start: set-flow
    on-error: bye
    blocks:
      set-flow:
        set-customer-queue-flow: bounce
        next: queue
      queue:
        transfer-to-queue: Support
        on: {at-capacity: bye, error: bye}
      bye:
        disconnect: {}

    """,
  "bounce.flow.yaml": """
    flow: bounce
    type: customer-queue
    start: again
    on-error: done
    blocks:
      again:
        transfer-to-queue: Support
        on: {at-capacity: done}
      done:
        end-flow: {}

    """,
  "bounce.test.yaml": """
    scenario: a queue flow that only puts the caller back in the queue
    start: 2026-01-05T15:00:00Z
    agents: []
    contacts:
      - {id: ann, at: "15:00", from: "+14255550100", to: "+18005550199"}
    expect:
      - {contact: ann, disconnect-reason: FLOW_ERROR}

    """,
]
