"""Symbols, hover, go to definition and formatting through the protocol."""

from lsprotocol import types

from test_diagnostics import open_document


def position_of(text, needle, offset=0):
    for line, content in enumerate(text.splitlines()):
        column = content.find(needle)
        if column >= 0:
            return types.Position(line=line, character=column + offset)
    raise AssertionError(f"{needle!r} is not in the text")


async def test_document_symbols_are_the_flow_and_its_blocks(client, project):
    path = project / "flows" / "callback-queue.flow"
    uri = open_document(client, path)
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert [(s.name, s.detail, s.kind) for s in symbols] == [("callback-queue", "customer-queue", types.SymbolKind.Module)]
    assert [(b.name, b.detail) for b in symbols[0].children] == [
        ("read-metrics", "get-queue-metrics"),
        ("check-position", "check-attribute"),
        ("wait-a-while", "wait"),
        ("text-customer", "send-message"),
        ("remember", "set-attributes"),
        ("done", "end-flow"),
    ]


async def test_hover_on_a_block_kind_shows_its_reference(client, project):
    path = project / "flows" / "callback-queue.flow"
    text = path.read_text()
    uri = open_document(client, path)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position_of(text, "wait(5m)", 1))
    )
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert hover.contents.value.startswith("### wait\n\nWaits (the caller hears the queue's music).")


async def test_hover_on_a_queue_name_summarises_the_queue(client, project):
    path = project / "flows" / "callback-queue.flow"
    text = path.read_text()
    uri = open_document(client, path)
    # The first check publishes the project's names.
    await client.wait_for_notification("textDocument/publishDiagnostics")
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position_of(text, "Callbacks)", 2))
    )
    assert hover.contents.value == "queue `Callbacks`: capacity 200; hours `office`; served by `Tier1` (priority 1), `Overflow` (priority 2)"


async def test_definition_of_a_block_and_of_a_queue(client, project):
    path = project / "flows" / "callback-queue.flow"
    text = path.read_text()
    uri = open_document(client, path)
    await client.wait_for_notification("textDocument/publishDiagnostics")
    block = await client.text_document_definition_async(
        types.DefinitionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position_of(text, "-> check-position", 4))
    )
    assert block.uri == uri
    assert block.range.start == position_of(text, "check-position: check-attribute")
    queue = await client.text_document_definition_async(
        types.DefinitionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position_of(text, "Callbacks)", 1))
    )
    center = (project / "center.yaml").read_text()
    assert queue.uri == (project / "center.yaml").as_uri()
    assert queue.range.start == position_of(center, "Callbacks:")


async def test_formatting_a_dsl_flow_prints_it_as_fmt_does(client, project):
    path = project / "flows" / "callback-queue.flow"
    formatted = path.read_text()
    messy = formatted.replace("  read-metrics: get-queue-metrics(Callbacks) -> check-position", "read-metrics:get-queue-metrics( Callbacks )->check-position")
    assert messy != formatted
    uri = open_document(client, path, messy)
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(
            text_document=types.TextDocumentIdentifier(uri=uri), options=types.FormattingOptions(tab_size=2, insert_spaces=True)
        )
    )
    assert len(edits) == 1
    assert edits[0].new_text == formatted
    assert edits[0].range.start == types.Position(line=0, character=0)
