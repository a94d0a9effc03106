"""The Unicode collation table (pyuca's DUCET) prepared once at setup, as the project's bytecode is.

pyuca reads its ``allkeys`` text file and builds a trie of 30,000 entries each time a process
first sorts a name: 0.12 s of every build that sorts the speakers, on the build's own process
while it links the content. ``scripts/setup.py`` runs ``python -m eventsite.collationtable``,
which writes the same table as one dictionary (code points → collation elements) with
``marshal`` into the virtual environment (``share/eventsite/``): loaded in 0.02 s. The file
names the ``allkeys`` file it was made from (its size and modification time): when pyuca
changes, or when the file is missing or unreadable, the collator is pyuca's own, as before.
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path
from typing import Any

from pyuca import Collator

from .atomicfile import write_bytes

FORMAT = 1
TABLE_FILE = Path(sys.prefix) / "share" / "eventsite" / "uca-table.marshal"

Entries = dict[tuple[int, ...], tuple[list[int], ...]]  # code points → collation elements


class FlatTable:
    """pyuca's Trie as one dictionary: find_prefix gives what Trie.find_prefix gives."""

    __slots__ = ("entries", "longest")

    def __init__(self, entries: Entries) -> None:
        self.entries = entries
        self.longest = max((len(key) for key in entries), default=0)

    def find_prefix(self, key: list[int]) -> tuple[list[int], Any, list[int]]:
        """The longest start of KEY the table holds, its collation elements and the rest of KEY (([], None, KEY) if none)."""
        for length in range(min(len(key), self.longest), 0, -1):
            value = self.entries.get(tuple(key[:length]))
            if value:
                return key[:length], value, key[length:]
        return key[:0], None, key[0:]


def source_file() -> Path:
    """The allkeys file pyuca's default Collator reads."""
    return Path(sys.modules[Collator.__module__].__file__ or "").parent / f"allkeys-{Collator.UCA_VERSION}.txt"


def source_stamp() -> list[Any]:
    """What says which allkeys file a table was made from: format, UCA version, its size and modification time."""
    found = os.stat(source_file())
    return [FORMAT, Collator.UCA_VERSION, found.st_size, found.st_mtime_ns]


def table_entries(collator: Collator) -> Entries:
    """Every entry of COLLATOR's trie: code points → collation elements."""
    entries: Entries = {}
    waiting = [((), collator.table.root)]
    while waiting:
        key, node = waiting.pop()
        if node.value:
            entries[key] = tuple(node.value)
        for part, child in (node.children or {}).items():
            waiting.append(((*key, part), child))
    return entries


def write_table(path: Path = TABLE_FILE) -> Path:
    """Build pyuca's table and write it to PATH (whole or not at all); return PATH."""
    collator = Collator()
    write_bytes(path, marshal.dumps([source_stamp(), collator.implicit_weights, table_entries(collator)]))
    return path


def prepared_collator(path: Path = TABLE_FILE) -> Collator | None:
    """pyuca's default Collator with the table read from PATH; None when PATH is missing, damaged or made from another allkeys."""
    try:
        stamp, implicit_weights, entries = marshal.loads(path.read_bytes())
        if stamp != source_stamp() or not isinstance(entries, dict) or not isinstance(implicit_weights, list):
            return None
    except (OSError, ValueError, EOFError, TypeError):
        return None
    collator = Collator.__new__(Collator)  # pyuca's __init__ would read the allkeys file
    collator.table = FlatTable(entries)
    collator.implicit_weights = implicit_weights
    return collator


def main(argv: list[str] | None = None) -> int:
    """python -m eventsite.collationtable [FILE]: write the prepared table into this Python's environment (or FILE)."""
    arguments = sys.argv[1:] if argv is None else argv
    target = Path(arguments[0]) if arguments else TABLE_FILE
    try:
        print(f"Table de tri Unicode préparée : {write_table(target)}")
    except OSError as error:  # only speed is lost: the builds read pyuca's own table
        print(f"Remarque : table de tri Unicode non préparée dans {target.parent} ({error.strerror or error}) ; "
              "les noms seront triés de la même façon, un peu plus lentement.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
