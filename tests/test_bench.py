"""`make bench` builds its projects the way it times them: if one of them stops building
(a hook that needs another the plain build leaves out), the benchmark fails after
minutes of work. Here each kind of project is built once, small, without PDFs: the real
handbook without cards, and a synthetic one of every kind (bench.generate.LEFT_OUT)."""

from __future__ import annotations

from bench.generate import LEFT_OUT, copy_real_project, write_project
from bench.run import environment
from conftest import run_build


def test_the_benchmark_projects_build(tmp_path):
    projects = {
        "real, plain": (copy_real_project(tmp_path / "real", kind="plain"), False),
        **{
            f"synthetic, {kind}": (write_project(tmp_path / kind, 3, kind=kind), kind != "plain")
            for kind in LEFT_OUT
        },
    }
    env = environment(pdfs=False)
    for name, (config, has_cards) in projects.items():
        build = run_build(config.parent, site_url=env["HANDBOOK_SITE_URL"], extra_env=env)
        assert build.ok, (name, build.log)
        with_cards = [
            page
            for page in build.site.rglob("*.html")
            if "hb-card-section" in page.read_text(encoding="utf-8")
        ]
        assert bool(with_cards) == has_cards, name


def test_every_variant_builds_a_kind_of_project_the_bench_writes():
    from bench.run import VARIANTS

    assert {how.kind for how in VARIANTS.values()} == set(LEFT_OUT)
    assert {how.start for how in VARIANTS.values()} == {"as left", "cold", "edit"}
