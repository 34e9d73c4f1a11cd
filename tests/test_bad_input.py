"""Broken content never breaks the site: a clear message, no traceback, nothing lost."""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
import pypdfium2
import pytest
import zxingcpp

from cardkit.build import CardProblems, validate_docs
from conftest import (
    INJECTIONS,
    ROOT,
    SITE_URL,
    copy_project,
    html_file,
    run_build,
    seed_caches,
    soup,
)
from content import (
    CARDS,
    DEFAULT,
    LANGUAGES,
    MODEL,
    card_id,
    cards_page,
    core_site,
    folder_of,
    german_pages,
    plain_page,
    sample_card,
    set_card,
    short_address,
    single_card_pdf,
    title_line,
    tree,
)
from pdftext import page_texts

# The pages these tests break, chosen from docs/ (never by today's names).
TIP = sample_card("tip")
CARD_PAGE = f"{TIP}.md"
CARD_PAGE_EN = MODEL.source_name(TIP, "en")
TIP_ID = card_id(TIP)
TIPS = folder_of(TIP)
KIND = CARDS[DEFAULT][TIP_ID][1]["kind"]
OTHER_KIND = "attitude" if KIND == "tip" else "tip"
ATTITUDE = sample_card("attitude")
PLAIN = f"{plain_page()}.md"
TITLE_LINE = title_line(ATTITUDE)


def field(name, value):
    return lambda card: card.__setitem__(name, value)


def drop(name):
    return lambda card: card.pop(name)


def write(src: str, data: bytes):
    return lambda project: (project / "docs" / src).write_bytes(data)


def add(*files: tuple[str, str]):
    """New files docs/<src> with the given text (their folders made as needed)."""

    def make(project):
        for src, text in files:
            (project / "docs" / src).parent.mkdir(parents=True, exist_ok=True)
            (project / "docs" / src).write_text(text, encoding="utf-8")

    return make


def both(stem: str, text: str):
    """A page docs/<stem>.md in every language, all with the given text."""
    return add(*((MODEL.source_name(stem, lang), text) for lang in LANGUAGES))


def append(src: str, text: str):
    def change(project):
        path = project / "docs" / src
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    return change


def card_change(src: str, change):
    return lambda project: set_card(project, src, change)


def rename(src: str, new: str):
    return lambda project: (project / "docs" / src).rename(project / "docs" / new)


def copy(src: str, new: str):
    docs = "docs"
    return lambda project: (project / docs / new).write_bytes((project / docs / src).read_bytes())


def front(src: str, old: str, new: str):
    """Replace text in the front matter of docs/<src> (the first occurrence)."""

    def change(project):
        path = project / "docs" / src
        text = path.read_text(encoding="utf-8")
        assert old in text, (src, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def symlink(src: str, target):
    """A symbolic link docs/<src> -> target (a callable gets the project folder)."""

    def make(project):
        os.symlink(target(project) if callable(target) else target, project / "docs" / src)

    return make


def outside_folder(project: Path) -> Path:
    secret = project.parent / "outside"
    secret.mkdir(exist_ok=True)
    (secret / "secret.txt").write_text("s3cr3t", encoding="utf-8")
    return secret


ALIAS_BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{n}: &{n} [{','.join(['*' + q] * 9)}]\n" for q, n in zip("abcdefgh", "bcdefghi", strict=True)
)
PAGE = f"{ATTITUDE}.md"
OTHER = next(lang for lang in LANGUAGES if lang != DEFAULT)  # a language with a folder
SCRIPT = "alert(document.domain)"
PAGE_TEXT = "---\ntitle: Seite\n---\n\n# Seite\n"

BROKEN = {
    "symlink to a file outside": (
        symlink("passwd.txt", "/etc/passwd"),
        "docs/passwd.txt: is a symbolic link; the handbook publishes only files inside docs/",
    ),
    "symlink to the build environment": (
        symlink("env.txt", "/proc/self/environ"),
        "docs/env.txt: is a symbolic link",
    ),
    "symlinked folder": (symlink("outside", outside_folder), "docs/outside: is a symbolic link"),
    "symlink inside docs": (
        symlink(f"{TIPS}nochmal.md", f"{TIP_ID}.md"),
        f"docs/{TIPS}nochmal.md: is a symbolic link",
    ),
    "broken symlink": (
        symlink(f"{folder_of(ATTITUDE)}kaputt.md", "/nonexistent"),
        f"docs/{folder_of(ATTITUDE)}kaputt.md: is a symbolic link",
    ),
    "named pipe": (
        lambda p: os.mkfifo(p / "docs" / "pipe.md"),
        "docs/pipe.md: is not a plain file (a pipe or device); remove it",
    ),
    "folder named like a page": (
        lambda p: (p / "docs" / f"{folder_of(ATTITUDE)}ordner.md").mkdir(),
        f"docs/{folder_of(ATTITUDE)}ordner.md: is a folder with a page's name",
    ),
    "alias bomb in the title": (
        # at the top: an editor may have put another key (changes:) before the title
        front(PAGE, "---\n", "---\n" + ALIAS_BOMB + "title: *i\n"),
        f"docs/{PAGE}: the front matter between the "
        "'---' lines cannot be read (line 3): aliases (*name) are not "
        "allowed",
    ),
    "number of 5000 digits": (
        front(PLAIN, "---\n", "---\nrevision: " + "9" * 5000 + "\n"),
        f"docs/{PLAIN}: the front matter between the '---' lines cannot "
        "be read (line 2): '99999999999999999999' is not a whole number",
    ),
    "order written as time": (
        front(CARD_PAGE, "card:\n", "card:\n  order: 1:00\n"),
        f"docs/{CARD_PAGE}: the front matter between the '---' lines cannot be read",
    ),
    "card key twice": (
        front(CARD_PAGE, "card:\n", "card: x\ncard:\n"),
        f"docs/{CARD_PAGE}: the front matter between the '---' lines cannot "
        "be read (line 5): 'card' appears twice; keep one",
    ),
    "markup in the page title": (
        front(PAGE, TITLE_LINE, "title: Begegnung <img src=x>"),
        f"docs/{PAGE}: title contains < >; write text, not HTML",
    ),
    "description that ends its attribute": (
        front(PAGE, "description: ", "description: 'x\"><svg onload=alert(2)></svg>'\nsummary: "),
        f'docs/{PAGE}: description contains " < >',
    ),
    "page title of 1000 characters": (
        front(PAGE, TITLE_LINE, "title: " + "B" * 1000),
        f"docs/{PAGE}: title has 10",
    ),
    "page title as a list": (
        front(PAGE, TITLE_LINE, "title: [a, b]\nx: Begegnung"),
        f"docs/{PAGE}: title is a list; it must be text",
    ),
    "zero-width card title": (
        card_change(CARD_PAGE, field("title", "\u200b\u200b\u200b")),
        f"docs/{CARD_PAGE}: card.title contains the invisible character U+200B (zero width space)",
    ),
    "right-to-left override": (
        card_change(CARD_PAGE, field("principle", "\u202eehöh")),
        "card.principle contains the invisible character U+202E",
    ),
    "search audience as text": (
        front(PAGE, TITLE_LINE, TITLE_LINE + "\nsearch:\n  staff: nein"),
        f"docs/{PAGE}: search allows only 'exclude: true' and 'staff: false' (one or both)",
    ),
    "misspelled card key": (
        front(CARD_PAGE, "card:\n", "Card:\n"),
        f"docs/{CARD_PAGE}: 'Card' is not a key the handbook knows; did you mean 'card'?",
    ),
    "a file where the PDFs go": (
        lambda p: (
            (p / "docs" / "pdf").mkdir(),
            (p / "docs" / "pdf" / "karte-de.pdf").write_bytes(b"%PDF"),
        ),
        "docs/pdf: is where the build puts the card PDFs",
    ),
    "order still written in the card": (
        card_change(CARD_PAGE, field("order", 3)),
        f"docs/{CARD_PAGE}: card.order is no longer used: the cards follow the order of their "
        "pages in the nav of mkdocs.yml",
    ),
    "yaml that does not parse": (
        write(CARD_PAGE, b"---\ntitle: Kontakt\ncard:\n  kind: tip\n   order: 1\n---\n# Kontakt\n"),
        f"docs/{CARD_PAGE}: the front matter between the '---' lines cannot be read (line 5)",
    ),
    **{
        f"missing {name}": (
            card_change(CARD_PAGE, drop(name)),
            f"docs/{CARD_PAGE}: card.{name} is missing",
        )
        for name in ("kind", "title", "principle", "checklist", "question")
    },
    "checklist as text": (
        card_change(CARD_PAGE, field("checklist", "alles")),
        f"docs/{CARD_PAGE}: card.checklist is text; it must be a list",
    ),
    "title as list": (
        card_change(CARD_PAGE, field("title", ["a", "b"])),
        f"docs/{CARD_PAGE}: card.title is a list; it must be text",
    ),
    "empty principle": (
        card_change(CARD_PAGE, field("principle", "")),
        f"docs/{CARD_PAGE}: card.principle is empty",
    ),
    "empty checklist item": (
        card_change(CARD_PAGE, field("checklist", ["a", " ", "c"])),
        f"docs/{CARD_PAGE}: card.checklist[2] is empty",
    ),
    "0 items": (
        card_change(CARD_PAGE, field("checklist", [])),
        f"docs/{CARD_PAGE}: card.checklist has 0 items; a card holds 3 to 7",
    ),
    "20 items": (
        card_change(CARD_PAGE, field("checklist", ["x"] * 20)),
        f"docs/{CARD_PAGE}: card.checklist has 20 items; a card holds 3 to 7",
    ),
    "duplicate id": (
        lambda p: (
            copy(CARD_PAGE, f"{folder_of(ATTITUDE)}{TIP_ID}.md")(p),
            copy(CARD_PAGE_EN, f"{folder_of(ATTITUDE)}{TIP_ID}.en.md")(p),
        ),
        f"makes a card with the id '{TIP_ID}'",
    ),
    "unknown kind": (
        card_change(CARD_PAGE, field("kind", "regel")),
        f"docs/{CARD_PAGE}: card.kind is 'regel'; allowed are: attitude, tip",
    ),
    "file name not a slug": (
        lambda p: (
            rename(CARD_PAGE, f"{TIPS}Kontakt Neu.md")(p),
            rename(CARD_PAGE_EN, f"{TIPS}Kontakt Neu.en.md")(p),
        ),
        f"docs/{TIPS}Kontakt Neu.md: has a file name with capitals, umlauts, "
        "spaces or other signs; rename it",
    ),
    "page name with an umlaut": (
        lambda p: [
            (p / "docs" / f"Über uns{suffix}").write_text("# Über uns\n", encoding="utf-8")
            for suffix in (".md", ".en.md")
        ],
        "docs/Über uns.md: has a file name with capitals, umlauts",
    ),
    "id that tries a path": (
        card_change(CARD_PAGE, field("id", "../../etc/passwd")),
        f"docs/{CARD_PAGE}: card.id is not a card field",
    ),
    "not utf-8": (
        write(CARD_PAGE, "---\ntitle: Grüße\n---\n# Grüße\n".encode("latin-1")),
        f"docs/{CARD_PAGE}: is not saved as UTF-8",
    ),
    "field of 1 MB": (
        card_change(CARD_PAGE, field("question", "x" * 1_000_000)),
        f"docs/{CARD_PAGE}: the front matter has 100",  # a million and the page's own
    ),
    "card page with no German original": (
        lambda p: (p / "docs" / CARD_PAGE).unlink(),
        f"docs/{CARD_PAGE_EN}: has no German version; create docs/{CARD_PAGE}",
    ),
    "translation whose kind differs": (
        card_change(CARD_PAGE_EN, field("kind", OTHER_KIND)),
        f"docs/{CARD_PAGE_EN}: card.kind is {OTHER_KIND}, but docs/{CARD_PAGE} says {KIND}",
    ),
    "translation record changed by hand": (
        lambda p: (p / "docs" / CARD_PAGE_EN).write_text(
            re.sub(
                r"^  own: .*$",
                "  own: bitte-neu",
                (p / "docs" / CARD_PAGE_EN).read_text(encoding="utf-8"),
                flags=re.M,
            ),
            encoding="utf-8",
        ),
        f"docs/{CARD_PAGE_EN}: translation is not a record written by 'make translated'; "
        f"delete the translation: lines and run make translated FILE=<this file>",
    ),
    "two cards pages": (
        lambda p: set_cards_sheet(
            *(p / "docs" / MODEL.source_name(PLAIN[:-3], lang) for lang in LANGUAGES)
        ),
        # which of the two the message names first depends on how their names sort
        (f"docs/{PLAIN}", f"docs/{cards_page()}.md", "cards_sheet: true is set here and in docs/"),
    ),
    # bad-input-3, H01-H03: docs/ holds pages and raster images only, and never a path
    # the site uses itself (an allow-list, not a deny-list)
    "a script that replaces the theme's": (
        add(("assets/hb-reading.js", f";{SCRIPT}")),
        "docs/assets/hb-reading.js: is a .js file; docs/ holds only pages (.md) and images",
    ),
    "an image among the theme's assets": (
        add(("assets/logo.png", "png")),
        "docs/assets/logo.png: 'assets' is where the site keeps the theme's scripts",
    ),
    "raw HTML page with its script": (
        add(("hilfe.html", '<script src="hilfe.js"></script>'), ("hilfe.js", SCRIPT)),
        "docs/hilfe.html: is a .html file",
    ),
    "SVG image": (
        add(("bild.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script href="x.js"/></svg>')),
        "docs/bild.svg: is an SVG image, which can carry script; save it as .png or .webp",
    ),
    "an SVG named .png (R05)": (
        add(("bilder/bombe.png", '<svg xmlns="http://www.w3.org/2000/svg"><use href="#a"/></svg>')),
        "docs/bilder/bombe.png: is named .png but holds no PNG image; export the image again",
    ),
    "XML with XHTML script": (add(("daten.xml", "<x/>")), "docs/daten.xml: is a .xml file"),
    "a file without an ending": (add(("tipps/README", "x")), "docs/tipps/README: is a file "),
    "a page named like the other language's folder (N07)": (
        both(OTHER, PAGE_TEXT),
        f"docs/{OTHER}.md: '{OTHER}' is the folder of the",
    ),
    "a folder named like the other language's": (
        add((f"{OTHER}/seite.md", PAGE_TEXT)),
        f"docs/{OTHER}/seite.md: '{OTHER}' is the folder of the",
    ),
    **{
        f"a page named {name} (N08)": (
            both(name, PAGE_TEXT),
            f"docs/{name}.md: '{name}' is where the site keeps",
        )
        for name in ("search", "pagefind", "404", "sitemap")
    },
    # H04: MultiMarkdown fields, which MkDocs reads but the front matter checks would not
    "fields without the --- lines": (
        write(PAGE, b"title: Quellen <img src=x onerror=alert(1)>\n\n# Quellen\n"),
        f"docs/{PAGE}: starts with 'title:' but without a '---' line above",
    ),
    # R01-R04, R06: bounded pages instead of a build that hangs or crashes
    "5000 headings": (
        append(PAGE, "".join(f"\n## S{n}\n" for n in range(5000))),
        f"docs/{PAGE}: has 50",
    ),
    "500 nested divs": (
        append(PAGE, "\n" + '<div markdown="1">\n' * 500),
        f"docs/{PAGE}: nests <div> 500 levels deep",
    ),
    "50 000 asterisks": (
        append(PAGE, "\n" + "*" * 50_000 + "x" + "*" * 50_000 + "\n"),
        f"docs/{PAGE}: has a run of 50000 signs '*'",
    ),
    "20 000 nested brackets": (
        append(PAGE, "\n" + "[" * 20_000 + "x" + "]" * 20_000 + "(y)\n"),
        f"docs/{PAGE}: nests [ ] 20000 levels deep",
    ),
    "a NUL byte in the body (F15)": (
        append(PAGE, "\nText\x00Text\n"),
        f"docs/{PAGE}: contains the control character U+0000 (line",
    ),
    "a page of 1 MB": (
        append(PAGE, "\nText, der nicht endet.\n" * 50_000),
        f"docs/{PAGE}: has 1",
    ),
    # F12, F13: invisible and look-alike letters, by Unicode category and script
    "title of Hangul fillers": (
        front(PAGE, TITLE_LINE, "title: \u3164\u3164\u3164\nx: Begegnung"),
        f"docs/{PAGE}: title contains the letter U+3164 (hangul filler), which is not a Latin",
    ),
    "checklist item of braille blanks": (
        card_change(CARD_PAGE, field("checklist", ["a", "\u2800\u2800", "c"])),
        "card.checklist[2] contains no letter or digit, only U+2800 (braille pattern blank)",
    ),
    "card title with a Cyrillic look-alike": (
        card_change(CARD_PAGE, field("title", "Kont\u0430kt")),
        "card.title contains the letter U+0430 (cyrillic small letter a)",
    ),
    "card title with 50 stacked accents": (
        card_change(CARD_PAGE, field("title", "K" + "\u0301" * 50 + "ontakt")),
        "card.title contains more than 2 accents stacked on one letter",
    ),
    # F06, F19, N04, N05: the message in an editor's words, with a fix that can be done
    "fields merged with <<": (
        front(CARD_PAGE, "card:\n", "card:\n  <<: {kind: tip}\n"),
        "'<<:' (fields copied from elsewhere) is a YAML feature the handbook does not read",
    ),
    "a %YAML directive": (
        front(CARD_PAGE, "---\n", "---\n%YAML 1.1\n"),
        f"docs/{CARD_PAGE}: the front matter between the '---' lines cannot be read (line 2): "
        "'%YAML 1.1' is a YAML directive",
    ),
    "the default language's ending": (
        add((f"seite.{DEFAULT}.md", PAGE_TEXT)),
        f"docs/seite.{DEFAULT}.md: ends in '.{DEFAULT}.md', but pages in the default language "
        "have no language ending; rename it to seite.md",
    ),
    "a name too long for a translation beside it": (
        add((f"{'x' * 252}.md", PAGE_TEXT)),
        f"docs/{'x' * 252}.md: has a name of 252 characters; at most 100",
    ),
    "misspelled cards page marker": (
        lambda p: (p / "docs" / f"{cards_page()}.md").write_text(
            (p / "docs" / f"{cards_page()}.md")
            .read_text(encoding="utf-8")
            .replace("cards_sheet:", "cards-sheet:"),
            encoding="utf-8",
        ),
        f"docs/{cards_page()}.md: 'cards-sheet' is not a key the handbook knows; did you mean "
        "'cards_sheet'?",
    ),
}


def set_cards_sheet(*pages: Path) -> None:
    for page in pages:
        if not page.exists():
            continue  # shown in its original there
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("---\n", "---\ncards_sheet: true\n", 1), encoding="utf-8")


def problems_found(docs: Path) -> str:
    """What the build's validation (the hooks' on_config) says of a docs folder."""
    site = core_site(docs.parent / ".cache", docs=docs, site_url=SITE_URL)
    with pytest.raises(CardProblems) as caught:
        validate_docs(site)
    return str(caught.value)


@pytest.fixture
def docs_copy(tmp_path) -> Path:
    """A copy of docs/ alone: enough for the validation, and quick to make."""
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


@pytest.mark.unit
@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_content_gets_a_message_naming_file_and_field(docs_copy, case):
    breakage, message = BROKEN[case]
    breakage(docs_copy)
    found = problems_found(docs_copy / "docs")
    assert all(part in found for part in (message if isinstance(message, tuple) else (message,)))


# The whole way through a build, for a few: the message reaches the editor, no traceback,
# nothing written beside site/ and no half-built site.
@pytest.mark.parametrize(
    "case",
    [
        "yaml that does not parse",
        "not utf-8",
        "20 items",
        "symlink to a file outside",
        "alias bomb in the title",
    ],
)
def test_broken_content_fails_the_build_clearly_and_writes_nothing(project, case):
    breakage, message = BROKEN[case]
    breakage(project)
    before = tree(project)
    build = run_build(project)
    assert not build.ok
    assert message in build.log
    assert "Traceback" not in build.log and 'File "' not in build.log
    assert tree(project, skip=("site/",)) == before  # docs/ untouched, nothing beside site/
    assert not (project / "site" / "index.html").exists()


def test_card_text_is_escaped_in_every_output(sample):
    """The sample handbook's cards carry markup in every field (conftest.INJECTIONS)."""
    from cardkit.identity import EXAMPLE_SITE_URL

    for stem, attack in INJECTIONS.items():
        card_id = stem.rsplit("/", 1)[-1]
        for lang in LANGUAGES:
            for shown_on in (stem, cards_page()):
                page = soup(html_file(sample.site, lang, shown_on))
                assert not [s for s in page.find_all("script") if "alert" in s.get_text()]
                assert not page.find_all(attrs={"onerror": True})
                assert not page.select('img[src="x"]')
                texts = [li.get_text() for li in page.select(".hb-checklist li")]
                assert f"C0 {attack}" in texts  # shown, as text
            card_pdf = single_card_pdf(sample.site, lang, card_id)
            text = " ".join(page_texts(card_pdf)).replace("\n", " ")
            assert "alert(1)" in text and ("<script>" in text or "onerror" in text)
            image = pypdfium2.PdfDocument(str(card_pdf))[1].render(scale=4).to_pil()
            assert [code.text for code in zxingcpp.read_barcodes(image)] == [
                EXAMPLE_SITE_URL + short_address(stem, lang)
            ]


def test_make_site_builds_one_at_a_time_and_keeps_the_last_good_site(tmp_path, tmp_path_factory):
    project = copy_project(tmp_path / "handbook")
    seed_caches(project, tmp_path_factory)
    # with their times: the venv is set up
    for name in ("Makefile", "requirements.lock", "requirements-uv.lock", "pyproject.toml"):
        shutil.copy2(ROOT / name, project / name)
    venv = Path(sys.prefix)
    assert (venv / ".build-installed").exists(), "run the tests through make test"
    env = {**os.environ, "HANDBOOK_SITE_URL": SITE_URL, "HANDBOOK_PDFS": "false"}
    make = ["make", "--no-print-directory", "-C", str(project), "site", f"VENV={venv}"]
    # Two at once in one checkout, while a third holds the lock: both wait, then build
    # one after the other, and site/ is one whole build.
    with (project / ".site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        builds = [
            subprocess.Popen(
                make, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
            )
            for _ in range(2)
        ]
        for build in builds:  # the first line each prints, before any build
            assert "another build is running in this folder; waiting" in build.stdout.readline()
        assert not (project / "site").exists()
    for build in builds:
        output = build.communicate()[0]
        assert build.returncode == 0, output
    good = tree(project / "site")
    assert {
        html_file(project / "site", lang, "index").relative_to(project / "site").as_posix()
        for lang in LANGUAGES
    } <= set(good)
    assert not (project / ".site-new").exists() and not (project / ".site-old").exists()
    # a failed build keeps it
    set_card(project, CARD_PAGE, field("checklist", ["x"] * 9))
    failed = subprocess.run(make, env=env, capture_output=True, text=True)
    assert failed.returncode != 0
    assert "card.checklist has 9 items" in failed.stdout + failed.stderr
    assert tree(project / "site") == good
    assert not (project / ".site-new").exists() and not (project / ".site-old").exists()


# ---- bad-input-3: what a content pull request must never reach -----------------------


@pytest.mark.unit
@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("https://admin:geheim@handbuch.example.intranet/", "holds a user name or password"),
        ("https://admin@handbuch.example.intranet/", "holds a user name or password"),
        ("http://handbuch.example.intranet:99999/", "has a port that is not a number"),
        ("http://handbuch.example.intranet:port/", "has a port that is not a number"),
        ("https://handbuch.example.intranet/?utm=x&a=1", "has a '?' or '#' part"),
        ("https://handbuch.example.intranet/#frag", "has a '?' or '#' part"),
        ("https://bücher.example.intranet/", "write it as xn--bcher-kva.example.intranet"),
        ("ftp://handbuch.example.intranet/", "with http:// or https://"),
    ],
)
def test_a_site_address_with_credentials_a_bad_port_or_a_query_is_refused(address, message):
    """S01-S05: the address every card and QR code prints is checked before anything."""
    from cardkit.identity import check_site_url
    from cardkit.model import CardError

    with pytest.raises(CardError) as refused:
        check_site_url(address)
    assert str(refused.value).startswith(f"mkdocs.yml: site_url is '{address}'; ")
    assert message in str(refused.value) and "HANDBOOK_SITE_URL" in str(refused.value)


@pytest.mark.unit
@pytest.mark.parametrize("address", ["http://[::1]:8080/", "https://h.example.intranet/a%20b/"])
def test_a_plain_site_address_passes(address):
    from cardkit.identity import check_site_url

    check_site_url(address)


@pytest.mark.unit
@pytest.mark.parametrize(
    ("setting", "allowed"),
    [
        ({"exclude": True}, True),
        ({"staff": False}, True),
        ({"exclude": True, "staff": False}, True),
        ({"exclude": 1}, False),  # true, not a number that equals it
        ({"exclude": [True]}, False),
        ({"staff": "nein"}, False),
        ({"staf": False}, False),
        ({}, False),
        ("exclude", False),
    ],
)
def test_a_page_s_search_fields_are_exclude_and_staff_alone_or_together(setting, allowed):
    from cardkit.pagemeta import check_page_meta
    from cardkit.source import Page

    page = Page("quellen.md", "docs/quellen.md", "de", "quellen", {"search": setting})
    errors = [str(error) for error in check_page_meta([page])]
    expected = "docs/quellen.md: search allows only 'exclude: true' and 'staff: false'"
    assert errors == [] if allowed else errors[0].startswith(expected), errors


SECRET = "s3cr3t-from-the-build-environment"


@pytest.mark.unit
def test_no_pdf_reads_the_environment_git_config_or_the_host_name(monkeypatch):
    """H14, R05: the book's and kit's job (book.lay_out) and every card PDF lay out with
    cardkit.pdf's fetcher: attachments are dropped, and anything outside the theme and
    docs/ stops the PDF with the address named. Read back from the PDF's own bytes."""
    from cardkit import book, pdf

    monkeypatch.setenv("HANDBOOK_PROBE", SECRET)
    git_config = ROOT / ".git" if (ROOT / ".git").is_file() else ROOT / ".git" / "config"
    outside = ["file:///proc/self/environ", git_config.as_uri(), "file:///etc/hostname"]
    theme, docs = str(ROOT / "overrides"), str(ROOT / "docs")
    attachments = "".join(
        f"<a rel=attachment href='{url}'>a</a><link rel=attachment href='{url}'>"
        for url in [*outside, "../.git/config", "/etc/hostname"]
    )
    data = book.lay_out(f"<html><body><p>Seite</p>{attachments}</body></html>", theme, docs)
    reader = pypdf.PdfReader(__import__("io").BytesIO(data))
    assert dict(reader.attachments) == {}
    annotations = [a.get_object() for page in reader.pages for a in page.get("/Annots") or []]
    assert not [a for a in annotations if a.get("/Subtype") == "/FileAttachment"]
    for url in [*outside, "../../.git/config", "https://127.0.0.1:9/x.png", "//127.0.0.1:9/x"]:
        with pytest.raises(pdf.Refused) as refused:
            book.lay_out(f'<html><body><img src="{url}" alt=""></body></html>', theme, docs)
        assert "a PDF may use only the site's own files" in str(refused.value)
    hostname = Path("/etc/hostname").read_bytes().strip()
    uncompressed = pdf.render_document(
        f"<html><body><p>x</p>{attachments}</body></html>", base_url=theme
    ).write_pdf(uncompressed_pdf=True)
    for leak in (SECRET.encode(), b"[core]", hostname):
        assert leak not in uncompressed, leak


@pytest.mark.unit
def test_a_pdf_job_that_runs_on_is_stopped_naming_its_limit():
    """R05: a document that draws without end would hang the build; its job is stopped."""
    import time

    from cardkit import worker

    started = time.monotonic()
    job = worker.submit(time.sleep, 30)
    with pytest.raises(worker.TimedOut, match=r"took more than 0\.5 s and was stopped"):
        worker.result(job, time.sleep, 30, timeout=0.5)
    assert time.monotonic() - started < 10
    assert worker.submit(sum, [1, 2]).result(timeout=30) == 3  # a new pool for the next job
    worker.stop()


@pytest.mark.unit
def test_a_full_disk_a_deep_page_and_a_wrong_theme_folder_are_named(tmp_path):
    """X01, X02, R02, R03, M04: the causes MkDocs would show as a traceback, in words."""
    import errno

    from jinja2 import TemplateNotFound

    from handbook.failures import explain

    full = OSError(errno.ENOSPC, "No space left on device")
    full.filename = str(tmp_path / ".site-new" / "assets" / "x.css")
    message = explain(full) or ""
    assert message.startswith(f"the disk holding {tmp_path} (") and "MB free) is full" in message
    assert "nests" in (explain(RecursionError("maximum recursion depth exceeded")) or "")
    assert "theme.custom_dir must be overrides" in (explain(TemplateNotFound("main.html")) or "")
    assert explain(ValueError("x")) is None


@pytest.mark.unit
def test_mkdocs_yml_texts_and_folders_are_checked(tmp_path):
    """M02-M06: the navigation's titles, their translations and the handbook's names are
    printed on every page, so they follow a title's rules; docs_dir, custom_dir and
    site_dir stay the project's own folders."""
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    from handbook.options import check_setup, check_texts

    def config(nav, **folders):
        values = {"docs_dir": "docs", "custom_dir": "overrides", "site_dir": "site", **folders}
        return SimpleNamespace(
            nav=nav,
            site_name="Handbuch",
            site_description="",
            config_file_path=str(tmp_path / "mkdocs.yml"),
            docs_dir=str(tmp_path / values["docs_dir"]),
            site_dir=str(tmp_path / values["site_dir"]),
            theme=SimpleNamespace(custom_dir=str(tmp_path / values["custom_dir"])),
        )

    language = SimpleNamespace(
        locale=OTHER, nav_translations={"Tipps": "Tips"}, site_name="", site_description=""
    )
    check_texts(config(["index.md", {"Tipps": ["tipps/kontakt.md"]}]), [language])
    for nav, shown in (
        ([{"Quellen <img src=x onerror=alert(1)>": "quellen.md"}], "nav 'Quellen <img"),
        ([{"Tipps": [{"\u3164\u3164": "tipps/kontakt.md"}]}], "U+3164"),
    ):
        with pytest.raises(PluginError, match="every page shows it, so write plain text") as bad:
            check_texts(config(nav), [language])
        assert shown in str(bad.value)
    language.nav_translations = {"Tipps": "Tips <svg onload=alert(1)>"}
    with pytest.raises(PluginError, match=f"mkdocs.yml: {OTHER} nav_translations 'Tips <svg"):
        check_texts(config([]), [language])
    check_setup(config([]))
    check_setup(config([], site_dir=".site-new"))  # make site builds beside site/
    for key, value in (("docs_dir", "/proc/self"), ("custom_dir", "/etc"), ("site_dir", "/tmp/x")):
        with pytest.raises(PluginError, match=f"mkdocs.yml: {key} is '{value}'; the handbook"):
            check_setup(config([], **{key: value}))


@pytest.mark.unit
def test_brand_texts_are_plain_text():
    from cardkit.brand import BrandError, brand_from_options

    for name, value in (
        ("owner", "ACME <img src=x onerror=alert(1)>"),
        ("organisation", "Org </title>"),
    ):
        with pytest.raises(BrandError, match=f"brand.{name} contains < >; write plain text"):
            brand_from_options({name: value}, ())


@pytest.mark.unit
def test_two_new_cards_with_one_id_at_once_get_a_message(docs_copy):
    """K03: the second `make new-card` finds the page made meanwhile, overwrites nothing."""
    from cardkit import scaffold

    docs = docs_copy / "docs"
    first = scaffold.plan(docs, "docs", MODEL, "tip", "doppelt")
    second = scaffold.plan(docs, "docs", MODEL, "tip", "doppelt")
    scaffold.write(first)
    made = {lang: file.read_bytes() for lang, file in first.files.items()}
    with pytest.raises(scaffold.ScaffoldError, match="was created meanwhile"):
        scaffold.write(second)
    assert {lang: file.read_bytes() for lang, file in first.files.items()} == made


def no_traceback(build) -> None:
    assert "Traceback" not in build.log and 'File "' not in build.log, build.log[-3000:]


def test_a_pull_request_of_hostile_files_in_docs_stops_the_build_naming_each(project):
    """One build, the review's files at once (H01-H03, H15, N07, N08, H04, R01-R04, F12):
    every file is named with what to do, within a minute, nothing is published, and the
    dot files MkDocs leaves out (N09) pass."""
    import time

    hostile = {
        "assets/hb-reading.js": (ROOT / "overrides/assets/hb-reading.js").read_text("utf-8")
        + f";{SCRIPT}",
        "assets/handbook.css": "body{background:u\\72l(https://127.0.0.1:8999/x.png)}",
        "hilfe.html": '<!doctype html><script src="hilfe.js"></script>',
        "hilfe.js": SCRIPT,
        "bild.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script href="hilfe.js"/></svg>',
        "daten.xml": '<x xmlns="http://www.w3.org/1999/xhtml"><script src="hilfe.js"/></x>',
        ".htaccess": "Header unset Content-Security-Policy",
        "tipps/.hidden/x.txt": "x",
    }
    add(*hostile.items())(project)
    for name in ("search", "pagefind", OTHER):
        both(name, PAGE_TEXT)(project)
    write("quellen.md", b"title: Quellen <img src=x onerror=alert(1)>\n\n# Quellen\n")(project)
    append(PAGE, "\n" + '<div markdown="1">\n' * 500)(project)
    append("ueber.md", "".join(f"\n## S{n}\n" for n in range(100_000)))(project)
    started = time.monotonic()
    build = run_build(project, extra_env={"HANDBOOK_PDFS": "false"})
    assert time.monotonic() - started < 60
    assert not build.ok
    no_traceback(build)
    for src in [name for name in hostile if "/." not in f"/{name}"]:
        assert f"docs/{src}: " in build.log, src
    assert "docs/bild.svg: is an SVG image, which can carry script" in build.log
    assert "docs/assets/hb-reading.js: is a .js file; docs/ holds only pages" in build.log
    for name in ("search", "pagefind", OTHER):
        for lang in LANGUAGES:
            assert f"docs/{MODEL.source_name(name, lang)}: '{name}' is " in build.log
    assert "docs/quellen.md: starts with 'title:' but without a '---' line" in build.log
    assert f"docs/{PAGE}: nests <div> 500 levels deep" in build.log
    assert re.search(r"docs/ueber.md: has \d+ characters; .* so split it into several", build.log)
    assert ".htaccess" not in build.log and ".hidden" not in build.log
    assert not (project / "site" / "index.html").exists()


# The HTML a browser reads differently from Python's own parser, and what a deny-list
# missed (H05, H07-H10, H13, H14, H16), in one page: every problem listed at once.
HOSTILE_HTML = {
    '<div><!--> <img src="data:," alt="" onerror="alert(1)"> --></div>': "<img onerror=…>",
    '<div>x <![CDATA[ ><img src="data:," alt="" onerror="alert(2)"> ]]> y</div>': (
        "a comment is published in the page's source"
    ),
    "<div><svg><a><animate attributeName=href values=javascript:alert(3) /></a></svg></div>": (
        "<animate> changes the drawing and its links"
    ),
    '<div><img src="\\\\127.0.0.1:8999/bs.png" alt=""></div>': "has a backslash",
    '<div><a href="data:text/html;base64,PHNjcmlwdD4=">Mehr</a></div>': "is a data: address",
    "<div><a rel=\"attachment\" href='file:///proc/self/environ'>.</a></div>": (
        '<a rel="attachment"> is not allowed'
    ),
    '<div data-pagefind-meta="title:Passwort abgelaufen">x</div>': "<div data-pagefind-meta=…>",
}


def test_a_page_whose_html_or_heading_would_run_code_stops_the_build(project):
    page = project / "docs" / "quellen.md"
    text = page.read_text(encoding="utf-8")
    head, body = text.split("---\n", 2)[1:]
    head = "\n".join(line for line in head.splitlines() if not line.startswith("title:"))
    body = re.sub(
        r"^# .*$", "# Quellen `</title><img src=x onerror=alert(1)>`", body, count=1, flags=re.M
    )
    page.write_text(f"---\n{head}\n---\n{body}\n\n" + "\n\n".join(HOSTILE_HTML) + "\n")
    build = run_build(project, extra_env={"HANDBOOK_PDFS": "false"})
    assert not build.ok
    no_traceback(build)
    assert "docs/quellen.md: this page's HTML is not allowed in the handbook:" in build.log
    assert "the first heading, the page's title: title contains < >" in build.log
    for message in HOSTILE_HTML.values():
        assert message in build.log, message
    assert not (project / "site" / "quellen" / "index.html").exists()


def test_what_docs_may_hold_is_published_and_search_exclude_is_honoured(project):
    """P01: `search: exclude: true` keeps a page out of the search index; an image in
    docs/ is published, a dot file is not (N09); and no page of the whole site carries
    an event handler or a script other than the site's own files."""
    from handbook.search import BUNDLE

    excluded = "quellen"
    for lang in LANGUAGES:
        source = project / "docs" / MODEL.source_name(excluded, lang)
        if not source.exists():
            continue  # this language shows the original, excluded with it
        text = source.read_text(encoding="utf-8")
        fields = re.compile(r"^search:[ \t]*\n", re.M)
        if fields.search(text):  # the page sets other search fields
            text = fields.sub("search:\n  exclude: true\n", text, count=1)
        else:
            text = text.replace("---\n", "---\nsearch:\n  exclude: true\n", 1)
        source.write_text(text)
    png = b"\x89PNG\r\n\x1a\n" + bytes(24)
    add((".htaccess", "Header unset Content-Security-Policy"))(project)
    (project / "docs" / "bilder").mkdir(exist_ok=True)  # docs/ may have pictures already
    (project / "docs" / "bilder" / "schalter.png").write_bytes(png)
    build = run_build(project, extra_env={"HANDBOOK_PDFS": "false"})
    assert build.ok, build.log[-3000:]
    assert (build.site / "bilder" / "schalter.png").read_bytes() == png
    assert not (build.site / ".htaccess").exists()
    entry = json.loads((build.site / BUNDLE / "pagefind-entry.json").read_text("utf-8"))
    pages = {lang: len(german_pages(project / "docs")) for lang in LANGUAGES}
    assert {lang: entry["languages"][lang]["page_count"] for lang in LANGUAGES} == {
        lang: count - 1 for lang, count in pages.items()
    }
    for lang in LANGUAGES:
        page = soup(html_file(build.site, lang, excluded))
        assert page.select("[data-pagefind-body]") == []
    own = {f"assets/{p.name}" for p in (ROOT / "overrides" / "assets").glob("*.js")}
    for path in build.site.rglob("*.html"):
        page = soup(path)
        assert not [
            tag for tag in page.find_all(True) if any(a.startswith("on") for a in tag.attrs)
        ]
        for script in page.find_all("script"):
            source = script.get("src")
            if source is None:
                assert script.get("type") == "application/json", path
            else:
                assert source.split("/")[-1].split("?")[0] in {s.split("/")[-1] for s in own} or (
                    "assets/javascripts/" in source
                ), (path, source)


@pytest.mark.unit
@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            'site_description: !!python/object/apply:os.system ["touch pwned"]',
            "the tag !!python/object/apply:os.system can run code on the build machine",
        ),
        ("hooks:\n  - docs/helfer.py", "hooks: 'docs/helfer.py' would run as code"),
        ("hooks:\n  - hooks/../docs/helfer.py", "hooks: 'hooks/../docs/helfer.py' would run"),
        ("site_author: !ENV [CI_SECRET, x]", "!ENV reads 'CI_SECRET' from the build machine's"),
        ("hooks:\n  - hooks/extra.py", None),  # a developer's hook, in hooks/
    ],
)
def test_mkdocs_yml_that_would_run_code_is_refused_before_mkdocs_reads_it(tmp_path, line, message):
    """M01: `make site`/`make test` run tools/config_guard.py first; it composes the YAML
    (which runs no tag) and names the line. The real mkdocs.yml passes."""
    from tools.config_guard import problems

    assert problems(ROOT / "mkdocs.yml") == []
    config = tmp_path / "mkdocs.yml"
    config.write_text((ROOT / "mkdocs.yml").read_text("utf-8") + f"\n{line}\n", "utf-8")
    (tmp_path / "docs").mkdir()
    found = problems(config)
    if message is None:
        assert found == []
    else:
        assert len(found) == 1 and message in found[0], found
        assert found[0].startswith("mkdocs.yml (line ")
    extension = (
        (ROOT / "mkdocs.yml")
        .read_text("utf-8")
        .replace("markdown_extensions:\n", "markdown_extensions:\n  - docs.helfer\n", 1)
    )
    config.write_text(extension, "utf-8")
    assert "markdown_extensions: 'docs.helfer' would run a file of this project" in "".join(
        problems(config)
    )
