"""By default every server listens on the loopback interface only: nothing is reachable from the network until
a deployer says so (BOT_HOST, ACTION_HOST). Read from the kernel's socket table; no traffic is sent."""

from __future__ import annotations

import ipaddress
from pathlib import Path

from tests.security.conftest import LoggedBot

LISTEN = "0A"


def listening_addresses(port: int) -> set[str]:
    """The local addresses of the TCP sockets listening on `port` (IPv4 and IPv6)."""
    addresses = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address_hex, port_hex = local.split(":")
            if state == LISTEN and int(port_hex, 16) == port:
                addresses.add(str(decode_address(address_hex)))
    return addresses


def decode_address(address_hex: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """/proc/net shows each 32-bit word of an address in the machine's (little-endian) byte order."""
    words = [bytes.fromhex(address_hex[i : i + 8])[::-1] for i in range(0, len(address_hex), 8)]
    packed = b"".join(words)
    return ipaddress.IPv4Address(packed) if len(packed) == 4 else ipaddress.IPv6Address(packed)


def test_the_action_server_listens_on_the_loopback_only(logged_bot: LoggedBot) -> None:
    assert listening_addresses(logged_bot.bot.settings.action_port) == {"127.0.0.1"}


def test_rasa_listens_on_the_loopback_only(logged_bot: LoggedBot) -> None:
    assert listening_addresses(logged_bot.bot.settings.rasa_port) == {"127.0.0.1"}


def test_the_socket_table_is_read_correctly() -> None:
    assert str(decode_address("0100007F")) == "127.0.0.1"
    assert str(decode_address("00000000")) == "0.0.0.0"
    assert str(decode_address("00000000000000000000000001000000")) == "::1"
