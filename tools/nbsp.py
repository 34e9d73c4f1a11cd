"""Lint: spaces that must not break in docs/ ("15 Min.", "3 mm", "30. September",
"Frau Berger", "Mr Kaya"). Prints file:line:column for each, and exits 1 if any.

    python -m tools.nbsp docs          # report
    python -m tools.nbsp --fix docs    # write a non-breaking space (U+00A0) into each

A page's language comes from its file name, as mkdocs.yml's languages say (x.en.md); a
language without rules in cardkit.typography is named once and its pages are not checked.
"""

from __future__ import annotations

import sys
from pathlib import Path

from cardkit.typography import breakable_pairs, has_rules, keep_together
from tools.project import languages, load_config


def main(argv: list[str]) -> int:
    fix = "--fix" in argv
    roots = [Path(arg) for arg in argv if arg != "--fix"] or [Path("docs")]
    model = languages(load_config())
    found = 0
    unchecked: dict[str, Path] = {}  # language -> its first page, for the note
    for root in roots:
        for path in sorted(root.rglob("*.md")):
            text = path.read_text(encoding="utf-8")
            lang = model.split(path.name)[1]
            if not has_rules(lang):
                unchecked.setdefault(lang, path)
                continue
            if fix:
                fixed = keep_together(text, lang)
                if fixed != text:
                    path.write_text(fixed, encoding="utf-8")
                continue
            for pair in breakable_pairs(text, lang):
                found += 1
                print(
                    f"{path}:{pair.line}:{pair.column}: '{pair.text}' may break across lines; "
                    "put a non-breaking space (U+00A0) in place of the space"
                )
    for lang, path in unchecked.items():
        print(
            f"{path} (and the other {model.english_name(lang)} pages): not checked for spaces "
            f"that must not break; hooks/cardkit/typography.py has no rules for '{lang}' yet"
        )
    if found:
        print(
            f"{found} breakable pair(s). Type the non-breaking space (Option+Space on a Mac, "
            "Ctrl+Shift+Space in LibreOffice) or run: .venv/bin/python -m tools.nbsp --fix docs"
        )
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
