"""`make bench`: the PDF pipeline's speed targets (issue 27), on synthetic handbooks.

For N cards per language, and for the real handbook, it builds the same project two ways,
interleaved: without PDFs (HANDBOOK_PDFS=false) and with PDFs from an empty cache (cold).
Each build is one process; its CPU seconds and peak memory are those of the build and of
the PDF workers it forked (os.wait4 counts the children the build has waited for). Then
it checks the four targets, each a ratio measured in this one run:

- cold build ÷ its floor ≤ 1.15, on the real handbook and at the largest N: the floor is
  the cold build's CPU seconds ÷ the cores, the quickest it could be on this machine with
  nothing else running. Other processes lengthen the cold build, not its floor: the table
  shows the cores the build and the machine's other processes kept busy meanwhile
  (/proc/stat); where together they fill every core, the ratio measures the sharing;
- PDF CPU per card, largest N ÷ smallest N (≥ 60) ≤ 1.15: PDF CPU is the cold build's CPU
  seconds minus the build's without PDFs (card PDFs, handbook PDF and trainer's kit);
- peak memory, largest N ÷ N=100 ≤ 1.3.

Usage: python -m bench.run [--quick] [--runs R] [--sizes 60,100,300]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path
from typing import NamedTuple

from bench.generate import copy_real_project, write_project

CORES = len(os.sched_getaffinity(0))
REAL = "handbook"  # the label of the real handbook's row
COLD_FLOOR, PER_CARD, MEMORY = 1.15, 1.15, 1.3  # the targets (issue 27)


class Build(NamedTuple):
    seconds: float  # wall clock
    cpu: float  # CPU seconds of the build and its workers
    peak: float  # MiB, the largest resident set of the build or any worker
    others: float = 0.0  # cores the machine's other processes kept busy meanwhile, on average


def busy_seconds() -> float:
    """CPU seconds every core of the machine has been busy since it started (/proc/stat)."""
    with open("/proc/stat", encoding="ascii") as stat:
        fields = [int(n) for n in stat.readline().split()[1:9]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def environment(pdfs: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HANDBOOK_")}
    env.update(
        NO_MKDOCS_2_WARNING="1",
        HANDBOOK_SITE_URL="http://handbuch.bench/",
        HANDBOOK_PDFS="true" if pdfs else "false",
    )
    return env


def build(project: Path, *, pdfs: bool) -> Build:
    """One strict build of project; with PDFs, from an empty cache."""
    if pdfs:
        shutil.rmtree(project / ".cache", ignore_errors=True)
    started, busy = time.perf_counter(), busy_seconds()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=project,
        env=environment(pdfs),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert process.stderr is not None  # stderr=PIPE
    errors = process.stderr.read()  # read while it runs: a full pipe would stop the build
    _, status, usage = os.wait4(process.pid, 0)
    seconds, busy = time.perf_counter() - started, busy_seconds() - busy
    process.stderr.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{errors.decode()}")
    cpu = usage.ru_utime + usage.ru_stime
    return Build(seconds, cpu, usage.ru_maxrss / 1024, max(busy - cpu, 0) / seconds)


class Result(NamedTuple):
    label: str
    cards: int  # per language
    pages: int  # HTML pages, both languages
    plain: Build  # without PDFs: medians
    cold: Build  # with PDFs from an empty cache: medians, peak the largest

    @property
    def floor(self) -> float:
        return self.cold.cpu / CORES

    @property
    def pdf_cpu_per_card(self) -> float:
        return (self.cold.cpu - self.plain.cpu) / self.cards


def measure(label: str, project: Path, cards: int, runs: int) -> Result:
    """Build project without and with PDFs, runs times each, interleaved: drift in the
    machine's load hits both alike."""
    builds: dict[bool, list[Build]] = {False: [], True: []}
    for _ in range(runs):
        for pdfs in builds:
            builds[pdfs].append(build(project, pdfs=pdfs))

    def median(of: list[Build]) -> Build:
        return Build(
            statistics.median(b.seconds for b in of),
            statistics.median(b.cpu for b in of),
            max(b.peak for b in of),
            statistics.median(b.others for b in of),
        )

    pages = len(list((project / "site").rglob("index.html")))
    return Result(label, cards, pages, median(builds[False]), median(builds[True]))


def cards_per_language(project: Path) -> int:
    """The cards of the project's default language, as the build reads them."""
    from cardkit.loader import load_deck
    from tools.project import languages, load_config

    langs = languages(load_config(project / "mkdocs.yml"))
    deck = load_deck(project / "docs", "docs", langs, lambda src_uri: "")
    return len(deck.of(langs.default))


def table(results: list[Result]) -> str:
    head = (
        f"| N cards/lang | pages (HTML) | without PDFs s | CPU s | cold s | CPU s | "
        f"floor s ({CORES} cores) | cold ÷ floor | PDF CPU s | PDF CPU s/card | "
        "peak MiB without | peak MiB cold | cores busy, cold: the build | other processes |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    )
    rows = [
        f"| {r.label} | {r.pages} | {r.plain.seconds:.1f} | {r.plain.cpu:.1f} | "
        f"{r.cold.seconds:.1f} | {r.cold.cpu:.1f} | {r.floor:.1f} | "
        f"{r.cold.seconds / r.floor:.2f} | {r.cold.cpu - r.plain.cpu:.1f} | "
        f"{r.pdf_cpu_per_card:.2f} | {r.plain.peak:.0f} | {r.cold.peak:.0f} | "
        f"{r.cold.cpu / r.cold.seconds:.2f} | {r.cold.others:.2f} |"
        for r in results
    ]
    return "\n".join([head, *rows])


def targets(results: list[Result]) -> list[tuple[str, float | None, float]]:
    """Each of issue 27's four targets: (what, the figure or None where this run did not
    measure it, the limit)."""
    real = next((r for r in results if r.label == REAL), None)
    sized = {r.cards: r for r in results if r.label != REAL}
    big = sized[max(sized)] if sized else None  # the target's N=300
    small = sized[min(n for n in sized if n >= 60)] if any(n >= 60 for n in sized) else None
    hundred = sized.get(100)

    def ratio(top: float | None, bottom: float | None) -> float | None:
        return top / bottom if top is not None and bottom else None

    big_n = big.cards if big else "largest N"
    return [
        (
            "real handbook: cold build ÷ its floor",
            ratio(real.cold.seconds, real.floor) if real else None,
            COLD_FLOOR,
        ),
        (
            f"N={big_n}: cold build ÷ its floor",
            ratio(big.cold.seconds, big.floor) if big else None,
            COLD_FLOOR,
        ),
        (
            f"PDF CPU per card, N={big_n} ÷ N={small.cards if small else 60}",
            ratio(big.pdf_cpu_per_card, small.pdf_cpu_per_card)
            if big and small and big is not small
            else None,
            PER_CARD,
        ),
        (
            f"peak memory, N={big_n if big and big.cards > 100 else 300} ÷ N=100",
            ratio(big.cold.peak, hundred.cold.peak)
            if big and hundred and big is not hundred
            else None,
            MEMORY,
        ),
    ]


def verdicts(results: list[Result]) -> str:
    lines = []
    for what, figure, limit in targets(results):
        if figure is None:
            lines.append(f"- {what} (target ≤ {limit:g}): not measured in this run")
        else:
            met = "met" if figure <= limit else "MISSED"
            lines.append(f"- {what}: {figure:.2f} (target ≤ {limit:g}): {met}")
    return "\n".join(lines)


def subsetter() -> str:
    """How WeasyPrint subsets fonts here: HarfBuzz, or fontTools (several times slower)."""
    from weasyprint.text.ffi import harfbuzz_subset  # type: ignore[import-untyped]

    return "HarfBuzz" if harfbuzz_subset else "fontTools (libharfbuzz-subset0 is missing)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="stop at N=100")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--sizes", default="60,100,300")
    options = parser.parse_args()
    sizes = [int(n) for n in options.sizes.split(",")]
    if options.quick:
        sizes = [n for n in sizes if n <= 100]
    print(
        f"machine: {platform.machine()}, {CORES} cores, load average "
        f"{' '.join(f'{n:.2f}' for n in os.getloadavg())} at the start; Python "
        f"{platform.python_version()}; mkdocs {version('mkdocs')}, mkdocs-material "
        f"{version('mkdocs-material')}, mkdocs-static-i18n {version('mkdocs-static-i18n')}, "
        f"weasyprint {version('weasyprint')}, fonts subset by {subsetter()}; "
        f"medians of {options.runs} interleaved run(s)",
        flush=True,
    )
    results = []
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as workdir:
        for size in sizes:
            project = write_project(Path(workdir) / f"synthetic-{size}", size).parent
            results.append(measure(str(size), project, size, options.runs))
            print(table(results[-1:]).splitlines()[-1], flush=True)
        project = copy_real_project(Path(workdir) / "real").parent
        results.append(measure(REAL, project, cards_per_language(project), options.runs))
    print(f"\nload average at the end: {' '.join(f'{n:.2f}' for n in os.getloadavg())}\n")
    print(table(results))
    print()
    print(verdicts(results))


if __name__ == "__main__":
    main()
