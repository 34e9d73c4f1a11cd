"""`make bench` builds its projects the way it times them: if one of them stops building,
the benchmark fails after minutes of work. Here each is built once, small and without PDFs,
by the bench's own build; and the four targets are judged on figures either side of them."""

from __future__ import annotations

from bench.generate import ROOT, copy_real_project, write_project
from bench.run import CORES, REAL, Build, Result, build, cards_per_language, verdicts
from content import LANGUAGES
from tools.project import load_config


def test_the_benchmark_projects_build_with_the_real_configuration(tmp_path):
    synthetic = write_project(tmp_path / "synthetic", 3).parent
    real = copy_real_project(tmp_path / "real").parent
    config = load_config(ROOT / "mkdocs.yml")
    # the entries that run the build as they are: only the synthetic nav goes
    assert load_config(real / "mkdocs.yml") == config
    # the synthetic nav goes, and its own cards are the printed ones
    made_config = load_config(synthetic / "mkdocs.yml")
    for each in (made_config, config):
        handbook = next(
            p["handbook"] for p in each["plugins"] if isinstance(p, dict) and "handbook" in p
        )
        handbook.pop("printed_cards"), handbook.pop("moved")
    assert made_config == {k: v for k, v in config.items() if k != "nav"}
    for project in (synthetic, real):
        made = build(project, pdfs=False)
        assert made.seconds > 0 and made.cpu > 0 and made.peak > 0
        site = project / "site"
        assert not list(site.rglob("*.pdf")), project  # HANDBOOK_PDFS=false reached it
        with_cards = [
            page
            for page in site.rglob("index.html")
            if 'class="hb-card-section' in page.read_text(encoding="utf-8")
        ]
        assert len(with_cards) == len(LANGUAGES) * cards_per_language(project), project
    assert cards_per_language(synthetic) == 3


def result(label: str, cards: int, *, cpu: float, pdf_cpu: float, peak: float, waited=1.0):
    """Made-up figures: a cold build of cpu CPU seconds (pdf_cpu of them the PDFs), which
    took waited × its floor."""
    plain = Build(seconds=1.0, cpu=cpu - pdf_cpu, peak=100)
    return Result(label, cards, 4 * cards, plain, Build(waited * cpu / CORES, cpu, peak))


def test_each_target_is_judged_met_or_missed():
    met = [  # PDF CPU per card: 0.5 s at N=60, 0.57 at N=300
        result("60", 60, cpu=40, pdf_cpu=30, peak=300),
        result("100", 100, cpu=60, pdf_cpu=50, peak=400),
        result("300", 300, cpu=180, pdf_cpu=172, peak=500, waited=1.1),
        result(REAL, 10, cpu=20, pdf_cpu=10, peak=200, waited=1.14),
    ]
    lines = verdicts(met).splitlines()
    assert len(lines) == 4 and all(line.endswith(": met") for line in lines), lines
    missed = [
        met[0],
        met[1],
        result("300", 300, cpu=180, pdf_cpu=180, peak=600, waited=1.2),
        result(REAL, 10, cpu=20, pdf_cpu=10, peak=200, waited=1.16),
    ]
    lines = verdicts(missed).splitlines()
    assert lines[0] == "- real handbook: cold build ÷ its floor: 1.16 (target ≤ 1.15): MISSED"
    assert lines[1] == "- N=300: cold build ÷ its floor: 1.20 (target ≤ 1.15): MISSED"
    assert lines[2] == "- PDF CPU per card, N=300 ÷ N=60: 1.20 (target ≤ 1.15): MISSED"
    assert lines[3] == "- peak memory, N=300 ÷ N=100: 1.50 (target ≤ 1.3): MISSED"
    quick = verdicts(met[:2] + met[3:]).splitlines()  # make bench QUICK=1: no N=300
    assert quick[1].startswith("- N=100: cold build ÷ its floor")
    assert quick[3] == "- peak memory, N=300 ÷ N=100 (target ≤ 1.3): not measured in this run"
