"""Jinja's compiled templates shared by the Jinja environments of a build, and of the preview's builds.

Pelican makes one Jinja environment per generator (news, pages, the event's pages, calendars,
search…), and each compiles the theme's base.html and partials again: 82 compilations, 50 of them
repeats, on the seminar's theme. One CompiledTemplates given to every environment of a build
(through JINJA_ENVIRONMENT's bytecode_cache) compiles each template once. A template is shared
only between environments that would compile it the same way: the key holds, beside the
template's name and file, everything of the environment the compiler reads (extensions, syntax,
autoescape for that name, finalize, and each filter's and test's name and kind of argument);
Jinja compiles again when the template's source changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from types import CodeType
from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from jinja2.utils import _PassArg

# The options of an environment its lexer, parser and compiler read.
_COMPILER_OPTIONS = (
    "block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
    "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
    "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized", "is_async",
)


def _kinds(functions: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Each name of FUNCTIONS (filters or tests) with the argument Jinja's compiled code passes it first."""
    return sorted((name, str(_PassArg.from_obj(function))) for name, function in functions.items())


def compiler_view(environment: Environment, name: str) -> str:
    """What of ENVIRONMENT shapes the compiled code of the template NAME, as text."""
    autoescape = environment.autoescape(name) if callable(environment.autoescape) else environment.autoescape
    finalize = environment.finalize
    return repr((
        [getattr(environment, option) for option in _COMPILER_OPTIONS],
        sorted(environment.extensions),
        bool(autoescape),
        None if finalize is None else str(_PassArg.from_obj(finalize)),
        _kinds(environment.filters),
        _kinds(environment.tests),
    ))


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory, shared by the environments that compile them the same way."""

    def __init__(self) -> None:
        self._code: dict[str, tuple[str, CodeType]] = {}

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        """The bucket of the template NAME as ENVIRONMENT compiles it (its code filled when kept for the same source)."""
        key = hashlib.sha256(f"{name}\0{filename or ''}\0{compiler_view(environment, name)}".encode("utf-8")).hexdigest()
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill BUCKET with the code kept under its key, if it was compiled from the same source."""
        kept = self._code.get(bucket.key)
        if kept is not None and kept[0] == bucket.checksum:
            bucket.code = kept[1]

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep BUCKET's compiled code, for the other environments and the next builds."""
        if bucket.code is not None:
            self._code[bucket.key] = (bucket.checksum, bucket.code)

    def __reduce__(self) -> tuple[type, tuple[()]]:
        """Pickled empty: Pelican's generator cache pickles its contents' settings, and code objects do not pickle."""
        return (CompiledTemplates, ())


def with_shared_templates(settings: dict[str, Any]) -> dict[str, Any]:
    """SETTINGS whose JINJA_ENVIRONMENT gives every environment one CompiledTemplates (unless it names a bytecode_cache)."""
    jinja = dict(settings.get("JINJA_ENVIRONMENT") or {})
    if jinja.get("bytecode_cache") is None:
        jinja["bytecode_cache"] = CompiledTemplates()
        settings["JINJA_ENVIRONMENT"] = jinja
    return settings
