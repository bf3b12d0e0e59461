"""Article URL canonicalisation: one article, one URL, however it was shared."""

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING_PARAMS = frozenset({"fbclid", "gclid"})
_DEFAULT_PORTS = {"http": 80, "https": 443}
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


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
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    query = urlencode(
        [
            (key, val)
            for key, val in parse_qsl(parts.query, keep_blank_values=True)
            if not key.lower().startswith("utm_") and key.lower() not in _TRACKING_PARAMS
        ]
    )
    path = parts.path.rstrip("/")
    return urlunsplit((scheme, netloc, path, query, ""))
