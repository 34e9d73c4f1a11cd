"""The PDF and QR caches trust nothing they read back: damage is dropped and made again."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pytest

from cardkit import cache, qr

pytestmark = pytest.mark.unit
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
OUTPUTS = {
    "pdf/kontakt-de.pdf": PDF + b"% kontakt\n%%EOF\n",
    "pdf/karten-a4-de.pdf": PDF + b"% a4\n%%EOF\n",
}
KEY = "0" * 32


@pytest.fixture
def stored(tmp_path) -> Path:
    cache.store(tmp_path, KEY, OUTPUTS)
    assert cache.load(tmp_path, KEY) == OUTPUTS
    return tmp_path


def _files(folder: Path) -> list[Path]:
    return sorted((folder / KEY).glob("*.pdf"))


def _manifest(folder: Path) -> Path:
    return folder / KEY / cache.MANIFEST


def _replace_with_file(entry: Path) -> None:
    shutil.rmtree(entry)
    entry.write_text("x")


DAMAGE = {
    "truncated": lambda f: [p.write_bytes(p.read_bytes()[:20]) for p in _files(f)],
    "emptied": lambda f: _files(f)[0].write_bytes(b""),
    "swapped": lambda f: _manifest(f).write_text(
        json.dumps(
            [[name, digest] for name, digest in reversed(json.loads(_manifest(f).read_text()))]
        )
    ),
    "empty manifest": lambda f: _manifest(f).write_text("[]"),
    "garbage manifest": lambda f: _manifest(f).write_text("{not json"),
    "name outside site": lambda f: _manifest(f).write_text(
        json.dumps(
            [["../../hooks/x.py", digest] for _, digest in json.loads(_manifest(f).read_text())]
        )
    ),
    "manifest missing": lambda f: _manifest(f).unlink(),
    "entry is a file": lambda f: _replace_with_file(f / KEY),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_entry_is_dropped_with_a_warning(stored, damage, caplog):
    DAMAGE[damage](stored)
    with caplog.at_level(logging.WARNING):
        assert cache.load(stored, KEY) is None
    assert f"PDF cache entry {KEY} is damaged" in caplog.text
    assert not (stored / KEY).exists()
    cache.store(stored, KEY, OUTPUTS)  # and the next build heals it
    assert cache.load(stored, KEY) == OUTPUTS


def test_a_missing_entry_is_a_quiet_miss(tmp_path, caplog):
    with caplog.at_level(logging.WARNING):
        assert cache.load(tmp_path, KEY) is None
    assert caplog.text == ""


def test_a_cache_that_cannot_be_written_warns_and_the_build_goes_on(tmp_path, caplog):
    blocked = tmp_path / "cards"
    blocked.write_text("a file where the cache folder should be")
    with caplog.at_level(logging.WARNING):
        cache.store(blocked, KEY, OUTPUTS)
        text = cache.remembered(blocked / "qr" / "x.svg", lambda: "<svg/>", lambda t: True)
    assert "cannot write the PDF cache" in caplog.text
    assert text == "<svg/>" and cache.load(blocked, KEY) is None


@pytest.mark.parametrize(
    "cached",
    [
        "<script>alert('qr')</script>",
        "",
        '<svg xmlns="http://www.w3.org/2000/svg" onload="x"/>',
        '<svg xmlns="http://www.w3.org/2000/svg"><image href="x"/></svg>',
        # bad-input-3 Q01: a valid XML comment that a browser reads as '<!-->' and markup
        '<svg xmlns="http://www.w3.org/2000/svg"><!--> <img src=x onerror=alert(1)> -->'
        "<title>QR</title></svg>",
    ],
)
def test_a_cached_qr_code_that_is_not_a_plain_qr_svg_is_made_again(tmp_path, cached, caplog):
    made = qr.qr_svg("http://handbuch.intranet/tipps/kontakt/", label="QR")
    path = tmp_path / "code.svg"
    path.write_text(cached, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert cache.remembered(path, lambda: made, qr.is_qr_svg) == made
    assert path.read_text(encoding="utf-8") == made
    assert cache.remembered(path, lambda: pytest.fail("made twice"), qr.is_qr_svg) == made
