"""What the tests expect, read from docs/ and mkdocs.yml the way the build reads them.

Nothing here counts or names today's content: an editor who adds, removes, retitles or
reorders pages and cards changes what the tests expect, not the tests.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import re
import unicodedata
from pathlib import Path

import yaml

from cardkit.labels import WORDS as _WORDS, provide as provide_words
from tools.project import languages, load_config, nav_entries

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CONFIG = load_config()
MODEL = languages(CONFIG)  # the languages model the build uses (cardkit.languages)
LANGUAGES = MODEL.codes
# The languages with a words file of their own (hooks/cardkit/labels/): the tests that
# check words written per language run for these; a language added by configuration
# alone shows the default's words.
WORDED = tuple(lang for lang in LANGUAGES if lang in _WORDS)
provide_words(MODEL.default, LANGUAGES)  # a language without words file: the default's
DEFAULT = MODEL.default
ROOTS = {lang: MODEL.url_root(lang) for lang in LANGUAGES}
KIND_ORDER = ("attitude", "tip")  # the cards page and PDFs show attitudes first


def source_file(stem: str, lang: str, docs: Path = DOCS) -> Path:
    return docs / MODEL.source_name(stem, lang)


def shown_source(stem: str, lang: str, docs: Path = DOCS) -> Path:
    """The file a page of lang is built from: its own, or the default language's where it
    has none yet (mkdocs-static-i18n's fallback_to_default)."""
    own = source_file(stem, lang, docs)
    return own if own.exists() else source_file(stem, DEFAULT, docs)


def front_matter(path: Path) -> dict:
    """A docs file's front matter, as a copy the caller may change. The tests ask for it
    thousands of times (5788 in a run, for 46 files): each text is parsed once per worker."""
    return copy.deepcopy(_parsed_front_matter(path.read_text(encoding="utf-8")))


@functools.lru_cache(maxsize=1024)  # keyed by the text itself: an edited file parses again
def _parsed_front_matter(text: str) -> dict:
    if not text.startswith("---"):
        return {}
    return yaml.safe_load(text.split("---", 2)[1]) or {}


def german_pages(docs: Path = DOCS) -> list[str]:
    """The stems of all pages in the default language (tipps/kontakt), from docs/."""
    return sorted(
        path.relative_to(docs).with_suffix("").as_posix()
        for path in docs.rglob("*.md")
        if MODEL.is_default_source(path.relative_to(docs).as_posix())
    )


def title(stem: str, lang: str) -> str:
    return front_matter(shown_source(stem, lang))["title"]


def nav_of(docs: Path = DOCS) -> list[str]:
    """The page files mkdocs.yml's nav lists, in order (the mkdocs.yml beside docs/)."""
    config = CONFIG if docs == DOCS else load_config(docs.parent / "mkdocs.yml")
    return nav_entries(config["nav"])


def source_cards(lang: str, docs: Path = DOCS) -> dict[str, tuple[str, dict]]:
    """id -> (page stem, card) for every card of one language, read from docs/; each card
    with its "order", its number within its kind in the nav's order (as the build counts)."""
    nav = nav_of(docs)
    cards = {}
    for stem in german_pages(docs):
        card = front_matter(shown_source(stem, lang, docs)).get("card")
        if card:
            cards[stem.rsplit("/", 1)[-1]] = (stem, dict(card))
    place = {
        stem: nav.index(f"{stem}.md") if f"{stem}.md" in nav else len(nav)
        for stem, _ in cards.values()
    }
    for kind in {card["kind"] for _, card in cards.values()}:
        mine = sorted(
            (sc for sc in cards.values() if sc[1]["kind"] == kind), key=lambda sc: place[sc[0]]
        )
        for number, (_, card) in enumerate(mine, 1):
            card["order"] = number
    return cards


def in_deck_order(cards: dict[str, tuple[str, dict]]) -> list[tuple[str, dict]]:
    """(stem, card) pairs as the cards page and the PDFs show them."""
    return sorted(cards.values(), key=lambda sc: (KIND_ORDER.index(sc[1]["kind"]), sc[1]["order"]))


CARDS = {lang: source_cards(lang) for lang in LANGUAGES}


def sample_card(kind: str) -> str:
    """The stem of the first card of a kind in deck order (of any kind if none is left):
    the page a test changes. Chosen from docs/, so that deleting or renaming any page
    never breaks a test."""
    deck = in_deck_order(CARDS[DEFAULT])
    return next((stem for stem, card in deck if card["kind"] == kind), deck[0][0])


def other_cards(*besides: str) -> list[str]:
    """The stems of the cards other than the given ones, in deck order."""
    return [stem for stem, _ in in_deck_order(CARDS[DEFAULT]) if stem not in besides]


def plain_page(docs: Path = DOCS, langs: tuple[str, ...] = ()) -> str:
    """The stem of a page without a card that is neither the home page nor the cards page,
    with a file of its own in each of langs (the default language's alone where none)."""
    return next(
        stem
        for stem in german_pages(docs)
        if stem != "index"
        and all(source_file(stem, lang, docs).exists() for lang in langs)
        and not {"card", "cards_sheet"} & set(front_matter(source_file(stem, DEFAULT, docs)))
    )


def card_id(stem: str) -> str:
    return stem.rsplit("/", 1)[-1]


def folder_of(stem: str) -> str:
    """The folder part of a stem with a slash ('tipps/' for 'tipps/x'; '' at the top)."""
    return stem.rpartition("/")[0] + "/" if "/" in stem else ""


def title_line(stem: str, lang: str = DEFAULT) -> str:
    """The page's own `title:` line of front matter, as written (not the card's)."""
    text = shown_source(stem, lang).read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if line.startswith("title:"))


def cards_page(docs: Path = DOCS) -> str:
    """The stem of the page marked `cards_sheet: true`."""
    return next(
        stem
        for stem in german_pages(docs)
        if front_matter(source_file(stem, DEFAULT, docs)).get("cards_sheet")
    )


def kit_page(docs: Path = DOCS) -> str:
    """The stem of the trainer page: the one whose text holds the kit's PDF links
    (data-set="kit"), as the build finds it."""
    return next(
        stem
        for stem in german_pages(docs)
        if 'data-set="kit"' in source_file(stem, DEFAULT, docs).read_text(encoding="utf-8")
    )


def site_name(lang: str) -> str:
    """The handbook's name in a language, as mkdocs.yml and its i18n plugin give it."""
    i18n = next(
        entry["i18n"] for entry in CONFIG["plugins"] if isinstance(entry, dict) and "i18n" in entry
    )
    language = next(entry for entry in i18n["languages"] if entry["locale"] == lang)
    return language.get("site_name") or CONFIG["site_name"]


def nav_sections(lang: str, config: dict = CONFIG, *, top: bool = False) -> list[str]:
    """The section titles of mkdocs.yml's nav, translated as the i18n plugin does; with
    top=True only the chapters (the sections at the nav's first level)."""
    plugins = {
        name: options
        for entry in config["plugins"]
        for name, options in (entry.items() if isinstance(entry, dict) else [(entry, {})])
    }
    entry = next(e for e in plugins["i18n"]["languages"] if e["locale"] == lang)
    translations: dict[str, str] = entry.get("nav_translations") or {}

    def walk(items) -> list[str]:
        found: list[str] = []
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict):
                for name, value in item.items():
                    if isinstance(value, list):
                        title = str(name)
                        found += [translations.get(title, title), *([] if top else walk(value))]
        return found

    return walk(config["nav"])


def single_card_pdf(site: Path, lang: str, card_id: str, size: str = "a6") -> Path:
    """Where a single card's PDF is published: pdf/karten/<id>-a6-de.pdf (print shop) or
    -a4- (office printer); the English ones below en/pdf/cards/."""
    from cardkit.labels import LABELS

    folder = LABELS[lang]["file_all"]
    return site / ROOTS[lang] / "pdf" / folder / f"{card_id}-{size}-{lang}.pdf"


HANDBOOK_OPTIONS = next(
    (entry["handbook"] or {})
    for entry in CONFIG["plugins"]
    if isinstance(entry, dict) and "handbook" in entry
)


def short_address(stem: str, lang: str, options: dict = HANDBOOK_OPTIONS) -> str:
    """Where the QR code of the card on page stem leads, below the site root: k/<id>/ with
    the id the card was first printed under (its file name, or an older name that
    mkdocs.yml's moved: lines lead to this page)."""
    printed = options.get("printed_cards") or []
    moved = options.get("moved") or {}
    short = card_id(stem) if card_id(stem) in printed else None
    for old in moved if short is None else ():
        now = old
        while now in moved:
            now = moved[now]
        if now == f"{stem}.md" and card_id(old.removesuffix(".md")) in printed:
            short = card_id(old.removesuffix(".md"))
    assert short, f"{stem}: its card is not in printed_cards"
    return f"{ROOTS[lang]}k/{short}/"


def redirect_target(site: Path, url_path: str) -> Path:
    """The file a redirect page at url_path (below the site root) leads to, by its meta
    refresh; the refresh and the page's one link must agree."""
    page = site / url_path / "index.html"
    text = page.read_text(encoding="utf-8")
    refresh = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', text)
    assert refresh, f"{url_path}: not a redirect page"
    assert f'<a href="{refresh[1]}">' in text
    return (page.parent / refresh[1] / "index.html").resolve()


def page_url(stem: str) -> str:
    """The directory URL MkDocs gives a page stem ('index' -> '', 'a/b' -> 'a/b/')."""
    if stem == "index":
        return ""
    return stem[: -len("index")] if stem.endswith("/index") else stem + "/"


def html_file(site: Path, lang: str, stem: str) -> Path:
    return site / f"{ROOTS[lang]}{page_url(stem)}index.html"


def squash(text: str) -> str:
    """Text without spaces and hyphens (PDF text breaks lines and hyphenates words), and
    with ligatures such as "ﬁ" spelled out."""
    return re.sub(r"[\s\-\u00ad\u2010\u2011]", "", unicodedata.normalize("NFKC", text))


def tree(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """Every file below folder with the hash of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.relative_to(folder).as_posix().startswith(skip)
    }


def set_card(project: Path, src: str, change) -> None:
    """Change the card in docs/<src> of a project copy: change(card_dict)."""
    path = project / "docs" / src
    _, head, body = path.read_text(encoding="utf-8").split("---", 2)
    meta = yaml.safe_load(head)
    change(meta["card"])
    path.write_text(
        "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---" + body, encoding="utf-8"
    )


def core_site(
    cache_dir: Path,
    *,
    lang: str = DEFAULT,
    site_url: str | None = None,
    pdfs: bool = False,
    docs: Path = DOCS,
    templates_dir: Path = ROOT / "overrides",
):
    """The card core's Site for the real docs/ (or another docs folder), as the hooks make
    it, without a build: for the tests that call the core directly."""
    from cardkit.build import Site

    return Site(
        docs_dir=docs,
        shown_as="docs",
        languages=MODEL,
        lang=lang,
        site_url=site_url,
        templates_dir=templates_dir,
        pdfs=pdfs,
        cache_dir=cache_dir,
    )
