"""What the theme's templates get from the handbook, in the language being built:

- the brand (mkdocs.yml, `plugins: - handbook: brand:`): logo and favicon, its colours in
  a stylesheet of its own (assets/hb-brand.css: the site's Content-Security-Policy allows
  no inline style), owner and contact for the footer (`hb_brand`);
- `hb_text`, `hb_home` and `hb_cards`: labels (cardkit/labels/<lang>.yml, "reading"), the
  language's home page and its cards page as absolute paths (the 404 page needs them);
- `hb_suggest_email`: where "Suggest a change" writes to;
- the running header and page numbers of a printed page: assets/hb-print.css names the
  handbook per language (site_name) for the @page rules in handbook.css.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment
from jinja2.bccache import Bucket, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

import cardkit.layout as layout
from cardkit.book import css_string
from cardkit.brand import Brand, theme_css
from cardkit.reading_labels import LABELS

from .options import HandbookOptions
from .state import BuildContext, Pass

BRAND_CSS = "assets/hb-brand.css"
PRINT_CSS = "assets/hb-print.css"


def configure_theme(config: MkDocsConfig, brand: Brand) -> None:
    if brand.logo:
        config.theme["logo"] = brand.logo
        config.theme["favicon"] = brand.logo
    if theme_css(brand) and BRAND_CSS not in config.extra_css:
        config.extra_css.append(BRAND_CSS)  # after the theme's and our stylesheets


def print_css(names: dict[str, str]) -> str:
    """Per language: the handbook's name and the words around the page number."""
    rules = [
        f"html:lang({lang}) {{ --hb-print-name: {css_string(name)}; "
        f"--hb-print-page: {css_string(LABELS[lang]['print_page'])}; "
        f"--hb-print-of: {css_string(LABELS[lang]['print_of'])}; }}"
        for lang, name in names.items()
    ]
    return (
        "/* Made by hooks/handbook/theme.py from the site names in mkdocs.yml; used by the "
        "@page rules in handbook.css. Then the office sheet's geometry (cardkit/layout.py), "
        "for the cards page's printed sheets. */\n" + "\n".join(rules) + "\n" + str(layout.css())
    )


def add_files(files: Files, config: MkDocsConfig, pass_: Pass, context: BuildContext) -> None:
    css = theme_css(context.brand)
    if css:
        files.append(File.generated(config, BRAND_CSS, content=css))
    if not pass_.root:  # one file for every language, made in the default language's pass
        names = {lang: site.name for lang, site in context.sites.items()}
        files.append(File.generated(config, PRINT_CSS, content=print_css(names)))


def base_path(config: MkDocsConfig) -> str:
    """The site's path on its host ("/", or "/handbuch/" below a sub-path)."""
    return urlsplit(config.site_url or "/").path.rstrip("/") + "/"


def _contact_href(contact: str) -> str:
    if "@" in contact and " " not in contact and ":" not in contact:
        return f"mailto:{contact}"
    return contact if contact.startswith(("https://", "http://")) else ""


class _TemplateCache(FileSystemBytecodeCache):
    """Jinja's cache of compiled templates, where a file it cannot write (a full disk) is
    left out: the template was compiled, the build goes on; the PDF cache names the disk."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def cache_templates(env: Environment, cache_dir: Path) -> None:
    """Keep the theme's compiled templates between builds, in the cache folder: compiling
    Material's templates again in every build and language was about a sixth of a build
    without PDFs. Jinja checks each template's source against what it compiled, so an
    edited template (overrides/, a new Material) is compiled again. A cache folder that
    cannot be made costs only that time: the PDF cache names the problem."""
    folder = cache_dir / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    env.bytecode_cache = _TemplateCache(str(folder))


def add_globals(
    env: Environment,
    config: MkDocsConfig,
    pass_: Pass,
    context: BuildContext,
    options: HandbookOptions,
) -> None:
    brand = context.brand
    sheet_url = context.deck.sheet_url(pass_.lang)
    env.globals.update(
        hb_text=LABELS[pass_.lang],
        hb_home=base_path(config) + pass_.root,
        hb_cards=base_path(config) + sheet_url if sheet_url is not None else None,
        hb_suggest_email=options.suggest_email,
        hb_brand={
            "owner": brand.owner,
            "organisation": brand.organisation,
            "contact": brand.contact,
            "contact_href": _contact_href(brand.contact),
        },
    )
