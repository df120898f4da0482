"""Diagnostics as the client sees them: published on open and on every change, with the
rule as `code`, notes as related information, and project-wide findings in other files."""

import asyncio

from lsprotocol import types


def open_document(client, path, text=None, version=1):
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="yaml", version=version, text=path.read_text() if text is None else text
            )
        )
    )
    return uri


def change_document(client, uri, text, version):
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


async def diagnostics_for(client, uri, predicate=lambda found: True, timeout=20):
    """Waits until the diagnostics published for `uri` satisfy `predicate`."""

    async def wait():
        while True:
            await client.wait_for_notification("textDocument/publishDiagnostics")
            if uri in client.diagnostics and predicate(client.diagnostics[uri]):
                return client.diagnostics[uri]

    return await asyncio.wait_for(wait(), timeout)


async def test_a_misspelt_queue_is_an_error_with_its_rule_fix_and_page(client, project):
    path = project / "flows" / "queued-callback-inbound.flow.yaml"
    text = path.read_text().replace("working-queue: Callbacks", "working-queue: Callbaks")
    uri = open_document(client, path, text)
    found = await diagnostics_for(client, uri, lambda found: len(found) > 0)
    assert [(d.code, d.severity, d.message) for d in found] == [
        ("undefined-reference", types.DiagnosticSeverity.Error, "no queue named `Callbaks`\nhelp: did you mean `Callbacks`?")
    ]
    line = text.splitlines().index("        working-queue: Callbaks")
    assert found[0].range == types.Range(
        start=types.Position(line=line, character=23), end=types.Position(line=line, character=31)
    )
    assert found[0].source == "callflow"
    assert found[0].code_description.href.endswith("/Docs/rules/undefined-reference.md")


async def test_a_change_that_fixes_the_mistake_clears_it(client, project):
    path = project / "flows" / "queued-callback-inbound.flow.yaml"
    good = path.read_text()
    uri = open_document(client, path, good.replace("working-queue: Callbacks", "working-queue: Callbaks"))
    await diagnostics_for(client, uri, lambda found: len(found) == 1)
    change_document(client, uri, good, 2)
    assert list(await diagnostics_for(client, uri, lambda found: len(found) == 0)) == []


async def test_notes_with_a_place_are_related_information(client, project):
    path = project / "flows" / "queued-callback-inbound.flow.yaml"
    text = path.read_text().replace("creation-flow: callback-creation", "creation-flow: callback-queue")
    uri = open_document(client, path, text)
    found = await diagnostics_for(client, uri, lambda found: any(d.code == "flow-type-mismatch" for d in found))
    mismatch = next(d for d in found if d.code == "flow-type-mismatch")
    related = mismatch.related_information
    assert [r.message for r in related] == ["`callback-queue` is declared `customer-queue` here"]
    assert related[0].location.uri == (project / "flows" / "callback-queue.flow").as_uri()
    assert related[0].location.range.start.line == 2


async def test_a_change_in_one_file_updates_a_finding_in_another_open_file(client, project):
    # center.yaml names `callback-only-line` for a number: renaming that flow in its own
    # file makes center.yaml wrong, and renaming it back makes it right again.
    center = project / "center.yaml"
    center_uri = open_document(client, center)
    assert list(await diagnostics_for(client, center_uri)) == []
    flow = project / "flows" / "callback-only-line.flow"
    text = flow.read_text()
    flow_uri = open_document(client, flow, text.replace("flow callback-only-line", "flow callback-line"))
    broken = await diagnostics_for(client, center_uri, lambda found: len(found) > 0)
    assert [d.code for d in broken] == ["undefined-reference"]
    assert "callback-only-line" in broken[0].message
    change_document(client, flow_uri, text, 2)
    assert list(await diagnostics_for(client, center_uri, lambda found: len(found) == 0)) == []
