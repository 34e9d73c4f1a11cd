"""`make translated FILE=docs/x.en.md`: an editor has checked that a translation and its
original say the same; record that in the translation's front matter (cardkit.translations).

FILE may name the translation or the original (then every translation of it is recorded),
several separated by spaces. It comes in the environment (make exports it), never through a
shell command line.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from pathlib import Path

from cardkit import translations
from tools.project import CONFIG, languages, load_config
from tools.translation_report import docs_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="docs/x.en.md or docs/x.md (default: $FILE)")
    parser.add_argument("--config", type=Path, default=CONFIG, help="the project's mkdocs.yml")
    options = parser.parse_args(argv)
    names = options.files or os.environ.get("FILE", "").split()
    if not names:
        print("Say which page you checked: make translated FILE=docs/tipps/kontakt.en.md")
        return 2
    langs = languages(load_config(options.config))
    docs = docs_dir(options.config)
    root = options.config.resolve().parent
    pairs = translations.pairs(docs, langs)
    today = datetime.date.today()
    for name in names:
        path = (root / name).resolve()
        chosen = [(o, t) for o, t in pairs if path in (o.resolve(), t.resolve())]
        if not chosen:
            print(
                f"{name}: not a page with a translation below {docs.relative_to(root)}/; "
                "give the path as 'make translations' lists it, such as docs/tipps/kontakt.en.md"
            )
            return 1
        for original, translation in chosen:
            translations.confirm(translation, original, today)
            print(
                f"{translation.relative_to(root)}: recorded as checked against "
                f"{original.relative_to(root)} on {today.isoformat()}; commit the file."
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
