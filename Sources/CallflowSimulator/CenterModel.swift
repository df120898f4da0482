import CallflowBytecode
import CallflowSyntax

/// The contact center the simulator runs: queues with their capacity and caller ID, routing
/// profiles, the phone numbers that start flows, and the agents `center.yaml` lists. Queues
/// and numbers come from the compiled module; routing profiles and agents from `center.yaml`,
/// which the module does not carry.
public struct CenterModel: Sendable {
  public struct Queue: Sendable {
    public var name: String
    /// The most contacts, callbacks included, the queue holds at once.
    public var capacity: Int?
    /// The outbound caller ID: the number a callback's customer sees.
    public var callerNumber: String?
    /// The queue's hours (`hours` of `center.yaml`), if it keeps any.
    public var hours: String?
  }

  /// One queue of a routing profile.
  public struct Entry: Sendable {
    public var queue: Int
    /// 1 is served first.
    public var priority: Int
    /// Seconds a contact waits in the queue before this profile's agents may take it.
    public var delay: Int
    public init(queue: Int, priority: Int, delay: Int) {
      self.queue = queue
      self.priority = priority
      self.delay = delay
    }
  }

  public struct RoutingProfile: Sendable {
    public var name: String
    public var entries: [Entry]
    public init(name: String, entries: [Entry]) {
      self.name = name
      self.entries = entries
    }
  }

  public var queues: [Queue] = []
  public var routingProfiles: [RoutingProfile] = []
  /// The flow each phone number starts.
  public var flowOfNumber: [String: String] = [:]
  /// The agents `center.yaml` lists: name and routing profile index.
  public var agents: [(name: String, profile: Int)] = []

  var queueIndex: [String: Int] = [:]
  var profileIndex: [String: Int] = [:]
  /// For each queue, the routing profiles that serve it.
  var profilesOfQueue: [[Int]] = []

  /// The model of `module`'s resources and `center`'s routing profiles and agents.
  public init(module: Module, center: Center?) {
    for queue in module.resources.queues {
      guard let name = module.text(queue.name) else { continue }
      queueIndex[name] = queues.count
      queues.append(
        Queue(name: name, capacity: queue.capacity, callerNumber: queue.callerNumber.flatMap { module.text($0) }, hours: queue.hours.flatMap { module.text($0) }))
    }
    for number in module.resources.phoneNumbers {
      if let n = module.text(number.number), let flow = module.text(number.flow) { flowOfNumber[n] = flow }
    }
    for profile in center?.routingProfiles ?? [] {
      let entries = profile.entries.compactMap { entry -> Entry? in
        guard let queue = queueIndex[entry.queue.value] else { return nil }
        return Entry(queue: queue, priority: entry.priority?.value ?? 1, delay: entry.delay?.value ?? 0)
      }
      profileIndex[profile.name.value] = routingProfiles.count
      routingProfiles.append(RoutingProfile(name: profile.name.value, entries: entries.sorted { $0.priority < $1.priority }))
    }
    for agent in center?.agents ?? [] {
      if let name = agent.routingProfile?.value, let profile = profileIndex[name] { agents.append((agent.name.value, profile)) }
    }
    indexProfiles()
  }

  /// The model of `module`'s resources with `routingProfiles` given directly (a host that has
  /// no `center.yaml`, or a test).
  public init(module: Module, routingProfiles: [RoutingProfile]) {
    self.init(module: module, center: nil)
    self.routingProfiles = routingProfiles.map { RoutingProfile(name: $0.name, entries: $0.entries.sorted { $0.priority < $1.priority }) }
    for (i, profile) in routingProfiles.enumerated() { profileIndex[profile.name] = i }
    indexProfiles()
  }

  private mutating func indexProfiles() {
    profilesOfQueue = Array(repeating: [], count: queues.count)
    for (p, profile) in routingProfiles.enumerated() {
      for entry in profile.entries where !profilesOfQueue[entry.queue].contains(p) { profilesOfQueue[entry.queue].append(p) }
    }
  }

  /// The index of the queue named `name`.
  public func queue(named name: String) -> Int? { queueIndex[name] }

  /// The index of the routing profile named `name`.
  public func routingProfile(named name: String) -> Int? { profileIndex[name] }
}
