"""A real JSON-LD processor (pyld), offline: schema.org's context is read from tests/data."""

import json
from functools import cache
from pathlib import Path
from typing import Any

from pyld import jsonld

DATA = Path(__file__).resolve().parent.parent / "data" / "schemaorg"
SCHEMA = "http://schema.org/"
_CONTEXT_URLS = {
    "https://schema.org",
    "http://schema.org",
    "https://schema.org/docs/jsonldcontext.jsonld",
    "http://schema.org/docs/jsonldcontext.jsonld",
}


@cache
def _context() -> dict[str, Any]:
    context: dict[str, Any] = json.loads((DATA / "schemaorgcontext.jsonld").read_text())
    return context


@cache
def vocabulary() -> dict[str, Any]:
    vocab: dict[str, Any] = json.loads((DATA / "vocabulary.json").read_text())
    return vocab


def offline_loader(url: str, options: Any = None) -> dict[str, Any]:
    if url.rstrip("/") not in _CONTEXT_URLS:
        raise AssertionError(f"the test must not fetch {url}")
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": _context(),
    }


def expand(document: Any) -> list[dict[str, Any]]:
    """The document in JSON-LD expanded form (raises on invalid JSON-LD)."""
    expanded: list[dict[str, Any]] = jsonld.expand(document, {"documentLoader": offline_loader})
    return expanded


def supertypes(name: str) -> set[str]:
    """A schema.org type and every type it inherits from."""
    found = {name}
    for parent in vocabulary()["types"].get(name, {}).get("subTypeOf", []):
        found |= supertypes(parent)
    return found


def check_node(node: dict[str, Any], path: str = "$") -> list[str]:
    """Problems with an expanded node: unknown properties, or properties not of its type."""
    problems = []
    types = [t.removeprefix(SCHEMA) for t in node.get("@type", [])]
    inherited = set().union(*(supertypes(t) for t in types)) if types else {"Thing"}
    for key, values in node.items():
        if key.startswith("@"):
            continue
        if not key.startswith(SCHEMA):
            problems.append(f"{path}: {key} is not a schema.org term")
            continue
        name = key.removeprefix(SCHEMA)
        spec = vocabulary()["properties"].get(name)
        if spec is None:
            problems.append(f"{path}: {name} is not a property the vocabulary extract knows")
        elif not inherited & set(spec["domainIncludes"]):
            problems.append(f"{path}: {name} is not a property of {types or ['Thing']}")
        for i, value in enumerate(values):
            if isinstance(value, dict) and "@value" not in value and "@id" not in value:
                problems.extend(check_node(value, f"{path}.{name}[{i}]"))
    return problems


def values(node: dict[str, Any], name: str) -> list[Any]:
    """Plain values (strings, numbers, IRIs) of an expanded property."""
    out = []
    for value in node.get(SCHEMA + name, []):
        out.append(
            value.get("@value", value.get("@id", value)) if isinstance(value, dict) else value
        )
    return out
