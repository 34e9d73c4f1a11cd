"""This build's card deck, shared by the hooks that show cards (cards, practice, book,
reading). Plain module state, set by hooks/cards.py once per build.

A module of its own because MkDocs loads each hook file under its path as module name: a
hook that imported `cards` would get a second copy of that module, with its own state.
"""

from __future__ import annotations

from cardkit.loader import Deck

_deck: list[Deck] = []


def remember(deck: Deck | None) -> None:
    """The deck of the build that is starting; None forgets the last one."""
    _deck[:] = [deck] if deck else []


def known() -> bool:
    return bool(_deck)


def current() -> Deck:
    """The deck of the build running now; an empty one in a build without the cards hook
    (the benchmark's plain build), where the other hooks then show no cards."""
    return _deck[0] if _deck else Deck(cards={}, sheets={}, urls={})
