"""`make new-card KIND=tip ID=klare-worte`: a new attitude or tip, in German and English.

Creates docs/<folder>/<ID>.md and <ID>.en.md with a valid card skeleton and lists the
German page in mkdocs.yml's nav after the last page of the same kind.
"""

from __future__ import annotations

import argparse
import os
import sys

from cardkit import scaffold
from tools.project import CONFIG, ROOT, languages, load_config, nav_entries, plugins


def _add_to_nav(new: scaffold.NewCard) -> bool:
    """List the German page in mkdocs.yml's nav; False where an editor has to."""
    original = CONFIG.read_text(encoding="utf-8")
    updated = scaffold.add_to_nav(original, new)
    if updated is None:
        return False
    CONFIG.write_text(updated, encoding="utf-8")
    if new.nav_entry in nav_entries(load_config()["nav"]):
        return True
    CONFIG.write_text(original, encoding="utf-8")  # the text edit missed the nav
    return False


def _add_to_printed(new: scaffold.NewCard) -> bool:
    """List the card's id under printed_cards (its QR code's address); False where an
    editor has to."""
    original = CONFIG.read_text(encoding="utf-8")
    updated = scaffold.add_to_printed(original, new.card_id)
    if updated is None:
        return False
    CONFIG.write_text(updated, encoding="utf-8")
    if new.card_id in plugins(load_config()).get("handbook", {}).get("printed_cards", []):
        return True
    CONFIG.write_text(original, encoding="utf-8")  # the text edit missed the list
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # `make new-card KIND=… ID=…` hands both over in the environment, never as shell text.
    parser.add_argument("--kind", default=os.environ.get("KIND", ""), help="attitude or tip")
    parser.add_argument(
        "--id",
        default=os.environ.get("ID", ""),
        dest="card_id",
        help="lowercase slug, becomes the file name",
    )
    options = parser.parse_args(argv)
    config = load_config()
    langs = languages(config)
    docs_dir = ROOT / config.get("docs_dir", "docs")
    shown_as = docs_dir.relative_to(ROOT).as_posix()
    try:
        new = scaffold.plan(docs_dir, shown_as, langs, options.kind, options.card_id)
        scaffold.write(new)
    except scaffold.ScaffoldError as error:
        print(f"new-card: {error}", file=sys.stderr)
        return 2
    for file in new.files.values():
        print(f"created {file.relative_to(ROOT)}")
    if _add_to_nav(new):
        print(f"added '- {new.nav_entry}' to nav: in mkdocs.yml, after the last {new.kind}")
    else:
        print(
            f"mkdocs.yml: add the line '- {new.nav_entry}' under nav:, where the page "
            "should appear (no page of this kind is listed there yet)"
        )
    if _add_to_printed(new):
        print(f"added '- {new.card_id}' to printed_cards: in mkdocs.yml (its QR code's address)")
    else:
        print(
            f"mkdocs.yml: add the line '- {new.card_id}' under printed_cards: (plugins → "
            "handbook), so that its QR code keeps working once printed"
        )
    marks = " and ".join(
        f"'{mark}'"
        for mark in dict.fromkeys(
            scaffold.FILL_IN.get(lang) or scaffold.FILL_IN[langs.default] for lang in langs
        )
    )
    print(f"next: replace every {marks} text in both files, then preview with 'make serve'.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
