"""What the editor tools read from mkdocs.yml: the docs folder and the languages.

mkdocs.yml uses `!ENV [NAME, default]`; a tool reads the default, as a build without
those variables would.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from cardkit import deck
from cardkit.languages import Languages

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"


class _Loader(yaml.SafeLoader):
    pass


# (types-PyYAML types node as any Node; !ENV is always a sequence)
_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])  # type: ignore[arg-type]
# `!!python/name:module.function` (the emoji extension's options): the name, not imported.
_Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: suffix)


def load_config(path: Path = CONFIG) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def plugins(config: dict) -> dict[str, dict]:
    """mkdocs.yml's plugins by name, with their options ({} where none are given)."""
    return {
        name: options or {}
        for entry in config["plugins"]
        for name, options in (entry.items() if isinstance(entry, dict) else [(entry, {})])
    }


def languages(config: dict) -> Languages:
    """The i18n plugin's languages, the default first (the same model the build uses)."""
    return Languages.from_entries(plugins(config)["i18n"]["languages"])


def nav_entries(nav) -> list[str]:
    """Every page file named in a nav, at any depth (cardkit.deck's reading, as the build's)."""
    return deck.nav_entries(nav)
