"""The content policy: harmless HTML passes, anything that runs code, redirects or loads
from another host is refused with the reason, and the build names the file."""

from __future__ import annotations

import pytest

from cardkit.policy import html_problems
from conftest import run_build
from content import plain_page

IMAGE = "https://example.com/i.png"
HOSTILE = {
    "<script>alert(1)</script>": "<script> runs code",
    '<script>fetch("https://example.com/b")</script>': "<script> runs code",
    '<base href="https://example.com/">': "<base> redirects every link",
    '<meta http-equiv="refresh" content="5;url=https://example.com/">': "<meta> can reload",
    '<iframe src="https://example.com"></iframe>': "<iframe> embeds another page",
    '<iframe srcdoc="<img src=https://example.com/x>"></iframe>': "<iframe> embeds another page",
    '<p srcdoc="x">': "<p srcdoc=…> embeds a page",
    '<a href="https://example.com/" ping="https://example.com/p">x</a>': "ping=…> reports clicks",
    f'<svg><image href="{IMAGE}"/></svg>': "<image> loads an image into the drawing",
    '<svg><use xlink:href="//example.com/s.svg#a"/></svg>': "<use> draws another file",
    '<img src="https://example.com/x.png">': "loads from another host",
    '<img src="//example.com/x.png">': "loads from another host",
    '<img srcset="a.png 1x, https://example.com/b.png 2x">': "loads from another host",
    '<img src=x onerror="alert(1)">': "<img onerror=…> runs code",
    '<a href="javascript:alert(1)">x</a>': "runs code",
    '<a href=" jav&#x09;ascript:alert(1)">x</a>': "runs code",
    '<div style="background:url(https://example.com/x)">': "<div style=…> is blocked",
    "<style>@import 'https://example.com/x.css';</style>": "<style> restyles the whole site",
    '<link rel="stylesheet" href="https://example.com/x.css">': "<link> loads a file",
    '<object data="https://example.com/x.swf"></object>': "<object> embeds a plug-in",
    '<embed src="x.swf">': "<embed> embeds a plug-in",
    '<form action="https://example.com/"><input></form>': "<form> sends what readers type",
    '<video poster="https://example.com/p.jpg"></video>': "<video> plays media",
    # bad-input-3: what a browser reads differently from Python's html.parser, and what a
    # deny-list missed (H07-H10, H12-H14, H16)
    '<div><!--> <img src="data:," alt="" onerror="alert(1)"> --></div>': "<img onerror=…>",
    '<div>x <![CDATA[ ><img src="data:," onerror="alert(1)"> ]]> y</div>': "<img onerror=",
    "<div><svg><a><animate attributeName=href values=javascript:alert(3) /></a></svg></div>": (
        "<animate> changes the drawing and its links"
    ),
    '<img src="\\\\127.0.0.1:8999/bs.png" alt="">': "has a backslash",
    '<a href="data:text/html;base64,PHNjcmlwdD4=">Mehr</a>': "is a data: address",
    "<a rel=attachment href='file:///proc/self/environ'>.</a>": '<a rel="attachment">',
    "<a href='file:///etc/hostname'>.</a>": "is a file: address",
    '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">': "a data: address",
    '<p data-pagefind-meta="title:Passwort abgelaufen">x</p>': "<p data-pagefind-meta=…>",
    '<p data-pagefind-weight="10">x</p>': "<p data-pagefind-weight=…>",
    '<table><tr><td style="text-align: right">1</td></tr></table>': "<td style=…> is blocked",
    '<A HREF="&#106;avascript&colon;alert(1)">x</A>': "runs code",
    '<svg><rect fill="url(https://example.com/x)"/></svg>': "<rect fill=…> loads a file",
    "<svg><style>@import url(https://example.com/x.css);</style></svg>": "<style>",
    '<svg><foreignObject><img src="x.png" alt=""></foreignObject></svg>': "<foreignobject>",
    "<math><mi xlink:href=javascript:alert(1)>x</mi></math>": "<math>",
    "<template><img src=x onerror=alert(1)></template>": "<template>",
    '<img src="x.png" alt="" onError="alert(1)">': "<img onerror=…> runs code",
    "<p>x</p><!-- Entwurf: intern -->": "a comment is published",
    "<?php echo 1; ?>": "a comment is published",
}
HARMLESS = [
    "<details><summary>Mehr</summary><p>Text</p></details>",
    '<span class="hb-note" title="x">Hinweis</span>',
    '<a href="https://www.example.com/artikel">Quelle</a>',  # a link, not a request
    '<a href="../tipps/kontakt/">Kontakt</a> <a href="#oben">oben</a>',
    '<a href="mailto:team@intranet">Team</a>',
    '<img src="../bilder/schalter.png" alt="Schalter">',
    "<table><tr><td>1</td></tr></table>",
    '<svg viewBox="0 0 10 10" aria-hidden="true"><path d="M0 0h10v10z" fill="#123"/></svg>',
    '<a href="https://www.example.com/" rel="noopener">Quelle</a>',
    '<div class="hb-pdfs" data-set="kit"></div>',
    '<svg viewBox="0 0 10 10"><rect width="10" height="10"/></svg>',
]


@pytest.mark.unit
@pytest.mark.parametrize("html", sorted(HOSTILE))
def test_hostile_html_is_refused_with_the_reason(html):
    assert any(HOSTILE[html] in problem for problem in html_problems(html)), html_problems(html)


@pytest.mark.unit
@pytest.mark.parametrize("html", HARMLESS)
def test_harmless_html_passes(html):
    assert html_problems(html) == []


def test_a_page_with_a_script_stops_the_build_naming_the_file(project):
    stem = plain_page(langs=("en",))
    page = project / "docs" / f"{stem}.en.md"
    page.write_text(
        page.read_text(encoding="utf-8") + '\n<script>fetch("https://example.com/b")</script>\n\n'
        '<svg><image href="https://example.com/i.png"/></svg>\n',
        encoding="utf-8",
    )
    build = run_build(project, extra_env={"HANDBOOK_PDFS": "false"})
    assert not build.ok
    assert f"docs/{stem}.en.md: this page's HTML is not allowed in the handbook:" in build.log
    assert "<script> runs code" in build.log and "<image> loads an image" in build.log
    assert "Traceback" not in build.log
    assert not (project / "site" / "en" / stem / "index.html").exists()
