import CallflowSyntax
import CallflowVM
import Testing

@Suite struct HostArgumentsTests {
  /// A block's arguments behave as a dictionary by parameter: one value a key, set again to
  /// replace, set to nil to remove, equal whatever their order.
  @Test func argumentsAreLookedUpReplacedAndComparedByKey() {
    var arguments: HostArguments = [.prompt: .text("Press 1"), .timeout: .duration(5)]
    #expect(arguments[.prompt] == .text("Press 1") && arguments[.options] == nil)
    arguments[.timeout] = .duration(8)
    arguments[.options] = .list(["1", "2"])
    #expect(arguments.keys == [.prompt, .timeout, .options])
    #expect(arguments == [.options: .list(["1", "2"]), .timeout: .duration(8), .prompt: .text("Press 1")])
    arguments[.prompt] = nil
    #expect(arguments.keys == [.timeout, .options])
    #expect(arguments != [.timeout: .duration(8)])
    let twice: HostArguments = [.prompt: .text("a"), .prompt: .text("b")]
    #expect(twice.keys == [.prompt] && twice[.prompt] == .text("b"))
  }

  /// An argument's text, read in place, is its value's text whatever its kind; a key not
  /// given and an unset attribute have none.
  @Test func textIsTheValuesText() {
    let values: [ArgumentValue] = [.text("Support"), .integer(3), .duration(90), .list(["1", "2"]), .unset("$.Attributes.q")]
    let keys: [ParameterKey] = [.queue, .priority, .timeout, .options, .value]
    var arguments: HostArguments = [:]
    for (key, value) in zip(keys, values) { arguments[key] = value }
    for (key, value) in zip(keys, values) { #expect(arguments.text(key) == value.text) }
    #expect(arguments.text(.queue) == "Support" && arguments.text(.priority) == "3" && arguments.text(.options) == "1, 2")
    #expect(arguments.text(.value) == nil && arguments.text(.prompt) == nil)
    let call = HostCall(kind: .transferToQueue, arguments: arguments, outcomes: [.next], flow: "f", block: "b", line: 1)
    #expect(call?.text(.timeout) == "90")
  }

  /// A list argument holds the items it was given, read in place; any other kind of value,
  /// and a key not given, hold none.
  @Test func aListHoldsItsItems() {
    let arguments: HostArguments = [.options: .list(["1", "2", "10"]), .prompt: .text("1"), .timeout: .duration(1)]
    #expect(arguments.list(.options, contains: "1") && arguments.list(.options, contains: "10"))
    #expect(!arguments.list(.options, contains: "3") && !arguments.list(.options, contains: "1, 2"))
    #expect(!arguments.list(.prompt, contains: "1") && !arguments.list(.timeout, contains: "1") && !arguments.list(.intents, contains: "1"))
    let call = HostCall(kind: .getInput, arguments: arguments, outcomes: [.next], flow: "f", block: "b", line: 1)
    #expect(call?.list(.options, contains: "2") == true && call?.list(.options, contains: "") == false)
  }

  /// Keys are equal by name alone: names of one length that differ are told apart, a name
  /// built at run time equals the catalog's, and a record's field is given by its record.
  @Test func keysCompareByNameAndRecordsGiveTheirFields() {
    #expect(ParameterKey("prompt") != ParameterKey("format"))
    #expect(ParameterKey("callback.expiry") != ParameterKey("callback.expirz"))
    // The same length and the same first, middle and last bytes: told apart by their names.
    #expect(ParameterKey("qzeze") != ParameterKey.queue)
    #expect(ParameterKey("") == ParameterKey(String()) && ParameterKey("") != ParameterKey("a"))
    #expect(ParameterKey(["callback", "max-retries"].joined(separator: ".")) == ParameterKey.callback.field(.maxRetries))
    #expect(Set([ParameterKey(String("queue".reversed().reversed())), .queue]).count == 1)
    let arguments: HostArguments = [ParameterKey.callback.field(.maxRetries): .integer(2), .queue: .text("Support")]
    #expect(arguments.containsKey { $0 == .queue } && !arguments.containsKey { $0 == .prompt })
    let call = HostCall(kind: .transferToQueue, arguments: arguments, outcomes: [.next], flow: "f", block: "b", line: 1)
    #expect(call?.gives(.callback) == true && call?.gives(.queue) == true)
    let near = HostCall(kind: .transferToQueue, arguments: [ParameterKey("callbacks"): .integer(1), ParameterKey("call"): .integer(1)], outcomes: [.next], flow: "f", block: "b", line: 1)
    #expect(near?.gives(.callback) == false)
  }
}
