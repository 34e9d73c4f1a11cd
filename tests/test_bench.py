"""`make bench` builds its projects the way it times them: if one of them stops building
(a hook that needs another the plain build leaves out), the benchmark fails after
minutes of work. Here each kind of project is built once, small, without PDFs."""

from __future__ import annotations

import pytest

from bench.generate import copy_real_project, write_project
from bench.run import environment
from conftest import run_build


@pytest.mark.parametrize("plain", [True, False], ids=["plain", "cards"])
def test_the_benchmark_projects_build(tmp_path, plain):
    real = copy_real_project(tmp_path / "real", plain=plain).parent
    synthetic = write_project(tmp_path / "synthetic", 3, plain=plain).parent
    for project in (real, synthetic):
        env = environment(pdfs=False)
        build = run_build(project, site_url=env["HANDBOOK_SITE_URL"], extra_env=env)
        assert build.ok, build.log
        cards_page = [
            path
            for path in build.site.rglob("*.html")
            if "hb-card-section" in path.read_text(encoding="utf-8")
        ]
        assert bool(cards_page) != plain  # the plain build has no card, the other has
