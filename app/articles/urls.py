"""Article URL canonicalisation: one article, one URL, however it was shared."""

import re
from urllib.parse import unquote_plus
from urllib.parse import urlsplit
from urllib.parse import urlunsplit

MAX_URL_LENGTH = 2000
_TRACKING_PARAMS = frozenset({"fbclid", "gclid"})
_DEFAULT_PORTS = {"http": 80, "https": 443}
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
# What canonical_url accepts, in ASCII and without surrounding spaces, for the OpenAPI schema:
# http(s), a host, an optional port, then anything but spaces and control characters.
URL_PATTERN = (
    rf"^[Hh][Tt][Tt][Pp][Ss]?://(?:{_LABEL}\.)*{_LABEL}\.?"
    r"(?::(?:(?!0+(?![0-9]))[0-9]{1,4}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?"
    r"(?:[/?#][^\x00-\x20\x7f]*)?$"
)


# A host name once IDNA-encoded and lower-cased: what URL_PATTERN states (found by schemathesis:
# the IDNA codec lets `*` and `_` through).
_HOST = re.compile(rf"(?:{_LABEL.lower()}\.)*{_LABEL.lower()}")


def _is_tracking(key: str) -> bool:
    return key.startswith("utm_") or key in _TRACKING_PARAMS


def canonical_url(raw: str) -> str:
    """The canonical form of an article URL, or ValueError when it is not a web address.

    Lower-case scheme and host, no default port, no fragment, no `utm_*`/`fbclid`/`gclid`
    parameters, no trailing slash. Only http(s); URLs carrying credentials are refused.
    """
    value = raw.strip()
    if _CONTROL.search(value):
        raise ValueError("URL must not contain spaces or control characters")
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise ValueError("URL must be an absolute http or https address")
    if parts.username is not None or parts.password is not None:
        raise ValueError("URL must not carry credentials")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise ValueError("URL must have a host")
    try:
        host = host.encode("idna").decode("ascii").lower()
        port = parts.port
    except (UnicodeError, ValueError) as exc:
        raise ValueError("URL has an invalid host or port") from exc
    if not _HOST.fullmatch(host):
        raise ValueError("URL has an invalid host (letters, digits, hyphens and dots only)")
    if port == 0:
        raise ValueError("URL has port 0, which no server listens on")
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    # The query is kept as given, less tracking parameters: re-encoding it could change what
    # it means (`+` or `%20`, `?a` or `?a=`) and make the URL longer than what was accepted.
    query = "&".join(
        pair
        for pair in parts.query.split("&")
        if pair and not _is_tracking(unquote_plus(pair.split("=", 1)[0]).lower())
    )
    path = parts.path.rstrip("/")
    canonical = urlunsplit((scheme, netloc, path, query, ""))
    # Only an internationalised host can make the canonical form longer; it must still fit.
    if len(canonical) > MAX_URL_LENGTH:
        raise ValueError(f"URL is longer than {MAX_URL_LENGTH} characters once canonicalised")
    return canonical
