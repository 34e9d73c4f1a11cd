"""The locks install what requirements*.txt pin: every direct pin is in the lock at the same
version, and every locked package carries a hash (make site and make test install with
--require-hashes). A pin changed without `make lock` (a Dependabot pull request, say)
fails here with the command that fixes it."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT

pytestmark = pytest.mark.unit

PIN = re.compile(r"^([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?==(\S+)", re.M)
LOCKS = {
    "requirements.txt": "requirements.lock",
    "requirements-test.txt": "requirements-test.lock",
    "requirements-uv.txt": "requirements-uv.lock",
}


def pins(text: str) -> dict[str, str]:
    return {re.sub(r"[-_.]+", "-", name).lower(): version for name, version in PIN.findall(text)}


@pytest.mark.parametrize("source, lock", LOCKS.items())
def test_every_pin_is_locked_at_its_version_with_hashes(source, lock):
    locked_text = (ROOT / lock).read_text(encoding="utf-8")
    locked = pins(locked_text)
    wanted = pins((ROOT / source).read_text(encoding="utf-8"))
    if source == "requirements-test.txt":  # it includes the build's pins
        wanted |= pins((ROOT / "requirements.txt").read_text(encoding="utf-8"))
    stale = {name: version for name, version in wanted.items() if locked.get(name) != version}
    assert not stale, f"{lock} does not match {source} for {stale}: run make lock"
    lines = locked_text.splitlines()
    unhashed = [
        line
        for n, line in enumerate(lines)
        if PIN.match(line) and not (line.endswith("\\") and "--hash=sha256:" in lines[n + 1])
    ]
    assert not unhashed, unhashed
    if source != "requirements-uv.txt":  # uv is one file, with no dependencies
        assert len(locked) > len(wanted), f"{lock} holds only the pins, not what they need"


def test_the_test_lock_keeps_the_build_lock_versions():
    build = pins((ROOT / "requirements.lock").read_text(encoding="utf-8"))
    test = pins((ROOT / "requirements-test.lock").read_text(encoding="utf-8"))
    assert {name: test.get(name) for name in build} == build


def test_mkdocs_stays_1_6_1_beside_properdocs():
    build = pins((ROOT / "requirements.lock").read_text(encoding="utf-8"))
    assert build["mkdocs"] == "1.6.1" and build["properdocs"] == "1.6.7"
    assert build["mkdocs-material"].startswith("9.8.")


def test_every_package_the_build_imports_is_in_the_build_lock():
    """`make site` installs only requirements.lock: a module the hooks or the core import
    from a package locked for the tests alone stops a fresh clone's build."""
    import ast
    import sys
    from importlib.metadata import packages_distributions

    own = {path.stem for path in (ROOT / "hooks").iterdir()} | {"cardkit"}
    imported = set()
    for source in (ROOT / "hooks").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                imported.add(node.module.split(".")[0])
    third_party = imported - own - set(sys.stdlib_module_names) - {"__future__"}
    distributions = packages_distributions()
    build = pins((ROOT / "requirements.lock").read_text(encoding="utf-8"))
    missing = {
        module: distributions.get(module, ["?"])
        for module in sorted(third_party)
        if not any(
            re.sub(r"[-_.]+", "-", name).lower() in build for name in distributions.get(module, [])
        )
    }
    assert not missing, f"imported by hooks/ but not in requirements.txt/.lock: {missing}"
