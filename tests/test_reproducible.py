"""Two builds of the same commit under the same SOURCE_DATE_EPOCH are byte-identical."""
from __future__ import annotations

from conftest import run_build
from test_bad_input import tree


def test_two_builds_give_identical_site_trees(built, project):
    again = run_build(project, extra_env={"SOURCE_DATE_EPOCH": "1767225600"})
    assert again.ok, again.log
    first, second = tree(built.site), tree(again.site)
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
    assert any(name.endswith(".pdf") for name in first)
