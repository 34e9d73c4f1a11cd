"""This build's card deck and each language's Site, shared by the hooks that show cards
(cards, practice, book, reading). Plain module state, set by hooks/cards.py: the deck once
per build, a language's Site once per language pass (options and brand read once).

A module of its own because MkDocs loads each hook file under its path as module name: a
hook that imported `cards` would get a second copy of that module, with its own state.
"""

from __future__ import annotations

from cardkit.build import Site
from cardkit.loader import Deck

_deck: list[Deck] = []
_sites: dict[str, Site] = {}


def remember_site(site: Site) -> None:
    """The Site of the language pass that is starting."""
    _sites[site.lang] = site


def site(lang: str) -> Site:
    """The Site of a language this build has started (hooks/cards.py's on_config runs first)."""
    return _sites[lang]


def remember(deck: Deck | None) -> None:
    """The deck of the build that is starting; None forgets the last one."""
    _deck[:] = [deck] if deck else []


def known() -> bool:
    return bool(_deck)


def current() -> Deck:
    """The deck of the build running now; an empty one in a build without the cards hook
    (the benchmark's plain build), where the other hooks then show no cards."""
    return _deck[0] if _deck else Deck(cards={}, sheets={}, urls={})
