"""Article URL canonicalisation."""

import pytest

from app.articles.urls import canonical_url


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("HTTPS://WWW.Example.COM/News/Story", "https://www.example.com/News/Story"),
        ("https://example.com/a/", "https://example.com/a"),
        ("https://example.com/", "https://example.com"),
        ("https://example.com", "https://example.com"),
        ("https://example.com/a#comments", "https://example.com/a"),
        ("https://example.com/a?utm_source=x&utm_medium=y&id=7", "https://example.com/a?id=7"),
        ("https://example.com/a?fbclid=abc&gclid=def", "https://example.com/a"),
        ("https://example.com/a?UTM_Campaign=x&page=2", "https://example.com/a?page=2"),
        ("https://example.com/a?b=2&a=1", "https://example.com/a?b=2&a=1"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("  https://example.com/a  ", "https://example.com/a"),
        ("https://bücher.example/a", "https://xn--bcher-kva.example/a"),
    ],
)
def test_canonical_forms(raw: str, canonical: str) -> None:
    assert canonical_url(raw) == canonical


@pytest.mark.parametrize(
    "raw",
    [
        "javascript:alert(1)",
        "ftp://example.com/file",
        "mailto:news@example.com",
        "//example.com/a",
        "/relative/path",
        "https://user:secret@example.com/a",
        "https://user@example.com/a",
        "https:///no-host",
        "https://example.com:99999/a",
        "https://exa mple.com/a",
        "https://example.com/a\nb",
        "hTtp://L.*",
        "https://exa_mple.com/a",
        "https://[::1]/a",
    ],
)
def test_non_web_addresses_are_refused(raw: str) -> None:
    with pytest.raises(ValueError, match="URL"):
        canonical_url(raw)


def test_canonical_form_is_never_longer_than_an_ascii_input() -> None:
    raw = "HTTP://A.Example:80/?" + "x" * 990 + "&utm_source=feed&" + "y" * 960
    assert len(raw) <= 2000
    assert canonical_url(raw) == "http://a.example?" + "x" * 990 + "&" + "y" * 960


def test_an_internationalised_host_that_grows_past_the_limit_is_refused() -> None:
    raw = "https://" + ".".join(["ü" * 50] * 38)
    assert len(raw) <= 2000
    with pytest.raises(ValueError, match="longer than 2000"):
        canonical_url(raw)
