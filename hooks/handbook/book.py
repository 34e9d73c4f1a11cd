"""The handbook on paper in the build: one book PDF per language and the trainer's kit
(workshop guide, observer sheet, blank commitment and role cards). cardkit.book does the work.

The book is made of the HTML this build rendered of each page (collect_page), in the
navigation's order, started in worker processes in the language's on_env (MkDocs has
converted every page by then). The last language pass waits for every language's and hands
them to MkDocs as generated files, so the first language's book lays out while the next
language is built. HANDBOOK_PDFS=false (`make serve`) skips all of it.
A page asks for the download links with <div class="hb-pdfs" data-set="book"></div>, or
data-set="kit" on the trainer page, which then becomes the workshop guide (in the kit, not
in the staff's book). Print and web wording: cardkit.media (the book drops `hb-web`, the
site `hb-print`).
"""

from __future__ import annotations

from collections.abc import Iterator

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import cardkit.book as book
from cardkit import cases, media, pdf
from cardkit.loader import CardProblems

from .state import BuildContext, BuildState, Pass

log = get_plugin_logger("handbook")
# The page whose chapter the imprint names for the sources (docs/quellen.md, its stem in
# every language); without it the imprint leaves that line out.
SOURCES = "quellen"


def _in_book(page: Page, pass_: Pass) -> bool:
    """Every page of this language (a page not yet translated in its original, as the
    site shows it) but the home page (the cover stands for it; outside the default
    language it sits at en/, where MkDocs does not call it the home page), the practice
    page (its ticks live in a browser), the cards page (its files are for printing; the
    book holds every card and an index of them), the screen of the card of the day (it
    shows one card at a time, chosen in the browser) and "What's new" (a list from git)."""
    return (
        page.url != pass_.root
        and not page.is_homepage
        and not page.meta.get("practice_sheet")
        and not page.meta.get("cards_sheet")
        and not page.meta.get("daily_screen")
        and not page.meta.get("changes_page")
    )


def collect_page(html: str, page: Page, pass_: Pass, context: BuildContext) -> str:
    """Keep the page's print wording for the book; the site gets its web wording, with the
    download markers filled."""
    if pass_.site.pdfs and _in_book(page, pass_):
        pass_.book_pages[page.url] = book.PageText(
            url=page.url,
            title=page.title or "",
            html=media.for_print(html),
            card=context.deck.card(page.file.src_uri, pass_.lang),
            src_stem=page.file.src_uri.split(".")[0],
            # an untranslated page keeps its original's language (hyphenation in the PDF)
            lang=getattr(page.file, "locale", None) or "",
        )
        if 'data-set="kit"' in html:
            pass_.guide = page.url
    return book.fill_markers(pass_.site, media.for_web(html), page.url)


def _entries(items, pages: dict, depth: int = 1, chapter: str | None = None) -> Iterator:
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


def _documents(pass_: Pass, context: BuildContext) -> dict[str, str]:
    """The HTML of the book and the kit (by kind), from the pages this pass rendered."""
    site, pages, infos = pass_.site, pass_.book_pages, context.infos[pass_.lang]
    assert pass_.nav is not None, "on_nav has run"
    staff = {url: page for url, page in pages.items() if url != pass_.guide}  # not the kit's
    entries = list(_entries(pass_.nav.items, staff))
    sources = next((url for url, page in staff.items() if page.src_stem == SOURCES), None)
    documents = {
        "book": book.book_document(
            site,
            entries,
            staff,
            infos,
            imprint=book.Imprint(
                contact=site.brand.contact or context.options.suggest_email or "",
                sources=sources,
            ),
        )
    }
    if pass_.guide:
        documents["guide"] = book.guide_document(site, pages[pass_.guide], infos)
    documents["observer"] = book.observer_document(
        site, [page.card for page in pages.values() if page.card], infos
    )
    documents["commitment"] = book.commitment_document(site)
    documents["roles"] = book.roles_document(site)
    documents.update(book.case_documents(site, context.deck.cases_of(pass_.lang)))
    return documents


def start_pdfs(pass_: Pass, build: BuildState) -> None:
    """This language's book and kit PDFs, started in the workers (MkDocs has converted
    every page before on_env)."""
    if pass_.site.pdfs and pass_.book_pages:
        build.pending_books[pass_.lang] = book.start_pdfs(
            pass_.site, _documents(pass_, build.context)
        )


def finish_pdfs(files: Files, config: MkDocsConfig, build: BuildState) -> None:
    """Every language's book and kit, waited for and handed to MkDocs. Files.generated places
    a file by its path below the site root, whichever language's pass hands it over."""
    crowded = []  # case cards that do not fit, in every language: named together
    for lang in list(build.pending_books):
        pending = build.pending_books.pop(lang)
        try:
            made = book.finish_pdfs(pending)
        except pdf.Crowded as error:
            crowded += cases.crowded_errors(list(error.args), build.context.deck.cases_of(lang))
            continue
        except Exception as error:  # WeasyPrint's own errors: name what failed
            raise PluginError(f"the handbook PDF ({lang}) could not be made: {error}") from error
        log.info(
            "%s: handbook PDF and trainer's kit, %d PDFs (%s)",
            lang,
            len(made.files),
            f"laid out: {', '.join(made.rendered)}" if made.rendered else "from the cache",
        )
        for path, data in made.files.items():
            files.append(File.generated(config, pending.site.lang_root + path, content=data))
    if crowded:
        raise PluginError(str(CardProblems(crowded)))
