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
}
