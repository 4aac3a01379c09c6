"""The package's plan holds: imports flow one way through the stages, with no cycles.

The import graph is read from the source with `ast` (nothing is imported), and
counts every import, including those inside functions: a lazy import is still a
dependency, it only moves the cost.
"""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "debrief"

# The stages from the top down. A module may import its own stage and any stage
# in a later row, never one in its own row or above it. ("debrief" is the
# package's own __init__, which holds only the version.)
LAYERS = (
    ("__main__",),  # python -m debrief
    ("cli",),  # parse, one library call, render
    ("review", "intake"),  # what a manager reads; the inbox's way to the database
    ("analyze", "speech"),  # text → Debrief; audio → Transcript
    ("store",),  # SQLite: schema, writes, reads
    ("records", "config", "debrief"),  # the dataclasses and settings every stage shares
)
RANK = {stage: rank for rank, row in enumerate(LAYERS) for stage in row}

# The one cli module every command module may import; only `debrief.cli` itself
# (which builds the app) imports the command modules.
CLI_SHARED = {"debrief.cli.options"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported(name: str, path: Path, known: set[str]) -> set[str]:
    """The debrief modules that `name` imports: a package's submodule where
    `from package import submodule` names one, else the package itself."""
    found = set()
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                found.add(submodule if submodule in known else source)
    return {target for target in found if target in known and target != name}


def import_graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imported(name, path, set(found)) for name, path in found.items()}


def stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def test_the_graph_sees_the_package():
    graph = import_graph()
    assert "debrief.intake.pipeline" in graph["debrief.cli.run"]
    assert "debrief.store.tombstones" in graph["debrief.intake.ledger"]  # `from ..store import tombstones`
    assert "debrief.analyze" in graph["debrief.cli.options"]  # an import inside a function counts


def test_every_module_belongs_to_a_stage():
    assert sorted(m for m in modules() if stage(m) not in RANK) == []


def test_no_import_cycles():
    try:
        graphlib.TopologicalSorter(import_graph()).prepare()
    except graphlib.CycleError as error:
        raise AssertionError(f"import cycle: {' → '.join(error.args[1])}") from None


def test_imports_flow_one_way_through_the_stages():
    upward = [
        f"{module} ({stage(module)}) imports {target} ({stage(target)})"
        for module, targets in import_graph().items()
        for target in sorted(targets)
        if stage(target) != stage(module) and RANK[stage(target)] <= RANK[stage(module)]
    ]
    assert upward == []


def test_command_modules_import_no_command_module():
    commands = {m for m in modules() if stage(m) == "cli" and m != "debrief.cli"} - CLI_SHARED
    importers = [
        f"{module} imports {target}"
        for module, targets in import_graph().items()
        for target in sorted(targets & commands)
        if module != "debrief.cli"
    ]
    assert importers == []
