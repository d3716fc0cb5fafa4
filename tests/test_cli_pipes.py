"""``escapebox walkthrough x | head``: a reader that stops early ends every command quietly.

Real subprocesses on real pipes: no traceback, no crash note, no crash log, no
"Exception ignored" from Python's flush at exit; the exit code is 141, as a shell reports
for a command stopped by SIGPIPE.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from escapebox.cli import CLOSED_PIPE

ROOT = Path(__file__).parents[1]
BUNDLED = ROOT / "scenarios"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="pipes closed early behave differently on Windows")


def _env(tmp_path: Path) -> dict:
    return {**os.environ, "ESCAPEBOX_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(ROOT)}


def _big_scenario(tmp_path: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    try:
        from benchmarks.generate import write
    finally:
        sys.path.remove(str(ROOT))
    return write(tmp_path / "groot", rooms=200).parent


def _assert_quiet(stderr: bytes, code: int, tmp_path: Path, expected: int = CLOSED_PIPE) -> None:
    text = stderr.decode("utf-8", "replace")
    assert "Traceback" not in text and "Exception ignored" not in text and "BrokenPipe" not in text, text
    assert "onverwachts" not in text, text          # not reported as a crash
    assert text == "", text
    assert code == expected
    assert not (tmp_path / "data" / "logs").exists(), "a closed pipe is not a crash: no crash log"


#: (command, exit code): argparse's own help ignores a failed write itself and exits with 0
COMMANDS = [
    (["walkthrough", str(BUNDLED / "voorbeeld-compleet")], CLOSED_PIPE),
    (["validate", str(BUNDLED / "minimaal")], CLOSED_PIPE),
    (["schema"], CLOSED_PIPE),
    (["sessions", "list"], CLOSED_PIPE),
    (["--help"], 0),
    (["walkthrough", "--help"], 0),
]


@pytest.mark.parametrize("command, code", COMMANDS, ids=[" ".join(c[0][:2]).replace(str(BUNDLED) + "/", "") for c in COMMANDS])
def test_a_pipe_closed_before_any_output(tmp_path, command, code):
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the command writes a byte
    try:
        done = subprocess.run([sys.executable, "-m", "escapebox", *command], stdout=write,
                              stderr=subprocess.PIPE, env=_env(tmp_path), timeout=120)
    finally:
        os.close(write)
    _assert_quiet(done.stderr, done.returncode, tmp_path, code)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="F_SETPIPE_SZ is Linux only")
def test_walkthrough_into_head(tmp_path):
    """Like ``| head -1``: the reader takes the first line and closes while the command still writes."""
    import fcntl
    folder = _big_scenario(tmp_path)
    read, write = os.pipe()
    fcntl.fcntl(write, 1031, 4096)  # F_SETPIPE_SZ: a small pipe, so the writer is still busy when we close
    process = subprocess.Popen([sys.executable, "-m", "escapebox", "walkthrough", str(folder)], stdout=write,
                               stderr=subprocess.PIPE, env=_env(tmp_path))
    os.close(write)
    with os.fdopen(read, "rb") as reader:
        first = reader.readline()
    assert first.strip().startswith(b"1.")
    _stdout, stderr = process.communicate(timeout=120)
    _assert_quiet(stderr, process.returncode, tmp_path)


def test_the_whole_output_still_arrives_when_it_is_read(tmp_path):
    done = subprocess.run([sys.executable, "-m", "escapebox", "walkthrough", str(BUNDLED / "minimaal")],
                          capture_output=True, env=_env(tmp_path), timeout=120)
    assert done.returncode == 0 and done.stderr == b"" and done.stdout.strip()
