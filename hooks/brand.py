"""MkDocs hook for the brand (extra.handbook.brand): the theme's logo and favicon, its colours
and the footer. A thin adapter over cardkit.brand; the cards read the same brand."""
from __future__ import annotations

from pathlib import Path

import mkdocs.plugins
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from cardkit.brand import Brand, BrandError, brand_from_options, theme_css


def _brand(config: MkDocsConfig) -> Brand:
    options = config.extra.get("handbook", {}) or {}
    try:
        return brand_from_options(options.get("brand"),
                                  (Path(config.docs_dir), Path(config.theme.custom_dir)))
    except BrandError as error:
        raise PluginError(str(error)) from None


@mkdocs.plugins.event_priority(-110)   # after i18n has set up the theme of this build
def on_config(config: MkDocsConfig) -> None:
    brand = _brand(config)
    if brand.logo:
        config.theme["logo"] = brand.logo
        config.theme["favicon"] = brand.logo


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    brand = _brand(config)
    contact = brand.contact
    href = (f"mailto:{contact}" if "@" in contact and " " not in contact and ":" not in contact
            else contact if contact.startswith(("https://", "http://")) else "")
    env.globals["hb_brand"] = {"theme_css": theme_css(brand), "owner": brand.owner,
                               "organisation": brand.organisation, "contact": contact,
                               "contact_href": href}
    return env
