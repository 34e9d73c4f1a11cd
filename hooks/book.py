"""The handbook on paper, a thin MkDocs adapter: one book PDF per language and the trainer's
kit (workshop guide, observer sheet, blank commitment cards). cardkit.book does the work.

mkdocs-static-i18n runs every event once per language (NOTES.md), so all state is kept per
language and made anew in on_config. The book is made of the HTML this build rendered of
each page (on_page_content), in the navigation's order (on_nav), started in worker processes
in the language's on_env (MkDocs has converted every page by then). MkDocs copies the static
files right after on_env, so the PDFs are handed to it there as generated files, like the
card PDFs (hooks/cards.py): the last language pass's on_env waits for every language's, so
the first language's book lays out while the next language is built.
HANDBOOK_PDFS=false (`make serve`) skips all of it.
A page asks for the download links with <div class="hb-pdfs" data-set="book"></div>, or
data-set="kit" on the trainer page, which then becomes the workshop guide.
"""

from __future__ import annotations

import mkdocs.plugins
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import card_deck  # the deck and the Sites hooks/cards.py made
import cardkit.book as book
import i18n_languages

log = mkdocs.plugins.get_plugin_logger(__name__)
_state: dict[str, dict] = {}  # per language: site, nav, pages, the guide's page
_pending: dict[str, book.PendingBook] = {}  # per language: the PDFs on their way


@mkdocs.plugins.event_priority(-110)  # after i18n has chosen the language of this build
def on_config(config: MkDocsConfig) -> None:
    if i18n_languages.first_pass(config):
        _pending.clear()  # a new build (under `mkdocs serve` too): nothing on its way
    _state[i18n_languages.current(config)] = {
        "site": card_deck.site(i18n_languages.current(config)),
        "nav": None,
        "pages": {},
        "guide": None,
    }


@mkdocs.plugins.event_priority(-120)  # after i18n has translated the section titles
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    _state[i18n_languages.current(config)]["nav"] = nav
    return nav


def _in_book(page: Page, lang: str, root: str) -> bool:
    """Every page of this language but the home page (the cover stands for it; outside the
    default language it sits at en/, where MkDocs does not call it the home page) and the
    practice page (its ticks live in a browser)."""
    return (
        getattr(page.file, "locale", lang) == lang
        and page.url != root
        and not page.is_homepage
        and not page.meta.get("practice_sheet")
    )


# After the content policy (-100) has checked the page, so the links added here are ours.
@mkdocs.plugins.event_priority(-120)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = i18n_languages.current(config)
    state = _state[lang]
    site = state["site"]
    if site.pdfs and _in_book(page, lang, site.lang_root):
        card = card_deck.current().card(page.file.src_uri)
        state["pages"][page.url] = book.PageText(
            url=page.url, title=page.title or "", html=html, card=card
        )
        if 'data-set="kit"' in html:
            state["guide"] = page.url
    return book.fill_markers(site, html, page.url)


def _entries(items, pages: dict, depth: int = 1, chapter: str | None = None):
    """The navigation in order, as cardkit.book's entries (page titles as rendered)."""
    for item in items:
        title = pages[item.url].title if item.is_page and item.url in pages else item.title
        entry = book.Entry(
            title=title or "",
            depth=depth,
            chapter=chapter or title or "",
            url=item.url if item.is_page else None,
        )
        if item.is_section:
            yield entry
            yield from _entries(item.children, pages, depth + 1, entry.chapter)
        elif item.is_page and item.url in pages:
            yield entry


# After the cards hook (priority 0) has waited for this language's card PDFs: the workers
# are free for the book then.
@mkdocs.plugins.event_priority(-100)
def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Start this language's book and kit PDFs (MkDocs has converted every page before
    on_env). In the last language pass, wait for every language's and hand them to MkDocs,
    which copies them with the static files right after on_env. Files.generated places a
    file by its path below the site root, whichever language's pass hands it over."""
    lang = i18n_languages.current(config)
    state = _state.get(lang)
    if state and state["site"].pdfs and state["pages"]:
        _pending[lang] = book.start_pdfs(state["site"], _documents(state))
    if i18n_languages.last_pass(config):
        for done in list(_pending):
            pending = _pending.pop(done)
            for path, data in _make(done, pending).files.items():
                files.append(File.generated(config, pending.site.lang_root + path, content=data))
    return env


def _documents(state: dict) -> dict[str, str]:
    """The HTML of the book and the kit (by kind), from the pages this pass rendered."""
    site, pages = state["site"], state["pages"]
    entries = list(_entries(state["nav"].items, pages))
    documents = {"book": book.book_document(site, entries, pages)}
    if state["guide"]:
        documents["guide"] = book.guide_document(site, pages[state["guide"]])
    documents["observer"] = book.observer_document(
        site, [page.card for page in pages.values() if page.card]
    )
    documents["commitment"] = book.commitment_document(site)
    return documents


def _make(lang: str, pending: book.PendingBook) -> book.Made:
    try:
        made = book.finish_pdfs(pending)
    except Exception as error:  # WeasyPrint's own errors: name what failed
        raise PluginError(f"the handbook PDF ({lang}) could not be made: {error}") from error
    log.info(
        "%s: handbook PDF and trainer's kit, %d PDFs (%s)",
        lang,
        len(made.files),
        f"laid out: {', '.join(made.rendered)}" if made.rendered else "from the cache",
    )
    return made
