"""Completion, references, rename, code actions and folding through the protocol."""

import subprocess

import yaml
from lsprotocol import types

from conftest import EXECUTABLE

from test_diagnostics import diagnostics_for, open_document
from test_navigation import position_of


def doc(uri):
    return types.TextDocumentIdentifier(uri=uri)


async def labels(client, uri, position):
    result = await client.text_document_completion_async(types.CompletionParams(text_document=doc(uri), position=position))
    items = result.items if hasattr(result, "items") else result
    return [item.label for item in items]


async def test_completion_offers_what_the_place_takes(client, project):
    path = project / "flows" / "support-line.flow.yaml"
    text = path.read_text()
    # A target after `next:`: the flow's block ids.
    edited = text.replace("    next: ", "    next: x", 1)
    uri = open_document(client, path, edited)
    await client.wait_for_notification("textDocument/publishDiagnostics")
    ids = await labels(client, uri, position_of(edited, "next: x", len("next: ")))
    assert ids == list(yaml.safe_load(text)["blocks"].keys())
    # A queue after a transfer's short form: the queues of center.yaml.
    queue = position_of(edited, "transfer-to-queue: Support", len("transfer-to-queue: "))
    assert await labels(client, uri, queue) == ["Callbacks", "Support"]


async def test_completion_of_kinds_and_parameters_in_the_dsl(client, project):
    path = project / "flows" / "callback-queue.flow"
    text = path.read_text().replace("  done: end-flow", "  done: end-flow\n  extra: \n  more: wait(")
    uri = open_document(client, path, text)
    kinds = await labels(client, uri, position_of(text, "  extra: ", len("  extra: ")))
    assert "get-queue-metrics" in kinds and "wait" in kinds
    # A customer-queue flow may not use the blocks of flow modules only.
    assert "end-module" not in kinds
    assert await labels(client, uri, position_of(text, "  more: wait(", len("  more: wait("))) == ["duration"]


async def test_references_and_rename_of_a_queue_across_files(client, project):
    center = project / "center.yaml"
    center_text = center.read_text()
    center_uri = open_document(client, center)
    await diagnostics_for(client, center_uri)
    at = position_of(center_text, "Callbacks:", 1)
    found = await client.text_document_references_async(
        types.ReferenceParams(text_document=doc(center_uri), position=at, context=types.ReferenceContext(include_declaration=True))
    )
    files = sorted({location.uri.rsplit("/", 1)[-1] for location in found})
    assert files == [
        "callback-creation.flow.yaml",
        "callback-dial.flow.yaml",
        "callback-only-line.flow",
        "callback-queue.flow",
        "center.yaml",
        "customer-first-callback.flow.yaml",
        "queued-callback-inbound.flow.yaml",
    ]
    edit = await client.text_document_rename_async(types.RenameParams(text_document=doc(center_uri), position=at, new_name="Callbacks2"))
    changes = edit.changes
    assert sorted(uri.rsplit("/", 1)[-1] for uri in changes) == files
    for uri, edits in changes.items():
        path = project / uri.split(str(project) + "/", 1)[1]
        lines = path.read_text().split("\n")
        for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
            line = lines[e.range.start.line]
            lines[e.range.start.line] = line[: e.range.start.character] + e.new_text + line[e.range.end.character :]
        path.write_text("\n".join(lines))
    assert "Callbacks2:" in center.read_text()
    assert "Callbacks" not in (project / "flows" / "callback-queue.flow").read_text().replace("Callbacks2", "")
    # Applied, the project checks clean: every use was renamed.
    checked = subprocess.run([EXECUTABLE, "check", str(project)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr


async def test_rename_of_a_block_and_its_refusals(client, project):
    path = project / "flows" / "callback-queue.flow"
    text = path.read_text()
    uri = open_document(client, path)
    at = position_of(text, "check-position:", 1)
    edit = await client.text_document_rename_async(types.RenameParams(text_document=doc(uri), position=at, new_name="where-am-i"))
    assert sorted((e.range.start.line, e.new_text) for e in edit.changes[uri]) == [
        (position_of(text, "-> check-position").line, "where-am-i"),
        (at.line, "where-am-i"),
    ]
    for bad in ["Where", "wait-a-while"]:
        try:
            await client.text_document_rename_async(types.RenameParams(text_document=doc(uri), position=at, new_name=bad))
        except Exception as error:  # pygls raises the server's error
            assert "block" in str(error)
        else:
            raise AssertionError(f"renaming to {bad!r} was accepted")


async def test_code_actions_apply_the_fix_or_ignore_the_rule(client, project):
    path = project / "flows" / "queued-callback-inbound.flow.yaml"
    text = path.read_text().replace("working-queue: Callbacks", "working-queue: Callbaks")
    uri = open_document(client, path, text)
    found = await diagnostics_for(client, uri, lambda found: len(found) > 0)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(text_document=doc(uri), range=found[0].range, context=types.CodeActionContext(diagnostics=list(found)))
    )
    assert [a.title for a in actions] == ["Did you mean `Callbacks`?", "Ignore `undefined-reference` here (callflow-ignore)"]
    fix = actions[0].edit.changes[uri][0]
    assert fix.new_text == "Callbacks" and fix.range == found[0].range
    ignore = actions[1].edit.changes[uri][0]
    assert ignore.new_text == "        # callflow-ignore: undefined-reference\n"
    assert ignore.range.start == types.Position(line=found[0].range.start.line, character=0)


async def test_folding_ranges_are_the_blocks(client, project):
    path = project / "flows" / "callback-queue.flow"
    text = path.read_text()
    uri = open_document(client, path)
    ranges = await client.text_document_folding_range_async(types.FoldingRangeParams(text_document=doc(uri)))
    starts = [r.start_line for r in ranges]
    assert position_of(text, "check-position: check-attribute").line in starts
    assert position_of(text, "text-customer: send-message").line in starts


async def test_completion_of_branches_and_of_the_attributes_the_project_sets(client, project):
    path = project / "flows" / "support-line.flow.yaml"
    text = path.read_text()
    uri = open_document(client, path, text)
    await client.wait_for_notification("textDocument/publishDiagnostics")
    # `customer-profile-lookup`'s branches, in an inline `on:` being written.
    edited = text.replace("    on: {multiple: ask-account", "    on: {multiple: ask-account, ", 1)
    assert edited != text
    change = types.TextDocumentContentChangeWholeDocument(text=edited)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2), content_changes=[change])
    )
    branches = await labels(client, uri, position_of(edited, "on: {multiple: ask-account, ", len("on: {multiple: ask-account, ")))
    assert branches == ["multiple", "not-found", "error"]
    # `$.Attributes.`: the attributes the project's flows set.
    edited2 = edited.replace("    next: ", "    # $.Attributes.\n    next: ", 1)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=3),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=edited2)],
        )
    )
    names = await labels(client, uri, position_of(edited2, "# $.Attributes.", len("# $.Attributes.")))
    assert "notified" in names


async def test_hover_on_a_finding_names_its_rule_and_the_graph_is_drawn(client, project):
    path = project / "flows" / "queued-callback-inbound.flow.yaml"
    text = path.read_text().replace("working-queue: Callbacks", "working-queue: Callbaks")
    uri = open_document(client, path, text)
    found = await diagnostics_for(client, uri, lambda found: len(found) > 0)
    hover = await client.text_document_hover_async(types.HoverParams(text_document=doc(uri), position=found[0].range.start))
    assert hover.contents.value.startswith("**undefined-reference** (error): ")
    graph = await client.protocol.send_request_async("callflow/graph", {"textDocument": {"uri": uri}, "format": "dot"})
    assert graph.format == "dot"
    assert graph.dot.startswith("digraph")
    assert "queued-callback-inbound" in graph.dot


def apply(text, edits):
    lines = text.split("\n")
    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start, end = e.range.start, e.range.end
        before = "\n".join(lines[: start.line] + [lines[start.line][: start.character]])
        after = "\n".join([lines[end.line][end.character :]] + lines[end.line + 1 :])
        lines = (before + e.new_text + after).split("\n")
    return "\n".join(lines)


async def missing_branches(client, path, text):
    uri = open_document(client, path, text)
    found = await diagnostics_for(client, uri, lambda found: any(d.code in ("unconnected-branch", "dead-end") for d in found))
    finding = next(d for d in found if d.code in ("unconnected-branch", "dead-end"))
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(text_document=doc(uri), range=finding.range, context=types.CodeActionContext(diagnostics=[finding]))
    )
    action = next(a for a in actions if a.title.startswith("Add the branch"))
    return action.title, apply(text, action.edit.changes[uri])


async def test_code_action_adds_the_missing_branches_in_yaml_and_in_the_dsl(client, project):
    center = (project / "center.yaml").read_text()
    flow = project / "flows" / "branches.flow.yaml"
    text = (
        "flow: branches\ntype: inbound\nstart: menu\nblocks:\n  menu:\n    get-input: {prompt: \"Press 1.\", timeout: 5s, options: [\"1\"]}\n"
        "    on: {\"1\": bye}\n  bye:\n    disconnect: {}\n"
    )
    title, fixed = await missing_branches(client, flow, text)
    assert title == "Add the branches `timeout`, `no-match`, `error`"
    assert '    on: {"1": bye, timeout: <block id>, no-match: <block id>, error: <block id>}' in fixed
    # Filled in, the flow has no branch going nowhere.
    flow.write_text(fixed.replace("<block id>", "bye"))
    checked = subprocess.run([EXECUTABLE, "check", str(flow)], capture_output=True, text=True)
    assert "unconnected-branch" not in checked.stdout, checked.stdout
    dsl = project / "flows" / "branches2.flow"
    text = 'flow branches2 : inbound {\n  start wait\n  wait: wait(5s) -> bye\n  bye: disconnect\n}\n'
    title, fixed = await missing_branches(client, dsl, text)
    assert title == "Add the branch `error`"
    assert "  wait: wait(5s) -> bye { error -> <block id> }\n" in fixed
    assert center == (project / "center.yaml").read_text()
