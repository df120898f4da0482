"""pytest-lsp drives `callflow lsp` as an editor does: over stdin and stdout, through
pygls's client. `CALLFLOW` names the executable (the Swift test that runs this suite sets
it to the one it built)."""

import os
import pathlib
import shutil
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

EXECUTABLE = os.environ.get("CALLFLOW") or shutil.which("callflow") or "callflow"
PACKAGE = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path):
    """A copy of the samples, to edit freely."""
    root = tmp_path / "project"
    shutil.copytree(PACKAGE / "Samples", root, ignore=shutil.ignore_patterns("connect"))
    return root


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[EXECUTABLE, "lsp", "--stdio"]))
async def client(lsp_client: LanguageClient, tmp_path):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=tmp_path.as_uri(),
        )
    )
    yield
    await lsp_client.shutdown_session()
