"""Two engines, one output: MkDocs 1.6.1 and its maintained fork ProperDocs build the same
handbook from the same mkdocs.yml, byte for byte, apart from the generator tag.

The MkDocs side is the shared build (`built`); only the ProperDocs side is built here, in
a copy of the same project with the same SOURCE_DATE_EPOCH and site address. It starts
from the shared build's PDF cache: a PDF's bytes come from cardkit and WeasyPrint, not
from the engine, and the cache key covers every input of a PDF (cardkit/cache.py), so
the cached PDFs are the ones a cold build would make. The PDFs are compared all the same.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import EPOCH, copy_project, run_build

# Each engine names itself here, and only here: <meta name="generator" content="...">.
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): GENERATOR.sub(b"<generator>", path.read_bytes())
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_properdocs_builds_the_same_site_as_mkdocs(built, tmp_path):
    project = copy_project(tmp_path / "handbook")
    shutil.copytree(built.project / ".cache", project / ".cache")
    properdocs = run_build(project, engine="properdocs", extra_env={"SOURCE_DATE_EPOCH": EPOCH})
    assert properdocs.ok, properdocs.log
    theirs, ours = files(properdocs.site), files(built.site)
    assert sorted(theirs) == sorted(ours)
    assert any(name.endswith(".pdf") for name in ours)
    different = [name for name in ours if theirs[name] != ours[name]]
    assert not different, f"{len(different)} files differ, first: {different[:5]}"
    for build, name in ((properdocs, b"ProperDocs 1.6.7"), (built, b"mkdocs-1.6.1")):
        assert name in GENERATOR.search((build.site / "index.html").read_bytes())[0]
