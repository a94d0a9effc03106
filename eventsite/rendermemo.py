"""Pages rendered by an earlier build, reused when none of their inputs changed: kept in CACHE_PATH/renders/.

A page's key is the sha256 of everything site-wide (theme, plugins, settings, options, and every
content file but the bodies of the Markdown files: titles, names, dates, rooms… that menus and
lists show), the content problems, its output name and template, and the bodies it reads. The
page of one entity (a news item, a page, a speaker, a session…, in the default language) reads
its own file's body and those of the entities linked to it (plugins/event/dependencies.py).
Any other page (lists, the programme, a page with its own template, a translation) reads the
bodies its last render read, and those the build read before it (eventsite/bodyreads.py): they are
kept in a trace, under the key trace-<sha256 of the site digest, output name and template>, and the
page is rendered again, and traced again, when one of them changes or there is no trace.
Without a trace of the build's reads (``reads`` None), such a page reads every body. The entry holds the template's output as Jinja rendered it,
before Pelican writes it: Pelican still writes the page and sends content_written, so what
other plugins do with a written page (typography, sitemap, search) is the same as after a render.
Entries and traces are kept in one pack file per build (eventsite/packstore.py): a build that ends
well keeps those it used, found or made, and the older packs go; one that does not, or during
which an input changed (forget_made), leaves the last build's pack as it was.

A part of a page rendered apart (the programme's days: plugins/event/dayfragments.py) is kept the
same way (render_fragment): keyed on the site digest, "<output name>#<part>", its template and the
bodies its last render read (its own trace); a part reused adds those bodies to the page's reads.

When the build writes into the site of an earlier build (``output``) and the page file there
still holds the page of the same key (eventsite/writtenpages.py), the page is left in place: not
rendered, not written, and content_written carries LEFT_IN_PLACE in its context, so that no
handler works on it again (typography: it is already typeset).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pelican.utils import sanitised_join

from .bodyreads import BodyReads
from .packstore import PackStore
from .safepaths import real_file
from .writtenpages import Logged, WrittenPages

RENDERS_FOLDER = "renders"
TRACE_PREFIX = "trace-"
# The keyword arguments of write_file that name the one content item a page is about.
ITEM_KEYS = ("article", "page", "speaker", "theme", "track")
CHANNEL_MARK = "content_problem"  # set on the log record of a problem already in the channel (plugins/event/channel.py)
# The documented context key (docs/architecture.md) that content_written carries, true, for a page
# file left in place: it already holds the page, as every handler left it after an earlier build.
LEFT_IN_PLACE = "page_left_in_place"


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.logged: list[Logged] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.logged.append((record.name, record.levelno, record.getMessage(), bool(getattr(record, CHANNEL_MARK, False))))


@contextmanager
def recorded_warnings() -> Iterator[list[Logged]]:
    """The warnings and errors logged inside the block (a render's warnings are told again when it is reused)."""
    recorder = _Recorder()
    root = logging.getLogger()
    root.addHandler(recorder)
    try:
        yield recorder.logged
    finally:
        root.removeHandler(recorder)


def log_again(logged: list[Logged]) -> None:
    """Log again what a render logged, from the same loggers, so that a reused page reports what its render did."""
    for name, level, text, marked in logged:
        logging.getLogger(name).log(level, "%s", text, extra={CHANNEL_MARK: True} if marked else None)


@dataclass
class RenderMemo:
    """The reusable renders of one build: its site-wide digest, each content body's digest, each file's dependencies."""

    folder: Path
    site: str  # sha256 of every input but the content bodies, and of the content problems
    bodies: Mapping[str, str]  # content file → sha256 of its body
    # Content file → the content files its page reads: given by the event plugin's writer, from the linked model.
    dependencies: Mapping[str, frozenset[str]] | None = None
    reused: int = 0
    rendered: int = 0
    output: str | None = None  # the folder the pages are written to, when it may hold an earlier build's pages
    written: WrittenPages | None = None  # which render each page file of the last builds holds
    kept: set[str] = field(default_factory=set)  # page files of OUTPUT left in place by this build
    leaving: set[str] = field(default_factory=set)  # page files to leave in place at their next opening
    pending: list[tuple[str, str, list[Logged]]] = field(default_factory=list)  # (page file, key, what its render logged) of the current write_file
    body_reads: BodyReads | None = None  # the bodies this build reads, by render: given, "every body" pages are traced
    folders: dict[str, str] = field(default_factory=dict)  # content folders resolved by reads(), each once (safepaths.real_file)
    fragments_reused: int = 0  # parts of pages (the programme's days) reused, and rendered (render_fragment)
    fragments_rendered: int = 0

    def __post_init__(self) -> None:
        self.every_body = hashlib.sha256("\n".join(f"{p} {d}" for p, d in sorted(self.bodies.items())).encode()).hexdigest()
        self.store = PackStore(self.folder)  # the renders and traces the last build used, and this build's

    def reads(self, kwargs: Mapping[str, Any]) -> frozenset[str] | None:
        """The content files a page written with KWARGS reads, or None when it may read any of them."""
        edition = kwargs.get("edition")
        if edition is not None and not getattr(edition, "default", False):
            return None  # a translated page: its texts come from files the map does not name
        for name in ITEM_KEYS:
            item = kwargs.get(name)
            if getattr(item, "template", None) not in (None, getattr(item, "default_template", None)):
                return None  # a page with its own template (Template: home) may show any other item's text
            for owner in (getattr(item, "source", None), item):  # an event entity's file is its Pelican page's
                source = getattr(owner, "source_path", None)
                if isinstance(source, str) and os.path.isabs(source):
                    dependencies = self.dependencies or {}
                    if source in dependencies:  # a key is a path with its links resolved: SOURCE is its own realpath
                        return dependencies[source]
                    own = real_file(source, self.folders)
                    return dependencies.get(own, frozenset({own}))
        return None

    def key(self, output_file: str, template: str, reads: frozenset[str] | None) -> str:
        """The key of the page OUTPUT_FILE rendered with TEMPLATE, reading the bodies of READS (None: every body)."""
        digest = hashlib.sha256(f"{self.site}\0{output_file}\0{template}\0".encode())
        if reads is None:
            digest.update(self.every_body.encode())
        else:
            for path in sorted(reads):
                digest.update(f"{path} {self.body_digest(path)}\0".encode())
        return digest.hexdigest()

    def body_digest(self, path: str) -> str:
        """The digest of the body of the content file PATH (as given or links resolved), "absent" when it has none."""
        found = self.bodies.get(path)
        if found is None:
            found = self.bodies.get(os.path.realpath(path), "absent")
        return found

    def trace_key(self, output_file: str, template: str) -> str:
        """The key of the bodies read by the last render of OUTPUT_FILE with TEMPLATE, for this site digest."""
        return TRACE_PREFIX + hashlib.sha256(f"{self.site}\0{output_file}\0{template}".encode()).hexdigest()

    def traced_reads(self, output_file: str, template: str) -> frozenset[str] | None:
        """The bodies the last render of OUTPUT_FILE with TEMPLATE read, kept for the next build too; None without a trace."""
        data = self.store.get(self.trace_key(output_file, template))
        try:
            read = json.loads(data) if data is not None else None
        except ValueError:
            return None
        if not isinstance(read, list) or not all(isinstance(p, str) for p in read):
            return None
        return frozenset(read)

    def keep_trace(self, output_file: str, template: str, read: frozenset[str]) -> None:
        """Keep the bodies READ by the render of OUTPUT_FILE with TEMPLATE (a trace that cannot be written only costs speed)."""
        self.store.keep(self.trace_key(output_file, template), json.dumps(sorted(read), ensure_ascii=False).encode("utf-8"))

    def wrap(self, template: Any, kwargs: Mapping[str, Any]) -> MemoTemplate:
        """TEMPLATE, rendered from the memo when the page's key has an entry."""
        return MemoTemplate(template, self, self.reads(kwargs))

    def render_traced(self, template: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> tuple[str, list[Logged], frozenset[str] | None]:
        """TEMPLATE rendered now, what it logged, and the bodies it read with those the build read before (None: untraced)."""
        if self.body_reads is None:
            with recorded_warnings() as logged:
                return template.render(*args, **kwargs), logged, None
        with self.body_reads.render() as read, recorded_warnings() as logged:
            text = template.render(*args, **kwargs)
        return text, logged, frozenset(read)

    def render_and_keep(self, template: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any], output_file: str,
                        reads: frozenset[str] | None, traced: bool) -> tuple[str, str, list[Logged]]:
        """TEMPLATE rendered now for OUTPUT_FILE and kept: its text, its key (on READS, or on what it read when TRACED), what it logged."""
        name = str(getattr(template, "name", ""))
        text, logged, read = self.render_traced(template, args, kwargs)
        if traced and read is not None:
            self.keep_trace(output_file, name, read)
            reads = read
        key = self.key(output_file, name, reads)
        self.keep(key, text, logged)
        return text, key, logged

    def render_fragment(self, template: Any, values: Mapping[str, Any], ident: str) -> str:
        """TEMPLATE rendered with VALUES as a part (IDENT) of the page being rendered, or the same part kept by an earlier build.

        A part is keyed as an "every body" page is, on the bodies its last render read (its trace),
        under the name "<output file>#<IDENT>": an edit renders again the parts that read the
        edited body only. A part reused tells the page's trace the bodies it read, and logs again
        what its render logged, as if it had been rendered.
        """
        slot = f"{values.get('output_file', '')}#{ident}"
        name = str(getattr(template, "name", ""))
        reads, traced = self.page_reads(slot, name, None)
        if reads is not None or not traced:
            kept = self.reuse(self.key(slot, name, reads))
            if kept is not None:
                if reads is not None and self.body_reads is not None:
                    self.body_reads.note_paths(reads)
                self.fragments_reused += 1
                return kept[0]
        self.fragments_rendered += 1
        return self.render_and_keep(template, (values,), {}, slot, reads, traced)[0]

    def load(self, key: str) -> tuple[str, list[Logged]] | None:
        """The render kept under KEY and what it logged, kept for the next build too; None when there is none."""
        data = self.store.get(key)
        if data is None:
            return None
        head, _, text = data.partition(b"\n")
        logged = _logged(head)
        try:
            return (text.decode("utf-8"), logged) if logged is not None else None
        except UnicodeDecodeError:
            return None

    def reuse(self, key: str) -> tuple[str, list[Logged]] | None:
        """The render kept under KEY, its warnings logged again as if it had been rendered now; None when there is none."""
        kept = self.load(key)
        if kept is not None:
            log_again(kept[1])
        return kept

    def logged_by(self, key: str) -> list[Logged] | None:
        """What the render kept under KEY logged, the render kept for the next build too; None when there is none."""
        data = self.store.get(key)
        return _logged(data.partition(b"\n")[0]) if data is not None else None

    def leaves_pages(self) -> bool:
        """Whether any page file of the output may be left in place: an earlier build's record names some."""
        return self.output is not None and self.written is not None and self.written.holds_any()

    def page_file(self, output_file: str) -> str | None:
        """Where the page OUTPUT_FILE is written (as Pelican's writer joins it), None when pages are never left in place."""
        if self.output is None or self.written is None or not output_file:
            return None
        try:
            return sanitised_join(self.output, output_file)
        except RuntimeError:  # outside the output: Pelican refuses it when it writes
            return None

    def leave_in_place(self, path: str, key: str) -> list[Logged] | None:
        """What the render of KEY logged when the page file PATH already holds its page (logged again, PATH noted as kept); else None.

        The record of written pages says what the render logged; an older record does not, and the
        render's entry is read. Either way the entry must still be there (it is kept for the next build).
        """
        if self.written is None or not self.written.holds(path, key):
            return None
        logged = self.written.logged_by(key)
        if logged is None:
            logged = self.logged_by(key)
        elif not self.store.carry(key):
            logged = None
        if logged is None:
            return None
        log_again(logged)
        self.kept.add(path)
        self.leaving.add(path)
        return logged

    def page_reads(self, output_file: str, template_name: str, reads: frozenset[str] | None) -> tuple[frozenset[str] | None, bool]:
        """The bodies the page OUTPUT_FILE keys on (READS, or its trace for an "every body" page) and whether they are traced."""
        traced = reads is None and self.body_reads is not None  # an "every body" page, keyed on what it read last time
        return (self.traced_reads(output_file, template_name) if traced else reads), traced

    def left_page(self, output_file: str, template_name: str, reads: frozenset[str] | None) -> str | None:
        """The page file of OUTPUT_FILE when it already holds this page (READS as given to MemoTemplate), noted as left in place; else None.

        Decided before anything is rendered or written: its render's warnings are logged again, and
        the file is recorded as holding the page once the current write_file ends (note_written).
        """
        path = self.page_file(output_file)
        if path is None:
            return None
        reads, traced = self.page_reads(output_file, template_name, reads)
        if reads is None and traced:  # no trace yet: the page is rendered, and traced
            return None
        return path if self.leave_page(path, self.key(output_file, template_name, reads)) else None

    def leave_page(self, path: str, key: str) -> bool:
        """Whether the page file PATH, holding the page of KEY, is left in place (then counted, and recorded once written)."""
        logged = self.leave_in_place(path, key)
        if logged is None:
            return False
        self.pending.append((path, key, logged))
        self.reused += 1
        return True

    def note_written(self) -> None:
        """Record the page files the current write_file wrote or left in place, with their keys (once they are typeset)."""
        if self.written is not None:
            for path, key, logged in self.pending:
                self.written.note(path, key, logged)
        self.pending.clear()

    def kept_below(self, folder: str) -> set[str]:
        """The page files left in place, relative to FOLDER."""
        return {os.path.relpath(path, folder) for path in self.kept}

    def keep(self, key: str, text: str, logged: list[Logged]) -> None:
        """Keep TEXT and what its render LOGGED under KEY, in this build's pack."""
        self.store.keep(key, (json.dumps(logged, ensure_ascii=False) + "\n" + text).encode("utf-8"))

    def close(self) -> None:
        """Write what this build kept so far and close the files read (kept for prune or forget_made)."""
        self.store.close()

    def forget_made(self) -> None:
        """Forget what this build kept (its renders may not be what their keys say): the last build's pack stays."""
        self.store.discard()

    def prune(self) -> int:
        """Keep what this build used, found or made, for the next one, and delete the rest; return how many files went."""
        return self.store.finish(stray=_old_layout)


class MemoTemplate:
    """A Jinja template whose render comes from the memo when the page's inputs did not change."""

    def __init__(self, template: Any, memo: RenderMemo, reads: frozenset[str] | None) -> None:
        self.template = template
        self.memo = memo
        self.reads = reads

    def __getattr__(self, name: str) -> Any:
        return getattr(self.template, name)

    def render(self, *args: Any, **kwargs: Any) -> str:
        """The page's text: the memo's, or rendered now and kept."""
        memo = self.memo
        context = args[0] if args and isinstance(args[0], Mapping) else kwargs
        output_file = str(context.get("output_file", ""))
        name = str(getattr(self.template, "name", ""))
        reads, traced = memo.page_reads(output_file, name, self.reads)
        path = memo.page_file(output_file)
        if reads is not None or not traced:
            key = memo.key(output_file, name, reads)
            if path is not None and isinstance(context, dict) and memo.leave_page(path, key):
                context[LEFT_IN_PLACE] = True
                return ""
            kept = memo.reuse(key)
            if kept is not None:
                text, logged = kept
                if path is not None:
                    memo.pending.append((path, key, logged))
                memo.reused += 1
                return text
        text, key, logged = memo.render_and_keep(self.template, args, kwargs, output_file, reads, traced)
        if path is not None:
            memo.pending.append((path, key, logged))
        memo.rendered += 1
        return text


def _old_layout(name: str) -> bool:
    """Whether NAME is an entry or a trace of the memo's first layout (one file each), deleted by the next build."""
    return name.endswith(".html") or name.startswith(TRACE_PREFIX) and name.endswith(".json")


def _logged(head: bytes) -> list[Logged] | None:
    """What a kept render logged, from the first line of its entry; None when it is not one."""
    try:
        return [(str(n), int(lv), str(t), bool(m)) for n, lv, t, m in json.loads(head)]
    except (UnicodeDecodeError, ValueError, TypeError):
        return None


def memo_folder(settings: Mapping[str, Any]) -> Path:
    """Where the renders are kept: CACHE_PATH/renders."""
    return Path(settings["CACHE_PATH"]) / RENDERS_FOLDER
