"""The tree shows the flow: every module of `checker` belongs to one layer, and imports only from
its own layer or the layers below it (no step imports a later one; no import cycle)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "checker"

# Lowest first. A module's layer is that of the longest of these names its dotted name starts with.
LAYERS = [
    ("errors", "resources", "text", "labels"),  # shared utilities: import no step
    ("reference",),  # the checker's knowledge (upper-level targets, vocabularies)
    ("models",),  # the data that crosses steps
    ("load",),
    ("normalize",),
    ("structure",),
    ("coverage",),  # what of the file the plans do not hold: reading notes
    ("classify",),
    ("extract",),
    ("match",),
    ("compare", "against"),  # --against: an upper plan's compared targets become a reference
    ("rules",),
    ("verdict",),  # how well the plan was read weighs the findings; the verdict
    ("accept", "baseline"),  # accepted deviations and baselines: findings marked after the rules
    ("revision",),  # two versions of a plan compared
    ("report",),
    ("pipeline",),
    ("output", "config", "ruleset"),  # where the reports go; what the configuration and flags ask
    ("batch",),  # many files, in worker processes (each writes the reviews of the files it checked)
    ("cli", "__main__"),
]


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(name: str) -> int:
    matches = [(len(n), i) for i, names in enumerate(LAYERS) for n in names if name == n or name.startswith(n + ".")]
    assert matches, f"checker.{name} is in no layer: add it to LAYERS in {Path(__file__).name}"
    return max(matches)[1]


def _imports(path: Path, name: str) -> set[str]:
    """The checker modules that `path` imports (absolute or relative, at any depth in the file)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1] if node.level > 1 else package
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
                if not node.module:  # from . import a, b
                    found.update(f"{target}.{alias.name}".strip(".") for alias in node.names)
                    continue
            elif node.module and node.module.startswith("checker"):
                target = node.module.removeprefix("checker").lstrip(".")
            else:
                continue
            found.add(target)
        elif isinstance(node, ast.Import):
            found.update(a.name.removeprefix("checker.") for a in node.names if a.name.startswith("checker."))
    return {t for t in found if t}


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if "_data" not in p.parts}


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n))
def test_no_module_imports_a_later_step(name: str) -> None:
    own = _layer(name)
    later = sorted(t for t in _imports(MODULES[name], name) if t in MODULES or t.split(".")[0] in MODULES)
    later = [t for t in later if _layer(t) > own]
    assert not later, f"checker.{name} (layer {own}) imports later steps: {later}"


def test_no_import_cycle() -> None:
    graph = {name: {t for t in _imports(path, name) if t in MODULES} for name, path in MODULES.items() if name}
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1 and nxt != node:
                raise AssertionError("import cycle: " + " → ".join([*trail, node, nxt]))
            if nxt not in state:
                visit(nxt, [*trail, node])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])


def test_the_layer_check_sees_imports() -> None:
    """The checker above must be able to fail: pipeline imports the steps it runs."""
    assert {"load", "normalize", "rules"} <= _imports(MODULES["pipeline"], "pipeline")
    assert _layer("report.html") > _layer("rules")
