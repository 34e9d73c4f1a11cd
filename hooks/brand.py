"""MkDocs hook for the brand (extra.handbook.brand): the theme's logo and favicon, its colours
and the footer. A thin adapter over cardkit.brand; the cards read the same brand.

The colours go into a stylesheet of their own (assets/hb-brand.css, made by the build):
the site's Content-Security-Policy allows no inline style."""

from __future__ import annotations

from pathlib import Path

import mkdocs.plugins
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from cardkit.brand import Brand, BrandError, brand_from_options, theme_css


def _brand(config: MkDocsConfig) -> Brand:
    options = config.extra.get("handbook", {}) or {}
    assert config.theme.custom_dir, "mkdocs.yml sets theme.custom_dir (overrides/)"
    try:
        return brand_from_options(
            options.get("brand"), (Path(config.docs_dir), Path(config.theme.custom_dir))
        )
    except BrandError as error:
        raise PluginError(str(error)) from None


BRAND_CSS = "assets/hb-brand.css"


@mkdocs.plugins.event_priority(-110)  # after i18n has set up the theme of this build
def on_config(config: MkDocsConfig) -> None:
    brand = _brand(config)
    if brand.logo:
        config.theme["logo"] = brand.logo
        config.theme["favicon"] = brand.logo
    if theme_css(brand) and BRAND_CSS not in config.extra_css:
        config.extra_css.append(BRAND_CSS)  # after the theme's and our stylesheets


@mkdocs.plugins.event_priority(-110)  # after i18n has chosen this language's files
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    css = theme_css(_brand(config))
    if css:
        files.append(File.generated(config, BRAND_CSS, content=css))
    return files


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    brand = _brand(config)
    contact = brand.contact
    href = (
        f"mailto:{contact}"
        if "@" in contact and " " not in contact and ":" not in contact
        else contact
        if contact.startswith(("https://", "http://"))
        else ""
    )
    env.globals["hb_brand"] = {
        "owner": brand.owner,
        "organisation": brand.organisation,
        "contact": contact,
        "contact_href": href,
    }
    return env
