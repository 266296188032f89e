"""What `samenspel serve` prints, and the public address setting."""

from __future__ import annotations

import ipaddress

import pytest
from starlette.testclient import TestClient

from server.addresses import banner, lan_addresses
from server.app import create_app
from server.settings import Settings, public_origin


def test_listening_on_the_network_prints_the_room_addresses():
    """HOST=0.0.0.0: the addresses phones on the same network can open are listed, with the port."""
    text = banner(Settings(host="0.0.0.0", port=8123), lan=["192.168.1.23", "10.0.0.5"])
    assert "http://127.0.0.1:8123" in text
    assert "http://192.168.1.23:8123" in text and "http://10.0.0.5:8123" in text
    assert "SAMENSPEL_PUBLIC_URL" in text  # the hint for a proxy


def test_listening_on_loopback_says_how_to_let_phones_in():
    """The default 127.0.0.1 is reachable from this computer only, and the banner says what to run instead."""
    text = banner(Settings(host="127.0.0.1", port=8000), lan=["192.168.1.23"])
    assert "192.168.1.23" not in text
    assert "make run HOST=0.0.0.0" in text


def test_the_public_address_is_printed_when_set():
    text = banner(Settings.from_env(host="0.0.0.0", public_url="https://Samenspel.Example.org/"), lan=[])
    assert "https://samenspel.example.org" in text and "QR" in text


def test_this_machines_addresses_are_usable_ipv4_addresses():
    """Whatever the interfaces are, no loopback or link-local address is offered to people."""
    for text in lan_addresses():
        ip = ipaddress.IPv4Address(text)
        assert not ip.is_loopback and not ip.is_link_local


def test_a_public_url_is_an_origin_and_may_not_have_a_path():
    """The client's pages, API and websocket live at the root of the host: a path prefix would break them."""
    assert public_origin("https://samenspel.example.org/") == "https://samenspel.example.org"
    assert public_origin("http://10.0.0.5:8000") == "http://10.0.0.5:8000"
    for bad in ("samenspel.example.org", "ftp://x.org", "https://x.org/samenspel", "https://x.org/?a=1"):
        with pytest.raises(ValueError):
            public_origin(bad)


def test_the_public_origin_may_open_the_websocket():
    """Behind a proxy the browser's Origin is the public address, whatever Host the proxy forwards."""
    settings = Settings.from_env(public_url="https://samenspel.example.org")
    assert "https://samenspel.example.org" in settings.allowed_origins


def test_a_page_opened_on_loopback_gets_links_to_the_room_address(tmp_path):
    """Listening on every interface, a facilitator who opened http://127.0.0.1 still gets a join link
    and QR code phones can open; a page opened on the room address keeps its own."""
    settings = Settings(data_dir=tmp_path, host="0.0.0.0", room_url="http://192.168.1.23:8000")
    with TestClient(create_app(settings), base_url="http://127.0.0.1:8000") as local:
        created = local.post("/api/sessions", json={}).json()
        page = local.get("/").text
    assert created["join_url"] == f"http://192.168.1.23:8000/j/{created['join_code']}"
    assert '<meta name="samenspel-public-url" content="http://192.168.1.23:8000">' in page
    with TestClient(create_app(settings), base_url="http://10.1.2.3:8000") as other:
        created = other.post("/api/sessions", json={}).json()
        assert "samenspel-public-url" not in other.get("/").text
    assert created["join_url"] == f"http://10.1.2.3:8000/j/{created['join_code']}"
