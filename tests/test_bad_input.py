"""Broken content never breaks the site: a clear message, no traceback, nothing lost."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
import pypdfium2
import pytest
import zxingcpp

from cardkit.build import CardProblems, validate_docs
from conftest import INJECTIONS, ROOT, SITE_URL, copy_project, html_file, run_build, soup
from content import (
    CARDS,
    DEFAULT,
    LANGUAGES,
    MODEL,
    card_id,
    cards_page,
    core_site,
    folder_of,
    plain_page,
    sample_card,
    set_card,
    short_address,
    single_card_pdf,
    title_line,
    tree,
)

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
        front(PAGE, "---\ntitle: ", "---\n" + ALIAS_BOMB + "title: *i\nx: "),
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
        f"docs/{CARD_PAGE}: the front matter has 1000",
    ),
    "card page with no German original": (
        lambda p: (p / "docs" / CARD_PAGE).unlink(),
        f"docs/{CARD_PAGE_EN}: has no German version; create docs/{CARD_PAGE}",
    ),
    "translation whose kind differs": (
        card_change(CARD_PAGE_EN, field("kind", OTHER_KIND)),
        f"docs/{CARD_PAGE_EN}: card.kind is {OTHER_KIND}, but docs/{CARD_PAGE} says {KIND}",
    ),
    "two cards pages": (
        lambda p: set_cards_sheet(
            *(p / "docs" / MODEL.source_name(PLAIN[:-3], lang) for lang in LANGUAGES)
        ),
        # which of the two the message names first depends on how their names sort
        (f"docs/{PLAIN}", f"docs/{cards_page()}.md", "cards_sheet: true is set here and in docs/"),
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
            reader = pypdf.PdfReader(card_pdf)
            text = " ".join(page.extract_text() for page in reader.pages).replace("\n", " ")
            assert "alert(1)" in text and ("<script>" in text or "onerror" in text)
            image = pypdfium2.PdfDocument(str(card_pdf))[1].render(scale=4).to_pil()
            assert [code.text for code in zxingcpp.read_barcodes(image)] == [
                EXAMPLE_SITE_URL + short_address(stem, lang)
            ]


def test_make_site_builds_one_at_a_time_and_keeps_the_last_good_site(tmp_path):
    project = copy_project(tmp_path / "handbook")
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
