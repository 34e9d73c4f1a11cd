"""Theme files copied from Material and changed: each names the Material file it was
copied from and that file's hash. When a Material update changes the original, this fails
and says which copy to compare with the new original, so a fix upstream is not lost."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material
import pytest

from conftest import ROOT

pytestmark = pytest.mark.unit

MATERIAL = Path(material.__file__).parent / "templates"
# In the copy's first comment: "Material 9.8.1 partials/search.html (upstream sha256: <hex>)"
UPSTREAM = re.compile(r"Material [\d.]+ (\S+) \(upstream sha256: ([0-9a-f]{64})\)")
COPIES = {
    path.relative_to(ROOT).as_posix(): match.groups()
    for path in sorted((ROOT / "overrides").rglob("*.html"))
    if (match := UPSTREAM.search(path.read_text(encoding="utf-8")[:400]))
}


def test_the_search_box_is_a_tracked_copy():
    assert "overrides/partials/search.html" in COPIES


@pytest.mark.parametrize("copy", COPIES)
def test_a_copied_theme_file_still_matches_the_installed_original(copy):
    original, recorded = COPIES[copy]
    installed = hashlib.sha256((MATERIAL / original).read_bytes()).hexdigest()
    assert installed == recorded, (
        f"Material's {original} changed since {copy} was copied from it: compare the two, "
        f"carry Material's changes into the copy, then record the new hash {installed}"
    )
