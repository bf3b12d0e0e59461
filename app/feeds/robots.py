"""robots.txt, read with protego (the parser Scrapy uses: wildcards, Allow/Disallow by longest
match, Crawl-delay), kept per host in `crawl_host` for CLAIMS_FEEDS_ROBOTS_TTL_SECONDS.

What a robots.txt answer means follows RFC 9309: 2xx is the rules; 4xx (no robots.txt) allows
everything; 5xx or no answer disallows everything until it is read again (a server in trouble
is not a server to crawl).
"""

from protego import Protego

ALLOW_ALL = ""
DISALLOW_ALL = "User-agent: *\nDisallow: /\n"


def rules_for(status: int | None, body: bytes) -> str:
    """The robots.txt text to keep for this answer (see the module docs for 4xx and 5xx)."""
    if status is not None and 200 <= status < 300:
        return body.decode("utf-8", "replace")[:500_000]
    if status is not None and 400 <= status < 500:
        return ALLOW_ALL
    return DISALLOW_ALL


def allowed(rules: str, url: str, user_agent: str) -> bool:
    """Whether robots.txt lets our user agent fetch the URL."""
    if not rules.strip():
        return True
    return bool(Protego.parse(rules).can_fetch(url, _token(user_agent)))


def crawl_delay(rules: str, user_agent: str) -> float | None:
    """The Crawl-delay robots.txt asks of our user agent, if any."""
    if not rules.strip():
        return None
    delay = Protego.parse(rules).crawl_delay(_token(user_agent))
    return float(delay) if delay is not None else None


def _token(user_agent: str) -> str:
    """`CorroborateBot/0.2 (...)` is matched in robots.txt as `CorroborateBot`."""
    return user_agent.split("/", 1)[0].split(" ", 1)[0]
