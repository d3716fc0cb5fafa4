"""``escapebox walkthrough PATH``: the steps a group takes to finish, per dilemma branch."""

from __future__ import annotations


from escapebox.cli.password import add_options, open_for_trainer, require_answers
from escapebox.core import commands as C
from escapebox.scenario.branches import shown_ending
from escapebox.scenario.index import ScenarioIndex
from escapebox.core.walkthrough import plan
from escapebox.problems import EscapeboxError, Problem
from escapebox.scenario.solver import solve
from escapebox.authoring.checks import all_problems
from escapebox.problems import errors


def add_parser(subparsers, tr):
    parser = subparsers.add_parser("walkthrough", help=tr("walkthrough.help"), description=tr("walkthrough.help"))
    parser.add_argument("path", metavar="PAD", help=tr("validate_cmd.paths_help"))
    add_options(parser, tr)
    return parser


def run(args, tr) -> int:
    loaded = open_for_trainer(args.path, args, tr)
    require_answers(loaded)          # a pack without its trainer password: say so, exit 1
    index = ScenarioIndex(loaded.scenario)
    solution = solve(loaded.scenario, index)
    blocking = errors(all_problems(loaded, solution))
    if blocking or not solution.solvable:
        raise EscapeboxError(blocking or [Problem("walkthrough.unsolvable", {}, file=loaded.file)])
    previous: list[str] = []
    for number, branch in enumerate(solution.branches, start=1):
        if len(solution.branches) > 1:
            print(tr("walkthrough.branch", number=number, choices=_choices(loaded.scenario, branch)))
        steps = [describe(planned.command, loaded.scenario, tr) for planned in plan(branch, index)]
        shared = _shared_steps(previous, steps)
        tail = _shared_tail(previous, steps, shared)
        if shared:
            print(tr("walkthrough.same_as_before", number=number - 1, first=1, last=shared))
        for step_number, text in enumerate(steps[shared:len(steps) - tail], start=shared + 1):
            print(f"{step_number:3}. {text}")
        if tail:
            print(tr("walkthrough.same_as_before", number=number - 1, first=len(steps) - tail + 1, last=len(steps)))
        ending = shown_ending(loaded.scenario, branch.ending, branch.choices)
        print(tr("walkthrough.ending", ending=ending.title, steps=len(steps)))
        print()
        previous = steps
    return 0


def _choices(scenario, branch) -> str:
    """What was chosen at each dilemma, a conversation's whole path ("first » then"): two paths
    that differ only in a later turn must not read the same."""
    said = {step.target: scenario.puzzles[step.target].describe_answer(step.detail)
            for step in branch.steps if step.kind in ("answer", "choose") and step.target in dict(branch.choices)}
    return ", ".join(f"{pid}: {said.get(pid) or scenario.puzzles[pid].options[o].text}" for pid, o in branch.choices)


#: a shared start shorter than this is printed again: a "same as path 3" line saves nothing
MIN_SHARED_STEPS = 3


def _shared_steps(previous: list[str], steps: list[str]) -> int:
    """How many first steps this path shares with the one printed before it.

    Branches are listed in order of their choices, so neighbours share the road to their first
    different choice; printing it once per branch made four dilemmas of four options (256 paths)
    about 41,000 lines. The last step (the one that ends the game) is always printed.
    """
    shared = 0
    for before, now in zip(previous, steps[:-1]):
        if before != now:
            break
        shared += 1
    return shared if shared >= MIN_SHARED_STEPS else 0


def _shared_tail(previous: list[str], steps: list[str], shared: int) -> int:
    """How many last steps, at the same step numbers, this path shares with the one before it.

    After a choice that changes nothing further on, the road to the end is the same; at least the
    step of the choice itself stays printed.
    """
    if len(previous) != len(steps):
        return 0
    tail = 0
    for before, now in zip(reversed(previous), reversed(steps[shared + 1:])):
        if before != now:
            break
        tail += 1
    return tail if tail >= MIN_SHARED_STEPS else 0


def describe(command: C.Command, scenario, tr) -> str:
    if isinstance(command, C.EnterRoom):
        return tr("walkthrough.enter", room=scenario.rooms[command.room].name)
    if isinstance(command, C.Inspect):
        return tr("walkthrough.inspect", object=_object_name(scenario, command.object))
    if isinstance(command, C.TakeItem):
        return tr("walkthrough.take", item=scenario.items[command.item].name)
    if isinstance(command, C.UseItem):
        return tr("walkthrough.use", item=scenario.items[command.item].name,
                  object=_object_name(scenario, command.object))
    if isinstance(command, C.CombineItems):
        return tr("walkthrough.combine", items=" + ".join(scenario.items[i].name for i in command.items))
    if isinstance(command, C.TryAnswer):
        puzzle = scenario.puzzles[command.puzzle]
        return tr("walkthrough.answer", puzzle=puzzle.title, answer=puzzle.describe_answer(command.answer))
    return str(command)


def _object_name(scenario, object_id: str) -> str:
    for room in scenario.rooms.values():
        if object_id in room.objects:
            return room.objects[object_id].name
    return object_id
