"""Broken content never breaks the site: a clear message, no traceback, nothing lost."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SITE_URL, copy_project, html_file, run_build, soup

CARD_PAGE = "tipps/kontakt.md"


def tree(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """Every file below folder with the hash of its bytes."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()
            and not path.relative_to(folder).as_posix().startswith(skip)}


def set_card(project: Path, src: str, change) -> None:
    path = project / "docs" / src
    _, head, body = path.read_text(encoding="utf-8").split("---", 2)
    meta = yaml.safe_load(head)
    change(meta["card"])
    path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---" + body,
                    encoding="utf-8")


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
    return lambda project: (project / "docs" / new).write_bytes((project / "docs" / src).read_bytes())


BROKEN = {
    "yaml that does not parse": (
        write(CARD_PAGE, b"---\ntitle: Kontakt\ncard:\n  kind: tip\n   order: 1\n---\n# Kontakt\n"),
        "docs/tipps/kontakt.md: the front matter between the '---' lines cannot be read (line 5)"),
    **{f"missing {name}": (card_change(CARD_PAGE, drop(name)),
                           f"docs/tipps/kontakt.md: card.{name} is missing")
       for name in ("kind", "order", "title", "principle", "checklist", "question")},
    "order as text": (card_change(CARD_PAGE, field("order", "eins")),
                      "docs/tipps/kontakt.md: card.order is text ('eins'); it must be a whole number"),
    "checklist as text": (card_change(CARD_PAGE, field("checklist", "alles")),
                          "docs/tipps/kontakt.md: card.checklist is text; it must be a list"),
    "title as list": (card_change(CARD_PAGE, field("title", ["a", "b"])),
                      "docs/tipps/kontakt.md: card.title is a list; it must be text"),
    "empty principle": (card_change(CARD_PAGE, field("principle", "")),
                        "docs/tipps/kontakt.md: card.principle is empty"),
    "empty checklist item": (card_change(CARD_PAGE, field("checklist", ["a", " ", "c"])),
                             "docs/tipps/kontakt.md: card.checklist[2] is empty"),
    "0 items": (card_change(CARD_PAGE, field("checklist", [])),
                "docs/tipps/kontakt.md: card.checklist has 0 items; a card holds 3 to 7"),
    "20 items": (card_change(CARD_PAGE, field("checklist", ["x"] * 20)),
                 "docs/tipps/kontakt.md: card.checklist has 20 items; a card holds 3 to 7"),
    "duplicate id": (lambda p: (copy("tipps/kontakt.md", "haltungen/kontakt.md")(p),
                                copy("tipps/kontakt.en.md", "haltungen/kontakt.en.md")(p)),
                     "makes a card with the id 'kontakt'"),
    "unknown kind": (card_change(CARD_PAGE, field("kind", "regel")),
                     "docs/tipps/kontakt.md: card.kind is 'regel'; allowed are: attitude, tip"),
    "file name not a slug": (lambda p: (rename("tipps/kontakt.md", "tipps/Kontakt Neu.md")(p),
                                        rename("tipps/kontakt.en.md", "tipps/Kontakt Neu.en.md")(p)),
                             "docs/tipps/Kontakt Neu.md: the file name gives the card id "
                             "'Kontakt Neu', which is not a lowercase slug"),
    "id that tries a path": (card_change(CARD_PAGE, field("id", "../../etc/passwd")),
                             "docs/tipps/kontakt.md: card.id is not a card field"),
    "not utf-8": (write(CARD_PAGE, "---\ntitle: Grüße\n---\n# Grüße\n".encode("latin-1")),
                  "docs/tipps/kontakt.md: is not saved as UTF-8"),
    "field of 1 MB": (card_change(CARD_PAGE, field("question", "x" * 1_000_000)),
                      "docs/tipps/kontakt.md: card.question has 1000000 characters; at most 220"),
    "card with no translation": (lambda p: (p / "docs" / "tipps/kontakt.en.md").unlink(),
                                 "docs/tipps/kontakt.md: has no English version; create "
                                 "docs/tipps/kontakt.en.md"),
    "translation whose kind differs": (card_change("tipps/kontakt.en.md", field("kind", "attitude")),
                                       "docs/tipps/kontakt.en.md: card.kind/order is attitude 1, "
                                       "but docs/tipps/kontakt.md says tip 1"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_content_fails_clearly_and_writes_nothing(project, case):
    breakage, message = BROKEN[case]
    breakage(project)
    before = tree(project)
    build = run_build(project)
    assert not build.ok
    assert message in build.log
    assert "Traceback" not in build.log and 'File "' not in build.log
    assert tree(project, skip=("site/",)) == before     # docs/ untouched, nothing beside site/
    assert not (project / "site" / "index.html").exists()


INJECTIONS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']


@pytest.mark.parametrize("attack", INJECTIONS)
def test_card_text_is_escaped_in_every_output(project, attack):
    def inject(card):
        card["title"] = f"T {attack}"[:60]
        card["principle"] = f"P {attack}"
        card["checklist"] = [f"C{n} {attack}" for n in range(3)]
        card["question"] = f"Q {attack}"
    for src in ("tipps/kontakt.md", "tipps/kontakt.en.md"):
        set_card(project, src, inject)
    build = run_build(project)
    assert build.ok, build.log
    site = project / "site"
    for lang in ("de", "en"):
        for stem in ("tipps/kontakt", "karten"):
            page = soup(html_file(site, lang, stem))
            assert not [s for s in page.find_all("script") if "alert" in s.get_text()]
            assert not page.find_all(attrs={"onerror": True})
            assert not page.select('img[src="x"]')
            texts = [li.get_text() for li in page.select(".hb-checklist li")]
            assert f"C0 {attack}" in texts                       # shown, as text
    import pypdf
    reader = pypdf.PdfReader(site / "pdf" / "karten" / "kontakt-a6-de.pdf")
    text = " ".join(page.extract_text() for page in reader.pages).replace("\n", " ")
    assert "alert(1)" in text and ("<script>" in text or "onerror" in text)
    import pypdfium2, zxingcpp
    image = pypdfium2.PdfDocument(str(site / "pdf" / "karten" / "kontakt-a6-de.pdf"))[1].render(scale=4).to_pil()
    assert [c.text for c in zxingcpp.read_barcodes(image)] == [SITE_URL + "tipps/kontakt/"]


def test_a_failed_make_site_keeps_the_last_good_site(tmp_path):
    project = copy_project(tmp_path / "handbook")
    (project / "Makefile").write_bytes((ROOT / "Makefile").read_bytes())
    (project / "requirements.txt").write_bytes((ROOT / "requirements.txt").read_bytes())
    venv = Path(sys.prefix)
    assert (venv / ".requirements-installed").exists(), "run the tests through make test"
    env = {**os.environ, "HANDBOOK_SITE_URL": SITE_URL, "HANDBOOK_PDFS": "false"}
    make = ["make", "--no-print-directory", "-C", str(project), "site", f"VENV={venv}"]
    first = subprocess.run(make, env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stdout + first.stderr
    good = tree(project / "site")
    assert "index.html" in good
    set_card(project, CARD_PAGE, field("checklist", ["x"] * 9))
    second = subprocess.run(make, env=env, capture_output=True, text=True)
    assert second.returncode != 0
    assert "card.checklist has 9 items" in second.stdout + second.stderr
    assert tree(project / "site") == good
    assert not (project / ".site-new").exists() and not (project / ".site-old").exists()
