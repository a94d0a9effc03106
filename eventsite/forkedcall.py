"""One function computed by a forked process while the build goes on, its result handed back once asked for.

For work the build needs only later and that reads files without changing anything (the event
plugin's placeholder scan, while the content is read): the second core does it beside the build's
reader. The child is a fork (the same modules, settings and records); it sends its result
pickled, or nothing if the function failed, and then the build computes it itself, so that its
errors and problems are told as they always are. A child whose build was killed ends with it.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any


def _call(function: Callable[..., Any], arguments: tuple[Any, ...], results: Connection) -> None:
    """In the child: FUNCTION(*ARGUMENTS), sent as (True, result); (False, None) if it raised."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build's to handle
    try:
        found = (True, function(*arguments))
    except Exception:  # computed again by the build, which reports the error
        found = (False, None)
    try:
        results.send(found)
    except (OSError, ValueError):  # the build is gone or stopped waiting
        pass
    finally:
        results.close()


class ForkedCall:
    """FUNCTION(*ARGUMENTS) computed by a forked child; result() waits for it, or computes it here if the child failed."""

    def __init__(self, function: Callable[..., Any], *arguments: Any) -> None:
        self.function, self.arguments = function, arguments
        context = multiprocessing.get_context("fork")
        receiving, sending = context.Pipe(duplex=False)
        self.results = receiving
        self.process = context.Process(target=_call, args=(function, arguments, sending), name="forked-call", daemon=True)
        self.process.start()
        sending.close()

    def result(self) -> Any:
        """The function's result: the child's, or computed here when the child sent none."""
        try:
            done, value = self.results.recv()
        except (EOFError, OSError):  # the child died before sending
            done, value = False, None
        finally:
            self.results.close()
            self.process.join()
        return value if done else self.function(*self.arguments)

    def cancel(self) -> None:
        """Stop the child at once (its result is not wanted)."""
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        self.results.close()


def forked_call(function: Callable[..., Any], *arguments: Any) -> ForkedCall | None:
    """A ForkedCall of FUNCTION(*ARGUMENTS) where processes can be forked and a second core waits, else None (call it then)."""
    if os.name != "posix" or (os.cpu_count() or 1) < 2:
        return None
    return ForkedCall(function, *arguments)
