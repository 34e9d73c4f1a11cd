"""What changed ("Neu und geändert" / "What's new"), in the language being built, from the
git history of docs/ (cardkit/changes.py):

- the page with `changes_page: true` lists each changed page with its date and reason;
- `atom.xml` beside the language's home page is the same list as an Atom feed;
- the practice page (`practice_sheet: true`) gets, hidden, each card's newest checklist
  change; overrides/assets/hb-changes.js shows it on a card the reader ticked before it.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

import cardkit.changes as changes
from cardkit.qr import page_address
from cardkit.reading_labels import LABELS

from .state import BuildContext, Pass

FEED = "atom.xml"
TEMPLATE = "partials/hb-changes.html"
NOTES = "partials/hb-changes-practice.html"


def find_changes(pass_: Pass, context: BuildContext) -> None:
    pass_.changes = changes.history(pass_.site.docs_dir, context.languages, pass_.lang)


def _shown(day: str, lang: str) -> str:
    """'4. Juli 2025' / '4 July 2025': a commit's day as the language writes it."""
    locale = LABELS[lang]["day_locale"].replace("-", "_")
    return format_date(date.fromisoformat(day), format="long", locale=locale)


def _entries(pass_: Pass, context: BuildContext, from_url: str) -> list[dict] | None:
    """Each change with its page's title and link (relative to from_url), and its card."""
    if pass_.changes is None or pass_.nav is None:
        return None
    pages = {page.file.src_uri: page for page in pass_.nav.pages}
    found = []
    for change in pass_.changes:
        page = pages.get(change.src_uri)
        if page is None:
            continue
        card = context.deck.card(change.src_uri)
        found.append(
            {
                "change": change,
                "title": page.title or "",
                "url": page.url,
                "link": get_relative_url(page.url, from_url),
                "date": _shown(change.commit.date, pass_.lang),
                "card": card.id if card else None,
            }
        )
    return found


def _by_commit(entries: list[dict]) -> list[list[dict]]:
    """The changes one commit made for one reason, together: a commit that touched twenty
    pages is one item on the page, not twenty with the same sentence. (The log lists a
    commit's pages one after another.)"""
    groups: list[list[dict]] = []
    for entry in entries:
        change, last = entry["change"], groups[-1][-1]["change"] if groups else None
        if last and (last.commit, last.reason) == (change.commit, change.reason):
            groups[-1].append(entry)
        else:
            groups.append([entry])
    return groups


def add_page(page: Page, pass_: Pass, context: BuildContext, site_url: str | None) -> None:
    """The "What's new" page: every change, newest first, and the feed (there is one where
    git knows the history and the handbook its address)."""
    assert pass_.env is not None, "on_env has run"
    if page.meta.get("changes_page"):
        entries = _entries(pass_, context, page.url)
        html = pass_.env.get_template(TEMPLATE).render(
            groups=None if entries is None else _by_commit(entries),
            feed=get_relative_url(pass_.root + FEED, page.url) if site_url else None,
            text=LABELS[pass_.lang],
        )
    elif page.meta.get("practice_sheet"):
        newest: dict[str, dict] = {}
        for entry in _entries(pass_, context, page.url) or []:
            if entry["card"] and entry["change"].checklist_changed:
                newest.setdefault(entry["card"], entry)
        html = pass_.env.get_template(NOTES).render(
            notes=list(newest.values()), text=LABELS[pass_.lang]
        )
    else:
        return
    page.content = (page.content or "") + html


def add_feed(files: Files, config: MkDocsConfig, pass_: Pass, context: BuildContext) -> None:
    """atom.xml beside the language's home page, linking to the handbook's own address."""
    site_url = config.site_url
    entries = _entries(pass_, context, pass_.root)
    if not site_url or entries is None:
        return
    home = page_address(site_url, pass_.root)
    feed = changes.atom_feed(
        [
            changes.FeedEntry(entry["change"], entry["title"], page_address(site_url, entry["url"]))
            for entry in entries
        ],
        title=LABELS[pass_.lang]["changes_feed_title"].format(site=pass_.site.name),
        author=pass_.site.name,
        feed_url=page_address(site_url, pass_.root + FEED),
        home_url=home,
        lang=pass_.lang,
        updated=entries[0]["change"].commit.time if entries else "1970-01-01T00:00:00Z",
    )
    files.append(File.generated(config, pass_.root + FEED, content=feed))
