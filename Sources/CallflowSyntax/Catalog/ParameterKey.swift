/// The name of a block parameter, typed: the catalog, the hosts and the VM name parameters by
/// these constants, so a misspelt key does not compile. A field of a record parameter is
/// named by ``field(_:)``: `callback.max-retries`.
public struct ParameterKey: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The name as written in flows and stored in modules.
  public let name: String
  /// The name's length and three of its bytes (first, middle, last), packed when the key is
  /// made: keys that differ there, nearly all keys that differ, are told apart without
  /// reading their strings.
  private let tag: UInt64

  /// The key named `name`: for names read from a module or a flow file, which the verifier
  /// or the checker compares with the catalog's.
  public init(_ name: String) {
    self.name = name
    let utf8 = name.utf8
    let count = utf8.count
    let middle = count > 0 ? utf8[utf8.index(utf8.startIndex, offsetBy: count / 2)] : 0
    tag = UInt64(truncatingIfNeeded: count) | UInt64(utf8.first ?? 0) << 32 | UInt64(middle) << 40 | UInt64(utf8.last ?? 0) << 48
  }

  /// The key of field `field` of this record parameter (`callback.max-retries`).
  public func field(_ field: ParameterKey) -> ParameterKey { ParameterKey(name + "." + field.name) }

  public var description: String { name }

  public static func < (a: ParameterKey, b: ParameterKey) -> Bool { a.name < b.name }

  // Hosts look arguments up by key on every call: keys with different tags (most mismatches)
  // are told apart without reading their names.
  public static func == (a: ParameterKey, b: ParameterKey) -> Bool {
    a.tag == b.tag && a.name == b.name
  }

  // By the name alone, as equal keys have equal names (the tag follows from the name).
  public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

// Every parameter name of the catalog.
extension ParameterKey {
  public static let actions = ParameterKey("actions")
  public static let agent = ParameterKey("agent")
  public static let ageAdjustment = ParameterKey("age-adjustment")
  public static let agentMedia = ParameterKey("agent-media")
  public static let analytics = ParameterKey("analytics")
  public static let ani = ParameterKey("ani")
  public static let arguments = ParameterKey("arguments")
  public static let attribute = ParameterKey("attribute")
  public static let bot = ParameterKey("bot")
  public static let callback = ParameterKey("callback")
  public static let channel = ParameterKey("channel")
  public static let conditions = ParameterKey("conditions")
  public static let count = ParameterKey("count")
  public static let country = ParameterKey("country")
  public static let creationFlow = ParameterKey("creation-flow")
  public static let data = ParameterKey("data")
  public static let dialMode = ParameterKey("dial-mode")
  public static let dtmf = ParameterKey("dtmf")
  public static let duration = ParameterKey("duration")
  public static let engine = ParameterKey("engine")
  public static let event = ParameterKey("event")
  public static let expiry = ParameterKey("expiry")
  public static let fields = ParameterKey("fields")
  public static let flow = ParameterKey("flow")
  public static let format = ParameterKey("format")
  public static let function = ParameterKey("function")
  public static let hours = ParameterKey("hours")
  public static let initialDelay = ParameterKey("initial-delay")
  public static let intents = ParameterKey("intents")
  public static let interrupt = ParameterKey("interrupt")
  public static let key = ParameterKey("key")
  public static let kind = ParameterKey("kind")
  public static let logging = ParameterKey("logging")
  public static let maxDigits = ParameterKey("max-digits")
  public static let maxRetries = ParameterKey("max-retries")
  public static let messages = ParameterKey("messages")
  public static let module = ParameterKey("module")
  public static let name = ParameterKey("name")
  public static let number = ParameterKey("number")
  public static let options = ParameterKey("options")
  public static let outboundFlow = ParameterKey("outbound-flow")
  public static let parameters = ParameterKey("parameters")
  public static let participants = ParameterKey("participants")
  public static let priority = ParameterKey("priority")
  public static let prompt = ParameterKey("prompt")
  public static let queue = ParameterKey("queue")
  public static let response = ParameterKey("response")
  public static let retryInterval = ParameterKey("retry-interval")
  public static let role = ParameterKey("role")
  public static let session = ParameterKey("session")
  public static let ssml = ParameterKey("ssml")
  public static let state = ParameterKey("state")
  public static let status = ParameterKey("status")
  public static let stream = ParameterKey("stream")
  public static let style = ParameterKey("style")
  public static let text = ParameterKey("text")
  public static let timeout = ParameterKey("timeout")
  public static let to = ParameterKey("to")
  public static let type = ParameterKey("type")
  public static let value = ParameterKey("value")
  public static let version = ParameterKey("version")
  public static let view = ParameterKey("view")
  public static let voice = ParameterKey("voice")
  public static let workingQueue = ParameterKey("working-queue")
}
