"""Words of the handbook PDF and the trainer's kit, per language: the `book` section of
cardkit/labels/<lang>.yml.

File names are per language too: the German files live below pdf/, the English ones
below en/pdf/ (the language's root), so the two never meet.
"""

from typing import Any

from .labels import section

BOOK_LABELS: dict[str, dict[str, Any]] = section("book")
