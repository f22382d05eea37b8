"""Dependencies go one way: no module of bot/ or actions/ imports a module that imports it, directly or through a
longer cycle, and no package of bot/ depends on a package that depends on it.

The graph is read from the source with `ast`, so it holds every import, including those inside functions and
under `if TYPE_CHECKING`. Importing `bot.privacy.database` also runs `bot/privacy/__init__.py` and
`bot/__init__.py`, so it counts as importing those too. A package is a folder under bot/ (with its subfolders),
a module directly under bot/ (`bot/config.py`), or `actions`.
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
ROOTS = ("bot", "actions")
# Modules every package may import, because they import nothing of ours.
LEAF_MODULES = ("bot.config", "bot.intents")
# What the NLU writes is read by these; the NLU must not depend on them, though no cycle would show it.
READERS_OF_THE_NLU = frozenset({"bot.dialogue", "bot.doctor_summary", "actions"})

Graph = Mapping[str, frozenset[str]]


def module_files(project: Path, roots: Iterable[str]) -> dict[str, Path]:
    """Dotted module name -> file, for every .py file under the roots (a package is named by its folder)."""
    modules = {}
    for root in roots:
        for path in sorted((project / root).rglob("*.py")):
            parts = path.relative_to(project).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join(parts)] = path
    return modules


def imported_names(module: str, path: Path) -> set[str]:
    """Every dotted name the module imports, anywhere in it; `from a import b` gives both `a` and `a.b`."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                source = node.module or ""
            names.add(source)
            names.update(f"{source}.{alias.name}" for alias in node.names)
    return names


def ours(name: str, modules: Mapping[str, Path]) -> set[str]:
    """The modules of ours that importing `name` runs: the module itself and every package above it."""
    parts = name.split(".")
    return {".".join(parts[:end]) for end in range(1, len(parts) + 1) if ".".join(parts[:end]) in modules}


def import_graph(project: Path, roots: Iterable[str] = ROOTS) -> dict[str, frozenset[str]]:
    """Module -> the modules of ours it imports (itself excluded)."""
    modules = module_files(project, roots)
    return {
        module: frozenset(
            target
            for name in imported_names(module, path)
            for target in ours(name, modules)
            if target != module
        )
        for module, path in modules.items()
    }


def package_of(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] == "bot" else parts[0]


def package_graph(graph: Graph) -> dict[str, frozenset[str]]:
    """Package -> the other packages its modules import."""
    packages: dict[str, set[str]] = {package_of(module): set() for module in graph}
    for module, targets in graph.items():
        packages[package_of(module)].update(package_of(target) for target in targets)
    return {package: frozenset(targets - {package}) for package, targets in packages.items()}


def cycles(graph: Graph) -> list[list[str]]:
    """One cycle (first node repeated at the end) through each group of nodes that reach each other."""
    found: list[list[str]] = []
    done: set[str] = set()
    for start in sorted(graph):
        if start in done:
            continue
        reachable = _reachable(graph, start)
        group = {node for node in reachable if start in _reachable(graph, node)}
        done.update(group or {start})
        if group:
            found.append(_path_back(graph, start, group))
    return found


def _reachable(graph: Graph, start: str) -> set[str]:
    """The nodes reached from `start` by one edge or more (`start` itself only through a cycle)."""
    seen: set[str] = set()
    stack = list(graph.get(start, ()))
    while stack:
        node = stack.pop()
        if node not in seen:
            seen.add(node)
            stack.extend(graph.get(node, ()))
    return seen


def _path_back(graph: Graph, start: str, group: set[str]) -> list[str]:
    """A shortest path from `start` back to itself inside the group, breadth first."""
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for target in sorted(graph.get(node, ())):
                if target == start:
                    path = [start]
                    while node != start:
                        path.append(node)
                        node = previous[node]
                    return [start, *reversed(path[1:]), start]
                if target in group and target not in previous:
                    previous[target] = node
                    following.append(target)
        frontier = following
    raise AssertionError(f"{start} is in a cycle but no path back was found")


def described(cycle: list[str], graph: Graph, modules: Graph | None = None) -> str:
    """`a -> b -> a`, and for packages which module imports which along each step."""
    text = " -> ".join(cycle)
    if modules is None:
        return text
    steps = [
        f"{module} imports {target}"
        for source, destination in itertools.pairwise(cycle)
        for module, targets in sorted(modules.items())
        if package_of(module) == source
        for target in sorted(targets)
        if package_of(target) == destination
    ]
    return f"{text} ({'; '.join(steps)})"


@pytest.fixture(scope="module")
def graph() -> dict[str, frozenset[str]]:
    return import_graph(PROJECT_ROOT)


def test_the_graph_holds_the_imports_of_bot_and_actions(graph: Graph) -> None:
    assert "bot.config" in graph["bot.server.launcher"]
    assert {"bot.dialogue", "bot.dialogue.restatement"} <= graph["bot.dialogue.emergency_policy"]
    assert "bot.server.launcher" in graph["bot.eval.local_assistant"]


def test_no_module_imports_a_module_that_imports_it(graph: Graph) -> None:
    assert [described(cycle, graph) for cycle in cycles(graph)] == []


def test_no_package_depends_on_a_package_that_depends_on_it(graph: Graph) -> None:
    packages = package_graph(graph)
    assert [described(cycle, packages, graph) for cycle in cycles(packages)] == []


@pytest.mark.parametrize("leaf", LEAF_MODULES)
def test_the_shared_settings_and_names_import_nothing_of_ours(graph: Graph, leaf: str) -> None:
    assert graph[leaf] <= {"bot"}


def test_the_nlu_depends_on_none_of_the_code_that_reads_its_output(graph: Graph) -> None:
    assert package_graph(graph)["bot.nlu"] & READERS_OF_THE_NLU == set()


def test_a_cycle_through_a_function_body_and_a_package_init_is_named(tmp_path: Path) -> None:
    """The checks above can fail: a package whose __init__ imports a module that imports the package back."""
    files = {
        "bot/__init__.py": "",
        "bot/server/__init__.py": "from bot.server import settings\n",
        "bot/server/settings.py": "def purge_days():\n    from ..privacy import purge\n    return purge.DAYS\n",
        "bot/privacy/__init__.py": "",
        "bot/privacy/purge.py": "import bot.server\nDAYS = 30\n",
        "actions/__init__.py": "",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    graph = import_graph(tmp_path)
    assert [described(cycle, graph) for cycle in cycles(graph)] == [
        "bot.privacy.purge -> bot.server -> bot.server.settings -> bot.privacy.purge"
    ]
    packages = package_graph(graph)
    assert [described(cycle, packages, graph) for cycle in cycles(packages)] == [
        "bot.privacy -> bot.server -> bot.privacy (bot.privacy.purge imports bot.server; "
        "bot.server.settings imports bot.privacy; bot.server.settings imports bot.privacy.purge)"
    ]


def test_the_action_server_loads_neither_rasa_nor_tensorflow() -> None:
    # rasa_sdk imports every module of the actions package at start. One import of a Rasa policy module there
    # (for a constant) pulled in Rasa and TensorFlow and took the action server from about 50 to about 500 MiB.
    import subprocess
    import sys

    script = (
        "import importlib, pkgutil, sys\n"
        "import actions\n"
        "for module in pkgutil.walk_packages(actions.__path__, 'actions.'):\n"
        "    importlib.import_module(module.name)\n"
        "print(sorted({name.split('.')[0] for name in sys.modules} & {'rasa', 'tensorflow', 'spacy'}))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(__file__).parents[1],
        capture_output=True,
        text=True,
        check=True,
    )
    assert loaded.stdout.strip() == "[]"
