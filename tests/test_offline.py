"""Nothing the built site loads comes from another host: the intranet may have no internet."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from conftest import SITE_URL, fresh_soup, soup

# Attributes that make a browser fetch something (links in <a href> are not requests).
FETCHING = {
    "script": ["src"],
    "img": ["src", "srcset"],
    "iframe": ["src"],
    "source": ["src", "srcset"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "track": ["src"],
    "input": ["src"],
}
FETCHING_LINKS = {
    "stylesheet",
    "icon",
    "preload",
    "prefetch",
    "modulepreload",
    "manifest",
    "preconnect",
    "dns-prefetch",
    "apple-touch-icon",
}
# Hosts named in the theme's JavaScript, each with why the site never requests it.
JS_HOSTS_NEVER_REQUESTED = {
    "www.w3.org": "XML namespace names, not addresses",
    "unpkg.com": "mermaid loader: runs only on a page with a mermaid diagram (asserted none)",
    "api.github.com": "repository facts: fetched only with repo_url set (asserted unset)",
    "bit.ly": "a link printed in a console message about an invalid search query",
    "example.com": "Pagefind's dummy base for parsing result URLs (new URL), never fetched",
}
ABSOLUTE = re.compile(r"""(?:https?:)?//([a-z0-9.-]+\.[a-z]{2,})""", re.I)


def _foreign(url: str) -> bool:
    parts = urlsplit(url.strip())
    own = urlsplit(SITE_URL).netloc
    return (bool(parts.netloc) and parts.netloc != own) or parts.scheme not in (
        "",
        "http",
        "https",
        "data",
    )


def _files(site: Path, suffix: str) -> list[Path]:
    files = sorted(site.rglob(f"*{suffix}"))
    assert files, f"no {suffix} files in {site}"
    return files


def test_html_fetches_nothing_from_another_host(built):
    offenders = []
    for path in _files(built.site, ".html"):
        page = soup(path)
        for tag, attributes in FETCHING.items():
            for element in page.find_all(tag):
                for attribute in attributes:
                    for url in re.split(r",\s*", element.get(attribute, "")):
                        if url and _foreign(url.split(" ")[0]):
                            offenders.append((path.name, tag, url))
        for link in page.find_all("link", href=True):
            if FETCHING_LINKS & set(link.get("rel", [])) and _foreign(link["href"]):
                offenders.append((str(path.relative_to(built.site)), "link", link["href"]))
        for style in page.find_all(style=True) + page.find_all("style"):
            text = style.get("style") or style.get_text()
            offenders += [(path.name, "style", url) for url in ABSOLUTE.findall(text)]
    assert offenders == []


def test_no_page_triggers_the_theme_external_loaders(built):
    for path in _files(built.site, ".html"):
        text = path.read_text(encoding="utf-8")
        assert 'class="mermaid"' not in text, path
        assert 'data-md-component="source"' not in text, path  # repo_url widget
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, path


def test_css_loads_nothing_from_another_host(built):
    offenders = []
    for path in _files(built.site, ".css"):
        text = path.read_text(encoding="utf-8")
        for url in re.findall(r"""url\(\s*['"]?([^'")]+)""", text):
            if _foreign(url):
                offenders.append((path.name, url))
        for url in re.findall(r"""@import\s+(?:url\()?['"]?([^'");\s]+)""", text):
            if _foreign(url):
                offenders.append((path.name, url))
    assert offenders == []


def test_javascript_names_no_host_it_could_fetch(built):
    hosts = set()
    for path in _files(built.site, ".js"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)  # license comments
        text = re.sub(r"(?m)^\s*//.*$|(?<=[;{}])\s*//[^\n]*", "", text)  # line comments
        hosts |= {host.lower() for host in re.findall(r"https?://([a-z0-9.-]+)", text, re.I)}
    unexpected = hosts - set(JS_HOSTS_NEVER_REQUESTED) - {urlsplit(SITE_URL).hostname}
    assert unexpected == set(), f"review these hosts in the theme's JavaScript: {unexpected}"


def articles_breaking_the_policy(site) -> dict[str, list]:
    """Each built page whose whole <article> fails the content policy, with its problems;
    but for the build's hidden search words (handbook/search.py), whose Pagefind weight the
    policy keeps from editors."""
    from cardkit.policy import html_problems

    problems = {}
    for path in _files(site, "index.html"):
        article = fresh_soup(path).select_one("article")
        for terms in article.select(".hb-search-terms") if article is not None else []:
            assert not terms.find(True), path  # words only: nothing an editor wrote as markup
            terms.decompose()
        if article is not None and html_problems(article.decode_contents()):
            problems[str(path.relative_to(site))] = html_problems(article.decode_contents())
    return problems


def test_every_built_article_passes_the_content_policy(built):
    """What the build checks on each page's own HTML holds for the whole built article,
    card sections and cards page included (inside the theme's own <article> element).
    (A build with history adds what's-new notes: test_whatsnew.py checks those.)"""
    assert articles_breaking_the_policy(built.site) == {}
