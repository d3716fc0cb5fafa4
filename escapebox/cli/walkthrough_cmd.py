"""``escapebox walkthrough PATH``: the steps a group takes to finish, per dilemma branch."""

from __future__ import annotations


from escapebox.cli.password import add_options, open_for_trainer, require_answers
from escapebox.core import commands as C
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
    for number, branch in enumerate(solution.branches, start=1):
        if len(solution.branches) > 1:
            choices = ", ".join(f"{pid}: {loaded.scenario.puzzles[pid].options[o].text}" for pid, o in branch.choices)
            print(tr("walkthrough.branch", number=number, choices=choices))
        steps = plan(branch, index)
        for step_number, planned in enumerate(steps, start=1):
            print(f"{step_number:3}. {describe(planned.command, loaded.scenario, tr)}")
        print(tr("walkthrough.ending", ending=loaded.scenario.endings[branch.ending].title, steps=len(steps)))
        print()
    return 0


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
