"""`make translations`: the translations whose original changed after them, by git history.

A report for editors, not a gate: it always exits 0. The build shows the same finding as
a note on each such page.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cardkit import translations
from tools.project import CONFIG, languages, load_config


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=CONFIG, help="the project's mkdocs.yml")
    options = parser.parse_args(argv)
    config = load_config(options.config)
    docs_dir = options.config.resolve().parent / config.get("docs_dir", "docs")
    langs = languages(config)
    stale = translations.stale_translations(docs_dir, langs)
    print(translations.report(stale, langs.english_name(langs.default)))


if __name__ == "__main__":
    main()
