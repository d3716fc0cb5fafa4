"""The scenario layer's modules share only public names: a private one (``_Name``) may change without notice."""

import ast
from pathlib import Path

SCENARIO = Path(__file__).resolve().parents[1] / "escapebox" / "scenario"


def private_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [f"{node.module}.{alias.name}" for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("escapebox")
            for alias in node.names if alias.name.startswith("_") and not alias.name.startswith("__")]


def test_no_scenario_module_imports_a_private_name():
    # glyphs.py once took invisible.py's _Places; it is TextPlaces now, public for both
    found = {path.name: names for path in sorted(SCENARIO.glob("*.py")) if (names := private_imports(path))}
    assert not found
