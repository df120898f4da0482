import CallflowDiagnostics
import Testing

@testable import CallflowSyntax

@Suite struct FlowSyntaxTests {
  private let span = SourceSpan(file: FileID(0), at: SourceLocation(line: 1, column: 1))

  private func block(_ id: String) -> BlockSyntax {
    BlockSyntax(
      id: Located(id, at: span), kind: Located("disconnect", at: span), body: SyntaxValue(.null, at: span), next: nil, branches: [],
      span: span)
  }

  /// A flow shares its parts with its copies until one is changed: the change is the copy's
  /// alone, at every depth, whichever of the two is changed.
  @Test func aChangedCopyLeavesTheOriginalAsItWas() {
    var original = FlowSyntax(file: FileID(3), name: Located("main", at: span), hasBlocks: true, blocks: [block("a")], span: span)
    var copy = original
    copy.name = Located("other", at: span)
    copy.blocks.append(block("b"))
    copy.blocks[0].comments.append(Comment(" note", at: span))
    copy.trailingComments.append(Comment(" end", at: span))
    copy.isPartial = true
    copy.file = FileID(4)
    #expect(original.name?.value == "main" && copy.name?.value == "other")
    #expect(original.blocks.map(\.id.value) == ["a"] && copy.blocks.map(\.id.value) == ["a", "b"])
    #expect(original.blocks[0].comments.isEmpty && copy.blocks[0].comments.map(\.text) == [" note"])
    #expect(original.trailingComments.isEmpty && !original.isPartial && original.file == FileID(3))

    let kept = original
    original.notation = .dsl
    original.blocks.removeAll()
    #expect(kept.notation == .yaml && kept.blocks.count == 1)
    #expect(original.notation == .dsl && original.blocks.isEmpty)
  }
}
