"""hooks/template_cache.py: a theme template compiled in one language pass is reused in
the next, and compiled again once its source has changed (an edited override under
`make serve`)."""

from __future__ import annotations

import uuid

import pytest
from jinja2 import DictLoader, Environment

from template_cache import on_env

pytestmark = pytest.mark.unit


def test_a_template_is_compiled_once_per_source(monkeypatch):
    name = f"page-{uuid.uuid4().hex}.html"  # the cache lives as long as the process
    sources = {name: "Hallo {{ who }}"}
    compiled = []

    def one_pass() -> str:
        """A language pass: MkDocs makes a new environment and hands it to on_env."""
        env = on_env(Environment(loader=DictLoader(sources)), None, None)
        compile_source = env.compile
        monkeypatch.setattr(
            env,
            "compile",
            lambda *args, **kwargs: compiled.append(name) or compile_source(*args, **kwargs),
        )
        return env.get_template(name).render(who="Welt")

    assert one_pass() == "Hallo Welt" and len(compiled) == 1
    assert one_pass() == "Hallo Welt" and len(compiled) == 1  # the next pass: no compile
    sources[name] = "Guten Tag, {{ who }}"
    assert one_pass() == "Guten Tag, Welt" and len(compiled) == 2
