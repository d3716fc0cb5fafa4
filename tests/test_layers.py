"""The layers of docs/architecture.md, as a test.

From the bottom: ``problems``/``i18n``/``paths`` → ``scenario`` + ``puzzles`` → ``themes`` +
``core`` → ``pack``, ``print``, ``report``, ``authoring``, ``debrief`` → ``ui`` → ``cli``.
A module may import its own layer and the layers below it, never one above. The walk reads
every ``import`` in ``escapebox/``: at module level, inside functions, and under
``TYPE_CHECKING`` alike, because an import inside a function still makes the lower layer need
the upper one at run time (``escapebox validate`` pulling in the UI package was exactly that).

Within one layer, packages may use each other, but modules must not import each other, directly
or round a longer loop (a cycle makes the import order, and so start-up, depend on who comes
first, and means neither module can be understood without the other).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "escapebox"

# Top-level part of escapebox -> layer number. Everything in escapebox/ must be listed here.
# The package itself ("__init__") holds only the version, so any module may import it.
LAYERS: dict[str, int] = {
    "__init__": 0, "problems": 0, "i18n": 0, "paths": 0, "locales": 0,
    "scenario": 1, "puzzles": 1,
    "themes": 2, "core": 2,
    "pack": 3, "print": 3, "report": 3, "authoring": 3, "debrief": 3, "privacy": 3, "festival": 3,
    "ui": 4,
    "cli": 5, "__main__": 5, "bundle": 5,
}

LAYER_NAMES = ["problems/i18n/paths", "scenario+puzzles", "themes+core",
               "pack/print/report/authoring/debrief/festival", "ui", "cli"]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> list[tuple[str, int]]:
    """Every escapebox module this file imports, with the line, resolving relative imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    own = module_name(path)
    package = own if path.name == "__init__.py" else own.rpartition(".")[0]
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append((target, node.lineno))
            # "from escapebox.ui import theme" imports escapebox.ui.theme
            found += [(f"{target}.{alias.name}", node.lineno) for alias in node.names]
    return [(name, line) for name, line in found if name == "escapebox" or name.startswith("escapebox.")]


def part_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def source_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def known_modules() -> set[str]:
    return {module_name(p) for p in source_files()}


def upward_imports(files: list[Path]) -> list[str]:
    modules = known_modules()
    wrong = []
    for path in files:
        own = module_name(path)
        mine = LAYERS[part_of(own)]
        for target, line in imports_of(path):
            if target not in modules:
                continue  # a name inside a module ("from escapebox.x import Name")
            theirs = LAYERS[part_of(target)]
            if theirs > mine:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {own} ({LAYER_NAMES[mine]}) "
                             f"imports {target} ({LAYER_NAMES[theirs]}), a layer above it")
    return wrong


def import_graph(files: list[Path]) -> dict[str, set[str]]:
    modules = known_modules()
    graph: dict[str, set[str]] = {}
    for path in files:
        own = module_name(path)
        graph[own] = {t for t, _ in imports_of(path) if t in modules and t != own
                      and not own.startswith(t + ".")}  # a module's own package is fine
    return graph


def import_cycles(files: list[Path]) -> list[str]:
    """Groups of modules that import each other, directly or round a longer loop (Tarjan's
    strongly connected components, iteratively so a deep chain cannot hit the recursion limit)."""
    graph = import_graph(files)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, targets = work[-1]
            step = next(targets, None)
            if step is not None:
                if step not in index:
                    index[step] = low[step] = len(index)
                    stack.append(step)
                    on_stack.add(step)
                    work.append((step, iter(sorted(graph.get(step, ())))))
                elif step in on_stack:
                    low[node] = min(low[node], index[step])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    cycles.append(sorted(group))
    return [" → ".join(group) + " import each other (round a loop)" for group in sorted(cycles)]


def test_every_part_of_the_package_has_a_layer():
    missing = sorted({part_of(module_name(p)) for p in source_files()} - set(LAYERS))
    assert not missing, f"give these a layer in tests/test_layers.py and docs/architecture.md: {missing}"


def test_no_module_imports_a_layer_above_its_own():
    wrong = upward_imports(source_files())
    assert not wrong, "imports that go up the layers:\n" + "\n".join(wrong)


def test_no_modules_import_each_other():
    cycles = import_cycles(source_files())
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_the_package_itself_imports_nothing_of_its_own():
    """It is layer 0 for everyone, so it must stay a version number and a docstring."""
    assert imports_of(PACKAGE / "__init__.py") == []


def top_level_imports(path: Path) -> list[tuple[str, int]]:
    """Imports that run when the module is imported (module level, also inside if/try there)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []

    def visit(statements):
        for node in statements:
            if isinstance(node, ast.Import):
                found.extend((alias.name, node.lineno) for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and not node.level:
                found.append((node.module or "", node.lineno))
            elif isinstance(node, (ast.If, ast.Try, ast.With)):
                for block in ("body", "orelse", "finalbody"):
                    visit(getattr(node, block, []))
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)
    visit(tree.body)
    return found


def test_only_the_ui_imports_pygame_when_it_is_imported():
    """Outside ``ui``, a module that needs pygame at import time (the print pages) may only be
    imported inside a function, so ``validate``, ``report`` and the core never load SDL."""
    drawing = {module_name(p) for p in source_files() if part_of(module_name(p)) != "ui"
               and any(name.split(".")[0] == "pygame" for name, _ in top_level_imports(p))}
    wrong = []
    for path in source_files():
        own = module_name(path)
        if part_of(own) == "ui" or own in drawing:
            continue
        for target, line in top_level_imports(path):
            if target in drawing:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {own} imports {target} "
                             "(which imports pygame) at import time; import it inside the function that draws")
    assert not wrong, "\n".join(wrong)


def test_the_walk_finds_an_upward_import_inside_a_function(tmp_path, monkeypatch):
    """The check itself can fail: a scenario module that imports the UI inside a function."""
    fake = PACKAGE / "scenario" / "validator.py"
    source = fake.read_text(encoding="utf-8") + "\n\ndef _probe():\n    from escapebox.ui import theme\n"
    copy = tmp_path / "escapebox" / "scenario" / "validator.py"
    copy.parent.mkdir(parents=True)
    copy.write_text(source, encoding="utf-8")
    monkeypatch.setattr(f"{__name__}.PACKAGE", tmp_path / "escapebox")
    monkeypatch.setattr(f"{__name__}.known_modules", lambda: {"escapebox.scenario.validator", "escapebox.ui.theme"})
    wrong = upward_imports([copy])
    assert any("escapebox.scenario.validator" in w and "escapebox.ui.theme" in w for w in wrong), wrong


def test_the_walk_finds_a_loop_of_three(tmp_path, monkeypatch):
    folder = tmp_path / "escapebox" / "ui"
    folder.mkdir(parents=True)
    (folder / "a.py").write_text("from escapebox.ui import b\n", encoding="utf-8")
    (folder / "b.py").write_text("def f():\n    from escapebox.ui.c import x\n", encoding="utf-8")
    (folder / "c.py").write_text("import escapebox.ui.a\n", encoding="utf-8")
    (folder / "d.py").write_text("import escapebox.ui.a\n", encoding="utf-8")
    monkeypatch.setattr(f"{__name__}.PACKAGE", tmp_path / "escapebox")
    names = {f"escapebox.ui.{n}" for n in "abcd"}
    monkeypatch.setattr(f"{__name__}.known_modules", lambda: names)
    cycles = import_cycles(sorted(folder.glob("*.py")))
    assert cycles == ["escapebox.ui.a → escapebox.ui.b → escapebox.ui.c import each other (round a loop)"]


@pytest.mark.parametrize("source, expected", [
    ("from . import loader\n", "escapebox.scenario.loader"),
    ("from ..ui.theme import Theme\n", "escapebox.ui.theme"),
    ("import escapebox.core.index as ix\n", "escapebox.core.index"),
])
def test_relative_and_aliased_imports_are_resolved(tmp_path, monkeypatch, source, expected):
    path = tmp_path / "escapebox" / "scenario" / "x.py"
    path.parent.mkdir(parents=True)
    path.write_text(source, encoding="utf-8")
    monkeypatch.setattr(f"{__name__}.PACKAGE", tmp_path / "escapebox")
    assert expected in [name for name, _ in imports_of(path)]
