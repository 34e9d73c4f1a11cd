"""The content policy on every page's HTML, as Markdown made it from the page's file.

Thin adapter: cardkit.policy says what is not allowed; this hook runs it on each page's
own HTML (the theme around it is ours) and stops the build naming the file. It runs in
every language's pass, because each pass renders its own language's files.
"""

from __future__ import annotations

import os

import mkdocs.plugins
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from cardkit.policy import html_problems


@mkdocs.plugins.event_priority(-100)  # after every other extension and hook has had its say
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    problems = html_problems(html)
    if problems:
        lines = "\n".join(f"  - {problem}" for problem in problems)
        docs = os.path.relpath(config.docs_dir, os.path.dirname(config.config_file_path))
        raise PluginError(
            f"{docs}/{page.file.src_uri}: this page's HTML is not allowed in the "
            f"handbook:\n{lines}\nWrite Markdown, or harmless HTML "
            "(CONTRIBUTING.md, 'HTML in pages')."
        )
    return html
