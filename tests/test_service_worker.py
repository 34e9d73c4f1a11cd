"""The handbook offline, in Chromium through nginx with the shipped config (127.0.0.1 counts
as a secure origin, like `make preview`): after one visit, with the network cut, the home
page, a card page and a search answer, in both languages; the worker script is never
cached by the browser and the Content-Security-Policy lets it run.

Expected values come from docs/ (the cards and their titles) and the built site.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import urllib.request

import pytest

from browser import shipped_csp, url_of, wait_until
from cardkit.offline import WORKER, search_files, worker_script
from content import CARDS, DEFAULT, LANGUAGES, MODEL, in_deck_order, site_name
from test_search import search
from tools.preview import nginx

# In the worker: the address of each file it writes into its cache (Cache.put), read after a
# moment, as a write follows its response within milliseconds.
RECORD_WRITES = """() => {
    self.written = [];
    const put = Cache.prototype.put;
    Cache.prototype.put = function (request, ...rest) {
        self.written.push(request.url || String(request));
        return put.call(this, request, ...rest);
    };
}"""
WRITTEN = "() => new Promise(done => setTimeout(() => done(self.written), 300))"


def build_of(site_dir) -> dict:
    text = (site_dir / WORKER).read_text(encoding="utf-8")
    found = re.search(r"^var BUILD = (\{.*\});$", text, re.M)
    assert found, f"{WORKER}: no build data"
    return json.loads(found.group(1))


def test_the_worker_is_never_cached_and_the_policy_allows_it(built, site):
    with urllib.request.urlopen(site + WORKER) as response:
        assert response.headers["Cache-Control"] == "no-cache"
        assert "javascript" in response.headers["Content-Type"]
    assert "worker-src 'self'" in shipped_csp()
    build = build_of(built.site)
    assert re.fullmatch(r"[0-9a-f]{16}", build["version"])
    for lang in LANGUAGES:
        assert build["search"][lang] == search_files(built.site, lang)
        assert any(name.endswith(".pf_index") for name in build["search"][lang])
        others = [other for other in LANGUAGES if other != lang]
        assert not any(f"/{other}_" in name for name in build["search"][lang] for other in others)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_visited_handbook_opens_and_searches_without_a_network(built, site, browser, lang):
    stem, card = in_deck_order(CARDS[lang])[0]
    expected = len(build_of(built.site)["search"][lang])
    context = browser.new_context(service_workers="allow")
    try:
        tab = context.new_page()
        home = site + url_of("index", lang)
        tab.goto(home)
        tab.evaluate("navigator.serviceWorker.ready.then(() => true)")
        wait_until(
            tab,
            """n => caches.keys().then(names => Promise.all(names.map(name =>
                caches.open(name).then(cache => cache.keys()))))
                .then(lists => lists.flat().filter(r => r.url.includes('/pagefind/'))
                .length >= n)""",
            expected,
        )
        fetched: list[str] = []  # by the pages and by the worker
        context.on("request", lambda request: fetched.append(request.url))
        tab.reload()  # now through the worker, which keeps the page
        tab.goto(site + url_of(stem, lang))
        worker = context.service_workers[0]
        worker.evaluate(RECORD_WRITES)
        before_home = len(fetched)
        tab.goto(home)
        tab.evaluate("navigator.serviceWorker.ready.then(() => true)")
        # each page asks the worker for the index again: it fetches only what it lacks
        assert [url for url in fetched if "/pagefind/" in url] == []
        # and what it keeps unchanged (the same ETag) is not written again: nothing of the
        # home page, read before (the card page's own files may still be being written)
        assert set(fetched[before_home:]) & set(worker.evaluate(WRITTEN)) == set()

        context.set_offline(True)
        tab.reload()
        assert tab.title().endswith(site_name(lang))
        tab.goto(site + url_of(stem, lang))
        assert tab.locator("article h1").text_content().rstrip("¶") == card["title"]
        word = max(re.findall(r"\w+", card["title"]), key=len)
        meta, links = search(tab, home, word)
        assert "/" + url_of(stem, lang) in links, (word, meta, links)
    finally:
        context.close()


def deploy(site_dir, page, marker: str) -> str:
    """A new build, as the intranet receives it: the page's heading starts with marker, and
    its worker has the version the build's last step (cardkit.offline) gives the changed site.
    Files are replaced, not written through: the copy's files are links to the shared build."""
    text = re.sub(r"(<h1[^>]*>)", rf"\g<1>{marker}", page.read_text("utf-8"), count=1)
    for path, content in ((page, text), (site_dir / WORKER, None)):
        path.unlink()
        path.write_text(content or worker_script(site_dir, MODEL), encoding="utf-8")
    return build_of(site_dir)["version"]


def test_a_new_build_replaces_the_kept_pages_on_the_next_visit(built, browser, tmp_path):
    """No stale handbook: a reader who read the home page and a card, then comes back after
    a new build (the card's text changed), reads the new text at once; once the new worker
    has taken over, only the new build's copies are kept, and offline too the card shows
    its new text, though the reader did not open it again."""
    lang = DEFAULT
    stem, card = in_deck_order(CARDS[lang])[0]
    site_dir = tmp_path / "site"
    shutil.copytree(built.site, site_dir, copy_function=_link_or_copy)
    with nginx(site_dir, tmp_path / "nginx") as base:
        home, page = base + url_of("index", lang), base + url_of(stem, lang)
        context = browser.new_context(service_workers="allow")
        try:
            tab = context.new_page()
            tab.goto(home)
            tab.evaluate("navigator.serviceWorker.ready.then(() => true)")
            tab.reload()  # through the worker now, which keeps what it serves
            tab.goto(page)
            first = build_of(site_dir)["version"]
            wait_until(
                tab,
                "name => caches.open(name).then(c => c.match(location.href)).then(Boolean)",
                f"handbook-{first}",
            )

            second = deploy(site_dir, site_dir / url_of(stem, lang) / "index.html", "Neu: ")
            assert second != first
            tab.goto(home)  # the next visit
            wait_until(  # the new worker has taken over: only its copies are kept
                tab,
                "names => caches.keys().then(k => JSON.stringify(k) === JSON.stringify(names))",
                [f"handbook-{second}"],
            )
            context.set_offline(True)
            tab.goto(page)
            assert tab.locator("article h1").text_content().rstrip("¶") == "Neu: " + card["title"]
            tab.goto(home)
            assert tab.title().endswith(site_name(lang))
        finally:
            context.close()


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)  # instant, and no second 45 MB on disk
    except OSError:
        shutil.copy2(source, target)


def test_over_plain_http_nothing_happens_and_nothing_fails(site, browser):
    """A host name over HTTP is no secure origin: no worker, no error in the console."""
    context = browser.new_context(service_workers="allow")
    insecure = "http://handbuch.test/"
    context.route(
        insecure + "**",
        lambda route: route.fulfill(
            response=route.fetch(url=route.request.url.replace(insecure, site))
        ),
    )
    problems: list[str] = []
    try:
        tab = context.new_page()
        tab.on("pageerror", lambda error: problems.append(str(error)))
        tab.on("console", lambda message: message.type == "error" and problems.append(message.text))
        tab.goto(insecure)
        assert tab.evaluate("window.isSecureContext") is False
        assert tab.evaluate("'serviceWorker' in navigator") is False
        assert tab.title()
        assert problems == []
    finally:
        # a fetch still in flight would fail its fulfil after the close, in another test
        context.unroute_all(behavior="ignoreErrors")
        context.close()


def test_the_version_follows_every_built_file(tmp_path):
    """The same site, the same version; any changed file, a new one (sw.js aside)."""
    from cardkit.offline import build_version

    (tmp_path / "en").mkdir()
    (tmp_path / "index.html").write_text("a", encoding="utf-8")
    (tmp_path / "en" / "index.html").write_text("b", encoding="utf-8")
    first = build_version(tmp_path)
    (tmp_path / WORKER).write_text("anything", encoding="utf-8")
    assert build_version(tmp_path) == first
    (tmp_path / "en" / "index.html").write_text("c", encoding="utf-8")
    assert build_version(tmp_path) != first
