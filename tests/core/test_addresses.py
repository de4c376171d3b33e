"""The client's address (vahti.core.addresses): X-Forwarded-For is believed only as far
as the configured proxies wrote it, read from the right."""

import ipaddress
import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from vahti.core.addresses import address_group, client_address
from vahti.env import Env, trusted_proxies


def address(remote: str, forwarded: str | None = None) -> str:
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().get("/", **headers))


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = 0
    assert address("192.0.2.1", "198.51.100.1") == "192.0.2.1"


def test_a_number_of_proxies_takes_that_entry_from_the_right(settings):
    settings.TRUSTED_PROXIES = 1
    # The client wrote the first entry itself; the proxy appended the real address.
    assert address("10.0.0.2", "6.6.6.6, 198.51.100.1") == "198.51.100.1"
    settings.TRUSTED_PROXIES = 2
    assert address("10.0.0.2", "6.6.6.6, 198.51.100.1, 10.0.0.3") == "198.51.100.1"
    # Fewer entries than proxies: the request did not come through them all.
    assert address("10.0.0.2", "198.51.100.1") == "10.0.0.2"
    assert address("10.0.0.2") == "10.0.0.2"
    # A proxy on a Unix socket leaves no REMOTE_ADDR.
    settings.TRUSTED_PROXIES = 1
    assert address("", "198.51.100.1") == "198.51.100.1"


def test_listed_proxies_are_skipped_from_the_right_and_only_theirs_is_believed(settings):
    settings.TRUSTED_PROXIES = trusted_proxies("10.0.0.0/8, 2001:db8::1")
    assert address("10.0.0.2", "6.6.6.6, 198.51.100.1, 10.1.1.1") == "198.51.100.1"
    assert address("2001:db8::1", "[2001:db8:1::5]:443") == "2001:db8:1::5"
    assert address("10.0.0.2", "198.51.100.1:5555") == "198.51.100.1"
    # Straight from a client that is no proxy: its header is its own invention.
    assert address("192.0.2.50", "198.51.100.1") == "192.0.2.50"
    # Garbage beyond the trusted hops: the last address known stands.
    assert address("10.0.0.2", "<script>, 10.0.0.3") == "10.0.0.3"


def test_ipv6_clients_are_counted_by_their_64_network():
    assert address_group("2001:db8:1:2:aaaa::1") == "2001:db8:1:2::/64"
    assert address_group("192.0.2.1") == "192.0.2.1"


def test_the_setting_names_what_is_wrong():
    assert trusted_proxies("") == 0
    assert trusted_proxies("1") == 1
    assert trusted_proxies("10.0.0.5, 2001:db8::/64") == (
        ipaddress.ip_network("10.0.0.5/32"),
        ipaddress.ip_network("2001:db8::/64"),
    )
    with pytest.raises(ImproperlyConfigured, match="'nginx' is neither an address nor a network"):
        Env({"TRUSTED_PROXIES": "10.0.0.5,nginx"}).proxies("TRUSTED_PROXIES")
    with pytest.raises(ImproperlyConfigured, match=r"'10\.0\.0\.1/8'.*host bits set"):
        trusted_proxies("10.0.0.1/8")
    with pytest.raises(ImproperlyConfigured, match="empty item"):
        trusted_proxies("10.0.0.5,,10.0.0.6")
    with pytest.raises(ImproperlyConfigured, match="at most 10"):
        trusted_proxies("50")


def test_a_tls_proxy_without_trusted_proxies_is_refused_at_start_up():
    environ = {
        **os.environ,
        "DEBUG": "true",
        "BEHIND_TLS_PROXY": "true",
        "DJANGO_SETTINGS_MODULE": "vahti.settings",
    }
    environ.pop("TRUSTED_PROXIES", None)
    run = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=environ,
        capture_output=True,
        text=True,
    )
    assert run.returncode != 0
    assert "BEHIND_TLS_PROXY is on but TRUSTED_PROXIES is not set" in run.stderr
    environ["TRUSTED_PROXIES"] = "1"
    run = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=environ,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
