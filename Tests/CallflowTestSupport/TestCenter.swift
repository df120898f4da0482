/// The smallest `center.yaml` a flow test needs: one queue `Support` with a caller ID, the
/// routing profile `Tier1` serving it, and one number that starts the flow `flow`.
public func testCenter(flow: String = "main", capacity: Int = 5) -> String {
  """
  center: t
  queues:
    Support: {capacity: \(capacity), caller-id: {name: Acme, number: "+18005550199"}}
  routing-profiles:
    Tier1: {queues: [{queue: Support, priority: 1}]}
  phone-numbers:
    "+18005550199": \(flow)

  """
}
