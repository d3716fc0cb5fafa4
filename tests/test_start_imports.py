"""What ``escapebox play`` of a checked scenario imports before its first frame (issue #21, docs/performance.md)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TUTORIAL = ROOT / "scenarios" / "tutorial"

#: modules a start from the cache has no use for: the pack's password hashing (only ``pack`` and a
#: pack's trainer view need it), pydantic and PyYAML (only a file not checked before), and the TOML
#: reader when there is no settings file (the message catalogues come from their compiled copy), our
#: YAML reader (the cache hands back the checked file) and OpenSSL's hashes (a small file's SHA-256 is
#: CPython's own)
NOT_BEFORE_THE_FIRST_FRAME = ("escapebox.pack.kdf", "escapebox.pack.obfuscate", "pydantic", "yaml", "tomllib",
                              "escapebox.scenario.yamlsafe", "hashlib", "_hashlib")

PLAY = ("import atexit, sys\n"
        "atexit.register(lambda: print(' '.join(sorted(sys.modules))))\n"
        f"sys.argv = ['escapebox', 'play', {str(TUTORIAL)!r}]\n"
        "from escapebox.cli import main\n"
        "main()\n")


def test_a_start_from_the_cache_imports_no_pack_hashing_pydantic_yaml_or_toml(tmp_path):
    env = {**os.environ, "ESCAPEBOX_DATA_DIR": str(tmp_path), "ESCAPEBOX_FIRST_FRAME_EXIT": "1",
           "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    env.pop("ESCAPEBOX_NO_CACHE", None)
    runs = [subprocess.run([sys.executable, "-c", PLAY], capture_output=True, text=True, env=env, cwd=ROOT,
                           timeout=120) for _ in range(2)]               # the first fills the cache
    assert runs[1].returncode == 0, runs[1].stderr[-2000:]
    imported = set(runs[1].stdout.split())
    assert "escapebox.ui.app" in imported                                # it did start the game
    assert not [m for m in imported if m in NOT_BEFORE_THE_FIRST_FRAME or m.split(".")[0] in ("pydantic", "yaml", "tomllib")]


def test_the_theme_classes_compile_no_methods_of_their_own():
    """Defining them is on every start's way to the first frame: ``Frozen`` brings ``__init__``,
    ``__eq__``, ``__hash__`` and ``__repr__`` once, where ``@dataclass`` compiled them per class (5.5 ms)."""
    from escapebox.scenario.types import Frozen
    from escapebox.themes.theme import Colours, Fonts, Theme
    for cls in (Colours, Fonts, Theme):
        assert issubclass(cls, Frozen)
        assert not {"__init__", "__eq__", "__hash__", "__repr__", "__setattr__"} & set(vars(cls)), cls


def test_the_puzzle_records_compile_no_methods_of_their_own_and_are_built_by_position():
    """``Verdict``, ``Finding``, ``Secrets`` and ``Seal`` are defined before every first frame too (3.7 ms as
    dataclasses); the kinds build them by position, which ``Frozen`` alone does not take."""
    import dataclasses

    import pytest

    from escapebox.puzzles.base import Finding, Seal, Secrets, Verdict
    from escapebox.scenario.types import Frozen
    for cls in (Verdict, Finding, Secrets, Seal):
        assert issubclass(cls, Frozen)
        assert not {"__init__", "__eq__", "__hash__", "__repr__", "__setattr__"} & set(vars(cls)), cls
    assert Verdict(False, "Bijna.") == Verdict(correct=False, feedback="Bijna.", option=None)
    assert Finding("validate.x", ("a",)).params == {} and Finding("validate.x").params is not Finding("x").params
    assert repr(Verdict(True)) == "Verdict(correct=True, feedback=None, option=None)"
    with pytest.raises(dataclasses.FrozenInstanceError):
        Verdict(True).correct = False        # type: ignore[misc]
    with pytest.raises(TypeError):
        Verdict(True, None, 1, 2)
