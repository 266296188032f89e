"""Where people can reach this server: printed by ``samenspel serve`` so a facilitator knows what to share.

The addresses come from this machine's network interfaces (nothing is sent anywhere to find them).
"""

from __future__ import annotations

import array
import fcntl
import ipaddress
import socket
import struct

from server.settings import Settings

_SIOCGIFCONF = 0x8912  # Linux: the IPv4 address of every interface that has one
_IFREQ_SIZE = 40  # sizeof(struct ifreq) on 64-bit Linux


def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses other than loopback and link-local (169.254.x.x), in interface order."""
    found: list[str] = []
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            buf = array.array("B", b"\0" * (_IFREQ_SIZE * 64))
            addr, _ = buf.buffer_info()
            size = struct.unpack("iL", fcntl.ioctl(s.fileno(), _SIOCGIFCONF, struct.pack("iL", len(buf), addr)))[0]
        raw = buf.tobytes()[:size]
        for i in range(0, size, _IFREQ_SIZE):
            found.append(socket.inet_ntoa(raw[i + 20:i + 24]))
    except OSError:  # not Linux, or no interfaces we may list: fall back to the host name
        try:
            found = [info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)]
        except OSError:
            found = []
    usable = []
    for text in found:
        ip = ipaddress.IPv4Address(text)
        if not (ip.is_loopback or ip.is_link_local or ip.is_unspecified) and text not in usable:
            usable.append(text)
    return usable


def _url(host: str, port: int) -> str:
    return f"http://{host}:{port}" if port != 80 else f"http://{host}"


def banner(settings: Settings, lan: list[str] | None = None) -> str:
    """What ``samenspel serve`` prints: the addresses to open and to share, or why phones cannot join."""
    lines = ["Samenspel"]
    host, port = settings.host, settings.port
    everywhere = host in ("0.0.0.0", "::", "")
    local = host in ("127.0.0.1", "localhost", "::1")
    if everywhere or local:
        lines.append(f"  on this computer:  {_url('127.0.0.1', port)}")
    else:
        lines.append(f"  at:                {_url(host, port)}")
    if everywhere:
        addresses = lan_addresses() if lan is None else lan
        for address in addresses:
            lines.append(f"  in the room:       {_url(address, port)}   (phones and laptops on the same network)")
        if not addresses:
            lines.append("  in the room:       no network address found: is this computer on the Wi-Fi?")
    elif local:
        lines.append("  Only this computer can open it. To let phones in the room join, listen on the network:")
        lines.append("  make run HOST=0.0.0.0   (or: samenspel serve --host 0.0.0.0)")
    if settings.public_url:
        lines.append(f"  public address:    {settings.public_url}   (join links and QR codes use it)")
    elif everywhere:
        if settings.room_url:
            lines.append(f"  Join links and QR codes use {settings.room_url} (also when opened on 127.0.0.1).")
        lines.append("  Behind a proxy, set SAMENSPEL_PUBLIC_URL (or --public-url) to the address people use.")
    return "\n".join(lines)
