"""What editors use: new-card scaffolding, edit links, translation freshness, lint, links."""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cardkit import translations
from cardkit.labels import LABELS, kind_heading
from cardkit.reading_labels import long_date
from cardkit.scaffold import FILL_IN, FOLDERS
from conftest import LANGUAGES, ROOT, html_file, run_build, soup
from content import (
    CONFIG,
    DEFAULT,
    cards_page,
    folder_of,
    german_pages,
    in_deck_order,
    sample_card,
    shown_source,
    source_cards,
    source_file,
)
from tools.check_links import check
from tools.project import load_config, nav_entries

NO_PDFS = {"HANDBOOK_PDFS": "false"}
CONFIG_TEXT = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
DEFAULT_EDIT_URL = CONFIG["edit_uri"]  # mkdocs.yml's default, without HANDBOOK_EDIT_URL
TIP = sample_card("tip")  # the page these tests change, chosen from docs/
TIP_ID = TIP.rsplit("/", 1)[-1]


def new_card(project: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tools.new_card", *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def fill_in(page: Path) -> None:
    """What an editor does next: replace every AUSFÜLLEN/FILL IN text with real words."""
    text = page.read_text(encoding="utf-8")
    for mark in FILL_IN.values():
        text = text.replace(f"{mark}: ", "")
    page.write_text(text, encoding="utf-8")


# --- make new-card -----------------------------------------------------------------------


def test_a_new_attitude_and_a_new_tip_need_nothing_but_their_texts(project):
    """CONTRIBUTING's flow: make new-card twice, fill in the texts; nothing else to edit."""
    made = {kind: f"neu-{kind}" for kind in FOLDERS}
    before = {lang: source_cards(lang, project / "docs") for lang in LANGUAGES}
    for kind, card_id in made.items():
        result = new_card(project, env={"KIND": kind, "ID": card_id})
        assert result.returncode == 0, result.stderr
        for lang in LANGUAGES:
            page = source_file(f"{FOLDERS[kind]}/{card_id}", lang, Path("docs")).as_posix()
            assert f"created {page}" in result.stdout
            fill_in(project / page)
    nav = nav_entries(load_config(project / "mkdocs.yml")["nav"])
    for kind, card_id in made.items():  # right after the last page of its kind
        last = max(
            (stem for stem, card in before[LANGUAGES[0]].values() if card["kind"] == kind),
            key=lambda stem: nav.index(f"{stem}.md"),
        )
        assert nav.index(f"{FOLDERS[kind]}/{card_id}.md") == nav.index(f"{last}.md") + 1
    build = run_build(project, extra_env=NO_PDFS)
    assert build.ok, build.log
    sheet = cards_page(project / "docs")
    for lang in LANGUAGES:
        after = source_cards(lang, project / "docs")
        kinds = [card["kind"] for _, card in after.values()]
        headings = [
            h.get_text(strip=True)
            for h in soup(html_file(build.site, lang, sheet)).select("h2[id^=hb-]")
        ]
        assert headings == [
            kind_heading(LABELS[lang], kind, kinds.count(kind)) for kind in FOLDERS if kind in kinds
        ]
        for kind, card_id in made.items():
            stem, card = after[card_id]
            assert card["order"] == 1 + sum(  # last of its kind: the nav's order
                c["kind"] == kind for _, c in before[lang].values()
            )
            page = soup(html_file(build.site, lang, stem))
            assert page.select_one(f"#hb-card-{card_id}") is not None
            assert soup(html_file(build.site, lang, sheet)).select_one(f"#hb-card-{card_id}")
            assert FILL_IN.get(lang, FILL_IN[LANGUAGES[0]]) not in page.get_text()
            # the skeleton's own words follow the typography test_content.py checks
            words = page.select_one("article").get_text()
            assert not [mark for mark in ('"', "'" if lang == "en" else '"') if mark in words]


@pytest.mark.unit
def test_no_heading_or_nav_title_counts_the_cards_in_words():
    """'Fünf Haltungen statt Verbeugung' turns false with the sixth attitude: headings and
    nav titles name the kinds without their number (the cards page counts them itself).
    The number words and the kinds' names come from the labels of each language."""
    found = []
    for lang in LANGUAGES:
        labels = LABELS[lang]
        nouns = [kind.format(count="").split()[-1] for kind in labels["kinds"].values()]
        counted = re.compile(
            rf"\b(?:{'|'.join(map(re.escape, labels['numbers'][2:]))})\s+(?:\w+\s+)?"
            rf"(?:{'|'.join(nouns)})\b",
            re.I,
        )
        headings = [
            f"{source_file(stem, lang).relative_to(ROOT)}: {line}"
            for stem in german_pages()
            if source_file(stem, lang).exists()
            for line in source_file(stem, lang).read_text(encoding="utf-8").splitlines()
            if line.startswith("#")
        ]
        titles = [f"mkdocs.yml: {line.strip()}" for line in CONFIG_TEXT.splitlines()]
        found += [text for text in headings + titles if counted.search(text)]
    assert not found, found


@pytest.mark.unit
def test_make_new_card_passes_its_values_as_data_never_as_shell_code(tmp_path):
    """KIND and ID reach the tool through the environment: quotes and ';' stay text."""
    marker = tmp_path / "ran"
    # -o: the venv counts as set up, so only new-card's own recipe is printed
    result = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "-n",
            "-o",
            ".venv/.build-installed",
            "new-card",
            f'ID=x" ; touch {marker} ; "',
            "KIND=tip",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "touch" not in result.stdout  # the recipe holds no value of ID or KIND
    assert "-m tools.new_card" in result.stdout
    assert not marker.exists()


@pytest.mark.unit
@pytest.mark.parametrize(
    "args, message",
    [
        (
            ("--kind", "tip", "--id", TIP_ID),
            f"new-card: ID='{TIP_ID}' is taken by docs/{TIP}.en.md and "
            f"docs/{TIP}.md; "
            "card ids come from file names and must be unique, so choose another ID",
        ),
        (
            ("--kind", "tip", "--id", "Klare Worte"),
            "new-card: ID='Klare Worte' is not a lowercase slug; use letters a-z, digits "
            "and single "
            "hyphens",
        ),
        (
            ("--kind", "tip", "--id", "../../etc"),
            "new-card: ID='../../etc' is not a lowercase slug",
        ),
        (
            ("--kind", "tipp", "--id", "klare-worte"),
            "new-card: KIND='tipp' is not a card kind; use one of: attitude, tip",
        ),
        (
            ("--kind", "tip", "--id", "a" * 65),
            "new-card: ID='aaaaaaaaaaaaaaaaaaaa'... has 65 characters; use at most 64",
        ),
        (("--kind", "tip", "--id", ""), "new-card: ID is empty; name the card"),
    ],
)
def test_new_card_refuses_and_changes_nothing(project, args, message):
    before = {path: path.read_bytes() for path in project.rglob("*") if path.is_file()}
    refused = new_card(project, *args)
    assert refused.returncode == 2
    assert message in refused.stderr
    assert "Traceback" not in refused.stderr
    after = {path: path.read_bytes() for path in project.rglob("*") if path.is_file()}
    assert after == before


@pytest.mark.unit
def test_new_card_says_what_to_add_where_the_nav_lists_no_page_of_its_kind(project):
    config = project / "mkdocs.yml"
    without_tips = "".join(
        line
        for line in config.read_text(encoding="utf-8").splitlines(True)
        if not line.strip().startswith(f"- {FOLDERS['tip']}/")
    )
    config.write_text(without_tips, encoding="utf-8")
    made = new_card(project, "--kind", "tip", "--id", "klare-worte")
    assert made.returncode == 0, made.stderr
    assert (
        f"mkdocs.yml: add the line '- {FOLDERS['tip']}/klare-worte.md' under nav:, "
        "where the page should appear"
    ) in made.stdout
    # the nav unchanged; the id listed for its QR code's address
    assert config.read_text(encoding="utf-8") == re.sub(
        r"(      printed_cards:\n(?:        - .*\n)*)", r"\1        - klare-worte\n", without_tips
    )
    assert "added '- klare-worte' to printed_cards:" in made.stdout
    assert (project / "docs" / FOLDERS["tip"] / "klare-worte.en.md").is_file()


@pytest.mark.unit
def test_every_fill_in_text_was_replaced_in_docs():
    left = [
        f"{path.relative_to(ROOT)}: line {number}"
        for path in sorted((ROOT / "docs").rglob("*.md"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if any(f"{mark}:" in line for mark in FILL_IN.values())
    ]
    assert left == [], (
        "replace the 'AUSFÜLLEN:' / 'FILL IN:' texts that "
        "'make new-card' left in: " + ", ".join(left)
    )


# --- Edit this page ----------------------------------------------------------------------


def edit_links(site: Path, lang: str, stem: str) -> list[str]:
    page = soup(html_file(site, lang, stem))
    return [a["href"] for a in page.select("a.md-content__button[href]")]


def test_every_page_links_to_its_own_file_in_the_web_editor(built):
    for stem in german_pages():
        assert edit_links(built.site, "de", stem) == [f"{DEFAULT_EDIT_URL}{stem}.md"]
        shown = shown_source(stem, "en").relative_to(ROOT / "docs").as_posix()
        assert edit_links(built.site, "en", stem) == [f"{DEFAULT_EDIT_URL}{shown}"]


def test_the_edit_address_is_configurable_and_calls_no_repository_api(project):
    address = "https://code.example.intranet/team/handbuch/-/edit/main/docs/"
    build = run_build(project, extra_env={**NO_PDFS, "HANDBOOK_EDIT_URL": address})
    assert build.ok, build.log
    assert edit_links(build.site, "de", TIP) == [f"{address}{TIP}.md"]
    assert edit_links(build.site, "en", TIP) == [f"{address}{TIP}.en.md"]
    for lang in LANGUAGES:  # no repo_url: the theme's repository widget (and API call) is off
        assert soup(html_file(build.site, lang, "index")).select(".md-source") == []


# --- Translations and the text they were checked against ----------------------------------


def report(project: Path) -> str:
    return subprocess.run(
        [sys.executable, "-m", "tools.translation_report", "--config", str(project / "mkdocs.yml")],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout


def translated(project: Path, file: str) -> subprocess.CompletedProcess:
    """`make translated FILE=...`: make hands FILE to the tool in the environment."""
    return subprocess.run(
        [sys.executable, "-m", "tools.translated", "--config", str(project / "mkdocs.yml")],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "FILE": file},
    )


def stale_notes(site: Path) -> dict[str, str]:
    """Every page that carries the out-of-date note, with the note's text."""
    return {
        path.relative_to(site).as_posix(): note.get_text(" ", strip=True)
        for path in sorted(site.rglob("index.html"))
        for note in soup(path).select(".hb-stale-translation")
    }


def card_pairs(project: Path) -> list[tuple[str, Path, Path]]:
    """(stem, original, translation) of every card page, in deck order: any three will do."""
    other = next(lang for lang in LANGUAGES if lang != DEFAULT)
    docs = project / "docs"
    return [
        (stem, source_file(stem, DEFAULT, docs), source_file(stem, other, docs))
        for stem, _ in in_deck_order(source_cards(DEFAULT, docs))
    ]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.unit
def test_dates_are_written_as_readers_of_each_language_write_them():
    day = datetime.date(2026, 12, 5)
    assert long_date(day, "de") == "5. Dezember 2026"
    assert long_date(day, "en") == "5 December 2026"


def test_a_translation_is_flagged_only_when_the_text_it_was_checked_against_changed(project):
    """German text changed: English readers see a note. English text changed: the German
    editors are told. A setting (a card's order) changed: nothing. Which language was saved
    first does not matter; `make translated` records the check."""
    (
        (german_stem, german, english),
        (_, german_b, english_b),
        (_, german_c, english_c),
    ) = card_pairs(project)[:3]
    checked = datetime.date(2026, 12, 5)
    for original, translation in ((german, english), (german_b, english_b), (german_c, english_c)):
        translations.confirm(translation, original, checked)
    listed = report(project)
    assert english.name not in listed and english_b.name not in listed

    edit(german, "\n## ", "\nEin neuer Absatz.\n\n## ")  # German text
    edit(english_b, "\n## ", "\nA new paragraph.\n\n## ")  # English text only
    order = re.compile(r"^(  order: )(\d+)$", re.M)  # a setting, in both languages
    for path in (german_c, english_c):
        path.write_text(order.sub(lambda m: m[1] + m[2] + "0", path.read_text("utf-8")), "utf-8")

    listed = report(project)
    relative = {path: path.relative_to(project).as_posix() for path in (english, english_b)}
    assert f"{relative[english]}: {german.relative_to(project).as_posix()} (German) changed" in (
        listed
    )
    assert (
        f"{relative[english_b]} itself changed since the check on 2026-12-05: carry a change "
        f"of meaning over to {german_b.relative_to(project).as_posix()}"
    ) in listed
    assert english_c.name not in listed
    assert f"then run: make translated FILE={relative[english]}" in listed

    build = run_build(project, extra_env=NO_PDFS)
    assert build.ok, build.log
    assert f"translation to check: {relative[english]}" in build.log
    assert f"translation to check: {relative[english_b]}" in build.log
    notes = stale_notes(build.site)
    page = html_file(build.site, english_lang(), german_stem).relative_to(build.site).as_posix()
    assert list(notes) == [page]  # not the German page, not the English-only change
    assert notes[page].startswith(
        f"{translations.WORDS['en']['note_title']} The German original of this page has "
        "changed since this translation was last checked on 5 December 2026."
    )
    original = soup(build.site / page).select_one(".hb-stale-translation a")["href"]
    assert (build.site / page).parent.joinpath(original, "index.html").resolve() == (
        html_file(build.site, DEFAULT, german_stem).resolve()
    )

    # Editing the English page for another reason does not clear its flag: only a check does.
    edit(english, "\n## ", "\nA sentence on something else.\n\n## ")
    assert f"{relative[english]}: {german.relative_to(project).as_posix()} (German) changed" in (
        report(project)
    )
    for file in (relative[english], german_b.relative_to(project).as_posix()):
        result = translated(project, file)
        assert result.returncode == 0, result.stdout
    assert english.name not in report(project) and english_b.name not in report(project)
    assert "translation:" in english.read_text(encoding="utf-8")


def test_translated_names_a_file_it_does_not_know(project):
    result = translated(project, "docs/gibt-es-nicht.en.md")
    assert result.returncode == 1
    assert "docs/gibt-es-nicht.en.md: not a page with a translation below docs/" in result.stdout


def english_lang() -> str:
    return next(lang for lang in LANGUAGES if lang != DEFAULT)


# --- Markdown lint -----------------------------------------------------------------------


def lint(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pymarkdown",
            "--strict-config",
            "--config",
            str(ROOT / ".pymarkdown.json"),
            "scan",
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.unit
def test_docs_pass_the_markdown_lint():
    result = lint(ROOT / "docs" / "**" / "*.md", ROOT / "docs" / "*.md")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.unit
def test_the_markdown_lint_names_file_line_and_rule(tmp_path):
    page = tmp_path / "seite.md"
    page.write_text(
        "---\ntitle: Seite\n---\n\n# Seite\n## Abschnitt\n\nText.\n\n\n# Zweiter Titel\n",
        encoding="utf-8",
    )
    result = lint(page)
    assert result.returncode == 1
    assert f"{page}:6:1: MD022: Headings should be surrounded by blank lines." in result.stdout
    assert f"{page}:11:1: MD025: Multiple top-level headings in the same document" in result.stdout


# --- Links and anchors on the built site -------------------------------------------------


@pytest.mark.content
def test_every_link_and_anchor_of_the_built_site_resolves(built):
    clean, found = check(built.site)
    assert clean, found


def test_a_broken_link_or_anchor_fails_the_strict_build_and_the_link_checker(project):
    page = project / "docs" / f"{TIP}.en.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + f"\n[gone](gibts-nicht.md)\n\n[no such part]({TIP_ID}.md#nirgendwo)\n",
        encoding="utf-8",
    )
    strict = run_build(project, extra_env=NO_PDFS)
    assert not strict.ok
    assert (
        f"Doc file '{TIP}.en.md' contains a link 'gibts-nicht.md', but the target "
        f"'{folder_of(TIP)}gibts-nicht.md' is not found among documentation files."
    ) in strict.log
    assert f"contains a link '{TIP_ID}.md#nirgendwo'" in strict.log
    anyway = run_build(project, extra_env=NO_PDFS, args=("--no-strict",))
    assert anyway.ok, anyway.log
    # LinkChecker from the folder of the broken page (it follows only links inside the
    # folder it starts in); every other page is removed, so the crawl stays short (its
    # links to them are reported too, and not looked at here).
    keep = anyway.site / f"en/{TIP}/index.html"
    for page in anyway.site.rglob("*.html"):
        if page != keep:
            page.unlink()
    clean, found = check(anyway.site, start=f"en/{TIP}/")
    assert not clean
    assert "Parent URL http://127.0.0.1:" in found and f"/en/{TIP}/" in found
    assert "Anchor `nirgendwo'" in found
    assert "gibts-nicht.md" in found


def test_a_page_missing_from_the_nav_fails_the_strict_build_and_is_named(project):
    for name, text in (("neu.md", "# Neu\n"), ("neu.en.md", "# New\n")):
        (project / "docs" / name).write_text(text, encoding="utf-8")
    build = run_build(project, extra_env=NO_PDFS)
    assert not build.ok
    assert (
        "The following pages exist in the docs directory, but are not included in the "
        '"nav" configuration:\n  - neu.md'
    ) in build.log
