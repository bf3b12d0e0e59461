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
