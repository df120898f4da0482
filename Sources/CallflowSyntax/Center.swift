import CallflowDiagnostics

/// The contact center's resources, from `center.yaml`.
public struct Center: Sendable {
  public var file: FileID
  public var name: Located<String>?
  public var queues: [Queue] = []
  public var routingProfiles: [RoutingProfile] = []
  public var phoneNumbers: [PhoneNumberEntry] = []
  public var hours: [Hours] = []
  public var prompts: [Prompt] = []
  public var profiles: [CustomerProfile] = []
  public var agents: [Agent] = []
  /// The file's comments, for suppressions.
  public var comments: [Comment] = []

  public init(file: FileID, name: Located<String>? = nil) {
    self.file = file
    self.name = name
  }

  /// The ARNs of resources of `kind` that `center.yaml` gives, with their names.
  public func arns(of kind: ResourceKind) -> [(arn: String, name: String)] {
    switch kind {
    case .queue: queues.compactMap { q in q.arn.map { ($0.value, q.name.value) } }
    case .prompt: prompts.compactMap { p in p.arn.map { ($0.value, p.name.value) } }
    case .hours: hours.compactMap { h in h.arn.map { ($0.value, h.name.value) } }
    case .routingProfile, .flow: []
    }
  }

  /// The names of resources of `kind`, for lookups and suggestions.
  public func names(of kind: ResourceKind) -> [Located<String>] {
    switch kind {
    case .queue: queues.map(\.name)
    case .prompt: prompts.map(\.name)
    case .hours: hours.map(\.name)
    case .routingProfile: routingProfiles.map(\.name)
    case .flow: []
    }
  }

  public struct CallerID: Sendable {
    public var name: Located<String>?
    public var number: Located<String>?
    public var span: SourceSpan
    public init(name: Located<String>?, number: Located<String>?, span: SourceSpan) {
      self.name = name
      self.number = number
      self.span = span
    }
  }

  public struct Queue: Sendable {
    public var name: Located<String>
    public var capacity: Located<Int>?
    public var callerID: CallerID?
    public var hours: Located<String>?
    /// The queue's ARN in Amazon Connect, when the project is deployed there.
    public var arn: Located<String>?
    public init(name: Located<String>, capacity: Located<Int>? = nil, callerID: CallerID? = nil, hours: Located<String>? = nil) {
      self.name = name
      self.capacity = capacity
      self.callerID = callerID
      self.hours = hours
    }
  }

  public struct RoutingProfile: Sendable {
    public struct Entry: Sendable {
      public var queue: Located<String>
      public var priority: Located<Int>?
      /// Seconds a contact waits in this queue before the profile's agents get it.
      public var delay: Located<Int>?
      public var span: SourceSpan
      public init(queue: Located<String>, priority: Located<Int>?, delay: Located<Int>?, span: SourceSpan) {
        self.queue = queue
        self.priority = priority
        self.delay = delay
        self.span = span
      }
    }
    public var name: Located<String>
    public var entries: [Entry]
    public init(name: Located<String>, entries: [Entry]) {
      self.name = name
      self.entries = entries
    }
  }

  public struct PhoneNumberEntry: Sendable {
    public var number: Located<String>
    public var flow: Located<String>
    public init(number: Located<String>, flow: Located<String>) {
      self.number = number
      self.flow = flow
    }
  }

  public struct Hours: Sendable {
    /// One day range and its opening times: `mon-fri: "08:00-18:00"`.
    public struct Rule: Sendable {
      /// The days, 0 = Monday … 6 = Sunday.
      public var days: [Int]
      /// Opening intervals in minutes after midnight, start inclusive, end exclusive.
      public var intervals: [ClosedRange<Int>]
      public var span: SourceSpan
      public init(days: [Int], intervals: [ClosedRange<Int>], span: SourceSpan) {
        self.days = days
        self.intervals = intervals
        self.span = span
      }
    }
    public var name: Located<String>
    public var timezone: Located<String>?
    public var rules: [Rule]
    /// The hours' ARN in Amazon Connect.
    public var arn: Located<String>?
    public init(name: Located<String>, timezone: Located<String>?, rules: [Rule]) {
      self.name = name
      self.timezone = timezone
      self.rules = rules
    }
  }

  public struct Prompt: Sendable {
    public var name: Located<String>
    public var text: Located<String>
    /// The prompt's ARN in Amazon Connect.
    public var arn: Located<String>?
    public init(name: Located<String>, text: Located<String>) {
      self.name = name
      self.text = text
    }
  }

  public struct CustomerProfile: Sendable {
    public var fields: [(name: String, value: Located<String>)]
    public var span: SourceSpan
    public init(fields: [(name: String, value: Located<String>)], span: SourceSpan) {
      self.fields = fields
      self.span = span
    }
  }

  public struct Agent: Sendable {
    public var name: Located<String>
    public var routingProfile: Located<String>?
    public var span: SourceSpan
    public init(name: Located<String>, routingProfile: Located<String>?, span: SourceSpan) {
      self.name = name
      self.routingProfile = routingProfile
      self.span = span
    }
  }
}
