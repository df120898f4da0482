/// The contact center's resources a module carries, from `center.yaml`: what the VM and its
/// hosts need to run the flows without the sources (queues and their caller IDs, hours of
/// operation, prompts, the phone numbers that start flows, customer profiles). Names and
/// texts are constants of the module.
public struct Resources: Equatable, Sendable {
  public struct Queue: Equatable, Sendable {
    /// A `queue` constant.
    public var name: Int
    public var capacity: Int?
    /// `text` constants.
    public var callerName: Int?
    /// A `phone` constant.
    public var callerNumber: Int?
    /// An `hours` constant.
    public var hours: Int?
    public init(name: Int, capacity: Int? = nil, callerName: Int? = nil, callerNumber: Int? = nil, hours: Int? = nil) {
      self.name = name
      self.capacity = capacity
      self.callerName = callerName
      self.callerNumber = callerNumber
      self.hours = hours
    }
  }

  public struct Hours: Equatable, Sendable {
    /// One rule: the days it covers (bit 0 Monday … bit 6 Sunday) and its opening times,
    /// in minutes after midnight, start included, end excluded.
    public struct Rule: Equatable, Sendable {
      public var days: UInt8
      public var intervals: [Range<Int>]
      public init(days: UInt8, intervals: [Range<Int>]) {
        self.days = days
        self.intervals = intervals
      }
    }
    /// An `hours` constant.
    public var name: Int
    /// A `text` constant: the IANA time zone.
    public var timezone: Int?
    public var rules: [Rule]
    public init(name: Int, timezone: Int?, rules: [Rule]) {
      self.name = name
      self.timezone = timezone
      self.rules = rules
    }
  }

  /// A `prompt` constant and its `text` constant.
  public var prompts: [(name: Int, text: Int)] = []
  public var queues: [Queue] = []
  public var hours: [Hours] = []
  /// A `phone` constant and the `flow` constant of the flow it starts.
  public var phoneNumbers: [(number: Int, flow: Int)] = []
  /// Each profile's fields: `name` and `text` constants.
  public var profiles: [[(name: Int, value: Int)]] = []

  public init() {}

  public static func == (a: Resources, b: Resources) -> Bool {
    a.queues == b.queues && a.hours == b.hours
      && a.prompts.elementsEqual(b.prompts) { $0 == $1 }
      && a.phoneNumbers.elementsEqual(b.phoneNumbers) { $0 == $1 }
      && a.profiles.elementsEqual(b.profiles) { x, y in x.elementsEqual(y) { $0 == $1 } }
  }
}
