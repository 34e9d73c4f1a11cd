"""Words of the reading aids around the pages (dates, suggestions, 404, practice, print,
colour scheme), per language: the `reading` section of cardkit/labels/<lang>.yml. Plain
data, no MkDocs import."""

from __future__ import annotations

from typing import Any

from .labels import section

LABELS: dict[str, dict[str, Any]] = section("reading")
