"""Security promises, checked on the source and on a real game.

* no pickle, marshal, eval, exec, unsafe yaml.load, os.system or shell=True anywhere in escapebox/
  (a scenario or pack from a colleague's USB stick must never run code);
* asset paths cannot leave the scenario folder, also not through a symlink: the validator says so
  (tests/golden/broken/symlink_escape.*) and the UI refuses to decode such a picture
  (tests/ui/test_faults.py::test_picture_symlinked_out_of_the_scenario_folder_is_refused, and below);
* packs are inspected before anything is written
  (tests/authoring/test_hostile_archives.py::test_refused_with_the_right_message uses a
  ``nothing_written`` fixture that fails as soon as the reader would create its folder);
* reflection text is private: it never appears in a log line, also not when saving fails.
"""

from __future__ import annotations

import ast
import logging
import os
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "escapebox"
FORBIDDEN_MODULES = {"pickle", "cPickle", "marshal", "shelve", "dill", "cloudpickle"}
FORBIDDEN_CALLS = {"eval", "exec", "__import__"}
UNSAFE_YAML = {"unsafe_load", "full_load", "unsafe_load_all", "full_load_all", "load_all"}


def findings(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, f"import {a.name}") for a in node.names if a.name.split(".")[0] in FORBIDDEN_MODULES]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in FORBIDDEN_MODULES:
            found.append((node.lineno, f"from {node.module} import"))
        elif isinstance(node, ast.Call):
            found += [(node.lineno, problem) for problem in _call_problems(node)]
    return found


def _call_problems(node: ast.Call) -> list[str]:
    func = node.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
    keywords = {k.arg: k.value for k in node.keywords}
    problems = []
    if isinstance(func, ast.Name) and name in FORBIDDEN_CALLS:
        problems.append(f"{name}()")
    if owner == "yaml" and name in UNSAFE_YAML:
        problems.append(f"yaml.{name}()")
    if owner == "yaml" and name == "load" and "Safe" not in ast.unparse(keywords.get("Loader", ast.Constant(""))) \
            and not (len(node.args) > 1 and "Safe" in ast.unparse(node.args[1])):
        problems.append("yaml.load() without a safe loader")
    shell = keywords.get("shell")
    if shell is not None and not (isinstance(shell, ast.Constant) and shell.value is False):
        problems.append("shell=True")
    if owner == "os" and name in {"system", "popen", "execv", "execl", "execvp"}:
        problems.append(f"os.{name}()")
    return problems


def test_the_scanner_finds_what_it_looks_for():
    bad = ("import pickle\nfrom marshal import loads\neval('1')\nexec('x=1')\nyaml.load(s)\n"
           "yaml.load(s, Loader=yaml.Loader)\nyaml.unsafe_load(s)\nsubprocess.run('ls', shell=True)\nos.system('x')\n")
    assert len(findings(ast.parse(bad))) == 9
    good = "yaml.load(s, Loader=yaml.CSafeLoader)\nsubprocess.run(['ls'])\nre.compile('x')\nmodel.eval\n"
    assert findings(ast.parse(good)) == []


def test_no_code_execution_paths_in_the_package():
    found = []
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 50
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        found += [f"{path.relative_to(ROOT)}:{line}: {what}" for line, what in findings(tree)]
    assert found == []


CANARY = "KANARIE-7f3a geheime reflectie over mevrouw Jansen"


def test_reflection_text_never_reaches_the_log(tmp_path, caplog, capfd, monkeypatch):
    """Play to a text reflection, type a canary, let saving fail, answer it: no log line holds it."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import sys
    sys.path.insert(0, str(ROOT / "tests" / "ui"))
    from ui_helpers import FIXTURE, start_game, tab_to

    from escapebox.core import commands as C
    from escapebox.scenario.loader import load_scenario
    from escapebox.ui.main import PlayOptions, build_app
    from escapebox.ui.pilot import Pilot

    monkeypatch.setenv("ESCAPEBOX_DATA_DIR", str(tmp_path / "data"))
    caplog.set_level(logging.DEBUG)
    app = build_app(PlayOptions(loaded=load_scenario(FIXTURE), window=(1280, 720), sound=False, fast=True,
                                data_dir=tmp_path / "data"))
    try:
        pilot = Pilot(app)
        pilot.run()
        game = start_game(pilot)
        tab_to(pilot, "obj:bord")
        pilot.press("return", "escape")
        tab_to(pilot, "obj:kastje")
        pilot.press("return", "1", "2", "3", "4", "return", "return")
        assert pilot.screen.name == "reflection-text"
        store = game.session.store
        game.session.store = _FailingStore(store)
        pilot.type(CANARY)
        pilot.screen.last_save = 0
        pilot.run(frames=2)
        assert app.banner                              # the failure really happened
        game.session.checkpoint()
        pilot.click_widget("confirm")                  # answered while the disk is still full
        assert game.session.state.reflections == {_only(game.session.state.reflections): CANARY}
        assert game.session.unsaved                    # the answer waits in memory for the disk
        game.session.store = store
        game.apply(C.Inspect("bord"))                  # the next command writes it
        assert not game.session.unsaved
    finally:
        app.services.launcher.close()
        app.close()
    logged = caplog.text + "\n".join(str(r.args) for r in caplog.records)
    out, err = capfd.readouterr()
    assert "KANARIE" not in logged
    assert "KANARIE" not in out and "KANARIE" not in err


def _only(mapping: dict) -> str:
    assert len(mapping) == 1, mapping
    return next(iter(mapping))


class _FailingStore:
    """A store whose disk is full.  Its error messages quote what it tried to write (as a driver
    might), so any code that logs the exception would leak the canary and fail the test."""

    def __init__(self, store):
        self.store = store

    def __getattr__(self, name):
        return getattr(self.store, name)

    def append(self, session_id, events):
        raise OSError(f"database or disk is full while writing {[e.to_dict() for e in events]!r}")

    def save_draft(self, session_id, reflection, text):
        raise OSError(f"database or disk is full while writing {text!r}")

    def checkpoint(self, *args):
        raise OSError("database or disk is full")
