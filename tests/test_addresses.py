"""Printed QR codes and old addresses keep working when editors rename, move or delete.

The pages renamed and deleted here are chosen from docs/ (content.sample_card), and the
ids from mkdocs.yml's printed_cards: nothing names today's cards.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from cardkit.build import CardProblems, addresses, validate_docs
from conftest import SITE_URL, html_file, page_url, run_build, soup
from content import (
    LANGUAGES,
    MODEL,
    ROOT,
    ROOTS,
    card_id,
    core_site,
    other_cards,
    redirect_target,
    sample_card,
    short_address,
)
from tools.project import load_config, plugins

TIP = sample_card("tip")
NEW = f"{TIP}-neu"  # the name it is renamed to


def rename_page(project: Path, old: str, new: str) -> None:
    """What an editor does (CONTRIBUTING "Rename a page"): rename both files, change the
    nav line and every link to the page, and say where the old address leads now."""
    docs = project / "docs"
    for lang in LANGUAGES:
        if (docs / MODEL.source_name(old, lang)).exists():  # (or shown in its original)
            (docs / MODEL.source_name(old, lang)).rename(docs / MODEL.source_name(new, lang))
    name, new_name = f"{card_id(old)}.md", f"{card_id(new)}.md"
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        linked = re.sub(rf"(?<=[(/]){re.escape(name)}(?=[)#])", new_name, text)
        if linked != text:
            page.write_text(linked, encoding="utf-8")
    move(project, {f"{old}.md": f"{new}.md"}, nav={f"{old}.md": f"{new}.md"})


def move(project: Path, moved: dict[str, str], nav: dict[str, str | None] | None = None) -> None:
    """mkdocs.yml: lines under moved:, and nav lines changed (None: deleted)."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    block = "      moved:\n" + "".join(f"        {old}: {new}\n" for old, new in moved.items())
    text, found = re.subn(r"      moved:(?: \{\})?\n", block, text)
    assert found == 1, "mkdocs.yml: the handbook plugin's 'moved:' line"
    for old, new in (nav or {}).items():
        line = re.search(rf"\n( *)- {re.escape(old)}\n", text)
        assert line, old
        text = text.replace(line[0], f"\n{line[1]}- {new}\n" if new else "\n", 1)
    config.write_text(text, encoding="utf-8")


def planned(project: Path):
    """What the build's check says of a project copy's docs/ and mkdocs.yml."""
    options = plugins(load_config(project / "mkdocs.yml"))["handbook"]
    site = core_site(project / ".cache", docs=project / "docs", site_url=SITE_URL)
    deck = validate_docs(site, lambda src: MODEL.url_root(MODEL.split(src)[1]) + src_url(src))
    return addresses(
        site,
        deck,
        printed=options.get("printed_cards") or [],
        moved=options.get("moved") or {},
        url_of=src_url,
    )


def src_url(src: str) -> str:
    return page_url(MODEL.split(src)[0])


@pytest.fixture
def docs_project(tmp_path) -> Path:
    """docs/ and mkdocs.yml alone: enough for the check, and quick to copy."""
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


@pytest.mark.unit
def test_every_card_of_docs_is_listed_as_printed():
    """A card missing from printed_cards fails the build (the test below); this says it first."""
    assert planned(ROOT).short


@pytest.mark.unit
def test_a_deleted_printed_card_needs_a_line_saying_where_its_codes_lead(docs_project):
    for lang in LANGUAGES:
        (docs_project / "docs" / MODEL.source_name(TIP, lang)).unlink(missing_ok=True)
    with pytest.raises(CardProblems) as caught:
        planned(docs_project)
    message = str(caught.value)
    assert f"the card '{card_id(TIP)}' was printed" in message
    assert "Add a line under moved:" in message
    target = other_cards(TIP)[0]
    move(docs_project, {f"{TIP}.md": f"{target}.md"})
    found = planned(docs_project)
    for lang in LANGUAGES:
        leads = found.redirects[lang]
        assert leads[f"{ROOTS[lang]}k/{card_id(TIP)}/"] == ROOTS[lang] + page_url(target)
        assert leads[ROOTS[lang] + page_url(TIP)] == ROOTS[lang] + page_url(target)


@pytest.mark.unit
def test_a_new_card_must_be_listed_and_a_renamed_one_keeps_its_printed_code(docs_project):
    docs = docs_project / "docs"
    for lang in LANGUAGES:
        if (docs / MODEL.source_name(TIP, lang)).exists():
            (docs / MODEL.source_name(TIP, lang)).rename(docs / MODEL.source_name(NEW, lang))
    with pytest.raises(CardProblems) as caught:
        planned(docs_project)
    message = str(caught.value)
    assert f"docs/{NEW}.md: the card '{card_id(NEW)}' is new: add the line" in message
    assert f"the card '{card_id(TIP)}' was printed" in message
    move(docs_project, {f"{TIP}.md": f"{NEW}.md"})
    assert planned(docs_project).short[card_id(NEW)] == card_id(TIP)


@pytest.mark.unit
@pytest.mark.parametrize(
    "moved, problem",
    [
        ({"weg.md": "gibt-es-nicht.md"}, "which is not a page in docs/"),
        ({"a.md": "b.md", "b.md": "a.md"}, "in a circle"),
        ({f"{TIP}.md": "index.md"}, "is a page again; delete that line under moved:"),
    ],
)
def test_a_wrong_moved_line_is_named_with_its_fix(docs_project, moved, problem):
    move(docs_project, moved)
    with pytest.raises(CardProblems) as caught:
        planned(docs_project)
    assert problem in str(caught.value) and "mkdocs.yml: moved (plugins → handbook)" in str(
        caught.value
    )


def test_a_renamed_page_keeps_its_old_address_and_its_printed_qr_code(project):
    rename_page(project, TIP, NEW)
    build = run_build(project, extra_env={"HANDBOOK_PDFS": "false"})
    assert build.ok, build.log
    for lang in LANGUAGES:
        now = html_file(build.site, lang, NEW).resolve()
        old = ROOTS[lang] + page_url(TIP)
        assert redirect_target(build.site, old) == now
        printed = short_address(TIP, lang)
        assert redirect_target(build.site, printed) == now
        # the card on its new page (and every card printed from now on) keeps the old code
        shown = soup(now).select_one(".hb-card-section .hb-address").get_text("", strip=True)
        assert shown == SITE_URL + printed
