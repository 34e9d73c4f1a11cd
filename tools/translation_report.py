"""`make translations`: the translations to check, in both directions: those whose original's
text changed since they were checked, those whose own text changed since (the original may
miss that change), and those never checked.

A report for editors, not a gate: it always exits 0. The build shows the first kind as a note
on each such page and logs all three. `make translated FILE=...` records a checked pair
(tools/translated.py).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cardkit import translations
from tools.project import CONFIG, languages, load_config


def docs_dir(config_path: Path) -> Path:
    config = load_config(config_path)
    return config_path.resolve().parent / config.get("docs_dir", "docs")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=CONFIG, help="the project's mkdocs.yml")
    options = parser.parse_args(argv)
    langs = languages(load_config(options.config))
    found = translations.findings(docs_dir(options.config), langs)
    print(translations.report(found, langs.english_name(langs.default)))


if __name__ == "__main__":
    main()
