"""``escapebox walkthrough``: one readable list per path, without printing a shared road again."""
from __future__ import annotations

from pathlib import Path

from benchmarks.generate import write
from escapebox.cli import main

BUNDLED = Path(__file__).resolve().parent.parent / "scenarios"


def walkthrough(capsys, *args: str) -> list[str]:
    assert main(["walkthrough", *args]) == 0
    return capsys.readouterr().out.splitlines()


def test_each_path_says_its_whole_conversation_and_its_own_ending(capsys):
    lines = walkthrough(capsys, str(BUNDLED / "student-met-rugzak"))
    headers = [line for line in lines if line.startswith("Pad ")]
    assert len(headers) >= 4
    # two paths that differ only in a later turn of the talk with Samira read differently
    assert len(set(headers)) == len(headers)
    assert any(" » " in header for header in headers)
    endings = {line for line in lines if line.startswith("» Einde:")}
    # the ending variant's title, not the shared ending's title on every path
    assert len(endings) >= 3


def test_a_shared_road_is_printed_once(capsys, tmp_path):
    # 3 dilemmas of 4 options: 64 paths over a long shared corridor
    folder = write(tmp_path, rooms=40, dilemmas=3).parent
    lines = walkthrough(capsys, str(folder))
    paths = [line for line in lines if line.startswith("Pad ")]
    assert len(paths) == 64
    # each later path: the road before its choice, and the road after it, said once
    assert sum("dezelfde stappen als pad" in line for line in lines) >= 2 * 63 - 10
    # printing the whole road per path made this some 64 x 100 lines
    assert len(lines) < 64 * 12


def test_a_path_that_shares_little_is_printed_whole(capsys):
    from escapebox.cli.walkthrough_cmd import _shared_steps
    assert _shared_steps(["a", "b", "c", "d"], ["a", "b", "x", "y"]) == 0
    assert _shared_steps(["a", "b", "c", "d"], ["a", "b", "c", "e"]) == 3
    # the step that ends the game is always printed, even when it is the same
    assert _shared_steps(["a", "b", "c", "d"], ["a", "b", "c", "d"]) == 3


def test_the_road_after_a_choice_is_said_once():
    from escapebox.cli.walkthrough_cmd import _shared_tail
    before = ["a", "b", "c", "choice 1", "x", "y", "z"]
    assert _shared_tail(before, ["a", "b", "c", "choice 2", "x", "y", "z"], shared=3) == 3
    # a different road afterwards, or a different length (step numbers would not line up): printed
    assert _shared_tail(before, ["a", "b", "c", "choice 2", "x", "q", "z"], shared=3) == 0
    assert _shared_tail(before, ["a", "b", "c", "choice 2", "w", "x", "y", "z"], shared=3) == 0
