"""`make bench`: build-time benchmark of the card hooks on synthetic handbooks.

For N cards per language, and for the real handbook, it builds the same handbook several
ways, interleaved, and reports medians: plain (no card hook), cards without PDFs, cards
with PDFs from an empty cache (cold), from a full one (warm) and after one card was edited;
then cold and edited once more with the card PDFs alone (the book hook left out), to tell
the cards' share from the handbook PDF's and trainer's kit's. From the cold build's CPU
seconds it reports a floor: the build with PDFs could not be quicker than its CPU time
spread over every core. Then it times a `mkdocs serve` rebuild after one edit, plain
against cards. Ratios are measured side by side in one run, on one machine.

Usage: python -m bench.run [--quick] [--runs R] [--sizes 10,100]
"""

from __future__ import annotations

import argparse
import os
import platform
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from importlib.metadata import version
from pathlib import Path
from typing import NamedTuple

from bench.generate import LEFT_OUT, copy_real_project, write_project


class Variant(NamedTuple):
    """One way a project is built."""

    kind: str  # the kind of project (bench.generate.LEFT_OUT)
    pdfs: bool
    # "as left": the cache as the build before left it; "cold": empty; "edit": one card changed
    start: str = "as left"


VARIANTS = {
    "plain": Variant("plain", pdfs=False),
    "cards": Variant("cards", pdfs=False),
    "pdf-cold": Variant("cards", pdfs=True, start="cold"),
    "pdf-warm": Variant("cards", pdfs=True),
    "pdf-edit": Variant("cards", pdfs=True, start="edit"),
    "no-book-cold": Variant("no-book", pdfs=True, start="cold"),
    "no-book-edit": Variant("no-book", pdfs=True, start="edit"),
}
CORES = len(os.sched_getaffinity(0))
KINDS = tuple(LEFT_OUT)  # plain, cards, no-book
BUILT_IN = re.compile(r"Documentation built in ([\d.]+) seconds")
FIRST_ITEM = re.compile(r"checklist:\n\s*- ")
SETTLE = 1.5  # seconds between a serve rebuild and the next edit
STARTUP = 900  # seconds for `mkdocs serve` to build and start (N=1000: minutes)
REBUILD_TIMEOUT = 300  # seconds to wait for a rebuild before editing again


def environment(pdfs: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HANDBOOK_")}
    env.update(
        NO_MKDOCS_2_WARNING="1",
        HANDBOOK_SITE_URL="http://handbuch.bench/",
        HANDBOOK_PDFS="true" if pdfs else "false",
    )
    return env


def build(project: Path, *, pdfs: bool) -> tuple[float, float, float]:
    """One strict build; returns (seconds, CPU seconds of the build and its PDF workers,
    peak memory in MiB)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=project,
        env=environment(pdfs),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    assert process.stderr is not None  # stderr=PIPE
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed in {project}:\n{process.stderr.read().decode()}")
    process.stderr.close()
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def html_bytes_per_page(site: Path) -> float:
    pages = [p for p in site.rglob("index.html")]
    return sum(p.stat().st_size for p in pages) / len(pages)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ServeLog:
    """The output of a running `mkdocs serve`, read by a thread so waits can time out."""

    def __init__(self, process: subprocess.Popen):
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, args=(process.stdout,), daemon=True).start()

    def _read(self, stream) -> None:
        for line in stream:
            self.lines.put(line)
        self.lines.put(None)  # the process ended

    def wait_for(self, pattern, timeout: float) -> re.Match | None:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                raise SystemExit("mkdocs serve stopped")
            if match := re.search(pattern, line):
                return match
        return None


def serve_rebuilds(project: Path, page: Path, edits: int, *, pdfs: bool) -> float:
    """Median seconds MkDocs reports for a serve rebuild after one edit of page."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=environment(pdfs),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output = ServeLog(process)
    original = page.read_text(encoding="utf-8")
    try:
        if not output.wait_for("Serving on", timeout=STARTUP):
            raise SystemExit(f"mkdocs serve did not start within {STARTUP} s")
        times = []
        for number in range(edits):
            times.append(_rebuild_after_edit(output, page, original, number))
        return statistics.median(times)
    finally:
        page.write_text(original, encoding="utf-8")
        process.terminate()
        process.wait(timeout=30)


def _rebuild_after_edit(output: ServeLog, page: Path, original: str, number: int) -> float:
    """Edit the first checklist item (card, page and cards page change); the rebuild's
    seconds. The file watcher now and then misses a write: after a quiet spell, edit again."""
    for attempt in range(3):
        time.sleep(SETTLE)
        page.write_text(
            FIRST_ITEM.sub(rf"\g<0>{number}.{attempt} ", original, count=1), encoding="utf-8"
        )
        if built := output.wait_for(BUILT_IN, timeout=REBUILD_TIMEOUT):
            return float(built.group(1))
    raise SystemExit(f"mkdocs serve did not rebuild after 3 edits of {page}")


def measure(label: str, projects: dict[str, Path], edited: str, runs: int) -> dict:
    """Build the projects (by kind) every way, interleaved; edited is the page the edit
    builds and the serve run change."""
    seconds: dict[str, list[float]] = {variant: [] for variant in VARIANTS}
    cpu: dict[str, list[float]] = {variant: [] for variant in VARIANTS}
    memory = {variant: 0.0 for variant in VARIANTS}
    plain, cards = projects["plain"], projects["cards"]
    original = (cards / edited).read_text(encoding="utf-8")
    for run in range(runs):  # interleaved: drift hits every variant alike
        for variant, how in VARIANTS.items():
            project = projects[how.kind]
            if how.start == "cold":
                shutil.rmtree(project / ".cache", ignore_errors=True)
            if how.start == "edit":  # the first checklist item
                (project / edited).write_text(
                    FIRST_ITEM.sub(rf"\g<0>edit {run} ", original, count=1), encoding="utf-8"
                )
            took, used, peak = build(project, pdfs=how.pdfs)
            seconds[variant].append(took)
            cpu[variant].append(used)
            memory[variant] = max(memory[variant], peak)
    for how in VARIANTS.values():
        if how.start == "edit":
            (projects[how.kind] / edited).write_text(original, encoding="utf-8")
    medians = {variant: statistics.median(values) for variant, values in seconds.items()}
    pages = len(list((cards / "site").rglob("index.html")))
    return {
        "label": label,
        "pages": pages,
        "medians": medians,
        "cpu": {variant: statistics.median(values) for variant, values in cpu.items()},
        "memory": memory,
        "html": html_bytes_per_page(cards / "site"),
        "serve_plain": serve_rebuilds(plain, plain / edited, 3, pdfs=False),
        "serve_cards": serve_rebuilds(cards, cards / edited, 3, pdfs=False),
    }


def synthetic(size: int, runs: int, workdir: Path) -> dict:
    projects = {
        kind: write_project(workdir / f"{kind}-{size}", size, kind=kind).parent for kind in KINDS
    }
    cards = projects["cards"]
    edited = sorted((cards / "docs" / "tipps").rglob("tip-0001.md"))[0].relative_to(cards)
    return {"size": size, **measure(str(size), projects, str(edited), runs)}


def real(runs: int, workdir: Path) -> dict:
    projects = {
        kind: copy_real_project(workdir / f"real-{kind}", kind=kind).parent for kind in KINDS
    }
    return measure("handbook", projects, "docs/tipps/kontakt.md", runs)


def report(results: list[dict]) -> str:
    head = (
        "| N cards/lang | pages (HTML) | plain s | cards s (×plain) | PDF cold s (×plain) | "
        "PDF warm s (×plain) | PDF cold ÷ cards | one card edited, PDF s (÷ cards) | "
        "PDF stage s | s/page (cards) | peak MiB (cold) | "
        "HTML KB/page | serve rebuild plain s | serve rebuild cards s (×plain) |\n"
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    )
    rows = []
    for r in results:
        m = r["medians"]
        ratio = {v: m[v] / m["plain"] for v in VARIANTS}
        rows.append(
            f"| {r['label']} | {r['pages']} | {m['plain']:.2f} | {m['cards']:.2f} "
            f"({ratio['cards']:.3f}) | {m['pdf-cold']:.2f} ({ratio['pdf-cold']:.2f}) | "
            f"{m['pdf-warm']:.2f} ({ratio['pdf-warm']:.3f}) | "
            f"{m['pdf-cold'] / m['cards']:.2f} | {m['pdf-edit']:.2f} "
            f"({m['pdf-edit'] / m['cards']:.2f}) | {m['pdf-cold'] - m['cards']:.2f} | "
            f"{m['cards'] / r['pages']:.4f} | {r['memory']['pdf-cold']:.0f} | "
            f"{r['html'] / 1024:.1f} | {r['serve_plain']:.2f} | {r['serve_cards']:.2f} "
            f"({r['serve_cards'] / r['serve_plain']:.2f}) |"
        )
    return "\n".join([head, *rows])


def report_pdfs(results: list[dict]) -> str:
    """Issue 19's ratios, all PDFs beside the card PDFs alone (the book hook left out), and
    the floor: the cold build's CPU seconds spread over every core, ÷ the build without."""
    head = (
        f"| N cards/lang | cold ÷ cards: all PDFs | card PDFs alone | floor on {CORES} cores: "
        "all PDFs | card PDFs alone | one card edited ÷ cards: all PDFs | card PDFs alone | "
        "CPU s, cold: card PDFs | book and kit |\n"
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    )
    rows = []
    for r in results:
        m, cpu = r["medians"], r["cpu"]
        rows.append(
            f"| {r['label']} | {m['pdf-cold'] / m['cards']:.2f} | "
            f"{m['no-book-cold'] / m['cards']:.2f} | {_floor(r, 'pdf-cold'):.2f} | "
            f"{_floor(r, 'no-book-cold'):.2f} | {m['pdf-edit'] / m['cards']:.2f} | "
            f"{m['no-book-edit'] / m['cards']:.2f} | "
            f"{cpu['no-book-cold'] - cpu['cards']:.1f} | "
            f"{cpu['pdf-cold'] - cpu['no-book-cold']:.1f} |"
        )
    return "\n".join([head, *rows])


def _floor(result: dict, variant: str) -> float:
    """The quickest the variant's build could be, its CPU time spread over every core with
    nothing run in turn, ÷ the build without PDFs."""
    return result["cpu"][variant] / CORES / result["medians"]["cards"]


# Issue 19's targets, checked for every size: (what, numerator, denominator, target, decimals).
RATIOS = (
    ("cards without PDFs ÷ plain", "cards", "plain", 1.05, 3),
    ("warm rebuild with PDFs ÷ plain", "pdf-warm", "plain", 1.10, 3),
    ("cold build with PDFs ÷ without PDFs", "pdf-cold", "cards", 2.0, 2),
    ("one card edited, rebuild with PDFs ÷ without PDFs", "pdf-edit", "cards", 1.3, 2),
    ("card PDFs alone (no book): cold ÷ without PDFs", "no-book-cold", "cards", 2.0, 2),
    ("card PDFs alone (no book): one card edited ÷ without", "no-book-edit", "cards", 1.3, 2),
    (
        "serve rebuild after a card edit ÷ plain serve rebuild",
        "serve_cards",
        "serve_plain",
        1.2,
        2,
    ),
)


def targets(results: list[dict]) -> str:
    """Each target of issues 6 and 19 with the measured figure and whether it is met."""
    lines = []

    def check(name: str, value: float, limit: float, shown: str) -> None:
        lines.append(
            f"- {name}: {shown} (target ≤ {limit:g}): {'met' if value <= limit else 'MISSED'}"
        )

    for r in results:
        figures = {**r["medians"], "serve_cards": r["serve_cards"], "serve_plain": r["serve_plain"]}
        for what, top, bottom, target, decimals in RATIOS:
            ratio = figures[top] / figures[bottom]
            check(f"{r['label']}: {what}", ratio, target, f"{ratio:.{decimals}f}")
        for variant, what in (("pdf-cold", "all PDFs"), ("no-book-cold", "card PDFs alone")):
            floor = _floor(r, variant)
            lines.append(
                f"- {r['label']}: floor of the cold build, {what} (CPU s ÷ {CORES} cores ÷ "
                f"without PDFs): {floor:.2f}; a cold ratio ≤ 2.0 "
                + ("needs less CPU, not more parallel work" if floor > 2.0 else "is possible")
            )
    sized = {r["size"]: r for r in results if "size" in r}
    if len([n for n in sized if n >= 60]) >= 2:  # issue 19: 300 ÷ 60 cards, linear
        low, high = sized[min(n for n in sized if n >= 60)], sized[max(sized)]
        per_card = [
            (r["medians"]["pdf-cold"] - r["medians"]["cards"]) / r["size"] for r in (low, high)
        ]
        check(
            f"PDF seconds per card, N={high['size']} ÷ N={low['size']}",
            per_card[1] / per_card[0],
            1.15,
            f"{per_card[1] / per_card[0]:.2f}",
        )
    if 100 in sized and max(sized) > 100:
        low, high = sized[100], sized[max(sized)]

        def per(r: dict, what: float) -> float:
            return what / r["size"]

        stage = [per(r, r["medians"]["pdf-cold"] - r["medians"]["cards"]) for r in (low, high)]
        check(
            f"cold PDF seconds per card, N={high['size']} ÷ N=100 (1 = linear)",
            stage[1] / stage[0],
            1.2,
            f"{stage[1] / stage[0]:.2f}",
        )
        flat = [r["medians"]["cards"] / r["pages"] for r in (low, high)]
        check(
            f"seconds per page, N={high['size']} ÷ N=100",
            flat[1] / flat[0],
            1.2,
            f"{flat[1] / flat[0]:.2f}",
        )
        html = high["html"] / low["html"]
        lines.append(
            f"- HTML per page, N={high['size']} ÷ N=100: {html:.2f} "
            f"({low['html'] / 1024:.1f} → {high['html'] / 1024:.1f} KB)"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="stop at N=100")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="10,60,100,300,1000")
    options = parser.parse_args()
    sizes = [int(n) for n in options.sizes.split(",")]
    if options.quick:
        sizes = [n for n in sizes if n <= 100]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; mkdocs {version('mkdocs')}, mkdocs-material "
        f"{version('mkdocs-material')}, mkdocs-static-i18n {version('mkdocs-static-i18n')}, "
        f"weasyprint {version('weasyprint')}; medians of {options.runs} interleaved runs",
        flush=True,
    )
    results = []
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as workdir:
        for size in sizes:
            results.append(synthetic(size, options.runs, Path(workdir)))
            print(report(results[-1:]).splitlines()[-1], flush=True)
        results.append(real(options.runs, Path(workdir)))
    print()
    print(report(results))
    print()
    print(report_pdfs(results))
    print()
    print(targets(results))


if __name__ == "__main__":
    main()
