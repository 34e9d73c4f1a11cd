"""Checklist cards: parse, validate, render (HTML, PDF, QR). Plain Python, no MkDocs import.

The handbook plugin (``hooks/handbook/``) only adapts MkDocs' events to these functions, so
the handbook can move to another engine without touching the card logic.
"""

from .deck import check_deck, check_translations, group_by_kind
from .model import KINDS, Card, CardError, card_from_meta
from .source import Page, read_page, scan_pages

__all__ = [
    "KINDS",
    "Card",
    "CardError",
    "card_from_meta",
    "Page",
    "read_page",
    "scan_pages",
    "check_deck",
    "check_translations",
    "group_by_kind",
]
