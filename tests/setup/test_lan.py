"""`invoke preview --lan`: which address the preview listens on, and what it tells the author."""

from __future__ import annotations

import ipaddress
import sys

import pytest

import tasks
from eventsite.lan import LOOPBACK, bind_address, local_network_address


def test_the_default_is_loopback_only() -> None:
    """Without --lan the preview listens on 127.0.0.1 and never looks for another address."""

    def must_not_be_called() -> str:
        raise AssertionError("the local network address was looked up without --lan")

    choice = bind_address(lan=False, find_address=must_not_be_called)
    assert (choice.host, choice.warning, choice.error) == (LOOPBACK, "", "")


def test_lan_uses_the_local_network_address_and_warns_in_french() -> None:
    """With --lan the preview listens on the machine's local network address and says who can read it."""
    choice = bind_address(lan=True, find_address=lambda: "192.168.1.23")
    assert choice.host == "192.168.1.23" and not choice.error
    assert "toute personne connectée à ce réseau local peut lire l'aperçu" in choice.warning


@pytest.mark.parametrize("found", [None, "127.0.1.1", "0.0.0.0", "8.8.8.8"])
def test_lan_refuses_when_there_is_no_local_network(found: str | None) -> None:
    """No network, a loopback or a public address: a French error, and nothing is opened beyond loopback."""
    choice = bind_address(lan=True, find_address=lambda: found)
    assert choice.host == LOOPBACK and choice.error and not choice.warning


def test_the_real_lookup_gives_a_usable_address_or_none() -> None:
    """The lookup asks the routing table (a UDP socket that sends nothing): an IPv4 address or None."""
    found = local_network_address()
    assert found is None or ipaddress.ip_address(found).version == 4


def test_invoke_preview_passes_lan_through(monkeypatch: pytest.MonkeyPatch) -> None:
    """`invoke preview --lan` runs `python -m eventsite preview --lan`, as one argument list (no shell)."""
    calls: list[tuple[str, ...]] = []
    monkeypatch.setattr(tasks, "python", lambda *args: calls.append(args))
    tasks.preview.body(None, port=8001, lan=True)
    tasks.preview.body(None)
    assert calls[0][:3] == ("-m", "eventsite", "preview") and calls[0][-1] == "--lan" and "8001" in calls[0]
    assert "--lan" not in calls[1] and "8000" in calls[1]
