"""Fail when the OpenAPI document would break an existing client without a version bump.

    .venv/bin/python scripts/openapi_breaking.py [BASELINE [CURRENT]]

BASELINE (default openapi/baseline.json) is the contract as last released; CURRENT (default
openapi/openapi.json) the one the app serves now. A change is breaking when a client generated
from the baseline (openapi-typescript, openapi-python-client) could stop compiling or start
failing on the new one:

- an operation removed, or its operationId changed (the generated function's name);
- a public operation that now needs a key;
- a parameter removed, a new required one, an optional one made required, a parameter's type
  changed or an enum value it took removed;
- a request body: newly required, a media type removed, a new required property, a property
  removed from a closed object, a property's type changed, an enum value removed, null no
  longer accepted;
- a success response: its status or media type removed, a property removed or no longer
  required, a property's type changed, null now possible where it was not, an enum value
  added (generated Python enums refuse values they do not know);
- a component schema removed or renamed (the generated type's name).

Breaking changes pass only with a breaking version bump of `info.version` (the major version,
or the minor one while the major is 0); then copy the new document over the baseline. No
oasdiff here: it is not packaged on PyPI, npm or Debian.
"""

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "openapi" / "baseline.json"
CURRENT = ROOT / "openapi" / "openapi.json"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
REQUEST, RESPONSE = "request", "response"


def breaking_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Every change from `old` to `new` that breaks a client, one sentence each."""
    found = [
        f"schema {name}: removed or renamed"
        for name in sorted(_components(old).keys() - _components(new).keys())
    ]
    new_operations = dict(_operations(new))
    for key, before in _operations(old):
        label = f"{key[0].upper()} {key[1]}"
        after = new_operations.get(key)
        if after is None:
            found.append(f"{label}: operation removed")
            continue
        found += _operation(label, before, after, old, new)
    return found


def breaking_allowed(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """True when `info.version` went up by a breaking step (major; minor while major is 0)."""
    before, after = _version(old), _version(new)
    if after[0] != before[0]:
        return after[0] > before[0]
    return after[0] == 0 and after[1] > before[1]


def _version(schema: dict[str, Any]) -> tuple[int, int]:
    parts = str(schema.get("info", {}).get("version", "0.0")).split(".")
    numbers = [int(part) if part.isdigit() else 0 for part in [*parts, "0", "0"][:2]]
    return numbers[0], numbers[1]


def _components(schema: dict[str, Any]) -> dict[str, Any]:
    return schema.get("components", {}).get("schemas", {})


def _operations(schema: dict[str, Any]) -> Iterator[tuple[tuple[str, str], dict[str, Any]]]:
    for path, item in schema.get("paths", {}).items():
        for method, operation in item.items():
            if method in METHODS:
                yield (method, path), operation


def _operation(
    label: str,
    before: dict[str, Any],
    after: dict[str, Any],
    old: dict[str, Any],
    new: dict[str, Any],
) -> list[str]:
    found = []
    if before.get("operationId") != after.get("operationId"):
        found.append(
            f"{label}: operationId {before.get('operationId')} became {after.get('operationId')}"
        )
    if not before.get("security") and after.get("security"):
        found.append(f"{label}: now needs a key")
    found += _parameters(label, before, after, old, new)
    found += _request_body(label, before, after, old, new)
    for status, answer in before.get("responses", {}).items():
        if not status.startswith("2"):
            continue
        later = after.get("responses", {}).get(status)
        if later is None:
            found.append(f"{label}: response {status} removed")
            continue
        for media, content in answer.get("content", {}).items():
            if media not in later.get("content", {}):
                found.append(f"{label}: response {status} {media} removed")
                continue
            found += _schema(
                f"{label} response {status}",
                content.get("schema", {}),
                later["content"][media].get("schema", {}),
                old,
                new,
                RESPONSE,
                set(),
            )
    return found


def _parameters(
    label: str,
    before: dict[str, Any],
    after: dict[str, Any],
    old: dict[str, Any],
    new: dict[str, Any],
) -> list[str]:
    found = []
    old_params = {(p["in"], p["name"]): p for p in before.get("parameters", [])}
    new_params = {(p["in"], p["name"]): p for p in after.get("parameters", [])}
    for key, parameter in old_params.items():
        where = f"{label} {key[0]} parameter {key[1]}"
        later = new_params.get(key)
        if later is None:
            found.append(f"{where}: removed")
            continue
        if later.get("required") and not parameter.get("required"):
            found.append(f"{where}: now required")
        # A query, path or header value is text: it never was JSON null, so dropping null from
        # a parameter's schema breaks nobody.
        before_schema, _ = _split_null(parameter.get("schema", {}))
        after_schema, _ = _split_null(later.get("schema", {}))
        found += _schema(where, before_schema, after_schema, old, new, REQUEST, set())
    for key, parameter in new_params.items():
        if key not in old_params and parameter.get("required"):
            found.append(f"{label} {key[0]} parameter {key[1]}: new and required")
    return found


def _request_body(
    label: str,
    before: dict[str, Any],
    after: dict[str, Any],
    old: dict[str, Any],
    new: dict[str, Any],
) -> list[str]:
    body, later = before.get("requestBody"), after.get("requestBody")
    if body is None:
        return (
            [f"{label}: a request body is now required"] if later and later.get("required") else []
        )
    if later is None:
        return []  # a body the server no longer reads does not break a client that sends it
    found = []
    if later.get("required") and not body.get("required"):
        found.append(f"{label}: the request body is now required")
    for media, content in body.get("content", {}).items():
        if media not in later.get("content", {}):
            found.append(f"{label}: request body {media} removed")
            continue
        found += _schema(
            f"{label} request body",
            content.get("schema", {}),
            later["content"][media].get("schema", {}),
            old,
            new,
            REQUEST,
            set(),
        )
    return found


def _resolve(schema: dict[str, Any], document: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    ref = schema.get("$ref")
    if not isinstance(ref, str) or not ref.startswith("#/components/schemas/"):
        return schema, None
    name = ref.rsplit("/", 1)[1]
    target = _components(document).get(name, {})
    merged = {**target, **{key: value for key, value in schema.items() if key != "$ref"}}
    return merged, name


def _split_null(schema: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """(the schema without null, whether null is allowed)."""
    variants = schema.get("anyOf") or schema.get("oneOf")
    if variants and {"type": "null"} in variants:
        rest = [variant for variant in variants if variant != {"type": "null"}]
        base = {key: value for key, value in schema.items() if key not in ("anyOf", "oneOf")}
        return (rest[0] | base if len(rest) == 1 else base | {"anyOf": rest}), True
    kind = schema.get("type")
    if isinstance(kind, list) and "null" in kind:
        others = [item for item in kind if item != "null"]
        return {**schema, "type": others[0] if len(others) == 1 else others}, True
    return schema, False


def _schema(
    where: str,
    before: dict[str, Any],
    after: dict[str, Any],
    old: dict[str, Any],
    new: dict[str, Any],
    direction: str,
    seen: set[tuple[str | None, str | None]],
) -> list[str]:
    before, old_ref = _resolve(before, old)
    after, new_ref = _resolve(after, new)
    if old_ref is not None or new_ref is not None:
        if (old_ref, new_ref) in seen:
            return []
        seen = seen | {(old_ref, new_ref)}
    before, old_null = _split_null(before)
    after, new_null = _split_null(after)
    before, _ = _resolve(before, old)
    after, _ = _resolve(after, new)
    found = []
    if direction == REQUEST and old_null and not new_null:
        found.append(f"{where}: null no longer accepted")
    if direction == RESPONSE and new_null and not old_null:
        found.append(f"{where}: may now be null")
    old_type, new_type = before.get("type"), after.get("type")
    if old_type and new_type and old_type != new_type:
        return [*found, f"{where}: type {old_type} became {new_type}"]
    old_enum, new_enum = before.get("enum"), after.get("enum")
    if old_enum is not None and new_enum is not None:
        if direction == REQUEST:
            found += _values(where, "removed", [v for v in old_enum if v not in new_enum])
        else:
            found += _values(where, "added", [v for v in new_enum if v not in old_enum])
    elif direction == REQUEST and old_enum is None and new_enum is not None:
        found.append(f"{where}: now limited to {len(new_enum)} values")
    if "items" in before and "items" in after:
        found += _schema(f"{where}[]", before["items"], after["items"], old, new, direction, seen)
    found += _properties(where, before, after, old, new, direction, seen)
    return found


def _values(where: str, change: str, values: list[Any]) -> list[str]:
    if not values:
        return []
    shown = ", ".join(repr(value) for value in values[:5]) + (", ..." if len(values) > 5 else "")
    return [f"{where}: {len(values)} enum value(s) {change}: {shown}"]


def _properties(
    where: str,
    before: dict[str, Any],
    after: dict[str, Any],
    old: dict[str, Any],
    new: dict[str, Any],
    direction: str,
    seen: set[tuple[str | None, str | None]],
) -> list[str]:
    old_props, new_props = before.get("properties", {}), after.get("properties", {})
    old_required, new_required = set(before.get("required", [])), set(after.get("required", []))
    found = []
    if direction == REQUEST:
        found += [
            f"{where}.{name}: new required property" for name in sorted(new_required - old_required)
        ]
        if after.get("additionalProperties") is False:
            found += [
                f"{where}.{name}: property removed" for name in old_props if name not in new_props
            ]
    else:
        for name in old_props:
            if name not in new_props:
                found.append(f"{where}.{name}: property removed")
            elif name in old_required and name not in new_required:
                found.append(f"{where}.{name}: no longer always present")
    for name in old_props.keys() & new_props.keys():
        found += _schema(
            f"{where}.{name}", old_props[name], new_props[name], old, new, direction, seen
        )
    return found


def main(argv: list[str]) -> int:
    baseline = Path(argv[0]) if argv else BASELINE
    current = Path(argv[1]) if len(argv) > 1 else CURRENT
    old = json.loads(baseline.read_text(encoding="utf-8"))
    new = json.loads(current.read_text(encoding="utf-8"))
    changes = breaking_changes(old, new)
    versions = f"{old.get('info', {}).get('version')} -> {new.get('info', {}).get('version')}"
    if not changes:
        print(f"no breaking change from {baseline.name} to {current.name} ({versions})")
        return 0
    for change in changes:
        print(f"  {change}")
    if breaking_allowed(old, new):
        print(
            f"{len(changes)} breaking changes, allowed by the version bump {versions}: "
            f"copy {current.name} over {baseline.name} when the version is released"
        )
        return 0
    print(
        f"{len(changes)} breaking changes without a breaking version bump ({versions}): "
        "keep the contract compatible, or bump info.version (app/__init__.py)",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
