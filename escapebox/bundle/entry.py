"""The frozen launcher's entry point: the ``escapebox`` command, with two differences.

With no arguments (a double-click) it opens the picker instead of printing the help; with a
scenario as its only argument (a ``.escapebox`` file opened by double-click through a file
association, or one dropped onto the launcher's icon) it plays that scenario; ``--portable``
anywhere on the line keeps every file it writes beside the launcher
(:func:`escapebox.paths.portable_dir`).  PyInstaller runs this file as ``__main__``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

PORTABLE_OPTION = "--portable"


def launcher_arguments(argv: list[str]) -> tuple[list[str], bool]:
    """The arguments for :func:`escapebox.cli.main`, and whether portable mode was asked for."""
    portable = PORTABLE_OPTION in argv
    rest = [arg for arg in argv if arg != PORTABLE_OPTION]
    if len(rest) == 1 and _is_scenario(Path(rest[0])):
        return ["play", *rest], portable
    return (rest or ["play"]), portable


def _is_scenario(path: Path) -> bool:
    return (path.suffix.lower() == ".escapebox" and path.is_file()) or (path / "scenario.yaml").is_file()


def main(argv: list[str] | None = None) -> int:
    from escapebox import paths
    arguments, portable = launcher_arguments(list(sys.argv[1:] if argv is None else argv))
    if portable:
        os.environ[paths.PORTABLE_VARIABLE] = "1"
    from escapebox.cli import main as cli_main
    return cli_main(arguments)


if __name__ == "__main__":
    raise SystemExit(main())
