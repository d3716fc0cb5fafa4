"""The platform's own "open file" dialog, run as a separate program, for "Scenario openen…".

Why a separate program and not tkinter: the bundle leaves tkinter out
(escapebox/bundle/build.py ``_EXCLUDED_MODULES``) because Tcl/Tk would add
11.2 MB (its two libraries, its script folders and the tkinter package, measured
on the Linux build machine) to a 69.9 MB folder with an 80 MB budget, and
because Tk wants the main thread and the Cocoa event loop that SDL already
owns on macOS.
Every desktop has a dialog program instead: ``zenity`` (GNOME and most
others) or ``kdialog`` (KDE) on Linux, ``osascript`` on macOS and
PowerShell's ``OpenFileDialog`` on Windows.  They run in a thread, so the
game keeps drawing while the dialog is open, and print the chosen path.

Where none is found (a bare Linux, a kiosk), the screen offers only the
typed path (:mod:`escapebox.ui.screens.open_scenario`).

In the frozen app PyInstaller's launcher points ``LD_LIBRARY_PATH`` (AIX:
``LIBPATH``) at the bundle's own libraries, which would shadow the system's
for the dialog program (a GTK zenity loading the bundle's older libraries);
its "LD_LIBRARY_PATH / LIBPATH considerations" say to hand system programs the
value saved in ``*_ORIG`` instead, which :func:`system_environment` does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading

#: a .escapebox file, or the scenario.yaml of a folder (a dialog picks either files or folders,
#: and escapebox.ui.drop.add_scenario takes a folder's scenario.yaml for the folder)
PATTERNS = ("*.escapebox", "scenario.yaml")

_POWERSHELL = (
    "Add-Type -AssemblyName System.Windows.Forms;"
    "$d = New-Object System.Windows.Forms.OpenFileDialog;"
    "$d.Title = '{title}';"
    "$d.Filter = 'Escapebox (*.escapebox;scenario.yaml)|*.escapebox;scenario.yaml';"
    "if ($d.ShowDialog() -eq 'OK') {{ [Console]::Out.Write($d.FileName) }}"
)


def command(title: str, platform: str | None = None, which=shutil.which) -> list[str] | None:
    """The command line of this platform's file dialog, or None when it has none."""
    platform = platform or sys.platform
    if platform == "win32":
        shell = which("powershell") or which("pwsh")
        quoted = title.replace("'", "''")
        return [shell, "-NoProfile", "-STA", "-Command", _POWERSHELL.format(title=quoted)] if shell else None
    if platform == "darwin":
        quoted = title.replace("\\", "\\\\").replace('"', '\\"')
        return ["osascript", "-e", f'POSIX path of (choose file with prompt "{quoted}")'] \
            if which("osascript") else None
    if which("zenity"):
        return ["zenity", "--file-selection", f"--title={title}",
                f"--file-filter=Escapebox | {' '.join(PATTERNS)}"]
    if which("kdialog"):
        return ["kdialog", "--title", title, "--getopenfilename", ".", " ".join(PATTERNS)]
    return None


def system_environment(environ=None, frozen: bool | None = None) -> dict | None:
    """The environment for a system program: the frozen app's library path taken back to what it
    was before the launcher set it; None (inherit as it is) when not frozen."""
    if not (getattr(sys, "frozen", False) if frozen is None else frozen):
        return None
    env = dict(os.environ if environ is None else environ)
    for name in ("LD_LIBRARY_PATH", "LIBPATH"):
        original = env.pop(f"{name}_ORIG", None)
        if original is not None:
            env[name] = original
        else:
            env.pop(name, None)
    return env


class FileDialog:
    """One open dialog: :meth:`result` is None while it is open, then the chosen path ("" when
    the trainer cancelled it or the program failed)."""

    def __init__(self, argv: list[str]):
        self._result: str | None = None
        self._thread = threading.Thread(target=self._run, args=(argv,), name="file-dialog", daemon=True)
        self._thread.start()

    def _run(self, argv: list[str]) -> None:
        try:
            done = subprocess.run(argv, capture_output=True, text=True, check=False, env=system_environment())
            # cancel is exit code 1 with no output in all four programs
            self._result = done.stdout.strip() if done.returncode == 0 else ""
        except OSError:
            self._result = ""

    def result(self) -> str | None:
        return self._result
