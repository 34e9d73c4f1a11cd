"""Run sheets: the workshop formats' timetables, read from the built pages and the guide PDF.

A run sheet is any table in a page whose first body row starts with a clock-time range
("09:00–09:15") and a length ("15 Min.", "15 min"). Every row after it must too: each row
starts where the row before it ended and lasts as long as it says, and the last row is the
total, from the first start to the last end, with the sum of the lengths. Which pages have
run sheets, how many and how long they are is read from the pages, never written here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

import pytest

from conftest import soup
from content import (
    DEFAULT,
    LANGUAGES,
    ROOTS,
    german_pages,
    html_file,
    kit_page,
    source_file,
    squash,
)
from pdftext import page_texts
from test_book import pdf_path

pytestmark = pytest.mark.content
RANGE = re.compile(r"^(\d{1,2}):(\d{2})\s*[–-]\s*(\d{1,2}):(\d{2})$")
LENGTH = re.compile(r"^(\d+)\s*min\.?$", re.IGNORECASE)


@dataclass(frozen=True)
class Row:
    start: int  # minutes since midnight
    end: int
    length: int
    text: str  # the row as a reader sees it, for messages


def clock(hours: str, minutes: str) -> int:
    assert 0 <= int(hours) < 24 and 0 <= int(minutes) < 60, f"{hours}:{minutes} is no time"
    return int(hours) * 60 + int(minutes)


def cells(row) -> list[str]:
    return [" ".join(cell.get_text(" ").split()) for cell in row.find_all(["td", "th"])]


def is_run_sheet(table) -> bool:
    first = table.select_one("tbody tr")
    found = cells(first) if first else []
    return len(found) >= 2 and bool(RANGE.match(found[0])) and bool(LENGTH.match(found[1]))


def rows(table, where: str) -> list[Row]:
    parsed = []
    for row in table.select("tbody tr"):
        first, second, *_ = [*cells(row), "", ""]
        span, length = RANGE.match(first), LENGTH.match(second)
        assert span and length, (
            f"{where}: a run-sheet row must start with a time range and a length "
            f"('09:00–09:15 | 15 min'), not {cells(row)}"
        )
        parsed.append(
            Row(clock(*span.groups()[:2]), clock(*span.groups()[2:]), int(length[1]), first)
        )
    return parsed


def run_sheets(site, lang: str) -> dict[str, list[list[Row]]]:
    """Every run sheet of every page of a language, by page stem."""
    found = {}
    for stem in german_pages():
        page = html_file(site, lang, stem)
        tables = [table for table in soup(page).select("article table") if is_run_sheet(table)]
        if tables:
            found[stem] = [rows(table, f"{page} table {n}") for n, table in enumerate(tables, 1)]
    return found


@pytest.fixture(scope="module")
def sheets(built) -> dict[str, dict[str, list[list[Row]]]]:
    return {lang: run_sheets(built.site, lang) for lang in LANGUAGES}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_trainer_page_has_run_sheets(sheets, lang):
    assert sheets[lang].get(kit_page()), f"no run sheet on the trainer page ({lang})"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_run_sheets_times_add_up(sheets, lang):
    for stem, tables in sheets[lang].items():
        for n, table in enumerate(tables, 1):
            where = f"{lang} {stem}, run sheet {n}"
            *steps, total = table
            assert steps, f"{where}: a run sheet needs its rows and a total row last"
            for row in steps:
                assert row.start + row.length == row.end, (
                    f"{where}: {row.text} does not last {row.length} minutes"
                )
            for before, after in pairwise(steps):
                assert after.start == before.end, (
                    f"{where}: {after.text} does not start where {before.text} ends"
                )
            assert (total.start, total.end) == (steps[0].start, steps[-1].end), (
                f"{where}: the total row {total.text} is not first start to last end"
            )
            assert total.length == sum(row.length for row in steps) == total.end - total.start, (
                f"{where}: the total says {total.length} minutes, the rows add up to "
                f"{sum(row.length for row in steps)}"
            )


def test_both_languages_have_the_same_run_sheets(sheets):
    """A translation keeps the times: the same pages, sheets, rows, starts and lengths."""

    def times(lang):
        return {
            stem: [[(row.start, row.length) for row in table] for table in tables]
            for stem, tables in sheets[lang].items()
        }

    first, *others = LANGUAGES
    for lang in others:
        assert times(lang) == times(first), f"the run sheets of {lang} and {first} differ"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_guide_pdf_holds_every_run_sheet_of_the_trainer_page(built, sheets, lang):
    guide = squash(" ".join(page_texts(pdf_path(built.site, lang, "guide"))))
    for table in sheets[lang][kit_page()]:
        for row in table:
            assert squash(row.text) in guide, f"{row.text} is missing from the {lang} guide"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_file_and_address_the_trainer_page_names_is_published(built, lang):
    """The guide on paper names files and pages by path from the language's home page
    (`pdf/karten-a4-de.pdf`, `haltungen/augenhoehe/`): each one the site really has."""
    shown = lang if source_file(kit_page(), lang).exists() else DEFAULT  # or its original
    home = built.site / ROOTS[shown]
    page = soup(html_file(built.site, lang, kit_page()))
    named = {
        code.get_text()
        for code in page.select("article code")
        if re.fullmatch(r"[a-z0-9][a-z0-9/._-]*(\.pdf|/)", code.get_text())
    }
    assert any(path.endswith(".pdf") for path in named), "the trainer page names no PDF"
    missing = sorted(
        path
        for path in named
        if not (
            (home / path).is_file()
            or (home / path / "index.html").is_file()
            or (path.startswith("pdf/") and (home / path).is_dir())
        )
    )
    assert not missing, f"{lang}: the trainer page names paths the site does not have: {missing}"
