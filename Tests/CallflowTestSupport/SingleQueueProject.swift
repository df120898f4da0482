/// The files of a project with one queue, for comparisons with queueing theory: calls arrive
/// at a constant rate around the clock for three days and go straight to the queue, where a
/// group of agents who work around the clock (`agents`) takes them for an exponential handle
/// time (and after-contact work, when given). `erlang.model.yaml` is the load model.
public func singleQueueProject(
  perHour: Double, agents: Int, handleMinutes: Int, serviceLevel: String = "20s", patience: String? = nil, afterContactWork: String? = nil
) -> [String: String] {
  let flow = """
    flow: main
    type: inbound
    start: queue
    blocks:
      queue:
        transfer-to-queue: Support
        on: {at-capacity: bye, error: bye}
      bye:
        disconnect: {}

    """
  let model = """
    model: one queue at \(perHour) calls an hour
    start: 2026-01-05T00:00:00Z
    days: 3
    seed: 1
    service-level: \(serviceLevel)
    arrivals:
      - {to: "+18005550199", per-hour: {"00:00-24:00": \(perHour)}}
    \(patience.map { "callers: {patience: \($0)}" } ?? "")
    agents:
      - {name: agents, routing-profile: Tier1, count: \(agents), shift: "00:00-24:00", handle-time: \(handleMinutes)m\(afterContactWork.map { ", after-contact-work: \($0)" } ?? "")}

    """
  return ["center.yaml": testCenter(capacity: 100_000), "main.flow.yaml": flow, "erlang.model.yaml": model]
}
