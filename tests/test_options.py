"""The handbook options in mkdocs.yml (plugins.handbook): typed, and every mistake named."""

from __future__ import annotations

import pytest

from conftest import run_build
from handbook import options as handbook_options


def problems(raw: object) -> str:
    with pytest.raises(handbook_options.OptionsError) as caught:
        handbook_options.load(raw)
    return str(caught.value)


@pytest.mark.unit
def test_the_defaults_and_valid_values_are_read():
    assert (handbook_options.load(None).pdfs, handbook_options.load({}).cache_dir) == (
        True,
        ".cache/cards",
    )
    options = handbook_options.load({"pdfs": False, "cache_dir": "tmp/cards"})
    assert (options.pdfs, options.cache_dir) == (False, "tmp/cards")


@pytest.mark.unit
def test_an_unknown_option_is_named_with_the_one_meant():
    assert (
        "mkdocs.yml: plugins.handbook.pdf_s is not a handbook option; did you mean 'pdfs'? "
        "known options: pdfs, cache_dir, brand, printed_cards, moved, suggest_email"
    ) in problems({"pdf_s": False})


@pytest.mark.unit
@pytest.mark.parametrize("value", ["false", "maybe", 0, None, ["a"]])
def test_pdfs_takes_only_true_or_false(value):
    assert f"mkdocs.yml: plugins.handbook.pdfs is {value!r}; allowed: true or false" in problems(
        {"pdfs": value}
    )


@pytest.mark.unit
def test_a_value_from_the_environment_names_its_variable(monkeypatch):
    monkeypatch.setenv("HANDBOOK_PDFS", "maybe")
    assert (
        "plugins.handbook.pdfs is 'maybe' (from the environment variable "
        "HANDBOOK_PDFS='maybe'); allowed: true or false"
    ) in problems({"pdfs": "maybe"})


@pytest.mark.unit
def test_suggest_email_is_one_plain_address_or_empty():
    assert handbook_options.load({}).suggest_email == ""
    assert (
        handbook_options.load({"suggest_email": "redaktion@firma.example"}).suggest_email
        == "redaktion@firma.example"
    )
    # what a mailto: link would read as more recipients or headers, and no address at all
    for wrong in (
        "redaktion",
        "a@b?cc=chef@firma.example",
        "a@b&body=x",
        "a b@firma.example",
        "a@b,c@d",
        "<a@b>",
        3,
        None,
    ):
        assert (
            f"plugins.handbook.suggest_email is {wrong!r}; allowed: the editors' e-mail address"
        ) in problems({"suggest_email": wrong})


@pytest.mark.unit
def test_every_problem_is_listed_and_options_must_be_a_mapping():
    found = problems({"pdfs": "ja", "cache_dir": 3, "colour": "red"})
    assert found.count("\n") == 2 and "colour is not a handbook option" in found
    assert "plugins.handbook must be a set of 'name: value' lines, not list" in problems([1])


@pytest.mark.parametrize(
    "change, env, message",
    [
        ("      pdf_s: false\n", {}, "plugins.handbook.pdf_s is not a handbook option"),
        ("", {"HANDBOOK_PDFS": "maybe"}, "(from the environment variable HANDBOOK_PDFS='maybe')"),
        (
            "",
            {"HANDBOOK_SUGGEST_EMAIL": "redaktion?cc=x"},
            "suggest_email is 'redaktion?cc=x' (from the environment variable "
            "HANDBOOK_SUGGEST_EMAIL",
        ),
        ("", {"SOURCE_DATE_EPOCH": "notanumber"}, "SOURCE_DATE_EPOCH is 'notanumber'"),
    ],
)
def test_the_build_stops_on_a_wrong_option_without_traceback(project, change, env, message):
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count("  - handbook:\n") == 1
    config.write_text(text.replace("  - handbook:\n", "  - handbook:\n" + change), encoding="utf-8")
    build = run_build(project, extra_env=env)
    assert not build.ok
    assert message in build.log
    assert "Traceback" not in build.log


@pytest.mark.unit
@pytest.mark.parametrize(
    "site_url",
    [
        "javascript://example.com/%0aalert(1)",
        "ftp://handbuch.intranet/",
        'http://handbuch.intranet/"><script>',
        "http:///ohne-host/",
    ],
)
def test_the_site_address_must_be_http_or_https_with_a_host(site_url):
    from cardkit.identity import check_site_url
    from cardkit.model import CardError

    with pytest.raises(CardError) as caught:
        check_site_url(site_url)
    assert "site_url is" in str(caught.value) and "HANDBOOK_SITE_URL" in str(caught.value)
    check_site_url("http://handbuch.intranet/sub/")


@pytest.mark.unit
@pytest.mark.parametrize("epoch", ["notanumber", "-1", "1767225600.5", "99999999999999999999"])
def test_the_build_date_must_be_whole_seconds(epoch):
    with pytest.raises(handbook_options.OptionsError) as caught:
        handbook_options.check_environment({"SOURCE_DATE_EPOCH": epoch})
    assert f"the environment variable SOURCE_DATE_EPOCH is {epoch!r}; use a whole number" in str(
        caught.value
    )
    handbook_options.check_environment({"SOURCE_DATE_EPOCH": "0"})
    handbook_options.check_environment({})


@pytest.mark.unit
@pytest.mark.parametrize(
    "edit_uri",
    ["javascript:alert(1)//", 'https://git.intranet/x/"><script>', "ftp://git.intranet/edit/"],
)
def test_the_edit_address_must_be_a_plain_web_address(edit_uri):
    with pytest.raises(handbook_options.OptionsError) as caught:
        handbook_options.check_environment({}, edit_uri)
    assert "edit_uri (HANDBOOK_EDIT_URL) is" in str(caught.value)
    handbook_options.check_environment({}, "https://git.intranet/team/handbuch/edit/main/docs/")


def _handbook_first(text: str) -> str:
    """mkdocs.yml with the handbook plugin listed before i18n."""
    start = text.index("  - handbook:\n")
    end = text.index("\nnav:")
    block = text[start:end].rstrip("\n") + "\n"
    text = text[:start] + text[end:]
    return text.replace("  - i18n:\n", block + "  - i18n:\n", 1)


def _without_i18n(project) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("  - i18n:\n")
    end = text.index("\n  - ", start + 1) + 1  # the next plugin
    config.write_text(text[:start] + text[end:], encoding="utf-8")


def _old_hooks(project) -> None:
    (project / "hooks" / "cards.py").write_text("", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "\nhooks:\n  - hooks/cards.py\n", encoding="utf-8"
    )


@pytest.mark.parametrize(
    "change, message",
    [
        (
            lambda project: (project / "mkdocs.yml").write_text(
                _handbook_first((project / "mkdocs.yml").read_text(encoding="utf-8")),
                encoding="utf-8",
            ),
            "under plugins:, list i18n before handbook",
        ),
        (
            lambda project: (project / "mkdocs.yml").write_text(
                (project / "mkdocs.yml").read_text(encoding="utf-8")
                + "\nextra:\n  handbook:\n    pdfs: false\n",
                encoding="utf-8",
            ),
            "extra.handbook is the old place of the handbook's options",
        ),
        (_old_hooks, "the hooks: list names the handbook's old hook files (hooks/cards.py)"),
        (_without_i18n, "the handbook needs the i18n plugin (mkdocs-static-i18n)"),
    ],
)
def test_a_configuration_from_before_the_plugin_is_refused_saying_what_to_change(
    project, change, message
):
    change(project)
    build = run_build(project, extra_env={"HANDBOOK_PDFS": "false"})
    assert not build.ok
    assert message in build.log
    assert "Traceback" not in build.log
