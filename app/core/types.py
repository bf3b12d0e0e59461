"""Validated field types shared by several domains (slugs, countries, language tags, text)."""

import re
from collections.abc import Callable
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from typing import Annotated
from typing import Any

import orjson
from pydantic import AfterValidator
from pydantic import AwareDatetime
from pydantic import BaseModel
from pydantic import BeforeValidator
from pydantic import ConfigDict
from pydantic import Field
from pydantic import StringConstraints
from pydantic import WithJsonSchema

from app.core.countries import ISO_3166_ALPHA2


class Schema(BaseModel):
    """A body that is no table: what SQLModel's non-table models are (pydantic, read from
    attributes too), without SQLModel's per-instance table bookkeeping, which made building
    one about four times slower. For the bodies the ingest path reads and answers by the
    thousand (app/ingest/models.py, app/matching/models.py)."""

    model_config = ConfigDict(from_attributes=True)


SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

# BCP 47 well-formedness (RFC 5646 "langtag", without the rare grandfathered forms):
# language[-script][-region](-variant)*(-extension)*[-privateuse]
_BCP47 = re.compile(
    r"^(?P<language>[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})"
    r"(?:-(?P<script>[A-Za-z]{4}))?"
    r"(?:-(?P<region>[A-Za-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"
    r"(?:-[xX](?:-[A-Za-z0-9]{1,8})+)?$"
)
# The same grammar without named groups, for the OpenAPI schema (ECMAScript regex).
BCP47_PATTERN = (
    r"^(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})"
    r"(?:-[A-Za-z]{4})?"
    r"(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"
    r"(?:-[xX](?:-[A-Za-z0-9]{1,8})+)?$"
)
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
# What the domain validator accepts, in ASCII (it also takes internationalised names).
DOMAIN_PATTERN = rf"^(?:{_LABEL}\.)+[A-Za-z][A-Za-z0-9-]{{0,61}}[A-Za-z0-9]\.?$"
_HOSTNAME = re.compile(
    r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$"
)


# Types whose OpenAPI schema is a component of its own (`#/components/schemas/<name>`), so that
# generated clients get one named type (an enum, a constrained string) wherever it is used;
# app/core/contract.py adds the referenced ones to the document.
NAMED_SCHEMAS: dict[str, dict[str, Any]] = {}


NAMED_SCHEMA_KEY = "x-named-schema"
# Response schemas whose absent values are left out rather than sent as null (JSON-LD): the
# contract does not mark all of their fields required (app/core/contract.py).
SPARSE_SCHEMAS: set[str] = set()


def named_schema(name: str, schema: dict[str, Any]) -> WithJsonSchema:
    """A `WithJsonSchema` standing for the component `name`, registered with `schema`.

    It marks the place (`{"x-named-schema": name}`, which app/core/contract.py turns into a
    `$ref`) rather than holding a `$ref` itself, which pydantic would try to resolve."""
    NAMED_SCHEMAS[name] = schema
    return WithJsonSchema({NAMED_SCHEMA_KEY: name})


def _strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def _country(value: str) -> str:
    code = value.upper()
    if code not in ISO_3166_ALPHA2 or value not in (code, code.lower()):
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code")
    return code


def _language(value: str) -> str:
    match = _BCP47.match(value)
    if match is None:
        raise ValueError(f"{value!r} is not a well-formed BCP 47 language tag")
    # Canonical case: language lower, script title, region upper (en-Latn-GB).
    parts = value.split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha() and match.group("script") == part:
            out.append(part.title())
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


def _domain(value: str) -> str:
    # "www." is a serving detail, not part of an outlet's identity.
    host = value.lower().rstrip(".").removeprefix("www.")
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise ValueError(f"{value!r} is not a valid domain name") from exc
    if not _HOSTNAME.match(host):
        raise ValueError(f"{value!r} is not a domain name (expected e.g. reuters.com)")
    return host


# Whitespace as Python's str.split() and ECMAScript's \s both see it, so that "not blank" means
# the same in the validator and in the OpenAPI schema (a pattern, checked by clients).
# Invisible formatting characters (zero-width, bidi controls, soft hyphen) count as blank too:
# a name made only of them shows as nothing.
_INVISIBLE = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
_BLANK = (
    "\t\n\v\f\r \x1c-\x1f\x85\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
    + _INVISIBLE
)
NOT_BLANK_PATTERN = f"[^{_BLANK}]"
_NOT_BLANK = re.compile(NOT_BLANK_PATTERN)
# Characters that never change what a text says but split its words for matching and
# de-duplication ("hel\u200blo" is "hello"): removed on input. Joiners and bidi marks stay,
# since some scripts and emoji need them.
_ZERO_WIDTH = re.compile("[\u00ad\u180e\u200b\u2060\ufeff]")


def _not_blank(value: str) -> str:
    if value.isascii():
        # The same answer without the two regexes (most text): no zero-width character is
        # ASCII, and the ASCII characters of _BLANK are exactly those str.split() splits on.
        words = value.split()
        if not words:
            raise ValueError("must not be blank")
        return " ".join(words)
    if not _NOT_BLANK.search(value):
        raise ValueError("must not be blank")
    return " ".join(_ZERO_WIDTH.sub("", value).split())


def _text(max_length: int) -> Any:
    return Annotated[
        str,
        StringConstraints(min_length=1, max_length=max_length),
        AfterValidator(_not_blank),
        WithJsonSchema(
            {
                "type": "string",
                "minLength": 1,
                "maxLength": max_length,
                "pattern": NOT_BLANK_PATTERN,
                "description": "Whitespace runs are collapsed to one space; never blank.",
            }
        ),
    ]


def _stripped(
    *,
    min_length: int,
    max_length: int,
    pattern: str | None = None,
    check: Callable[[str], str] | None = None,
    schema: WithJsonSchema | None = None,
) -> Any:
    """A string whose surrounding spaces are forgiven, within these bounds, then `check`ed.

    BeforeValidator last: it runs first (surrounding spaces are forgiven) and the constraints,
    pattern included, still appear in the OpenAPI schema (unless `schema` replaces it).
    """
    metadata: list[Any] = [
        StringConstraints(min_length=min_length, max_length=max_length, pattern=pattern)
    ]
    if check is not None:
        metadata.append(AfterValidator(check))
    metadata.append(BeforeValidator(_strip))
    if schema is not None:
        metadata.append(schema)
    return Annotated[str, *metadata]


Slug = _stripped(min_length=1, max_length=64, pattern=SLUG_PATTERN)
CountryCode = _stripped(
    min_length=2,
    max_length=2,
    check=_country,
    # Upper case only: the lower-case spellings are accepted too (and returned upper case), but
    # an enum listing both makes client generators emit duplicate members (`AD` and `ad`).
    schema=named_schema(
        "CountryCode",
        {
            "type": "string",
            "description": "ISO 3166-1 alpha-2 country code (sent in lower case, it is accepted "
            "and returned upper case).",
            "enum": sorted(ISO_3166_ALPHA2),
        },
    ),
)
LanguageTag = _stripped(min_length=2, max_length=35, pattern=BCP47_PATTERN, check=_language)
Domain = _stripped(
    min_length=3,
    max_length=253,
    check=_domain,
    schema=WithJsonSchema(
        {"type": "string", "minLength": 3, "maxLength": 253, "pattern": DOMAIN_PATTERN}
    ),
)

# Free text that is shown on one line: whitespace runs collapsed, never blank.
ShortText = _text(200)
# Who made a claim: a name, or a long description of one ("A post shared by ... about ...").
Claimant = _text(500)
Title = _text(1000)
ClaimText = _text(2000)


# Control characters other than tab, line feed and carriage return (app/core/middleware.py
# refuses them in every JSON body; this refuses them where a body is not parsed by FastAPI).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


# How orjson writes those characters: escaped, as \b, \f or \u00XX. A match may also be an
# escaped backslash before a "b", "f" or "u00.."; then the strings are looked at one by one.
_ESCAPED_CONTROL = re.compile(rb"\\(?:[bf]|u00(?:0[0-8bcef]|1[0-9a-f]))", re.IGNORECASE)


def reject_control_characters(document: Any) -> Any:
    """A before-validator for a whole document: ValueError if any string in it (keys included)
    holds a control character; PostgreSQL cannot store NUL, and none of them is text."""
    try:
        # One pass of orjson over the document and one search of its text, instead of a
        # search per string (about a fifth of an ingest line's validation): a document whose
        # JSON text shows none of them escaped holds none.
        if not _ESCAPED_CONTROL.search(orjson.dumps(document)):
            return document
    except TypeError:  # not JSON (a key that is not a string, an object orjson cannot write)
        pass
    pending = [document]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            if _CONTROL.search(value):
                raise ValueError(
                    "text must not contain NUL (U+0000) or other control characters "
                    "(U+0001 to U+001F but tab, line feed and carriage return)"
                )
        elif isinstance(value, dict):
            pending.extend(value.keys())
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return document


def reject_null(*fields: str) -> Callable[[Any], Any]:
    """An after-validator for update models: these fields may be omitted but not set to null."""

    def check(model: Any) -> Any:
        for name in fields:
            if name in model.model_fields_set and getattr(model, name) is None:
                raise ValueError(f"{name} cannot be null")
        return model

    return check


# Database ids are 32-bit; anything outside is rejected before it reaches SQL.
MAX_ID = 2**31 - 1


def _json_number(value: Any) -> Any:
    # Lax validation reads true/false as 1/0 and "5" as 5; a JSON body's number is a number.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("must be a number")
    return value


def json_number(kind: type[int] | type[float], **bounds: float) -> Any:
    """An integer or number of a request body, within `bounds` (ge, le): a JSON number (for an
    integer, 5.0 counts, as JSON Schema says), never a boolean or a string. The bounds come
    before the check so that the schema shows them (minimum, maximum) wherever it is used."""
    return Annotated[kind, Field(**bounds), BeforeValidator(_json_number)]  # type: ignore[call-overload]


BodyId = json_number(int, ge=1, le=MAX_ID)  # an id in a request body

_NUMBER = re.compile(r"^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$")


def _not_a_number(value: object) -> object:
    # pydantic would read 1716973200 or "0.5" as a Unix time; the API documents (and takes)
    # only RFC 3339 text, so a number is an error rather than a date in 1970.
    if isinstance(value, int | float) or (isinstance(value, str) and _NUMBER.match(value)):
        raise ValueError("expected an RFC 3339 date or date-time text, not a number")
    return value


# The calendar the service takes instants from. Outside it nothing real happened (no article
# before 1800) and the arithmetic done on instants (offsets to UTC, copy-detection windows,
# timeline buckets) would leave the range `datetime` can hold: 422, never a 500.
EARLIEST = datetime(1800, 1, 1, tzinfo=UTC)
LATEST = datetime(3000, 1, 1, tzinfo=UTC)
# How far ahead of the server's clock a publication time may be (time zones, clock skew).
PUBLISHED_LEEWAY = timedelta(days=1)


def check_instant(value: datetime, latest: datetime = LATEST) -> datetime:
    """`value` in UTC if it lies in [EARLIEST, latest), else ValueError (never OverflowError).

    Comparing aware datetimes never overflows, so the bounds are checked before the value is
    moved to UTC (which, at 9999-12-31T23:59:59-14:00, would).
    """
    if not EARLIEST <= value < latest:
        raise ValueError(
            f"must be at or after {EARLIEST.isoformat()} and before {latest.isoformat()}"
        )
    return value.astimezone(UTC)


def check_date(value: date) -> date:
    """`value` if it lies in the calendar the service takes instants from, else ValueError."""
    if not EARLIEST.date() <= value < LATEST.date():
        raise ValueError(
            f"must be on or after {EARLIEST.date().isoformat()} and before "
            f"{LATEST.date().isoformat()}"
        )
    return value


def _published(value: datetime) -> datetime:
    return check_instant(value, min(LATEST, datetime.now(UTC) + PUBLISHED_LEEWAY))


def _instant_schema(description: str) -> Any:
    return WithJsonSchema({"type": "string", "format": "date-time", "description": description})


# An instant given with an offset (naive datetimes are refused), converted to UTC on input,
# between 1800-01-01 and 3000-01-01 (query bounds: `since`, `until`).
UTCInstant = Annotated[
    AwareDatetime,
    AfterValidator(check_instant),
    BeforeValidator(_not_a_number),
]
# When an article was published: an instant as above, at most a day after the server's now.
PublishedAt = Annotated[
    AwareDatetime,
    AfterValidator(_published),
    BeforeValidator(_not_a_number),
    _instant_schema(
        "RFC 3339 with an offset or Z; on or after 1800-01-01 and at most one day after now."
    ),
]
# A calendar date, as YYYY-MM-DD text, between 1800-01-01 and 2999-12-31.
CalendarDate = Annotated[date, AfterValidator(check_date), BeforeValidator(_not_a_number)]


def _end_of_day(value: object) -> object:
    # A bare date means "as of that day": its last instant, UTC, so the whole day is included.
    if isinstance(value, str) and len(value.strip()) == 10:
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            return value
        return datetime.combine(day, time.max, tzinfo=UTC)
    return value


# An instant (RFC 3339 with an offset), or a date YYYY-MM-DD meaning the end of that UTC day,
# between 1800-01-01 and 3000-01-01.
PointInTime = Annotated[
    AwareDatetime,
    BeforeValidator(_end_of_day),
    AfterValidator(check_instant),
    BeforeValidator(_not_a_number),
]
