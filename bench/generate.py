"""A synthetic handbook with N cards per language, for the benchmark.

It takes the real mkdocs.yml, overrides/ and hooks/, and writes a docs/ of N attitude and
tip pages per language in chapters of ten, each page as long as a real one, each with a
valid card. mkdocs.yml is copied as it is but for its `nav:` block (which names the real
pages; without it MkDocs makes the nav from the folders): whatever entries run the build,
the bench builds with them. A build without PDFs is the same project built with
HANDBOOK_PDFS=false (bench/run.py).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from tools.project import languages, load_config

ROOT = Path(__file__).resolve().parent.parent
CHAPTER = 10
# The top-level `nav:` key and every line below it that is indented, blank or a comment.
NAV = re.compile(r"^nav:[ \t]*\n(?:[ \t#].*\n|[ \t]*\n)*", re.MULTILINE)
PARAGRAPH = {
    "de": (
        "Kundinnen und Kunden merken sofort, ob ihr Anliegen ernst genommen wird. Wer "
        "zuhört, nachfragt und klar sagt, was möglich ist, schafft Vertrauen am Schalter, "
        "am Telefon und in jeder E-Mail. "
    ),
    "en": (
        "Customers notice at once whether their concern is taken seriously. Listening, "
        "asking and saying clearly what is possible builds trust at the counter, on the "
        "phone and in every e-mail. "
    ),
}
CARD_WORDS = {
    "de": (
        "Karte",
        "Ich nehme jedes Anliegen ernst und sage klar, was geht.",
        "Ich höre zu, bevor ich antworte.",
        "Wann habe ich zuletzt nachgefragt?",
    ),
    "en": (
        "Card",
        "I take every concern seriously and say clearly what is possible.",
        "I listen before I answer.",
        "When did I last ask a follow-up question?",
    ),
}


def page_text(lang: str, kind: str, order: int) -> str:
    title, principle, item, question = CARD_WORDS[lang]
    card = {
        "kind": kind,
        "title": f"{title} {kind} {order}",
        "principle": principle,
        "checklist": [f"{item} ({n})" for n in range(1, 6)],
        "question": question,
    }
    cases = [  # a page with a card needs MIN_CASES cases, one on the phone (cardkit/cases.py)
        {
            "title": f"{title} {number}",
            "channel": channel,
            "situation": question,
            "solution": principle,
            "customer": item,
            "mood": 3,
            "unsaid": item,
            "staff": principle,
        }
        for number, channel in enumerate(("phone", "counter", "email"), start=1)
    ]
    meta = {"title": f"{title} {kind} {order}", "card": card, "cases": cases}
    body = "\n\n".join(f"## {n}\n\n" + PARAGRAPH[lang] * 6 for n in range(1, 6))
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n# {meta['title']}\n\n{body}\n"


def write_project(target: Path, cards_per_language: int) -> Path:
    """Write the synthetic project into target; return its mkdocs.yml."""
    _copy(target, ("overrides", "hooks"))
    docs = target / "docs"
    langs = languages(load_config())
    for lang, suffix in ((lang, langs.suffix(lang)) for lang in ("de", "en")):
        for number in range(cards_per_language):
            card_kind = ("attitude", "tip")[number % 2]
            order = number // 2 + 1
            folder = (
                docs
                / ("haltungen" if card_kind == "attitude" else "tipps")
                / f"kapitel-{(order - 1) // CHAPTER + 1:03d}"
            )
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{card_kind}-{order:04d}{suffix}.md").write_text(
                page_text(lang, card_kind, order), encoding="utf-8"
            )
        for name in ("index", "karten"):
            meta = {"title": name.title(), "cards_sheet": name == "karten"}
            (docs / f"{name}{suffix}.md").write_text(
                f"---\n{yaml.safe_dump(meta)}---\n\n# {name.title()}\n", encoding="utf-8"
            )
    config = NAV.sub("", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    # every synthetic card listed as printed (its QR code's address), no moved pages
    ids = sorted({page.stem for page in docs.rglob("*-[0-9][0-9][0-9][0-9].md")})
    printed = "      printed_cards:\n" + "".join(f"        - {card_id}\n" for card_id in ids)
    config = re.sub(r"      printed_cards:\n(?:        - .*\n)*", printed, config)
    config = re.sub(r"      moved:(?: \{\})?\n(?:        .*\n)*", "      moved: {}\n", config)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target / "mkdocs.yml"


def copy_real_project(target: Path) -> Path:
    """The real handbook: mkdocs.yml, docs/, overrides/ and hooks/, copied as they are."""
    _copy(target, ("docs", "overrides", "hooks"))
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target / "mkdocs.yml"


def _copy(target: Path, parts: tuple[str, ...]) -> None:
    if target.exists():
        shutil.rmtree(target)
    for part in parts:
        shutil.copytree(ROOT / part, target / part, ignore=shutil.ignore_patterns("__pycache__"))
