"""Words the cards show, per language. Both languages always."""

from typing import Any


def kind_heading(labels: dict, kind: str, count: int) -> str:
    """'Die fünf Haltungen': the cards page's heading for a kind, with its number of cards
    in words up to twelve (so a new card from `make new-card` keeps the heading true)."""
    numbers = labels["numbers"]
    return labels["kinds"][kind].format(count=numbers[count] if count < len(numbers) else count)


def edition(labels: dict, day) -> str:
    """'Stand Januar 2026': the edition printed on every card."""
    return labels["edition"].format(month=labels["months"][day.month - 1], year=day.year)


def file_size(labels: dict, size: int) -> str:
    """'PDF, 84 KB' for a download button."""
    if size < 1_000_000:
        amount = f"{max(1, round(size / 1000))} KB"
    else:
        amount = f"{size / 1_000_000:.1f} MB".replace(".", labels["decimal"])
    return labels["pdf_size"].format(size=amount)


LABELS: dict[str, dict[str, Any]] = {
    "de": {
        "kind": {"attitude": "Haltung", "tip": "Tipp"},
        "kinds": {"attitude": "Die {count} Haltungen", "tip": "Die {count} Tipps"},
        "numbers": (
            "null",
            "eine",
            "zwei",
            "drei",
            "vier",
            "fünf",
            "sechs",
            "sieben",
            "acht",
            "neun",
            "zehn",
            "elf",
            "zwölf",
        ),
        "checklist": "Checkliste",
        "question": "Frage zur Selbstreflexion",
        "qr": "QR-Code: zur Seite im Handbuch",
        "card_heading": "Checklistenkarte",
        "all_a4": "Alle Karten als PDF (A4, vier Karten pro Blatt, für den Bürodrucker)",
        "all_a6": "Alle Karten als PDF (A6 mit Beschnitt, für die Druckerei)",
        "no_qr": "Ohne site_url in mkdocs.yml tragen die Karten keinen QR-Code.",
        "no_pdf": "Die PDFs werden in dieser Vorschau nicht erzeugt (make site erzeugt sie).",
        "open_card": "Zur Seite",
        "print_hint": "Beidseitig drucken, an der langen Kante wenden, an den Linien schneiden.",
        "pdf_title": "Checklistenkarten",
        "file_all": "karten",
        "number": "{kind} {n}/{total}",
        "edition": "Stand {month} {year}",
        "months": (
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ),
        "more": "Mehr im Handbuch",
        "resolution": "Mein Vorsatz",
        "resolution_back": "Woran ich merke, dass es wirkt",
        "blank_kind": "Eigene Karte",
        "sample": "MUSTER",
        "sample_note": "Muster – Adresse im QR-Code ist nur ein Beispiel",
        "sample_notice": (
            "Die Karten tragen den Vermerk „MUSTER“: Ihre QR-Codes führen zur "
            "Beispieladresse {url}, die es nicht gibt. Vor dem Druck die echte "
            "Adresse des Handbuchs setzen: Umgebungsvariable HANDBOOK_SITE_URL "
            "(oder site_url in mkdocs.yml)."
        ),
        "shop_card": "Diese Karte für die Druckerei (A6 mit Beschnitt)",
        "office_card": "Diese Karte drucken (Bürodrucker)",
        "pdf_shop": "A6 für die Druckerei",
        "pdf_office": "A4 für den Bürodrucker",
        "pdf_size": "PDF, {size}",
        "decimal": ",",
        "office_title": "Karte zum Ausschneiden und Falten",
        "office_steps": (
            "Auf A4 in 100 % drucken (tatsächliche Größe, nicht „an Seite anpassen“), einseitig.",
            "An den Schnittmarken ausschneiden.",
            "In der Mitte falten, Schrift nach außen, und zusammenkleben.",
        ),
        "fold": "Falzlinie",
        "cover_title": "Checklistenkarten zum Drucken",
        "cover_steps": (
            "Drucken Sie auf A4 in 100 % (tatsächliche Größe, nicht „an Seite anpassen“).",
            "Beidseitig drucken, an der langen Kante wenden.",
            "Diese Seite und ihre Rückseite sind die Anleitung: für die Karten "
            "allein drucken Sie die Seiten 3 bis {last}.",
            "Jeden Bogen an den gestrichelten Linien in vier Karten schneiden.",
        ),
        "cover_contents": "Inhalt",
        "cover_blank": "Leere Felder des letzten Bogens füllen Karten für den eigenen Vorsatz.",
        "cover_back": "Rückseite der Anleitung",
        "sheet_label": "Bogen {n}/{total} · {side}",
        "front_side": "Vorderseite",
        "back_side": "Rückseite",
        "places": ("oben links", "oben rechts", "unten links", "unten rechts"),
        "sheet_place": "Bogen {n}, {place}",
    },
    "en": {
        "kind": {"attitude": "Attitude", "tip": "Tip"},
        "kinds": {"attitude": "The {count} attitudes", "tip": "The {count} tips"},
        "numbers": (
            "no",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ),
        "checklist": "Checklist",
        "question": "Question for self-reflection",
        "qr": "QR code: to the page in the handbook",
        "card_heading": "Checklist card",
        "all_a4": "All cards as PDF (A4, four cards a sheet, for an office printer)",
        "all_a6": "All cards as PDF (A6 with bleed, for a print shop)",
        "no_qr": "Without site_url in mkdocs.yml the cards carry no QR code.",
        "no_pdf": "PDFs are not made in this preview (make site makes them).",
        "open_card": "Open page",
        "print_hint": "Print on both sides, flip on the long edge, cut along the lines.",
        "pdf_title": "Checklist cards",
        "file_all": "cards",
        "number": "{kind} {n}/{total}",
        "edition": "Edition {month} {year}",
        "months": (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
        "more": "More in the handbook",
        "resolution": "My resolution",
        "resolution_back": "How I will notice it works",
        "blank_kind": "Your own card",
        "sample": "SAMPLE",
        "sample_note": "Sample – the address in the QR code is only an example",
        "sample_notice": (
            "The cards are marked “SAMPLE”: their QR codes open the example "
            "address {url}, which does not exist. Before printing, set the "
            "handbook's real address: the environment variable "
            "HANDBOOK_SITE_URL (or site_url in mkdocs.yml)."
        ),
        "shop_card": "This card for a print shop (A6 with bleed)",
        "office_card": "Print this card (office printer)",
        "pdf_shop": "A6 for a print shop",
        "pdf_office": "A4 for an office printer",
        "pdf_size": "PDF, {size}",
        "decimal": ".",
        "office_title": "Card to cut out and fold",
        "office_steps": (
            "Print on A4 at 100 % (actual size, not “fit to page”), one-sided.",
            "Cut along the crop marks.",
            "Fold in the middle, print outside, and glue the halves together.",
        ),
        "fold": "Fold line",
        "cover_title": "Checklist cards to print",
        "cover_steps": (
            "Print on A4 at 100 % (actual size, not “fit to page”).",
            "Print on both sides, flip on the long edge.",
            "This page and its back are the instructions: for the cards alone, "
            "print pages 3 to {last}.",
            "Cut each sheet along the dashed lines into four cards.",
        ),
        "cover_contents": "Contents",
        "cover_blank": "Empty places on the last sheet hold cards for your own resolution.",
        "cover_back": "Back of the instructions",
        "sheet_label": "Sheet {n}/{total} · {side}",
        "front_side": "front",
        "back_side": "back",
        "places": ("top left", "top right", "bottom left", "bottom right"),
        "sheet_place": "sheet {n}, {place}",
    },
}
