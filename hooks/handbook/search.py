"""The site search index: Pagefind indexes the built site, one index per language.

Pagefind reads each page's <html lang>, keeps a separate, stemmed index per language and
serves it as static files from site/pagefind/; overrides/assets/hb-search.js asks it from
the theme's own search box, so a reader only ever gets pages in the language being read.

The handbook plugin runs it once per build, at the end of the outermost language pass,
when every language is on disk; `mkdocs serve` runs it after each rebuild too.
"""

from __future__ import annotations

import html as html_lib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from cardkit.languages import Languages
from cardkit.searchterms import WORD, extra_terms

from . import failures
from .state import BuildContext, Pass

log = get_plugin_logger("handbook")
BUNDLE = "pagefind"
# Pagefind indexes only elements marked data-pagefind-body (the article, see main.html),
# and within them skips these:
NOT_CONTENT = (
    ".headerlink",  # the permalink sign beside each heading
    ".md-content__button",  # "edit this page"
    ".hb-print-only",  # cards page: the A4 sheets repeat every card for printing
    ".hb-screen-only .hb-card",  # cards page: a card's words are found on its own page
    # a card's printed furniture, the same on every card: only its own words are content
    ".hb-identity",
    ".hb-sample-mark",
    ".hb-kind",
    ".hb-question-label",
    ".hb-resolution-label",
    ".hb-lines",
    ".hb-foot",
    # the home page's tiles: signposts whose words are found on the pages they lead to
    ".grid.cards",
)


SPLIT_COMPOUNDS = ("de",)  # the languages whose compounds cardkit.searchterms splits
TAG = re.compile(r"<[^>]+>")
HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.S)
SITUATIONS = re.compile(r'\bdata-situations="([^"]*)"')  # a scene's tags (cardkit.situations)
# The hidden words weigh as much as the words they stand for: body text 1, and a heading's
# as Pagefind weighs that heading (its defaults), so "Reklamation" finds a page with a
# "Bei einer Beschwerde" heading as a page about it, as "Beschwerde" does. A synonym is
# repeated as often as the page uses its group, so a page about complaints ranks above
# one that names one.
TERMS_WEIGHT = 1
HEADING_WEIGHTS = {1: 7, 2: 6, 3: 5, 4: 4, 5: 3, 6: 2}
# Around the hidden words, so that hb-search.js never shows them as a result's excerpt
HIDDEN_START, HIDDEN_END = "hbterms", "hbtermsend"


def _text(html: str) -> str:
    return html_lib.unescape(TAG.sub(" ", html))


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def _hidden(weight: int, terms: list[str]) -> str:
    return (
        f'\n<div class="hb-search-terms" hidden data-pagefind-weight="{weight}">'
        f"{HIDDEN_START} {html_lib.escape(' '.join(terms))} {HIDDEN_END}</div>"
        if terms
        else ""
    )


def add_terms(html: str, pass_: Pass, context: BuildContext) -> str:
    """Hidden elements with the words the page should also be found by: its compounds'
    parts and the synonyms of its words (cardkit.searchterms), those of a heading a second
    time at its weight, right after it. A scene tagged with situations (docs/
    situationen.yml) is also found by their names, as if they were its heading: "At the
    counter" is where a scene happens, the situation's name is what staff search for ("A
    complaint by e-mail", "Someone wants an exception"). Readers never see them.

    A heading's words stand in its own section (up to the next heading), so Pagefind
    credits them to that heading's sub-result, whose link opens the page at the scene;
    at the end of the page they counted for the page or its last heading only."""
    splitter = context.splitter if pass_.lang in SPLIT_COMPOUNDS else None
    groups = context.synonyms[pass_.lang]
    names = {each.id: each.names[pass_.lang] for each in context.deck.situations.situations}
    body = _hidden(TERMS_WEIGHT, extra_terms(_text(html), pass_.lang, groups, splitter))
    title: list[str] = []  # the page title's: at the end, as a title hit opens the page's top

    def after_heading(match: re.Match) -> str:
        level, attributes, inner = int(match[1]), match[2], match[3]
        named = [
            names[tag]
            for tags in SITUATIONS.findall(attributes)
            for tag in html_lib.unescape(tags).split()
            if tag in names
        ]
        terms = _words(" ".join(named)) + extra_terms(
            " ".join([_text(inner), *named]), pass_.lang, groups, splitter
        )
        if level == 1:  # nothing between the title and its page head (date, card link)
            title.extend(terms)
            return match[0]
        return match[0] + _hidden(HEADING_WEIGHTS[level], terms)

    sections = HEADING.sub(after_heading, html)
    return sections + _hidden(HEADING_WEIGHTS[1], title) + body


def _index(site_dir: Path) -> None:
    """Pagefind's command line, which returns only once every index file is written (its
    Python service API can close before the last write lands on a busy machine)."""
    excluded = [arg for selector in NOT_CONTENT for arg in ("--exclude-selectors", selector)]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(site_dir),
            "--output-subdir",
            BUNDLE,
            *excluded,
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0:
        reason = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
        raise PluginError(
            f"search index: Pagefind could not index {site_dir} ({reason[0]}); "
            "run `make setup`, which installs pagefind[bin] from "
            "requirements.txt"
        )


def _reproducible_entry(path: Path) -> dict:
    """Pagefind lists the languages in its entry file in no fixed order (the rest of its
    output is the same from build to build): sort them, so two builds of one commit are
    byte-identical."""
    try:
        entry = json.loads(path.read_text("utf-8"))
        entry["languages"] = dict(sorted(entry["languages"].items()))
        path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")
    except (OSError, ValueError, KeyError, AttributeError):
        # Pagefind says nothing when its disk is full: it leaves this file empty or cut off.
        raise PluginError(
            f"search index: {path} is incomplete; {failures.disk_full(str(path))}"
        ) from None
    return entry


def index_site(config: MkDocsConfig, languages: Languages, built: list[str]) -> None:
    """Index the whole built site, every language (built: those this build made)."""
    site_dir = Path(config.site_dir)
    shutil.rmtree(site_dir / BUNDLE, ignore_errors=True)
    _index(site_dir)
    # Pagefind also writes its own ready-made search UIs; the handbook uses the theme's box.
    for unused in (site_dir / BUNDLE).glob("pagefind-*ui.*"):
        unused.unlink()
    # The theme's search plugin stays on only because the theme shows its search box with
    # it; its own index mixes both languages and nothing loads it (see partials/search.html).
    shutil.rmtree(site_dir / "search", ignore_errors=True)
    entry = _reproducible_entry(site_dir / BUNDLE / "pagefind-entry.json")
    counts = {
        lang: entry["languages"].get(lang, {}).get("page_count", 0)
        for lang in languages
        if lang in built
    }
    log.info(
        "search: %d pages indexed (%s)",
        sum(counts.values()),
        ", ".join(f"{lang}: {count}" for lang, count in counts.items()),
    )
    for lang, count in counts.items():
        if not count:
            log.warning(
                "search: no %s page in the search index; each page's <article> should "
                "carry data-pagefind-body (overrides/main.html) and its <html> the "
                "page's lang",
                lang,
            )
