"""What changed, from git: in a project copy with two known commits, a card's checklist
changes; "Neu und geändert" / "What's new" and the Atom feed of each language list it with
its date and reason (the `changes:` note where the commit wrote one, else the subject), and
"My checklists" in Chromium marks the card for a reader who ticked it before. One build.

Expected values come from docs/ (the pages marked changes_page and practice_sheet, the
cards), the handbook's word lists and the commits this test makes.
"""

from __future__ import annotations

import json
import subprocess
from xml.etree import ElementTree

from browser import url_of
from cardkit.reading_labels import LABELS
from conftest import SITE_URL, run_build, soup
from content import (
    CARDS,
    DEFAULT,
    LANGUAGES,
    ROOTS,
    front_matter,
    german_pages,
    in_deck_order,
    page_url,
    set_card,
    shown_source,
    source_file,
)
from tools.preview import nginx

ATOM = "{http://www.w3.org/2005/Atom}"
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid"]
GIT += ["-c", "commit.gpgsign=false"]
SUBJECT = "Checklist: sum up at the end"
NOTE = "Neuer Punkt, am Ende zusammenfassen, was vereinbart ist"  # German only
ADDED = {
    "de": "Ich fasse am Ende zusammen, was wir vereinbart haben.",
    "en": "I sum up what we agreed.",
}


def marked(key: str) -> str:
    return next(s for s in german_pages() if front_matter(source_file(s, DEFAULT)).get(key))


def commit(project, message: str, day: str, *args: str) -> None:
    stamp = {"GIT_AUTHOR_DATE": f"{day}T12:00:00Z", "GIT_COMMITTER_DATE": f"{day}T12:00:00Z"}
    subprocess.run(
        [*GIT, "commit", "-q", *args, "-m", message],
        cwd=project,
        check=True,
        env={"PATH": "/usr/bin:/bin", **stamp},
    )


def test_a_changed_checklist_is_new_on_the_page_in_the_feed_and_on_my_checklists(
    project, browser, tmp_path
):
    stem, _ = in_deck_order(CARDS[DEFAULT])[0]
    card_id = stem.rsplit("/", 1)[-1]
    subprocess.run([*GIT, "init", "-q"], cwd=project, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=project, check=True)
    commit(project, "all", "2024-03-15")
    # each language the page is written in; a language showing the original (one added by
    # configuration) lists the original's change: its note, its new item, its title
    written = [lang for lang in LANGUAGES if source_file(stem, lang, project / "docs").exists()]
    shown = {lang: lang if lang in written else DEFAULT for lang in LANGUAGES}
    for lang in written:
        src = source_file(stem, lang, project / "docs").relative_to(project / "docs").as_posix()
        set_card(
            project, src, lambda card, lang=lang: card["checklist"].__setitem__(-1, ADDED[lang])
        )
    path = source_file(stem, DEFAULT, project / "docs")
    path.write_text(path.read_text("utf-8").replace("---\n", f"---\nchanges: {NOTE}\n", 1), "utf-8")
    commit(project, SUBJECT, "2025-07-04", "-a")
    build = run_build(project, extra_env={"HANDBOOK_PDFS": "false"})
    assert build.ok, build.log

    for lang in LANGUAGES:
        reason = NOTE if shown[lang] == DEFAULT else SUBJECT
        title = front_matter(shown_source(stem, lang, project / "docs"))["title"]
        # the page: the newest change first, with its day, reason and added item
        page = soup(build.site / url_of(marked("changes_page"), lang) / "index.html")
        first = page.select_one(".hb-changes-list > li")
        assert first is not None, "no change listed"
        assert first.select_one("time")["datetime"] == "2025-07-04"
        assert first.select_one("a").get_text(strip=True) == title
        assert first.select_one(".hb-changes-reason").get_text(strip=True) == reason
        assert first.select_one(".hb-changes-badge").get_text() == LABELS[lang]["changes_checklist"]
        assert ADDED[shown[lang]] in first.get_text()
        older = page.select(".hb-changes-list time")
        assert [t["datetime"] for t in older] == sorted(
            (t["datetime"] for t in older), reverse=True
        )
        assert {t["datetime"] for t in older} == {"2025-07-04", "2024-03-15"}

        # the feed: valid Atom, the same change first, every link to the handbook itself
        feed = ElementTree.parse(build.site / ROOTS[lang] / "atom.xml").getroot()
        assert feed.tag == f"{ATOM}feed"
        for part in ("id", "title", "updated", "author"):
            assert feed.find(f"{ATOM}{part}") is not None, part
        entries = feed.findall(f"{ATOM}entry")
        ids = [entry.findtext(f"{ATOM}id") for entry in entries]
        assert len(set(ids)) == len(ids) > 1
        for entry in entries:
            for part in ("id", "title", "updated", "link", "summary"):
                assert entry.find(f"{ATOM}{part}") is not None, part
        links = [link.get("href") for link in feed.iter(f"{ATOM}link")]
        assert links and all(href.startswith(SITE_URL + ROOTS[lang]) for href in links)
        newest = entries[0]
        assert newest.findtext(f"{ATOM}title") == title
        assert newest.findtext(f"{ATOM}updated").startswith("2025-07-04")
        assert newest.findtext(f"{ATOM}summary") == reason
        assert newest.find(f"{ATOM}link").get("href") == SITE_URL + ROOTS[lang] + page_url(stem)

    # "My checklists": ticked before the change -> the note; ticked again -> gone
    ticks = {"cards": {card_id: {"ticked": [0], "changed": "2025-01-02T09:00:00.000Z"}}}
    with nginx(build.site, tmp_path / "nginx") as base:
        context = browser.new_context()
        try:
            tab = context.new_page()
            for lang in LANGUAGES:
                tab.goto(base + url_of(marked("practice_sheet"), lang))
                tab.evaluate("t => localStorage.setItem('hb-practice', t)", json.dumps(ticks))
                tab.reload()
                section = tab.locator(f"[data-hb-practice] [data-hb-card='{card_id}']")
                note = section.locator(".hb-practice-news")
                assert note.count() == 1
                reason = NOTE if shown[lang] == DEFAULT else SUBJECT
                assert reason in note.inner_text() and ADDED[shown[lang]] in note.inner_text()
                assert tab.locator(".hb-practice-news:visible").count() == 1  # only this card
                section.locator("input.hb-tick").nth(1).check()
                assert note.count() == 0
        finally:
            context.close()


def test_outside_git_the_page_says_so_and_offers_no_feed(built):
    """The shared build is a copy outside git: no history to list, no feed to link."""
    for lang in LANGUAGES:
        page = soup(built.site / url_of(marked("changes_page"), lang) / "index.html")
        assert LABELS[lang]["changes_none"] in page.get_text()
        assert page.select(".hb-changes-feed, .hb-changes-list") == []
        assert not (built.site / ROOTS[lang] / "atom.xml").exists()
        practice = soup(built.site / url_of(marked("practice_sheet"), lang) / "index.html")
        assert practice.select("[data-hb-changed]") == []
