"""The brand, set once in mkdocs.yml (`plugins: - handbook: brand:`): the site (theme colours,
logo, favicon, footer) and every card and PDF use it. Plain Python, no MkDocs import.

The defaults are neutral: no organisation, no logo, the handbook's own two colours.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, fields
from pathlib import Path, PurePosixPath

from .text import hidden_character, markup_in

OPTION = "plugins.handbook.brand"
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MAX_TEXT = 120
MAX_LOGO_BYTES = 200_000
MIN_CONTRAST = 4.5  # white text on the colour (WCAG AA for small text)


class BrandError(ValueError):
    """A wrong brand option; ``str()`` names the option, the problem and the allowed values."""

    def __init__(self, option: str, problem: str):
        self.option = f"{OPTION}.{option}" if option else OPTION
        super().__init__(f"mkdocs.yml: {self.option} {problem}")


@dataclass(frozen=True)
class Brand:
    organisation: str = ""  # who publishes the handbook; on cards and in the footer
    logo: str = ""  # an SVG file below overrides/ (docs/ holds no SVG), e.g. assets/logo.svg
    primary: str = "#00695c"  # theme colour and attitude cards
    accent: str = "#b23c17"  # accent colour and tip cards
    owner: str = ""  # the footer's copyright holder
    contact: str = ""  # the footer's contact: an e-mail or web address, or text


OPTIONS = tuple(field.name for field in fields(Brand))


def brand_from_options(raw, search_dirs: tuple[Path, ...]) -> Brand:
    """The brand from the options' dict (None: the neutral defaults); raise BrandError."""
    if raw is None:
        return Brand()
    if not isinstance(raw, dict):
        raise BrandError("", f"must be a set of options ({', '.join(OPTIONS)})")
    unknown = sorted(str(key) for key in raw if key not in OPTIONS)
    if unknown:
        raise BrandError(unknown[0], f"is not a brand option; allowed are: {', '.join(OPTIONS)}")
    values = {}
    for name in OPTIONS:
        value = raw.get(name, getattr(Brand, name))
        value = "" if value is None else value
        if not isinstance(value, str):
            raise BrandError(name, f"is {type(value).__name__}; it must be text")
        value = " ".join(value.split())
        if len(value) > MAX_TEXT:
            raise BrandError(name, f"has {len(value)} characters; at most {MAX_TEXT} are allowed")
        problem = hidden_character(value) or markup_in(value)
        if problem:  # printed on every page and card: text, never markup
            raise BrandError(name, f"contains {problem}; write plain text")
        values[name] = value
    for name in ("primary", "accent"):
        values[name] = _colour(name, values[name])
    if values["logo"]:
        logo_file(values["logo"], search_dirs)  # raises if missing or not an SVG
    return Brand(**values)


def _colour(name: str, value: str) -> str:
    if not COLOUR.match(value):
        raise BrandError(name, f"is '{value}'; write a colour as #rrggbb, such as #00695c")
    ratio = contrast_with_white(value)
    if ratio < MIN_CONTRAST:
        raise BrandError(
            name,
            f"is {value}, which has a contrast of {ratio:.1f}:1 with white; "
            f"cards print white text on it, so choose a darker colour "
            f"(at least {MIN_CONTRAST}:1)",
        )
    return value.lower()


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def contrast_with_white(colour: str) -> float:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)
    return 1.05 / (luminance + 0.05)


def mix(colour: str, other: str, share: float) -> str:
    """colour with `share` of other mixed in (lighter or darker shades of the theme)."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b, strict=True))


def logo_file(logo: str, search_dirs: tuple[Path, ...]) -> Path:
    path = PurePosixPath(logo)
    if path.is_absolute() or ".." in path.parts or path.suffix.lower() != ".svg":
        raise BrandError(
            "logo",
            f"is '{logo}'; give an SVG file below docs/ or overrides/, such as assets/logo.svg",
        )
    for folder in search_dirs:
        candidate = folder / path
        if candidate.is_file():
            if candidate.stat().st_size > MAX_LOGO_BYTES:
                raise BrandError(
                    "logo",
                    f"'{logo}' is larger than {MAX_LOGO_BYTES // 1000} KB; save a simpler SVG",
                )
            return candidate
    raise BrandError(
        "logo",
        f"is '{logo}', but no such file is below docs/ or overrides/; "
        "put the SVG there, or leave logo empty",
    )


def logo_data_uri(brand: Brand, search_dirs: tuple[Path, ...]) -> str | None:
    """The logo as a data: URI for an <img>: the same in a page and a PDF, and an image
    never runs a script that an SVG might hold."""
    if not brand.logo:
        return None
    data = logo_file(brand.logo, search_dirs).read_bytes()
    return "data:image/svg+xml;base64," + base64.b64encode(data).decode("ascii")


def theme_css(brand: Brand) -> str:
    """CSS variables for the theme and the cards, from the brand's two colours."""
    return (
        ":root{"
        f"--md-primary-fg-color:{brand.primary};"
        f"--md-primary-fg-color--light:{mix(brand.primary, '#ffffff', 0.2)};"
        f"--md-primary-fg-color--dark:{mix(brand.primary, '#000000', 0.25)};"
        f"--md-accent-fg-color:{brand.accent};"
        f"--md-typeset-a-color:{brand.primary};"
        f"--hb-attitude:{brand.primary};--hb-tip:{brand.accent}}}"
    )
