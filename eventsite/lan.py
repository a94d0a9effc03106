"""Which address the preview listens on: 127.0.0.1, or the local network's address with --lan."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass

LOOPBACK = "127.0.0.1"
# A documentation address (TEST-NET-1, RFC 5737): connecting a UDP socket to it sends no packet,
# it only asks the system which local address its route would leave from.
ROUTE_PROBE = ("192.0.2.1", 9)


@dataclass(frozen=True)
class BindChoice:
    """The address to listen on, and the French warning or error to print."""

    host: str
    warning: str = ""
    error: str = ""


def local_network_address() -> str | None:
    """This machine's address on its local network (IPv4), or None when it has none; sends nothing."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(ROUTE_PROBE)
            return str(probe.getsockname()[0])
        except OSError:
            return None


def bind_address(*, lan: bool, find_address: Callable[[], str | None] = local_network_address) -> BindChoice:
    """Loopback by default; with LAN, the local network's address and a warning (or an error if there is none)."""
    if not lan:
        return BindChoice(LOOPBACK)
    address = find_address()
    ip = ipaddress.ip_address(address) if address else None
    if ip is None or ip.is_loopback or ip.is_unspecified:
        return BindChoice(LOOPBACK, error=(
            "Aucun réseau local trouvé : l'aperçu ne peut pas être partagé.\n"
            "  → Connectez l'ordinateur au réseau (Wi-Fi ou câble), ou lancez « invoke preview » sans --lan."
        ))
    if ip.is_global:
        return BindChoice(LOOPBACK, error=(
            f"L'adresse de cet ordinateur ({address}) est publique : avec --lan, tout Internet pourrait lire l'aperçu.\n"
            "  → Lancez « invoke preview » sans --lan, ou depuis un ordinateur sur un réseau local."
        ))
    return BindChoice(str(ip), warning=(
        "Attention : avec --lan, toute personne connectée à ce réseau local peut lire l'aperçu "
        "(le site en préparation, problèmes de contenu compris).\n"
        "  → N'utilisez --lan que sur un réseau de confiance, et arrêtez l'aperçu (Ctrl+C) après la relecture."
    ))
