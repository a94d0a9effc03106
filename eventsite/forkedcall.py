"""One function computed by a forked process while the build goes on, its result handed back once asked for.

For work the build needs only later and that reads files without changing anything (the event
plugin's placeholder scan, while the content is read): the second core does it beside the build's
reader. The child is a fork (the same modules, settings and records); it sends its result
pickled, or nothing if the function failed, and then the build computes it itself, so that its
errors and problems are told as they always are. A thread of the build's process receives the
result as soon as it is sent, so the child ends once its function is done, whether the build asks
for the result or not (a build that failed before asking never leaves it blocked on a full pipe);
a build that fails first may stop it at once (cancel).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
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
        self.found: tuple[bool, Any] = (False, None)
        context = multiprocessing.get_context("fork")
        receiving, sending = context.Pipe(duplex=False)
        self.process = context.Process(target=_call, args=(function, arguments, sending), name="forked-call", daemon=True)
        self.process.start()
        sending.close()
        self.receiver = threading.Thread(target=self._receive, args=(receiving,), name="forked-call-result", daemon=True)
        self.receiver.start()

    def _receive(self, results: Connection) -> None:
        """In the receiving thread: keep what the child sends (nothing when it died before sending)."""
        try:
            self.found = results.recv()
        except (EOFError, OSError):
            pass
        finally:
            results.close()

    def result(self) -> Any:
        """The function's result: the child's, or computed here when the child sent none."""
        self.receiver.join()
        self.process.join()
        done, value = self.found
        return value if done else self.function(*self.arguments)

    def cancel(self) -> None:
        """Stop the child at once (its result is not wanted)."""
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        self.receiver.join()  # the child's end is closed: the thread reads to the end and stops


def forked_call(function: Callable[..., Any], *arguments: Any) -> ForkedCall | None:
    """A ForkedCall of FUNCTION(*ARGUMENTS) where processes can be forked and a second core waits, else None (call it then)."""
    if os.name != "posix" or (os.cpu_count() or 1) < 2:
        return None
    return ForkedCall(function, *arguments)
