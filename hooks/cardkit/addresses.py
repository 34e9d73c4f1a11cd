"""Addresses that must keep working after an edit: printed QR codes and old page addresses.

Every card's QR code opens a short address, `k/<id>/` (below the language's folder), that
the build turns into a small page leading to the card's current page. The id is the card's
file name when it was first printed; mkdocs.yml lists every printed id (`printed_cards`),
and a page that was renamed, moved or deleted keeps its old address through a line under
`moved:` (old file: new file, as the nav names them). So renaming a page changes neither
the codes already printed nor the codes printed later, and deleting a printed card needs
one deliberate line saying where its codes lead now.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from .languages import Languages
from .model import SLUG, Card, CardError

SHORT = "k"  # the folder of the short addresses: k/<id>/
WHERE = "mkdocs.yml"
OPTIONS = "plugins → handbook"


def short_url(lang_root: str, short_id: str) -> str:
    """'en/k/kontakt/': a card's short address below the site root."""
    return f"{lang_root}{SHORT}/{short_id}/"


@dataclass(frozen=True)
class Addresses:
    short: dict[str, str]  # card id -> the id its QR code carries (k/<id>/)
    # per language: old or short URL -> the page's URL, both below the site root
    redirects: dict[str, dict[str, str]]


def plan(
    cards: Mapping[str, Card],
    urls: Mapping[str, str],
    languages: Languages,
    *,
    printed: Sequence[str],
    moved: Mapping[str, str],
    url_of: Callable[[str], str],
) -> tuple[Addresses, list[CardError]]:
    """The short id of every card and every address that leads elsewhere, in every
    language; the problems an editor must fix (in mkdocs.yml or docs/), each with its fix.
    cards and urls are by source file (all languages); url_of names the URL any file
    would have."""
    errors: list[CardError] = []
    pages = {src for src in urls if languages.is_default_source(src)}
    mine = {card.id: src for src, card in cards.items() if languages.is_default_source(src)}
    target: dict[str, str] = {}  # moved file -> the page it leads to now
    for old in sorted(moved):
        found, problem = _follow(old, moved, pages)
        if problem:
            errors.append(CardError(WHERE, problem))
        elif found:
            target[old] = found
    leads: dict[str, str] = {}  # printed id -> the page its codes open
    for short_id in dict.fromkeys(printed):
        if not isinstance(short_id, str) or not SLUG.match(short_id):
            errors.append(
                CardError(
                    WHERE,
                    f"printed_cards ({OPTIONS}) lists {short_id!r}, which is not a card id; "
                    "write the card's file name without .md, such as 'kontakt'",
                )
            )
        elif short_id in mine:
            leads[short_id] = mine[short_id]
        else:
            olds = [o for o in sorted(target) if _id_of(o) == short_id]
            if olds:
                leads[short_id] = target[olds[0]]
            else:
                errors.append(_deleted(short_id))
    short: dict[str, str] = {}
    for card_id, src in sorted(mine.items()):
        earlier = [s for s, page in leads.items() if page == src]
        if card_id in leads:
            short[card_id] = card_id
        elif earlier:
            short[card_id] = earlier[0]  # printed under its old name: keep that code
        else:
            errors.append(_new(card_id, cards[src].path))
    redirects: dict[str, dict[str, str]] = {}
    for lang in languages:
        root = languages.url_root(lang)
        redirects[lang] = {
            short_url(root, short_id): root + urls[src] for short_id, src in leads.items()
        }
        redirects[lang].update(
            {root + url_of(old): root + urls[src] for old, src in target.items()}
        )
    return Addresses(short, redirects), errors


def _id_of(src: str) -> str:
    return posixpath.basename(src).removesuffix(".md")


def _follow(old: str, moved: Mapping[str, str], pages: set[str]) -> tuple[str | None, str]:
    """The page a moved file leads to (through further moves), or the problem in words."""
    if old in pages:
        return None, (
            f"moved ({OPTIONS}) has the line '{old}: {moved[old]}', but docs/{old} is a page "
            f"again; delete that line under moved:, or rename the page"
        )
    seen, now = [old], moved[old]
    while now not in pages:
        if not isinstance(now, str) or now not in moved:
            return None, (
                f"moved ({OPTIONS}) sends '{old}' to '{now}', which is not a page in docs/; "
                "write the German file name of an existing page, as the nav names it "
                "(such as 'tipps/alle-verantwortlich.md')"
            )
        if now in seen:
            return None, (
                f"moved ({OPTIONS}) sends {' → '.join([*seen, now])} in a circle; "
                "let the last one lead to an existing page"
            )
        seen.append(now)
        now = moved[now]
    return now, ""


def _deleted(short_id: str) -> CardError:
    return CardError(
        WHERE,
        f"the card '{short_id}' was printed (printed_cards, {OPTIONS}), but no page in docs/ "
        f"has it now, so its QR codes (address {SHORT}/{short_id}/) would lead nowhere. Add a "
        f"line under moved: with its old file and the page its codes should open now, such "
        f"as 'tipps/{short_id}.md: tipps/alle-verantwortlich.md'; if the card was renamed, "
        "name its new file",
    )


def _new(card_id: str, path: str) -> CardError:
    return CardError(
        path,
        f"the card '{card_id}' is new: add the line '- {card_id}' under printed_cards: "
        f"({OPTIONS}) in mkdocs.yml, so that its QR code ({SHORT}/{card_id}/) keeps working "
        "once it is printed (make new-card does this for you). If the card was renamed, "
        "add a line 'old file: new file' under moved: instead",
    )


def redirect_page(lang: str, href: str, label: str) -> str:
    """A static page that leads on at once, without script (the server allows none inline):
    a meta refresh, and a plain link for anything that ignores it."""
    href, label = html.escape(href, quote=True), html.escape(label)
    return (
        f'<!doctype html>\n<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f'<link rel="canonical" href="{href}">\n<title>{label}</title>\n</head>\n'
        f'<body>\n<p><a href="{href}">{label}</a></p>\n</body>\n</html>\n'
    )
