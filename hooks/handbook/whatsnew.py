"""What changed ("Neu und geändert" / "What's new"), in the language being built, from the
git history of docs/ (cardkit/changes.py):

- the page with `changes_page: true` lists each changed page with its date and reason;
- `atom.xml` beside the language's home page is the same list as an Atom feed;
- the practice page (`practice_sheet: true`) gets, hidden, each card's newest checklist
  change; overrides/assets/hb-changes.js shows it on a card the reader ticked before it.
"""

from __future__ import annotations

from dataclasses import replace
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
    """Each change with its page's title and link (relative to from_url), its card and the
    card's checklist as it is now."""
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
                "checklist": card.checklist if card else (),
            }
        )
    return found


def _by_day(entries: list[dict]) -> list[list[dict]]:
    """The changes of one day for one reason, together, each page once: a day's commits
    that touched twenty pages without a `changes:` note are one item ("Text revised" and
    the pages), not twenty with the same sentence. The log is newest first, so a page's
    first entry is its newest change; the items an older one added to its checklist that
    day are shown with it, where the card's checklist has them now."""

    def day_and_reason(entry: dict) -> tuple[str, str]:
        return entry["change"].commit.date, entry["change"].reason

    groups: list[list[dict]] = []
    for entry in entries:
        if not groups or day_and_reason(groups[-1][0]) != day_and_reason(entry):
            groups.append([entry])
            continue
        group, older, now = groups[-1], entry["change"], entry["checklist"]
        kept = next((n for n, e in enumerate(group) if e["change"].src_uri == older.src_uri), None)
        if kept is None:
            group.append(entry)
            continue
        newer = group[kept]["change"]
        changed = replace(
            newer,
            checklist_changed=newer.checklist_changed or older.checklist_changed,
            added=newer.added
            + tuple(item for item in older.added if item in now and item not in newer.added),
        )
        group[kept] = {**group[kept], "change": changed}
    return groups


def add_page(page: Page, pass_: Pass, context: BuildContext, site_url: str | None) -> None:
    """The "What's new" page: every change, newest first, and the feed (there is one where
    git knows the history and the handbook its address)."""
    assert pass_.env is not None, "on_env has run"
    if page.meta.get("changes_page"):
        entries = _entries(pass_, context, page.url)
        html = pass_.env.get_template(TEMPLATE).render(
            groups=None if entries is None else _by_day(entries),
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
