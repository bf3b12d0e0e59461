"""The packages of app/ form a ladder: no two import each other, and `core` imports no domain.

Read from the source (every import statement, at module level or inside a function), so a
new cycle fails here before it turns into an import-order bug. docs/architecture.md draws the
intended direction.
"""

import ast
from collections import defaultdict
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"
# Packages that may import nothing of app/ except the ones listed.
FLOORS = {"core": set(), "tables": {"core"}}


def _module_name(path: Path) -> str:
    parts = path.relative_to(APP.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(path: Path) -> list[tuple[str, int]]:
    """Absolute names of the app modules `path` imports, with the line of each import."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.append((target, node.lineno))
            # `from app import claims` imports the package `app.claims`.
            found += [(f"{target}.{alias.name}", node.lineno) for alias in node.names]
    return sorted({(name, line) for name, line in found if name.startswith("app.")})


def _package(module: str) -> str:
    """The unit a module belongs to: `app.claims.service` -> `claims`, `app.cli` -> `cli`."""
    return module.split(".")[1]


def package_graph() -> dict[str, dict[str, list[str]]]:
    """package -> imported package -> the `file:line` places that import it."""
    known = {_package(_module_name(path)) for path in APP.rglob("*.py") if path.parent != APP}
    known |= {path.stem for path in APP.glob("*.py") if path.stem != "__init__"}
    graph: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for path in sorted(APP.rglob("*.py")):
        if path.parent == APP and path.name == "__init__.py":
            continue
        source = _package(_module_name(path))
        for name, line in _imported(path):
            target = _package(name)
            place = f"{path.relative_to(APP.parent)}:{line}"
            if target != source and target in known and place not in graph[source][target]:
                graph[source][target].append(place)
    return graph


def strongly_connected(graph: dict[str, dict[str, list[str]]]) -> list[list[str]]:
    """Tarjan's algorithm: the groups of packages that reach each other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph.get(node, {}):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_the_walk_sees_the_known_imports() -> None:
    graph = package_graph()
    assert "core" in graph["tables"]
    assert "claims" in graph["outlets"]
    assert "tables" in graph["claims"]
    assert "access" in graph["api"]


def test_no_import_cycle_between_packages() -> None:
    graph = package_graph()
    cycles = [group for group in strongly_connected(graph) if len(group) > 1]
    report = [
        f"{a} -> {b}: {', '.join(graph[a][b])}"
        for group in cycles
        for a in group
        for b in group
        if b in graph[a]
    ]
    assert cycles == [], "packages importing each other:\n" + "\n".join(report)


def test_the_ground_floor_imports_no_domain() -> None:
    graph = package_graph()
    broken = [
        f"{floor} -> {target}: {', '.join(places)}"
        for floor, allowed in FLOORS.items()
        for target, places in graph.get(floor, {}).items()
        if target not in allowed
    ]
    assert broken == []


def test_a_cycle_is_found_when_there_is_one() -> None:
    graph = {"a": {"b": ["x"]}, "b": {"c": ["y"]}, "c": {"a": ["z"]}, "d": {"a": ["w"]}}
    assert sorted(strongly_connected(graph)) == [["a", "b", "c"], ["d"]]


# A sub-package that is one unit declares the modules callers outside it may import
# (`ENTRY_POINTS` in its `__init__.py`); its other modules are private to it.
UNITS = ("app.ingest.credits",)
# Code outside app/ that imports app/ and is held to the same entry points (tests may pin a
# private module's behaviour directly).
CALLERS = [APP.parent / "bench", APP.parent / "migrations"]
LONGEST_MODULE = 600


def _entry_points(unit: str) -> frozenset[str]:
    init = APP.parent.joinpath(*unit.split("."), "__init__.py")
    for node in ast.parse(init.read_text()).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "ENTRY_POINTS" for target in node.targets
        ):
            return frozenset(ast.literal_eval(node.value.args[0]))  # frozenset({...})
    raise AssertionError(f"{init} declares no ENTRY_POINTS")


def private_imports(
    imports: dict[str, list[tuple[str, int]]], unit: str, entry_points: frozenset[str]
) -> list[str]:
    """`file:line -> module` for each import, from outside `unit`, of a module of `unit` that is
    not one of its entry points (`imports`: file -> the app modules it imports, with lines)."""
    depth = len(unit.split("."))
    broken: set[str] = set()
    for place, names in imports.items():
        for name, line in names:
            parts = name.split(".")
            if name.startswith(unit + ".") and parts[depth] not in entry_points:
                broken.add(f"{place}:{line} -> {'.'.join(parts[: depth + 1])}")
    return sorted(broken)


def _outside(unit: str) -> dict[str, list[tuple[str, int]]]:
    inside = APP.parent.joinpath(*unit.split("."))
    paths = [*APP.rglob("*.py"), *(path for folder in CALLERS for path in folder.rglob("*.py"))]
    return {
        str(path.relative_to(APP.parent)): _imported(path)
        for path in sorted(paths)
        if inside not in path.parents
    }


def test_units_are_imported_only_through_their_entry_points() -> None:
    broken = [
        entry
        for unit in UNITS
        for entry in private_imports(_outside(unit), unit, _entry_points(unit))
    ]
    assert broken == [], "private modules imported from outside their package:\n" + "\n".join(
        broken
    )


def test_the_entry_point_walk_sees_the_known_imports() -> None:
    imports = _outside("app.ingest.credits")
    assert "app.ingest.credits.reading" in {name for name, _ in imports["app/ingest/service.py"]}
    assert "app.ingest.fingerprints" in {name for name, _ in imports["bench/article_pairs.py"]}
    assert not any(place.startswith("app/ingest/credits/") for place in imports)
    assert _entry_points("app.ingest.credits") >= {"reading", "outlets"}


def test_a_private_import_is_found() -> None:
    imports = {
        "app/a.py": [("app.unit.public", 1), ("app.unit.public.name", 1)],
        "app/b.py": [("app.unit", 2), ("app.unit.private", 2), ("app.unit.private.helper", 3)],
    }
    assert private_imports(imports, "app.unit", frozenset({"public"})) == [
        "app/b.py:2 -> app.unit.private",
        "app/b.py:3 -> app.unit.private",
    ]


def test_no_module_of_a_unit_is_longer_than_the_limit() -> None:
    long = [
        f"{path.relative_to(APP.parent)}: {lines}"
        for unit in UNITS
        for path in sorted(APP.parent.joinpath(*unit.split(".")).rglob("*.py"))
        if (lines := len(path.read_text().splitlines())) > LONGEST_MODULE
    ]
    assert long == []
