"""mkdocs.yml is read before MkDocs reads it: no tag that runs code, no hook outside hooks/.

MkDocs loads mkdocs.yml with a YAML loader that runs `!!python/...` tags and reads the
build machine's environment through `!ENV`, and imports every file under `hooks:`, all
before any plugin of ours can check anything (bad-input-3, M01). mkdocs.yml is the
developers' file (CODEOWNERS), but editors add pages to its `nav:`, and CI builds a pull
request before anyone has reviewed it. So `make site`, `make serve`, `make check` and
`make test` run this first: it only composes the YAML (a tree of nodes; composing runs no
tag) and allows the few tags the handbook's mkdocs.yml uses. A developer who needs another
adds it to ALLOWED_TAGS below, in a pull request a developer reviews.

    python -m tools.config_guard [mkdocs.yml]
"""

from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath

import yaml

PYTHON_NAME = "tag:yaml.org,2002:python/name:"
# The tags mkdocs.yml may use, each with what it may name.
ALLOWED_TAGS = {
    # Material's emoji functions (pymdownx.emoji), which the handbook's pages use
    PYTHON_NAME + "material.extensions.emoji.twemoji",
    PYTHON_NAME + "material.extensions.emoji.to_svg",
    "!ENV",  # only variables named HANDBOOK_* (see _env_names)
}
ENV_PREFIX = "HANDBOOK_"
HOOKS_DIR = "hooks"


def _env_names(node: yaml.Node) -> list[str]:
    """The variables an !ENV node reads: one name, or all but the last item (the default)."""
    if isinstance(node, yaml.ScalarNode):
        return [str(node.value)]
    if isinstance(node, yaml.SequenceNode):
        return [str(item.value) for item in node.value[:-1] if isinstance(item, yaml.ScalarNode)]
    return ["?"]


def _walk(node: yaml.Node):
    yield node
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _walk(item)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _walk(key)
            yield from _walk(value)


def _local_extensions(project: Path, name: str, extensions: yaml.SequenceNode) -> list[str]:
    """Markdown extensions named by a module path import that module: one from the project
    folder (docs/x.py, importable because MkDocs runs there) would run a pull request's code."""
    found = []
    local = {entry.name.split(".")[0] for entry in project.iterdir()}
    for item in extensions.value:
        if isinstance(item, yaml.MappingNode) and item.value:
            item = item.value[0][0]
        module = str(getattr(item, "value", "")).split(":")[0].split(".")[0]
        if module in local:
            found.append(
                f"{name} (line {item.start_mark.line + 1}): markdown_extensions: "
                f"'{item.value}' would run a file of this project as code in every build; "
                "extensions come from installed packages, so remove the line"
            )
    return found


def problems(path: Path) -> list[str]:
    """What in mkdocs.yml would run code or publish the build machine's environment."""
    name = path.name
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        return [f"{name}: cannot be read: {error}"]
    found = []
    resolver = yaml.SafeLoader  # the tags plain YAML resolves by itself (str, int, map, ...)
    plain = {tag for tags in resolver.yaml_implicit_resolvers.values() for tag, _ in tags}
    plain |= {"tag:yaml.org,2002:" + kind for kind in ("str", "seq", "map")}
    for node in _walk(root) if root is not None else ():
        line = node.start_mark.line + 1
        if node.tag in plain:
            continue
        if node.tag not in ALLOWED_TAGS:
            found.append(
                f"{name} (line {line}): the tag {node.tag.replace('tag:yaml.org,2002:', '!!')} "
                "can run code on the build machine; mkdocs.yml takes only the tags "
                "tools/config_guard.py allows, so write the value as plain text (a developer "
                "adds a tag there, in a reviewed pull request)"
            )
        elif node.tag == "!ENV":
            for variable in _env_names(node):
                if not variable.startswith(ENV_PREFIX):
                    found.append(
                        f"{name} (line {line}): !ENV reads '{variable}' from the build "
                        f"machine's environment, which every page would show; the handbook "
                        f"reads only variables named {ENV_PREFIX}*, so write the value itself"
                    )
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value == "markdown_extensions" and isinstance(value, yaml.SequenceNode):
                found += _local_extensions(path.parent, name, value)
            if key.value == "hooks" and isinstance(value, yaml.SequenceNode):
                for item in value.value:
                    hook = PurePosixPath(str(item.value))
                    if hook.is_absolute() or ".." in hook.parts or hook.parts[:1] != (HOOKS_DIR,):
                        found.append(
                            f"{name} (line {item.start_mark.line + 1}): hooks: '{item.value}' "
                            f"would run as code in every build; hooks live in {HOOKS_DIR}/, "
                            "which developers review, so remove the line"
                        )
    return found


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    found = problems(Path(args[0] if args else "mkdocs.yml"))
    for problem in found:
        print(problem, file=sys.stderr)
    return 2 if found else 0


if __name__ == "__main__":
    sys.exit(main())
