"""Each theme template is compiled once per build, not once per language.

mkdocs-static-i18n builds the site once per language, and MkDocs makes a new Jinja
environment for each pass, which compiled all the templates it renders again (about 100;
a tenth of a build without PDFs). The compiled code is kept in memory for the next pass.
Jinja stores each template's source checksum with it and compiles again when the source
has changed (an edited override under `make serve`). Nothing is written to disk.
"""

from __future__ import annotations

from jinja2 import BytecodeCache


class _InMemory(BytecodeCache):
    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])  # checks the checksum

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_compiled = _InMemory()


def on_env(env, config, files):
    env.bytecode_cache = _compiled
    return env
