"""Keeps webhook URLs from being turned against the city's own network.

A receiver's host must resolve only to public addresses: loopback, private, shared,
link-local (the cloud metadata address 169.254.169.254), multicast, reserved and
unspecified addresses are refused — when an endpoint is saved, and again before every
attempt, whose connection then goes to the very address that was checked (a changed DNS
answer cannot slip in between). ``WEBHOOK_ALLOWED_PRIVATE_HOSTS`` names the exceptions."""

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _


class AddressRefused(Exception):
    """The URL may not be called; the message says why, for the admin and the attempt log."""


class AddressUnresolved(Exception):
    """The host name does not resolve (now): worth trying again later."""


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str
    port: int
    path: str
    addresses: tuple[str, ...]

    @property
    def host_header(self) -> str:
        default = 443 if self.scheme == "https" else 80
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == default else f"{host}:{self.port}"


def _allowed_hosts() -> set[str]:
    return {host.strip().lower() for host in settings.WEBHOOK_ALLOWED_PRIVATE_HOSTS if host.strip()}


def is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def split_url(url: str) -> tuple[str, str, int, str]:
    """``(scheme, host, port, path with query)``; refuses what is not a plain http(s) URL."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise AddressRefused(_("This is not a valid URL.")) from error
    if parts.scheme not in ("http", "https"):
        raise AddressRefused(_("Only http:// and https:// URLs can receive webhooks."))
    if not parts.hostname:
        raise AddressRefused(_("The URL has no host name."))
    if parts.username or parts.password:
        raise AddressRefused(_("Put no user name or password in the URL; the signature authenticates Greenlight."))
    port = port or (443 if parts.scheme == "https" else 80)
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    return parts.scheme, parts.hostname.lower(), port, path


def resolve(url: str) -> Target:
    """The URL's target with the addresses to connect to, each checked. Raises
    ``AddressRefused`` or ``AddressUnresolved``."""
    scheme, host, port, path = split_url(url)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise AddressUnresolved(_("The host name %(host)s does not resolve.") % {"host": host}) from error
    addresses = tuple(dict.fromkeys(info[4][0] for info in infos))
    allowed = _allowed_hosts()
    if host not in allowed:
        for address in addresses:
            if not is_public_address(address) and address.lower() not in allowed:
                raise AddressRefused(
                    _(
                        "%(host)s resolves to %(address)s, a private or reserved address; "
                        "webhooks only go to public addresses."
                    )
                    % {"host": host, "address": address}
                )
    return Target(scheme=scheme, host=host, port=port, path=path, addresses=addresses)


def check_url(url: str) -> None:
    """For forms: refuse a URL that is malformed or resolves to a private or reserved address.
    A host that does not resolve yet is accepted; every delivery checks again."""
    try:
        resolve(url)
    except AddressUnresolved:
        return
