"""A synthetic handbook with N cards per language, for the benchmark.

It takes the real mkdocs.yml, overrides/ and hooks/, and writes a docs/ of N attitude and
tip pages per language in chapters of ten, each page as long as a real one, each with a
valid card. Each kind of project leaves some hooks out of mkdocs.yml (LEFT_OUT): `plain`
the card hook and the book hook (the book is made from the cards' deck), to measure the
handbook without cards; `no-book` the book hook alone, to measure the card PDFs without the
handbook PDF and trainer's kit.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from tools.project import languages, load_config

ROOT = Path(__file__).resolve().parent.parent
CHAPTER = 10
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
        "order": order,
        "title": f"{title} {kind} {order}",
        "principle": principle,
        "checklist": [f"{item} ({n})" for n in range(1, 6)],
        "question": question,
    }
    meta = {"title": f"{title} {kind} {order}", "card": card}
    body = "\n\n".join(f"## {n}\n\n" + PARAGRAPH[lang] * 6 for n in range(1, 6))
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n# {meta['title']}\n\n{body}\n"


def write_project(target: Path, cards_per_language: int, *, kind: str) -> Path:
    """Write the synthetic project into target; return its mkdocs.yml."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(ROOT / "overrides", target / "overrides")
    shutil.copytree(ROOT / "hooks", target / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
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
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    config.pop("nav")  # MkDocs builds the nav from folders
    _write_config(target, config, kind=kind)
    return target / "mkdocs.yml"


def copy_real_project(target: Path, *, kind: str) -> Path:
    """The real handbook (mkdocs.yml, docs/, overrides/, hooks/), as a kind of LEFT_OUT."""
    if target.exists():
        shutil.rmtree(target)
    for part in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / part, target / part, ignore=shutil.ignore_patterns("__pycache__"))
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    _write_config(target, config, kind=kind)
    return target / "mkdocs.yml"


def _write_config(target: Path, config: dict, *, kind: str) -> None:
    config["hooks"] = [hook for hook in config["hooks"] if not hook.endswith(LEFT_OUT[kind])]
    (target / "mkdocs.yml").write_text(
        yaml.dump(config, Dumper=_Dumper, allow_unicode=True), encoding="utf-8"
    )


# The hooks each kind of project leaves out of mkdocs.yml.
LEFT_OUT = {
    "plain": ("hooks/cards.py", "hooks/book.py"),  # no cards, nor the book made from their deck
    "cards": (),  # the handbook as it is
    "no-book": ("hooks/book.py",),  # the card PDFs without the handbook PDF and trainer's kit
}


class _Env:
    """A `!ENV [NAME, default]` tag, read and written back unchanged."""

    def __init__(self, value):
        self.value = value


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: _Env(loader.construct_sequence(node)))  # type: ignore[arg-type]
_Dumper.add_representer(_Env, lambda dumper, env: dumper.represent_sequence("!ENV", env.value))


class _PythonName(str):
    """A `!!python/name:module.attr` tag (pymdownx.emoji's functions), written back unchanged."""


_Loader.add_multi_constructor(
    "tag:yaml.org,2002:python/name:", lambda loader, suffix, node: _PythonName(suffix)
)
_Dumper.add_representer(
    _PythonName,
    lambda dumper, name: dumper.represent_scalar(f"tag:yaml.org,2002:python/name:{name}", ""),
)
