"""Words of the reading aids around the pages (dates, suggestions, 404, practice, print,
colour scheme), per language. Both languages always; plain data, no MkDocs import."""

from __future__ import annotations

from typing import Any

LABELS: dict[str, dict[str, Any]] = {
    "de": {
        "updated": "Zuletzt aktualisiert",
        "suggest": "Verbesserung vorschlagen",
        "suggest_title": "Eine Verbesserung per E-Mail an die Redaktion vorschlagen",
        "suggest_subject": "Verbesserungsvorschlag: {title}",
        "suggest_body": "Seite: {url}\n\nMein Vorschlag:\n",
        "palette": {
            "default": "Dunkles Farbschema einschalten",
            "slate": "Helles Farbschema einschalten",
        },
        "print_page": "Seite ",
        "print_of": " von ",
        "not_found_title": "Seite nicht gefunden",
        "not_found_text": "Diese Adresse gibt es im Handbuch nicht (mehr). Vielleicht hilft "
        "einer dieser Wege weiter:",
        "not_found_home": "Zur Startseite des Handbuchs",
        "not_found_search": "Im Handbuch suchen",
        "not_found_search_hint": "oder oben rechts ins Suchfeld tippen",
        "not_found_cards": "Alle Checklistenkarten",
        "practice_nojs": "Diese Übersicht braucht JavaScript. Ohne JavaScript lassen sich die "
        "Karten lesen und drucken, aber keine Häkchen speichern.",
        "practice_none": "noch nichts abgehakt",
        "practice_count": "{done} von {total} abgehakt",
        "practice_changed": "zuletzt geändert am {date}",
        "practice_clear": "Alle Häkchen löschen",
        "practice_confirm": "Alle Häkchen auf allen Karten löschen?",
        "practice_cleared": "Alle Häkchen sind gelöscht.",
        "practice_open": "Zur Karte",
    },
    "en": {
        "updated": "Last updated",
        "suggest": "Suggest a change",
        "suggest_title": "Suggest a change to the editors by e-mail",
        "suggest_subject": "Suggested change: {title}",
        "suggest_body": "Page: {url}\n\nMy suggestion:\n",
        "palette": {"default": "Switch to dark mode", "slate": "Switch to light mode"},
        "print_page": "Page ",
        "print_of": " of ",
        "not_found_title": "Page not found",
        "not_found_text": "This address does not exist in the handbook (any more). One of "
        "these may help:",
        "not_found_home": "To the handbook’s home page",
        "not_found_search": "Search the handbook",
        "not_found_search_hint": "or type into the search box at the top right",
        "not_found_cards": "All checklist cards",
        "practice_nojs": "This overview needs JavaScript. Without it you can read and print "
        "the cards, but no ticks are saved.",
        "practice_none": "nothing ticked yet",
        "practice_count": "{done} of {total} ticked",
        "practice_changed": "last changed on {date}",
        "practice_clear": "Clear all ticks",
        "practice_confirm": "Clear all ticks on all cards?",
        "practice_cleared": "All ticks are cleared.",
        "practice_open": "Open the card",
    },
}
