"""Words of the reading aids around the pages (dates, suggestions, 404, practice, print,
colour scheme), per language: the `reading` section of cardkit/labels/<lang>.yml. Plain
data, no MkDocs import."""

from __future__ import annotations

import datetime
from typing import Any

from babel.dates import format_date

from .labels import section

LABELS: dict[str, dict[str, Any]] = section("reading")


def long_date(day: datetime.date, lang: str) -> str:
    """'5 December 2026', '5. Dezember 2026': a date as readers of the language write it."""
    return format_date(day, format="long", locale=LABELS[lang]["date_locale"])
