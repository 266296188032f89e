"""The client's bundle for the tests: built (as `make test` does) when missing or stale."""

from __future__ import annotations

import shutil
import subprocess

from server import bundle
from server.pages import entry_modules
from server.settings import client_dir
from server.static import ClientFiles
from tests.support.processes import ROOT


def fresh_bundle() -> bundle.Bundle | None:
    """The bundle the server would serve from client/ now, or None."""
    return bundle.load(ClientFiles(client_dir()), entry_modules())


def ensure_bundle() -> bundle.Bundle:
    """client/dist/ built from the current sources (npm ci and the build, like `make test`)."""
    if (built := fresh_bundle()) is not None:
        return built
    if shutil.which("npm") is None or shutil.which("node") is None:  # a broken setup, not a skip
        raise RuntimeError("node and npm are needed to build the client's bundle: `make test` installs them")
    if not (ROOT / "node_modules/.package-lock.json").is_file():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=ROOT, check=True)
    subprocess.run(["node", "scripts/build_client.mjs"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    built = fresh_bundle()
    assert built is not None, "the bundle just built is not served: see server/bundle.py"
    return built
