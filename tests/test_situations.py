"""The situations page ("Was tun, wenn …" / "What to do when …"): from what staff meet to
the scenes tagged with it where they are written.

Expected values are read from docs/: the situations list (docs/situationen.yml) and the
scenes' headings in the pages' Markdown; the built pages are read as HTML.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml

from cardkit.situations import SITUATIONS_FILE
from conftest import LANGUAGES, ROOTS, html_file, run_build, soup
from content import DEFAULT, DOCS, front_matter, german_pages, shown_source, source_file

NO_PDFS = {"HANDBOOK_PDFS": "false"}
TAGGED = re.compile(r'^#{2,6} (.+?) \{[^}]*data-situations="([^"]*)"[^}]*\}\s*$', re.M)


def situations(docs: Path = DOCS) -> list[dict]:
    return yaml.safe_load((docs / SITUATIONS_FILE).read_text(encoding="utf-8"))


def situations_page(docs: Path = DOCS) -> str:
    return next(
        stem
        for stem in german_pages(docs)
        if front_matter(source_file(stem, LANGUAGES[0], docs)).get("situations_sheet")
    )


def tagged_scenes(lang: str, docs: Path = DOCS) -> dict[str, set[tuple[str, str]]]:
    """situation id -> {(page stem, scene heading)}, read from the Markdown (a page with no
    file in lang: the default's, which that language shows)."""
    found: dict[str, set[tuple[str, str]]] = {}
    for stem in german_pages(docs):
        text = shown_source(stem, lang, docs).read_text(encoding="utf-8")
        for heading, tags in TAGGED.findall(text):
            for tag in tags.split():
                found.setdefault(tag, set()).add((stem, heading.strip()))
    return found


def stem_of(site: Path, lang: str, path: str) -> str:
    """The page stem a site path (/en/tipps/probleme/) belongs to."""
    rel = path.lstrip("/").removeprefix(ROOTS[lang]).strip("/")
    return rel or "index"


def linked_scenes(site: Path, lang: str, stem: str) -> dict[str, set[tuple[str, str]]]:
    """situation id -> {(page stem, heading text at the link's anchor)}, from the built
    situations page; each link's target page and anchor must exist and be tagged with it."""
    page_url = "/" + ROOTS[lang] + (stem + "/" if stem != "index" else "")
    page = soup(html_file(site, lang, stem))
    found: dict[str, set[tuple[str, str]]] = {}
    for section in page.select(".hb-situation"):
        situation = section.select_one("h2")["id"]
        for link in section.select("li > a:first-child"):
            target = urlsplit(urljoin(page_url, link["href"]))
            target_stem = stem_of(site, lang, target.path)
            heading = soup(html_file(site, lang, target_stem)).find(id=target.fragment)
            assert heading is not None, (link["href"], "anchor missing")
            assert situation in heading.get("data-situations", "").split(), link["href"]
            text = heading.get_text(" ", strip=True).removesuffix("¶").strip()
            found.setdefault(situation, set()).add((target_stem, text))
    return found


def test_the_page_links_every_scene_tagged_with_each_situation_in_both_languages(built):
    stem = situations_page()
    for lang in LANGUAGES:
        expected = tagged_scenes(lang)
        assert expected, "the pages tag scenes with situations"
        assert linked_scenes(built.site, lang, stem) == expected
        page = soup(html_file(built.site, lang, stem))
        names = {h2["id"]: h2.get_text(strip=True) for h2 in page.select(".hb-situation h2")}
        # a language's own names; the default's where it has none (its page is the default's)
        assert names == {
            s["id"]: s.get(lang) or s[DEFAULT] for s in situations() if s["id"] in expected
        }
        # in the list's order
        order = [s["id"] for s in situations() if s["id"] in expected]
        assert list(names) == order
        # each scene's page with a card: a link to the card, whose anchor is on the page
        for link in page.select(".hb-situation-card"):
            target = urlsplit(urljoin("/" + ROOTS[lang] + stem + "/", link["href"]))
            card_page = soup(html_file(built.site, lang, stem_of(built.site, lang, target.path)))
            assert card_page.find(id=target.fragment) is not None, link["href"]


def test_the_page_is_reachable_from_the_home_page_and_the_top_menu(built):
    stem = situations_page()
    for lang in LANGUAGES:
        target = "/" + ROOTS[lang] + stem + "/"
        home = soup(html_file(built.site, lang, "index"))
        home_links = {
            urlsplit(urljoin("/" + ROOTS[lang], a["href"])).path
            for a in home.select("article .grid.cards a[href]")
        }
        assert target in home_links, "a home tile leads to it"
        page = soup(html_file(built.site, lang, "index"))
        top = page.select(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link")
        top_links = {urlsplit(urljoin("/" + ROOTS[lang], a["href"])).path for a in top}
        assert target in top_links, "a first-level menu entry leads to it"
        title = front_matter(shown_source(stem, lang))["title"]
        assert page.select_one("title") and any(title in a.get_text() for a in top)


def _retag_first_untagged_scene(project: Path, tag: str) -> tuple[str, dict[str, str]]:
    """What an editor does: tag a scene heading, in every language the page is written in.
    Returns the page stem and the heading per language (a language that shows the
    original: the original's heading)."""
    docs = project / "docs"
    for stem in german_pages(docs):
        headings = {}
        written = [lang for lang in LANGUAGES if source_file(stem, lang, docs).exists()]
        for lang in written:
            path = source_file(stem, lang, docs)
            text = path.read_text(encoding="utf-8")
            match = re.search(r"^### ([^{\n]+?)\s*$", text, re.M)
            if not match or "data-situations" not in text:
                break
            headings[lang] = match.group(1)
            text = text[: match.end(1)] + f' {{ data-situations="{tag}" }}' + text[match.end(1) :]
            path.write_text(text, encoding="utf-8")
        if len(headings) == len(written):
            return stem, {lang: headings.get(lang, headings[DEFAULT]) for lang in LANGUAGES}
    raise AssertionError("no page with an untagged scene heading")


def test_a_scene_an_editor_tags_appears_and_an_unknown_tag_stops_the_build(project):
    docs = project / "docs"
    # a situation no scene is tagged with yet (or the last one): it appears once tagged
    untagged = [s for s in situations(docs) if s["id"] not in tagged_scenes(LANGUAGES[0], docs)]
    situation = (untagged or situations(docs))[-1]
    stem, headings = _retag_first_untagged_scene(project, situation["id"])
    build = run_build(project, extra_env=NO_PDFS)
    assert build.ok, build.log
    for lang in LANGUAGES:
        linked = linked_scenes(build.site, lang, situations_page(docs))
        assert (stem, headings[lang]) in linked[situation["id"]]

    page = source_file(stem, LANGUAGES[0], docs)
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace(situation["id"], "wuetend-kunde-xyz", 1), encoding="utf-8")
    build = run_build(project, extra_env=NO_PDFS)
    assert not build.ok
    relative = page.relative_to(project).as_posix()
    assert re.search(
        rf"{re.escape(relative)}:\d+: .*unknown situation 'wuetend-kunde-xyz'", build.log
    )
    assert all(s["id"] in build.log for s in situations(docs)), "the known situations are listed"
    assert "Traceback" not in build.log


# ---- the core, without a build ---------------------------------------------------------


def test_a_scene_anchor_is_the_one_the_toc_extension_gives_and_a_bad_tag_names_file_and_line():
    from cardkit.situations import find_scenes
    from cardkit.source import Page

    page = Page("x.md", "docs/x.md", "de", "x", {"title": "X"})
    text = (
        "# X\n\n### Am Telefon\n\nErst.\n\n"
        '### Am Telefon { data-situations="a b" }\n\nEine Kundin ruft an. Dann mehr.\n\n'
        '```\n### Im Code { data-situations="zz" }\n```\n\n'
        '### Eigen { #mein-ort data-situations="b" }\n\nText.\n\n'
        '### Falsch { data-situations="a q" }\n'
    )
    scenes, errors = find_scenes(page, text, ["a", "b"])
    assert [(s.anchor, s.tags, s.teaser) for s in scenes] == [
        ("am-telefon_1", ("a", "b"), "Eine Kundin ruft an."),
        ("mein-ort", ("b",), "Text."),
    ]
    assert [str(error) for error in errors] == [
        "docs/x.md:19: the scene 'Falsch' has the unknown situation 'q'; known situations "
        "(docs/situationen.yml): a, b"
    ]


def test_a_language_without_its_own_situations_page_shows_the_default_names(tmp_path):
    """A language added by configuration needs no names in docs/situationen.yml (its
    situations page is the default's, so are the names); once that page is translated it
    needs its own, and the message names the file, the entry and the language."""
    import pytest

    from cardkit.languages import Languages
    from cardkit.model import CardError
    from cardkit.situations import load_situations

    langs = Languages("de", ("en", "xx"))
    (tmp_path / SITUATIONS_FILE).write_text(
        "- id: warten\n  de: Jemand wartet\n  en: Someone waits\n", encoding="utf-8"
    )
    (listed,) = load_situations(tmp_path, "docs", langs, translated={"en"})
    assert listed.names == {"de": "Jemand wartet", "en": "Someone waits", "xx": "Jemand wartet"}
    with pytest.raises(CardError) as error:
        load_situations(tmp_path, "docs", langs, translated={"en", "xx"})
    assert str(error.value) == (
        f"docs/{SITUATIONS_FILE}: entry 1 (warten): 'xx:' needs a name of 1 to 100 characters"
    )


def test_a_page_shown_in_its_original_brings_its_scenes_to_that_language():
    """A page with no file in a language (the default's stands in there) lists its scenes
    on that language's situations page, under the file name the language shows it as."""
    from cardkit.languages import Languages
    from cardkit.situations import Scene, with_fallback_scenes

    langs = Languages("de", ("en", "xx"))
    scene = Scene("tipps/x.md", "de", "X", "Am Telefon", "am-telefon", "Erst.", ("warten",))
    english = Scene("tipps/x.en.md", "en", "X", "On the phone", "on-the-phone", "F.", ("warten",))
    found = with_fallback_scenes([scene, english], ["tipps/x.md", "tipps/x.en.md"], langs)
    assert [(s.src_uri, s.lang, s.anchor) for s in found] == [
        ("tipps/x.md", "de", "am-telefon"),
        ("tipps/x.en.md", "en", "on-the-phone"),
        ("tipps/x.xx.md", "xx", "am-telefon"),
    ]


def test_an_unreadable_situations_list_is_the_one_message(tmp_path):
    """A mistake in docs/situationen.yml is reported once, naming the file; the scenes
    tagged in the pages are not each called "unknown" on top of it."""
    import shutil

    import pytest

    from cardkit.build import validate_docs
    from cardkit.loader import CardProblems
    from content import core_site

    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    (docs / SITUATIONS_FILE).write_text("- id: warten\n  de: [kein, Text]\n", encoding="utf-8")
    with pytest.raises(CardProblems) as problems:
        validate_docs(core_site(tmp_path / ".cache", docs=docs))
    assert [str(error) for error in problems.value.errors] == [
        f"docs/{SITUATIONS_FILE}: entry 1 (warten): 'de:' needs a name of 1 to 100 characters"
    ]
