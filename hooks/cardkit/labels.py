"""Words the cards show, per language. Both languages always."""


def kind_heading(labels: dict, kind: str, count: int) -> str:
    """'Die fünf Haltungen': the cards page's heading for a kind, with its number of cards
    in words up to twelve (so a new card from `make new-card` keeps the heading true)."""
    numbers = labels["numbers"]
    return labels["kinds"][kind].format(count=numbers[count] if count < len(numbers) else count)


LABELS = {
    "de": {
        "kind": {"attitude": "Haltung", "tip": "Tipp"},
        "kinds": {"attitude": "Die {count} Haltungen", "tip": "Die {count} Tipps"},
        "numbers": ("null", "eine", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht",
                    "neun", "zehn", "elf", "zwölf"),
        "checklist": "Checkliste",
        "question": "Frage zur Selbstreflexion",
        "qr": "QR-Code: zur Seite im Handbuch",
        "card_heading": "Checklistenkarte",
        "this_card": "Diese Karte als PDF (A6 mit Beschnitt, für die Druckerei)",
        "all_a4": "Alle Karten als PDF (A4, vier Karten pro Blatt, für den Bürodrucker)",
        "all_a6": "Alle Karten als PDF (A6 mit Beschnitt, für die Druckerei)",
        "no_qr": "Ohne site_url in mkdocs.yml tragen die Karten keinen QR-Code.",
        "no_pdf": "Die PDFs werden in dieser Vorschau nicht erzeugt (make site erzeugt sie).",
        "open_card": "Zur Seite",
        "print_hint": "Beidseitig drucken, an der langen Kante wenden, an den Linien schneiden.",
        "pdf_title": "Checklistenkarten",
        "file_all": "karten",
    },
    "en": {
        "kind": {"attitude": "Attitude", "tip": "Tip"},
        "kinds": {"attitude": "The {count} attitudes", "tip": "The {count} tips"},
        "numbers": ("no", "one", "two", "three", "four", "five", "six", "seven", "eight",
                    "nine", "ten", "eleven", "twelve"),
        "checklist": "Checklist",
        "question": "Question for self-reflection",
        "qr": "QR code: to the page in the handbook",
        "card_heading": "Checklist card",
        "this_card": "This card as PDF (A6 with bleed, for a print shop)",
        "all_a4": "All cards as PDF (A4, four cards a sheet, for an office printer)",
        "all_a6": "All cards as PDF (A6 with bleed, for a print shop)",
        "no_qr": "Without site_url in mkdocs.yml the cards carry no QR code.",
        "no_pdf": "PDFs are not made in this preview (make site makes them).",
        "open_card": "Open page",
        "print_hint": "Print on both sides, flip on the long edge, cut along the lines.",
        "pdf_title": "Checklist cards",
        "file_all": "cards",
    },
}
