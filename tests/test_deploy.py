"""The site as the intranet serves it: deploy/nginx.conf and deploy/apache.conf in real
servers (Debian's nginx and Apache on loopback ports). Status codes, the 404 page of each
language, the security headers and the Content-Security-Policy on every page, caching,
compression and the PDFs; then Chromium under that policy. These tests never skip: CI
installs nginx, apache2-bin and Chromium."""

from __future__ import annotations

import gzip
import http.client
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from apache import apache
from browser import nginx, shipped_csp
from conftest import DEFAULT, LANGUAGES, ROOT, german_pages, page_url, run_build, soup
from content import CARDS, ROOTS, in_deck_order

NGINX_CONF = ROOT / "deploy" / "nginx.conf"
APACHE_CONF = ROOT / "deploy" / "apache.conf"
SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
}
YEAR = "public, max-age=31536000, immutable"
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)(?:\.map)?$")
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml")


def page_paths(lang: str) -> list[str]:
    """The URL path of every page of one language, from docs/."""
    return [ROOTS[lang] + page_url(stem) for stem in german_pages()]


ALL_PAGES = [path for lang in LANGUAGES for path in page_paths(lang)]
# A language mkdocs.yml may get later: the server configs name no language, so its folder's
# 404 page must be served as any configured language's is (add_stand_ins makes one).
LATER = "zz"
FOLDERS = {**ROOTS, LATER: f"{LATER}/"}


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


def fetch(
    base: str,
    path: str,
    *,
    accept_gzip: bool = False,
    method: str = "GET",
    headers: dict[str, str] | None = None,
) -> Response:
    """One request (a GET unless told) without following redirects or decoding anything:
    what the server sent."""
    parts = urlsplit(base)
    assert parts.hostname, f"no host in the base URL {base!r}"
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    sent = {**({"Accept-Encoding": "gzip"} if accept_gzip else {}), **(headers or {})}
    try:
        # a Host or Accept-Encoding header of the test's own replaces http.client's
        connection.putrequest(
            method,
            parts.path + path,
            skip_host="Host" in sent,
            skip_accept_encoding="Accept-Encoding" in sent,
        )
        for name, value in sent.items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        return Response(
            response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        )
    finally:
        connection.close()


def add_stand_ins(site: Path) -> Path:
    """Files a test needs that the site may not have: a 404 page in each language's folder
    where there is none, and in the folder of a language not configured yet (LATER): the
    default's, marked, so that the test sees which file the server picks; and an SVG file
    (today's QR codes are inline) for the compression rule."""
    for folder in {*ROOTS.values(), FOLDERS[LATER]} - {""}:
        page = site / folder / "404.html"
        if not page.exists():
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_bytes(
                (site / "404.html").read_bytes() + f"<!-- stand-in: {folder}404.html -->\n".encode()
            )
    if not any(path.stat().st_size > 1024 for path in site.rglob("*.svg")):
        circles = "".join(f'<circle cx="{n}" cy="{n}" r="{n}"/>' for n in range(100))
        (site / "stand-in.svg").write_text(
            f'<svg xmlns="http://www.w3.org/2000/svg">{circles}</svg>'
        )
    return site


# What a careless copy leaves beside the site (bad-input-3, D03): the build never writes a
# name starting with a dot (MkDocs leaves them out), so neither server may serve one.
DOT_FILES = {".git/config": "[core]", ".env": "SECRET=s3cr3t", "backup/.htpasswd": "admin:x"}


@pytest.fixture(scope="module")
def served_site(built, tmp_path_factory) -> Path:
    """A copy of the built site, with the stand-ins and the dot files of a careless copy."""
    site = tmp_path_factory.mktemp("served") / "site"
    shutil.copytree(built.site, site)
    for name, text in DOT_FILES.items():
        (site / name).parent.mkdir(exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    return add_stand_ins(site)


@pytest.fixture(scope="module", params=["nginx", "apache"])
def server(request, served_site, tmp_path_factory):
    if request.param == "nginx":
        with nginx(served_site, tmp_path_factory.mktemp("nginx")) as base:
            yield base
    else:
        with apache(served_site) as base:
            yield base


def assert_secured(response: Response, what: str) -> None:
    assert response.headers.get("content-security-policy") == shipped_csp(), what
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, (what, name)


def test_every_page_has_status_200_and_the_policy_and_security_headers(server):
    for path in ALL_PAGES:
        response = fetch(server, path)
        assert response.status == 200, path
        assert response.headers["content-type"] == "text/html; charset=utf-8", path
        assert_secured(response, path)


def test_the_policy_allows_this_host_only_and_no_framing():
    directives = dict(part.strip().split(" ", 1) for part in shipped_csp().split(";"))
    sources = {source for value in directives.values() for source in value.split()}
    assert sources <= {"'self'", "'none'", "data:", "'wasm-unsafe-eval'"}, sources
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources
    assert f'"{shipped_csp()}"' in APACHE_CONF.read_text(), "apache.conf sends another policy"


@pytest.mark.parametrize("lang", [*LANGUAGES, LATER])
def test_a_missing_page_gets_the_404_page_of_its_language(server, served_site, lang):
    """Below a language's folder its own 404 page, elsewhere (haltungen/ at the root) the
    default's; a language not configured yet (LATER) included: the configs name none."""
    prefix = FOLDERS[lang]
    page = (served_site / prefix / "404.html").read_bytes()
    for missing in (f"{prefix}gibt-es-nicht/", f"{prefix}haltungen/gibt-es-nicht.html"):
        response = fetch(server, missing)
        assert response.status == 404, missing
        assert response.body == page, f"{missing} did not get {prefix}404.html"
        assert_secured(response, missing)
    for other in set(FOLDERS.values()) - {prefix}:
        assert page != (served_site / other / "404.html").read_bytes(), (
            f"{prefix}404.html and {other}404.html are the same: the test cannot tell them apart"
        )


def test_the_server_configs_name_no_language():
    """A language is added in mkdocs.yml alone (CONTRIBUTING): neither config names one."""
    for conf in (NGINX_CONF, APACHE_CONF):
        rules = "\n".join(
            line.split("#", 1)[0] if conf == NGINX_CONF else line
            for line in conf.read_text(encoding="utf-8").splitlines()
            if not line.lstrip().startswith("#")
        )
        for folder in set(ROOTS.values()) - {""}:
            assert f"/{folder}" not in rules, f"{conf.name} names the language folder {folder}"


def test_a_folder_without_slash_is_redirected_to_its_page(server):
    """On this host whatever Host header the request sent (D07): a shared cache would
    otherwise keep a redirect to another host for every later reader."""
    path = next(path for path in ALL_PAGES if path.count("/") >= 2)
    for headers in ({}, {"Host": "evil.example"}):
        response = fetch(server, path.rstrip("/"), headers=headers)
        assert response.status == 301
        location = urlsplit(response.headers["location"])
        assert location.path == urlsplit(server).path + path
        assert location.netloc in ("", urlsplit(server).netloc), (headers, location)


def test_dot_files_beside_the_site_and_trace_are_refused(server, served_site):
    """D03: a careless copy's .git/, .env or .htpasswd (and Apache's own .htaccess) get the
    404 page, also percent-encoded; D06: TRACE, which echoes the request, gets 405."""
    names = [*DOT_FILES, ".htaccess", "%2egit/config"]
    page = (served_site / "404.html").read_bytes()
    for name in names:
        response = fetch(server, name)
        assert response.status == 404, name
        assert response.body == page, name
        assert_secured(response, name)
    traced = fetch(server, "", method="TRACE", headers={"X-Probe": "echoed"})
    assert traced.status == 405
    assert b"echoed" not in traced.body


def _hashed_assets_named_in(page: Path) -> list[str]:
    html = page.read_text(encoding="utf-8")
    return [
        name
        for name in re.findall(r'(?:src|href)="([^"]+)"', html)
        if "assets/" in name and re.search(r"\.[0-9a-f]{6,}\.", name)
    ]


def test_fingerprinted_assets_are_kept_a_year_everything_else_is_revalidated(server, served_site):
    hashed = _hashed_assets_named_in(served_site / "index.html")
    assert len(hashed) >= 2, "Material's bundle and stylesheet: no hashed names found"
    assert all(FINGERPRINTED.search(name) for name in hashed), (
        f"Material names its files differently now; update the cache rule for {hashed}"
    )
    files = [
        path
        for path in served_site.rglob("*")
        if path.is_file()
        and path.suffix in (".js", ".css", ".map", ".json", ".pdf", ".png", ".html", ".xml")
    ]
    checked = set()
    for path in files:
        rel = path.relative_to(served_site).as_posix()
        if rel.endswith("index.html"):
            rel = rel.removesuffix("index.html")
        response = fetch(server, rel)
        assert response.status == 200, rel
        expected = YEAR if FINGERPRINTED.search(rel) else "no-cache"
        assert response.headers.get("cache-control") == expected, rel
        assert_secured(response, rel)
        checked.add(expected)
    assert checked == {YEAR, "no-cache"}


@pytest.mark.parametrize("suffix", COMPRESSED)
def test_text_files_are_compressed_for_browsers_that_ask(server, served_site, suffix):
    path = max(served_site.rglob(f"*{suffix}"), key=lambda p: p.stat().st_size)
    rel = path.relative_to(served_site).as_posix()
    packed = fetch(server, rel, accept_gzip=True)
    assert packed.headers.get("content-encoding") == "gzip", rel
    assert "accept-encoding" in packed.headers.get("vary", "").lower(), rel
    assert gzip.decompress(packed.body) == path.read_bytes(), rel
    plain = fetch(server, rel)
    assert "content-encoding" not in plain.headers and plain.body == path.read_bytes(), rel


def test_card_pdfs_are_downloads_of_type_pdf(server, served_site):
    pdfs = sorted(served_site.rglob("*.pdf"))
    names = [p.relative_to(served_site).as_posix() for p in pdfs]
    for lang in LANGUAGES:  # each language's PDFs in its folder
        assert any(name.startswith(f"{ROOTS[lang]}pdf/") for name in names), lang
    for path in pdfs:
        rel = path.relative_to(served_site).as_posix()
        response = fetch(server, rel, accept_gzip=True)
        assert response.status == 200, rel
        assert response.headers["content-type"] == "application/pdf", rel
        assert response.headers.get("content-disposition") == "attachment", rel
        assert response.body == path.read_bytes(), rel


def test_pages_carry_no_inline_script(built):
    """The policy forbids inline scripts: every script the theme writes is a file (Material's
    few inline snippets: overrides/partials/javascripts/), or data (type application/json)."""
    offenders = []
    for path in sorted(built.site.rglob("*.html")):
        page = soup(path)
        for script in page.find_all("script"):
            if not script.get("src") and script.get("type") != "application/json":
                offenders.append((path.relative_to(built.site).as_posix(), script.text[:60]))
        offenders += [(path.name, "style attribute") for _ in page.find_all(style=True)]
        offenders += [(path.name, "<style>") for _ in page.find_all("style")]
    assert offenders == [], "the Content-Security-Policy would block these"


def test_material_inline_scripts_are_copied_unchanged():
    """overrides/assets/javascripts/partials/*.js are Material's inline scripts; the scope,
    which Material writes into its script, comes from the script tag's data-scope."""
    import material

    partials = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
    ours = ROOT / "overrides" / "assets" / "javascripts" / "partials"
    copies = {
        "base": ["base.js"],
        "palette": ["palette.js"],
        "content": ["content-tabs-link.js", "content.js"],
    }
    for partial, files in copies.items():
        theirs = re.findall(
            r"<script>(.*?)</script>", (partials / f"{partial}.html").read_text(), re.S
        )
        theirs = [
            s.replace(
                '"{{ config.extra.scope | d(base_url) }}"', "document.currentScript.dataset.scope"
            )
            for s in theirs
        ]
        copied = [
            "".join(
                line
                for line in (ours / name).read_text().splitlines(keepends=True)
                if not line.startswith("//")
            ).strip()
            for name in files
        ]
        assert copied == theirs, (
            f"Material's partials/javascripts/{partial}.html changed: copy "
            f"its script(s) into {', '.join(files)} in {ours}"
        )


def test_the_site_works_under_a_sub_path(project, tmp_path, browser):
    """HANDBOOK_SITE_URL with a path: the rendered config serves the site there, 404 pages
    included (their links are absolute, from site_url), and nothing outside it."""
    build = run_build(
        project,
        site_url="http://handbuch.test.intranet/handbuch/",
        extra_env={"HANDBOOK_PDFS": "false"},
    )
    assert build.ok, build.log
    add_stand_ins(build.site)
    with nginx(build.site, tmp_path / "nginx", path="/handbuch/") as base:
        assert base.endswith("/handbuch/")
        assert fetch(base, "").status == 200
        assert (
            fetch(base, f"{ROOTS[LANGUAGES[-1]]}haltungen/gibt-es-nicht/").body
            == (build.site / ROOTS[LANGUAGES[-1]] / "404.html").read_bytes()
        )
        outside = fetch(base.removesuffix("handbuch/"), "index.html")
        assert outside.status == 404 and outside.body != (build.site / "index.html").read_bytes()
        for address in (base, base + "gibt-es-nicht/"):
            tab = browser.new_page()
            failed = []
            # failed and address as defaults: bound to this round of the loop
            tab.on(
                "requestfinished",
                lambda request, failed=failed, address=address: (
                    failed.append(request.url)
                    if request.response().status >= 400 and request.url != address
                    else None
                ),
            )
            tab.goto(address, wait_until="networkidle")
            assert tab.locator(".md-header").is_visible(), address  # styled: CSS loaded
            assert failed == [], address
            tab.close()


# Every page in Chromium under the policy (no violation, no console error, no other host)
# is test_browser's every-page test: its server is nginx with this config.


@pytest.fixture(scope="module")
def nginx_site(served_site, tmp_path_factory):
    with nginx(served_site, tmp_path_factory.mktemp("nginx-browser")) as base:
        yield base


def test_a_card_pdf_link_downloads_the_file(nginx_site, served_site, browser):
    tab = browser.new_page(accept_downloads=True)
    card_page = in_deck_order(CARDS[DEFAULT])[0][0]  # a page with a card has PDF links
    tab.goto(nginx_site + page_url(card_page), wait_until="networkidle")
    link = tab.locator("a[href$='.pdf']").first
    with tab.expect_download(timeout=10_000) as download:
        link.click()
    name = download.value.suggested_filename
    assert name.endswith(".pdf")
    assert Path(download.value.path()).read_bytes() == next(served_site.rglob(name)).read_bytes()
    tab.close()
