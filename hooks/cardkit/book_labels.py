"""Words of the handbook PDF and the trainer's kit, per language. Both languages always.

File names are per language too: the German files live below pdf/, the English ones
below en/pdf/ (the language's root), so the two never meet.
"""

from typing import Any

BOOK_LABELS: dict[str, dict[str, Any]] = {
    "de": {
        "files": {
            "book": "handbuch",
            "guide": "trainer/workshop-leitfaden",
            "observer": "trainer/beobachtungsbogen",
            "commitment": "trainer/selbstverpflichtungskarten",
        },
        "titles": {
            "book": "Das Handbuch zum Drucken",
            "guide": "Workshop-Leitfaden",
            "observer": "Beobachtungsbogen für die Rollenspiele",
            "commitment": "Selbstverpflichtungskarten",
        },
        "links": {
            "book": "Das ganze Handbuch als PDF (A4, mit allen Karten)",
            "guide": "Workshop-Leitfaden (diese Seite als Handout, A4)",
            "observer": "Beobachtungsbogen (eine Seite pro Karte, A4)",
            "commitment": "Leere Selbstverpflichtungskarten (A4, vier pro Blatt)",
        },
        "contents": "Inhalt",
        "card_index": "Verzeichnis der Karten",
        "index_head": ("Karte", "Titel", "Seite des Handbuchs", "S."),
        "page": "Seite",
        "of": "von",
        "online": "Das Handbuch im Intranet",
        "site_qr": "QR-Code: zum Handbuch im Intranet",
        "cover_note": "Gedruckt veraltet das Handbuch: die aktuelle Fassung steht im Intranet.",
        "guide_source": "Die Seite im Intranet",
        "scene": "Szene {n}",
        "scene_what": "Was wurde gespielt?",
        "observed": "Beobachtet",
        "notes": "Notizen zu Szene {n}",
        "notes_hint": "Was ist gelungen? Welcher Satz hätte noch besser gepasst?",
        "observer_hint": (
            "Kreuzen Sie in der Spalte der Szene an, was Sie gesehen oder gehört "
            "haben. Zeigen Sie in der Rückmeldung auf diese Punkte."
        ),
        "name_line": "Beobachtet von",
        "commitment_side": "Selbstverpflichtung · {side}",
    },
    "en": {
        "files": {
            "book": "handbook",
            "guide": "trainer/workshop-guide",
            "observer": "trainer/observer-sheet",
            "commitment": "trainer/commitment-cards",
        },
        "titles": {
            "book": "The handbook to print",
            "guide": "Workshop guide",
            "observer": "Observer sheet for the role plays",
            "commitment": "Commitment cards",
        },
        "links": {
            "book": "The whole handbook as PDF (A4, with every card)",
            "guide": "Workshop guide (this page as a handout, A4)",
            "observer": "Observer sheet (one page per card, A4)",
            "commitment": "Blank commitment cards (A4, four a sheet)",
        },
        "contents": "Contents",
        "card_index": "Index of cards",
        "index_head": ("Card", "Title", "Handbook page", "p."),
        "page": "Page",
        "of": "of",
        "online": "The handbook on the intranet",
        "site_qr": "QR code: to the handbook on the intranet",
        "cover_note": "Paper goes out of date: the current edition is on the intranet.",
        "guide_source": "The page on the intranet",
        "scene": "Scene {n}",
        "scene_what": "What was played?",
        "observed": "Observed",
        "notes": "Notes on scene {n}",
        "notes_hint": "What worked? Which sentence would have fitted even better?",
        "observer_hint": (
            "Tick in the scene's column what you saw or heard. Point to these "
            "items when you give feedback."
        ),
        "name_line": "Observed by",
        "commitment_side": "Commitment · {side}",
    },
}
