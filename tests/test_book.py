"""The handbook on paper: the book PDF per language and the trainer's kit, read from the
real PDFs of the shared build with pypdf. What they must hold is read from docs/ and
mkdocs.yml (tests/content.py), never written into the test."""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import shutil
from datetime import datetime, timezone

import pytest
from pypdf import PdfReader

from cardkit.book import SETS
from cardkit.book_labels import BOOK_LABELS
from cardkit.labels import LABELS, edition
from conftest import EPOCH, SITE_URL, copy_project, run_build, soup
from content import (
    CARDS,
    CONFIG,
    DEFAULT,
    LANGUAGES,
    MODEL,
    ROOTS,
    core_site,
    front_matter,
    german_pages,
    html_file,
    in_deck_order,
    kit_page,
    nav_sections,
    short_address,
    shown_source,
    site_name,
    source_file,
    squash,
    title,
)
from pdftext import baselines, page_texts

A4 = (595.3, 841.9)  # points


def pdf_path(site, lang: str, kind: str):
    return site / ROOTS[lang] / "pdf" / f"{BOOK_LABELS[lang]['files'][kind]}-{lang}.pdf"


KIT_MARKER = '<div class="hb-pdfs" data-set="kit"></div>'  # the trainer page: the kit's guide


def is_kit_page(stem: str) -> bool:
    return KIT_MARKER in source_file(stem, DEFAULT).read_text(encoding="utf-8")


def book_stems() -> list[str]:
    """The pages the book holds: all but the home page (the cover stands for it), the
    practice page (its ticks live in a browser), the cards page (its files are for
    printing), the trainer page (the kit's workshop guide), the card of the day (a screen)
    and "What's new" (a list from git)."""
    browser_only = ("practice_sheet", "cards_sheet", "daily_screen", "changes_page")
    return [
        stem
        for stem in german_pages()
        if stem != "index"
        and not any(front_matter(source_file(stem, DEFAULT)).get(key) for key in browser_only)
        and not is_kit_page(stem)
    ]


def editors_contact() -> str:
    """The imprint's contact: the brand's, else the address of "Suggest a change"."""
    from tools.project import plugins

    options = plugins(CONFIG)["handbook"]
    return (options.get("brand") or {}).get("contact") or options["suggest_email"]


def contents_page(reader: PdfReader, lang: str) -> int:
    """The number (from 1) of the contents' first page, by its bookmark."""
    return {name: page for depth, name, page in outline(reader)}[BOOK_LABELS[lang]["contents"]]


def first_text_page(reader: PdfReader, lang: str) -> int:
    """The number of the first page after the front matter (cover, imprint, contents)."""
    contents = contents_page(reader, lang)
    return min(page for depth, name, page in outline(reader) if page > contents)


def outline(reader: PdfReader, items=None, depth: int = 0) -> list[tuple[int, str, int]]:
    """(depth, title, page number from 1) of every bookmark, in order."""
    found = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            found += outline(reader, item, depth + 1)
        else:
            page = reader.get_destination_page_number(item)
            assert item.title is not None and page is not None, (
                f"bookmark without title or page: {item}"
            )
            found.append((depth, item.title, page + 1))
    return found


@pytest.fixture(scope="module")
def books(built) -> dict[str, PdfReader]:
    return {lang: PdfReader(pdf_path(built.site, lang, "book")) for lang in LANGUAGES}


@pytest.fixture(scope="module")
def book_text(built) -> dict[str, list[str]]:
    """Each book's text, page by page, extracted once."""
    return {lang: page_texts(pdf_path(built.site, lang, "book")) for lang in LANGUAGES}


def is_a4(page) -> bool:
    return all(
        abs(float(got) - want) < 1
        for got, want in zip((page.mediabox.width, page.mediabox.height), A4, strict=True)
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_book_is_a4_with_a_plausible_number_of_pages(books, lang):
    reader = books[lang]
    pages = len(book_stems())
    assert pages + 3 <= len(reader.pages) <= 8 * pages  # cover, contents, index
    assert all(is_a4(page) for page in reader.pages)
    assert reader.metadata.title == f"{BOOK_LABELS[lang]['titles']['book']} · {site_name(lang)}"
    assert reader.trailer["/Root"]["/Lang"] == lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_cover_names_the_handbook_its_edition_and_the_address(books, book_text, lang):
    cover = squash(book_text[lang][0])
    assert squash(site_name(lang)) in cover
    day = datetime.fromtimestamp(int(EPOCH), tz=timezone.utc).date()
    assert squash(edition(LABELS[lang], day)) in cover
    assert squash(SITE_URL + ROOTS[lang]) in cover
    links = [
        annotation.get_object()["/A"]["/URI"]
        for annotation in books[lang].pages[0].get("/Annots", [])
    ]
    assert SITE_URL + ROOTS[lang] in links


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_of_the_language_is_in_the_book_and_none_of_the_other(book_text, lang):
    text = squash(" ".join(book_text[lang]))
    for stem in book_stems():
        assert squash(title(stem, lang)) in text, stem
    others = [title(stem, other) for other in LANGUAGES if other != lang for stem in book_stems()]
    mine = {title(stem, lang) for stem in book_stems()}
    for other_title in others:
        if other_title not in mine and len(other_title) > 12:
            assert squash(other_title) not in text, other_title


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_contents_list_each_page_with_the_page_it_starts_on(books, book_text, lang):
    reader = books[lang]
    marks = {name: page for depth, name, page in outline(reader)}
    contents = squash(
        " ".join(
            book_text[lang][contents_page(reader, lang) - 1 : first_text_page(reader, lang) - 1]
        )
    )
    assert squash(BOOK_LABELS[lang]["contents"]) in contents
    for stem in book_stems():
        name = title(stem, lang)
        found = re.search(re.escape(squash(name)) + r"\.*(\d+)", contents)
        assert found, name
        assert int(found.group(1)) == marks[name], name
        assert squash(name) in squash(book_text[lang][marks[name] - 1])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_bookmarks_follow_the_navigation_with_the_headings(books, lang):
    marks = outline(books[lang])
    names = [name for depth, name, page in marks]
    assert site_name(lang) not in names  # the home page: the cover stands for it
    for section in nav_sections(lang):
        assert section in names
    top = [name for depth, name, page in marks if depth == 0]
    for chapter in nav_sections(lang, top=True):
        assert chapter in top
    titles = {title(stem, lang) for stem in book_stems()}
    pages = [name for name in names if name in titles]
    assert len(pages) == len(book_stems())
    assert len(marks) > 3 * len(pages)  # the pages' own headings too
    assert names[-1] == BOOK_LABELS[lang]["card_index"]
    assert [page for depth, name, page in marks] == sorted(page for _, _, page in marks)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_page_after_the_contents_has_its_number_and_the_chapter(books, book_text, lang):
    pages = book_text[lang]
    labels = BOOK_LABELS[lang]
    chapters = nav_sections(lang, top=True)
    first = first_text_page(books[lang], lang)
    for number, text in enumerate(pages[first - 1 :], start=first):
        assert f"{labels['page']} {number} {labels['of']} {len(pages)}" in text, number
        assert site_name(lang) in text
    for chapter in chapters:  # the running header, on every page of the chapter
        running = [text for text in pages if f"{chapter} {site_name(lang)}\n" in text]
        assert len(running) > 2, chapter


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_card_is_in_the_book_and_in_its_index(book_text, lang):
    pages = book_text[lang]
    text = squash(" ".join(pages))
    index = squash(pages[-1])
    assert squash(BOOK_LABELS[lang]["card_index"]) in index
    for _, card in in_deck_order(CARDS[lang]):
        for item in [card["principle"], *card["checklist"], card["question"]]:
            assert squash(item) in text, item
        assert squash(card["title"]) in index


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_book_embeds_its_fonts_and_links_only_to_the_site(books, lang):
    reader = books[lang]
    fonts, uris, internal = set(), set(), 0
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descriptor = (
                font.get("/FontDescriptor")
                or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            )
            fonts.add(
                (
                    font["/BaseFont"],
                    any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")),
                )
            )
        for annotation in page.get("/Annots", []):
            action = annotation.get_object().get("/A", {})
            if "/URI" in action:
                uris.add(action["/URI"])
            else:
                internal += 1
    assert fonts and all(embedded for name, embedded in fonts), fonts
    mail = f"mailto:{editors_contact()}"  # the imprint's contact
    assert uris and all(uri.startswith(SITE_URL) or uri == mail for uri in uris), uris
    assert internal > len(book_stems())  # contents, cross-references, index


def test_long_words_of_the_default_language_are_hyphenated_in_the_book(book_text):
    """lang is set, so long German words break at a syllable (WeasyPrint's hyphen: U+2010)."""
    assert re.search(r"[a-zäöüß][-\u2010]\n[a-zäöüß]", " ".join(book_text[DEFAULT]))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_and_trainer_pages_link_the_book_and_the_kit(built, lang):
    for stem, kinds in (
        ("index", ("book",)),
        (kit_page(), SETS["kit"]),
    ):
        page = html_file(built.site, lang, stem)
        hrefs = [a["href"] for a in soup(page).select(".hb-pdfs a")]
        targets = [(page.parent / href).resolve() for href in hrefs]
        assert targets == [pdf_path(built.site, lang, kind).resolve() for kind in kinds]
        assert all(target.is_file() for target in targets)


def overflow(observer: list[str], cards: list[tuple[str, dict]], lang: str) -> str:
    """Which card's observer sheet runs over its page (the sheets' texts, page by page), in
    an editor's words."""
    over, current = [], None
    for page in observer:
        text = squash(page)
        starting = [stem for stem, card in cards if squash(card["title"]) in text]
        if starting:
            current = starting[0]
        elif current:
            over.append(current)
    files = ", ".join(f"docs/{MODEL.source_name(stem, lang)}" for stem in dict.fromkeys(over))
    return (
        f"{files or 'a card'}: its checklist does not fit on one page of the trainer's "
        f"observer sheet ({lang}: {len(observer)} pages for {len(cards)} cards); "
        "shorten its checklist items or drop one"
    )


@pytest.mark.content
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_kit_holds_the_trainer_page_the_checklists_and_blank_cards(built, lang):
    labels, card_labels = BOOK_LABELS[lang], LABELS[lang]
    guide = PdfReader(pdf_path(built.site, lang, "guide"))
    guide_pages = page_texts(pdf_path(built.site, lang, "guide"))
    guide_text = squash(" ".join(guide_pages))
    assert squash(title(kit_page(), lang)) in guide_text
    assert squash(labels["titles"]["guide"]) in guide_text
    assert not any(
        squash(title(stem, lang)) in squash(guide_pages[0])
        for stem, _ in in_deck_order(CARDS[lang])
        if len(title(stem, lang)) > 25
    )

    observer = PdfReader(pdf_path(built.site, lang, "observer"))
    cards = in_deck_order(CARDS[lang])
    observer_pages = page_texts(pdf_path(built.site, lang, "observer"))
    assert len(observer.pages) == len(cards), overflow(observer_pages, cards, lang)
    for page, (_, card) in zip(observer_pages, cards, strict=True):
        text = squash(page)
        assert squash(card["title"]) in text
        assert all(squash(item) in text for item in card["checklist"])
        assert squash(labels["scene"].format(n=3)) in text
        assert squash(labels["notes"].format(n=1)) in text
        for field in ("group", "date", "name_line", "player_customer", "player_staff"):
            assert squash(labels[field]) in text, field
        assert squash(labels["notes_hint"]) in text  # the guide's observer questions

    commitment = PdfReader(pdf_path(built.site, lang, "commitment"))
    assert len(commitment.pages) == 2
    front, back = (
        squash(page).lower() for page in page_texts(pdf_path(built.site, lang, "commitment"))
    )
    for text, words in (
        (front, [card_labels["resolution"], labels["commitment_name"], labels["commitment_check"]]),
        (back, [card_labels["resolution_back"], labels["commitment_after"]]),
    ):
        for word in words:
            assert text.count(squash(word).lower()) >= 4, word
    roles = PdfReader(pdf_path(built.site, lang, "roles"))
    assert len(roles.pages) == 1
    text = squash(page_texts(pdf_path(built.site, lang, "roles"))[0]).lower()  # in capitals
    for words in (
        list(labels["role_names"].values()),
        labels["role_channels"],
        labels["role_observe"],
        [labels["role_goal"], labels["role_mood"], labels["role_unsaid"], labels["role_limits"]],
    ):
        for word in words:
            assert squash(word).lower() in text, word
    assert all(str(n) in text for n in range(1, 6))  # the mood scale
    for reader in (guide, observer, commitment, roles):
        assert all(is_a4(page) for page in reader.pages)
        assert reader.trailer["/Root"]["/Lang"] == lang


def test_the_link_checker_follows_the_links_to_the_book_and_the_kit(built):
    from tools.check_links import check

    clean, report = check(built.site, start="trainer/", verbose=True)
    assert clean, report
    for kind in ("book", "guide", "observer", "commitment", "roles"):
        assert pdf_path(built.site, DEFAULT, kind).relative_to(built.site).as_posix() in report


# A hook added to a copy of the project: what MkDocs itself holds in `files` once every
# other on_env has run, by language pass. MkDocs copies exactly these to the site right
# after on_env (mkdocs/commands/build.py).
FILES_SEEN = """
import hashlib, json
from pathlib import Path

import mkdocs.plugins


@mkdocs.plugins.event_priority(-1000)  # after every other hook's and plugin's on_env
def on_env(env, *, config, files):
    report = Path(config.config_file_path).parent / "files-seen.json"
    seen = json.loads(report.read_text("utf-8")) if report.exists() else {}
    for file in files:
        digest = hashlib.sha256(file.content_bytes).hexdigest() if file.generated_by else None
        seen[file.dest_uri] = {"by": file.generated_by, "sha256": digest}
    report.write_text(json.dumps(seen), "utf-8")
    return env
"""


def test_every_output_is_a_generated_file_that_mkdocs_copies(built, tmp_path):
    """The book, the kit, the cards, the sitemaps beside the pages, the English 404 page
    and the card-of-the-week deck reach the site as MkDocs' own generated files (its
    `files`), not written into site_dir beside the build: every PDF of the site is one,
    made by the handbook plugin, with the bytes the site holds."""
    project = copy_project(tmp_path / "handbook")
    shutil.copytree(built.project / ".cache", project / ".cache")  # the same PDFs, sooner
    (project / "hooks" / "files_seen.py").write_text(FILES_SEEN, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\nhooks:" not in text
    config.write_text(text + "\nhooks:\n  - hooks/files_seen.py\n", encoding="utf-8")
    build = run_build(project, extra_env={"SOURCE_DATE_EPOCH": EPOCH})
    assert build.ok, build.log
    seen = json.loads((project / "files-seen.json").read_text(encoding="utf-8"))
    pdfs = {
        path.relative_to(build.site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in build.site.rglob("*.pdf")
    }
    books = {
        pdf_path(build.site, lang, kind).relative_to(build.site).as_posix()
        for lang in LANGUAGES
        for kind in BOOK_LABELS[lang]["files"]
    }
    assert books <= set(pdfs)
    # no PDF in the site that MkDocs did not copy
    assert sorted(path for path in seen if path.endswith(".pdf")) == sorted(pdfs)
    for path, digest in pdfs.items():
        assert seen[path] == {"by": "handbook", "sha256": digest}, path
    # Nor any other file: all of site/ is MkDocs' files, but for what MkDocs and Material
    # render from the theme into the site root and Pagefind's index.
    theirs = {"404.html", "sitemap.xml", "sitemap.xml.gz"}
    written = {path.relative_to(build.site).as_posix() for path in build.site.rglob("*")}
    outside = {
        path
        for path in written
        if (build.site / path).is_file()
        and path not in seen
        and path not in theirs
        and not path.startswith("pagefind/")
        and path != "sw.js"  # the offline worker, a hash of the finished site (offline.py)
    }
    assert not outside, f"written into site/ outside MkDocs' files: {sorted(outside)[:10]}"
    generated = {path for path, file in seen.items() if file["by"] == "handbook"}
    assert {ROOTS[lang] + "hb-deck.json" for lang in LANGUAGES} <= generated
    pages = [  # the handbook's own index.html files are the redirect pages (k/<id>/, moved:)
        path
        for path in written
        if path.endswith("/index.html") and path in seen and seen[path]["by"] != "handbook"
    ]
    assert pages
    for page in pages:  # every page but the site root's has its sitemap beside it
        assert page.replace("index.html", "sitemap.xml") in generated, page
    assert {ROOTS[lang] + "404.html" for lang in LANGUAGES if ROOTS[lang]} <= generated


@pytest.mark.unit
def test_links_in_the_book_stay_inside_it_or_go_to_the_site():
    from cardkit.book import anchor, book_html

    html = (
        '<h2 id="am-schalter">Am Schalter<a class="headerlink" href="#am-schalter">¶</a>'
        '</h2><a href="../fazit/#wie">F</a> <a href="../../karten/">K</a> '
        '<a href="https://example.org/">X</a> <a href="#am-schalter">S</a>'
    )
    out = book_html(
        html,
        url="haltungen/augenhoehe/",
        site_url="http://h.intranet/",
        in_book={"haltungen/augenhoehe/", "haltungen/fazit/"},
    )
    own = anchor("haltungen/augenhoehe/")
    assert f'id="{own}--am-schalter"' in out and "¶" not in out
    assert f'href="#{anchor("haltungen/fazit/")}--wie"' in out
    assert 'href="http://h.intranet/karten/"' in out
    assert "example.org" not in out and ">X</a>" in out
    assert f'href="#{own}--am-schalter"' in out


@pytest.mark.unit
def test_a_page_s_image_is_in_the_book_from_docs_with_a_language_s_own_copy_first(tmp_path):
    """The book is laid out far from the page's address: its relative image path is read
    from docs/ (CONTRIBUTING "Images": one file for all languages, x.<lang>.png where a
    language has its own), inline, so that a changed picture changes the PDF's cache key."""
    import base64

    from cardkit.book import book_html, image_files

    docs = tmp_path / "docs"
    (docs / "bilder").mkdir(parents=True)
    shared, own = b"\x89PNG shared", b"\x89PNG own"
    (docs / "bilder" / "schalter.png").write_bytes(shared)
    other = next(lang for lang in LANGUAGES if lang != DEFAULT)
    (docs / "bilder" / f"schalter.{other}.png").write_bytes(own)
    html = (
        '<p><img alt="Schalter" src="../../bilder/schalter.png"> <img src="../../nichts.png"></p>'
    )
    for lang, data in ((DEFAULT, shared), (other, own)):
        root = ROOTS[lang]
        out = book_html(
            html,
            url=f"{root}haltungen/augenhoehe/",
            in_book=set(),
            site_url=None,
            images=image_files(core_site(tmp_path, lang=lang, docs=docs)),
        )
        assert f'src="data:image/png;base64,{base64.b64encode(data).decode()}"' in out, lang
        assert 'src="../../nichts.png"' in out  # no such file: left as written


@pytest.mark.unit
def test_without_pdfs_the_download_markers_say_so(tmp_path):
    from cardkit.book import fill_markers

    site = core_site(tmp_path)
    out = fill_markers(site, '<p>x</p><div class="hb-pdfs" data-set="kit"></div>', "trainer/")
    assert LABELS[DEFAULT]["no_pdf"] in out and "href" not in out


# ---- The book a new hire keeps (issue 29): measure, hyphenation, print wording, imprint,
# page labels, tagging, links. All read from the real PDFs; expectations from docs/ and
# mkdocs.yml.

HYPHEN = "\u2010"  # WeasyPrint's hyphenate-character: a word it broke (a "-" is the word's own)
TYPE_AREA = (62.0, 774.0)  # pt from the foot: @page hb-text's 22 mm and 24 mm margins


def text_lines(books, book_text, lang: str) -> list[list[str]]:
    """The lines of each page after the front matter, without the running header."""
    name = site_name(lang)
    first = first_text_page(books[lang], lang)
    return [
        [line.rstrip() for line in text.split("\n") if not line.rstrip().endswith(name)]
        for text in book_text[lang][first - 1 :]
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_book_sets_60_to_75_characters_a_line(books, book_text, lang):
    """A book's measure, not a web page's (about 95 before): the longer half of the body
    lines (those a paragraph fills to the edge) average 60 to 75 characters."""
    lengths = sorted(
        len(line) for page in text_lines(books, book_text, lang) for line in page if len(line) >= 40
    )
    filled = lengths[len(lengths) // 2 :]
    assert 60 <= sum(filled) / len(filled) <= 75, sum(filled) / len(filled)
    assert lengths[-1] <= 85


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hyphenation_leaves_three_letters_and_never_three_lines_in_a_row(books, book_text, lang):
    broken = lines = 0
    for page in text_lines(books, book_text, lang):
        run = 0
        for line, after in itertools.pairwise(page):
            lines += 1
            if line.endswith(HYPHEN):
                broken += 1
                head = re.search(r"(\w+)" + HYPHEN + "$", line)
                tail = re.match(r"\W*(\w+)", after)
                assert head and tail and len(head.group(1)) >= 3 and len(tail.group(1)) >= 3, (
                    line,
                    after,
                )
            if line.endswith(HYPHEN) or re.search(r"\w-$", line):
                run += 1
                assert run <= 2, f"three hyphenated lines in a row, ending: {line!r}"
            else:
                run = 0
    assert broken <= lines // 20  # at most one line in twenty ends in a broken word


def marked(lang: str, media_class: str) -> list[str]:
    """The text of every paragraph or list item that docs/ marks `{ .media_class }` (in the
    page the language shows: its own, or the original)."""
    found = []
    for stem in german_pages():
        lines = shown_source(stem, lang).read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            if line.strip() != f"{{ .{media_class} }}":
                continue
            block: list[str] = []
            for before in reversed(lines[:number]):
                if not before.strip():
                    break
                block.insert(0, before.strip())
                if re.match(r"[-*] |\d+\. ", before.lstrip()):
                    break
            text = re.sub(r"^([-*] |\d+\. )", "", " ".join(block))
            text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).replace("**", "")
            found.append(text)
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_print_says_print_things_and_the_site_web_things(built, book_text, lang):
    """What docs/ marks for the web only is not in the book, what it marks for print only
    is in the book and not on the site; no translation note and no "Suggest a change"."""
    from cardkit.labels import section

    book = squash(" ".join(book_text[lang]))
    web, printed = marked(lang, "hb-web"), marked(lang, "hb-print")
    assert web and printed, "docs/ marks print and web wording (CONTRIBUTING.md)"
    for text in web:
        assert squash(text) not in book, text
    for text in printed:
        assert squash(text) in book, text
    site_text = squash(
        " ".join(soup(html_file(built.site, lang, stem)).get_text(" ") for stem in german_pages())
    )
    for text in printed:
        assert squash(text) not in site_text, text
    for text in web:
        assert squash(text) in site_text, text
    assert squash(section("translation")[lang]["note_title"]) not in book
    assert squash(section("reading")[lang]["suggest"]) not in book


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_imprint_names_owner_contact_edition_sources_and_rights(books, book_text, lang):
    from tools.project import plugins

    reader = books[lang]
    brand = plugins(CONFIG)["handbook"].get("brand") or {}
    owner = brand.get("owner") or brand.get("organisation") or site_name(lang)
    contact = editors_contact()
    words = BOOK_LABELS[lang]["imprint"]
    marks = {name: page for depth, name, page in outline(reader)}
    page = marks[words["title"]]
    assert page < contents_page(reader, lang)  # front matter, before the contents
    imprint = squash(book_text[lang][page - 1])
    day = datetime.fromtimestamp(int(EPOCH), tz=timezone.utc).date()
    sources = title("quellen", lang)
    for expected in (
        owner,
        contact,
        edition(LABELS[lang], day),
        SITE_URL + ROOTS[lang],
        words["rights"],
        f"{sources},{words['page']}{marks[sources]}.",
    ):
        assert squash(expected) in imprint, expected
    if lang != DEFAULT:
        assert squash(words["translated"]) in imprint
    links = {
        annotation.get_object().get("/A", {}).get("/URI")
        for annotation in reader.pages[page - 1].get("/Annots", [])
    }
    assert f"mailto:{contact}" in links


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_trainer_chapter_is_in_the_kit_not_in_the_staff_book(books, book_text, lang):
    names = {name for depth, name, page in outline(books[lang])}
    contents = squash(" ".join(book_text[lang][: first_text_page(books[lang], lang) - 1]))
    kit_pages = [stem for stem in german_pages() if is_kit_page(stem)]
    assert kit_pages
    for stem in kit_pages:
        assert title(stem, lang) not in names
        assert squash(title(stem, lang)) not in contents


@pytest.mark.parametrize("lang", LANGUAGES)
def test_front_matter_has_roman_page_labels_and_the_bookmarks_open(books, lang):
    reader = books[lang]
    first = first_text_page(reader, lang)
    roman = ["i", "ii", "iii", "iv", "v", "vi"]
    assert first >= 3  # cover, imprint, contents
    assert list(reader.page_labels[: first - 1]) == roman[: first - 1]
    assert list(reader.page_labels[first - 1 :]) == [
        str(number) for number in range(first, len(reader.pages) + 1)
    ]
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_is_under_a_fifth_full_but_at_a_chapter_end(built, books, lang):
    """Every page of the book starts its own sheet; a page followed by more of the same page
    holds at least a fifth of the type area."""
    reader, heights = books[lang], baselines(pdf_path(built.site, lang, "book"))
    names = {title(stem, lang) for stem in book_stems()} | set(nav_sections(lang))
    names.add(BOOK_LABELS[lang]["card_index"])
    starts = {page for depth, name, page in outline(reader) if name in names}
    foot, top = TYPE_AREA
    for number in range(first_text_page(reader, lang), len(reader.pages)):
        if number + 1 in starts:
            continue
        body = [y for y in heights[number - 1] if foot < y < top]
        assert body and (top - min(body)) / (top - foot) >= 0.2, f"page {number}"


def structure(element, found: list) -> list:
    """(tag, alternative text) of every element of a structure tree, in document order."""
    element = element.get_object()
    if not isinstance(element, dict):
        return found
    if "/S" in element:
        found.append((element["/S"], element.get("/Alt")))
    kids = element.get("/K", [])
    for kid in kids if isinstance(kids, list) else [kids]:
        structure(kid, found)
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", list(BOOK_LABELS[DEFAULT]["files"]))
def test_the_book_and_the_kit_are_tagged_pdf_ua(built, lang, kind):
    """PDF/UA-1 as WeasyPrint writes it: a structure tree in document order, marked content,
    the language, the title shown as the window's title, and a text for every figure."""
    reader = PdfReader(pdf_path(built.site, lang, kind))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == lang
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title == f"{BOOK_LABELS[lang]['titles'][kind]} · {site_name(lang)}"
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()
    tags = structure(root["/StructTreeRoot"], [])
    assert tags[0][0] == "/Document"
    assert "/P" in {tag for tag, alt in tags}
    figures = [alt for tag, alt in tags if tag == "/Figure"]
    assert all(figures), f"{sum(not alt for alt in figures)} figures without a text"
    if kind == "book":
        assert {"/H1", "/H2", "/L", "/Table"} <= {tag for tag, alt in tags}
        kinds = {card["kind"] for _, card in CARDS[lang].values()}
        expected = {BOOK_LABELS[lang]["site_qr"]} | {LABELS[lang]["kind"][k] for k in kinds}
        assert expected <= set(figures)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_cards_qr_code_and_address_link_to_its_page_in_the_book(books, lang):
    uris: dict[str, int] = {}
    for page in books[lang].pages:
        for annotation in page.get("/Annots", []):
            uri = annotation.get_object().get("/A", {}).get("/URI")
            if uri:
                uris[uri] = uris.get(uri, 0) + 1
    for stem, _ in in_deck_order(CARDS[lang]):
        # its QR code and printed address: the card's permanent short address (k/<id>/)
        assert uris.get(SITE_URL + short_address(stem, lang), 0) >= 2, stem


@pytest.mark.unit
def test_print_and_web_wording_each_leave_the_other_out():
    from cardkit.media import for_print, for_web

    page = (
        '<p>both</p><p class="hb-web">web <a href="x">link</a><br>line</p>\n'
        '<ul><li class="hb-print">print <em>only</em></li><li>item</li></ul>'
        '<div class="admonition note hb-web"><p>box</p><div>inner</div></div><p>end</p>'
    )
    assert for_print(page) == (
        '<p>both</p>\n<ul><li class="hb-print">print <em>only</em></li><li>item</li></ul><p>end</p>'
    )
    assert for_web(page) == (
        '<p>both</p><p class="hb-web">web <a href="x">link</a><br>line</p>\n'
        '<ul><li>item</li></ul><div class="admonition note hb-web"><p>box</p>'
        "<div>inner</div></div><p>end</p>"
    )
