"""The commands an author types, spelt for this system as docs/installation.md writes them."""

from __future__ import annotations

import os


def invoke_command(task: str, windows: bool = os.name == "nt") -> str:
    """The command line for the invoke TASK: .venv/bin/invoke on Linux and macOS, .venv\\Scripts\\invoke on Windows."""
    return (r".venv\Scripts\invoke " if windows else ".venv/bin/invoke ") + task
