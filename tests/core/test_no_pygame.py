"""The core never imports pygame: prove it by importing everything with pygame blocked."""

import subprocess
import sys

CORE_MODULES = [
    "escapebox.core.session", "escapebox.core.store", "escapebox.core.autoplayer", "escapebox.core.resume",
    "escapebox.core.walkthrough", "escapebox.scenario.validator", "escapebox.scenario.solver",
    "escapebox.scenario.loader", "escapebox.puzzles", "escapebox.cli.validate_cmd",
]


def test_core_imports_without_pygame():
    code = (
        "import sys; sys.modules['pygame'] = None\n"
        + "".join(f"import {m}\n" for m in CORE_MODULES)
        + "assert 'pygame' not in [m for m in sys.modules if sys.modules[m] is not None]\n"
        + "print('ok')"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
