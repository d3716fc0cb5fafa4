"""The debrief, the reports and the sessions commands run on a laptop without pygame (or a display)."""

import subprocess
import sys

MODULES = ["escapebox.debrief", "escapebox.privacy", "escapebox.report.html", "escapebox.report.markdown",
           "escapebox.report.csv_out", "escapebox.cli.report_cmd", "escapebox.cli.sessions_cmd"]


def test_report_modules_import_without_pygame():
    code = ("import sys; sys.modules['pygame'] = None\n" + "".join(f"import {m}\n" for m in MODULES)
            + "assert not [m for m in sys.modules if m.startswith('pygame') and sys.modules[m]]\nprint('ok')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
