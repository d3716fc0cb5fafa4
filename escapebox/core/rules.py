"""The rules: given the state and a command, decide what happens.

Each ``_do_<Command>`` first checks whether the command is allowed now and
returns a refusal with a message key if not; otherwise it emits events.
``emit`` applies every event to the state at once, so a cascade (a lock
opens → a clue is found → a reflection is prompted → the group moves on)
always sees the state it created.
"""

from __future__ import annotations

from typing import Callable

from escapebox.core import commands as C
from escapebox.core import events as E
from escapebox.scenario.branches import chosen_ids, object_present
from escapebox.scenario.index import ScenarioIndex
from escapebox.core.state import GameState

Emit = Callable[[E.Event], None]


class Refused(Exception):
    """Internal signal; becomes a ``CommandRefused`` event for the caller."""

    def __init__(self, reason: str, **params):
        super().__init__(reason)
        self.reason = reason
        self.params = params


class Rules:
    def __init__(self, index: ScenarioIndex):
        self.index = index
        self.scenario = index.scenario

    def decide(self, state: GameState, command: C.Command, emit: Emit) -> None:
        handler = getattr(self, f"_do_{type(command).__name__}", None)
        if handler is None:
            raise Refused("rules.unknown_command", command=type(command).__name__)
        if state.ended and not isinstance(command, (C.AnswerReflection, C.SkipReflection, C.SetGroupName)):
            raise Refused("rules.game_over")
        handler(state, command, emit)

    # ----- guards -------------------------------------------------------------
    def _not_waiting(self, state: GameState) -> None:
        if state.pending:
            raise Refused("rules.reflection_first", reflection=state.pending[0])
        if state.paused:
            raise Refused("rules.paused")

    def _object_here(self, state: GameState, object_id: str):
        obj = self.index.objects.get(object_id)
        if obj is None:
            raise Refused("rules.unknown_object", object=object_id)
        if self.index.object_room[object_id] != state.room or not self.present(state, obj):
            raise Refused("rules.not_here", object=obj.name)
        return obj

    def present(self, state: GameState, obj) -> bool:
        """An object that is there ``only_after`` a dilemma choice is not there before it."""
        return object_present(obj, chosen_ids(self.scenario, state.choices))

    def _puzzle(self, puzzle_id: str):
        puzzle = self.scenario.puzzles.get(puzzle_id)
        if puzzle is None:
            raise Refused("rules.unknown_puzzle", puzzle=puzzle_id)
        return puzzle

    def _puzzle_here(self, state: GameState, puzzle_id: str):
        puzzle = self._puzzle(puzzle_id)
        if state.room not in self.index.puzzle_rooms.get(puzzle_id, ()):
            raise Refused("rules.puzzle_not_here", puzzle=puzzle.title)
        if puzzle_id in state.opened:
            raise Refused("rules.already_open", puzzle=puzzle.title)
        return puzzle

    def _item_names(self, items) -> str:
        return ", ".join(self.scenario.items[i].name if i in self.scenario.items else i for i in items)

    # ----- players --------------------------------------------------------------
    def _do_SetGroupName(self, state, cmd: C.SetGroupName, emit) -> None:
        name = " ".join(cmd.name.split())[:40]
        if not name:
            raise Refused("rules.empty_group_name")
        emit(E.GroupNamed(name=name))

    def _do_EnterRoom(self, state, cmd: C.EnterRoom, emit) -> None:
        self._not_waiting(state)
        if cmd.room not in self.scenario.rooms:
            raise Refused("rules.unknown_room", room=cmd.room)
        door = self.index.door(state.room, cmd.room)
        if door is None:
            raise Refused("rules.no_way", room=self.scenario.rooms[cmd.room].name)
        if not state.is_open(door.locked_by):
            raise Refused("rules.door_locked", room=self.scenario.rooms[cmd.room].name)
        self.enter(state, cmd.room, emit)

    def enter(self, state: GameState, room: str, emit, by_facilitator: bool = False) -> None:
        first_time = room not in state.visited
        emit(E.RoomEntered(room=room, by_facilitator=by_facilitator))
        if first_time:
            for rid, reflection in self.scenario.reflections.items():
                if reflection.on_enter == room:
                    emit(E.ReflectionPrompted(reflection=rid))

    def _do_Inspect(self, state, cmd: C.Inspect, emit) -> None:
        self._not_waiting(state)
        obj = self._object_here(state, cmd.object)
        locked = not state.is_open(obj.locked_by)
        emit(E.ObjectInspected(object=cmd.object, locked=locked))
        if not locked:
            self._find_clues(state, obj.reveals, emit)

    def _find_clues(self, state, clues, emit) -> None:
        for clue in clues:
            if clue not in state.clues:
                emit(E.ClueFound(clue=clue))

    def _give_items(self, state, items, emit) -> None:
        for item in items:
            if item not in state.taken:
                emit(E.ItemTaken(item=item))

    def _do_TakeItem(self, state, cmd: C.TakeItem, emit) -> None:
        self._not_waiting(state)
        if cmd.item not in self.scenario.items:
            raise Refused("rules.unknown_item", item=cmd.item)
        if cmd.item in state.taken:
            raise Refused("rules.already_taken", item=self.scenario.items[cmd.item].name)
        if not self.takeable_here(state, cmd.item):
            raise Refused("rules.item_not_here", item=self.scenario.items[cmd.item].name)
        emit(E.ItemTaken(item=cmd.item))

    def takeable_here(self, state: GameState, item: str) -> bool:
        for oid, obj in self.scenario.rooms[state.room].objects.items():
            if item in obj.gives and oid in state.inspected and state.is_open(obj.locked_by):
                return True
        return False

    def _do_UseItem(self, state, cmd: C.UseItem, emit) -> None:
        self._not_waiting(state)
        obj = self._object_here(state, cmd.object)
        if cmd.item not in state.inventory:
            raise Refused("rules.item_not_held", item=self._item_names([cmd.item]))
        if obj.needs_item != cmd.item or not state.is_open(obj.locked_by):
            raise Refused("rules.nothing_happens", item=self.scenario.items[cmd.item].name, object=obj.name)
        emit(E.ItemUsed(item=cmd.item, object=cmd.object))
        if cmd.object not in state.hidden_revealed:
            emit(E.HiddenRevealed(object=cmd.object))
            self._find_clues(state, obj.hidden_reveals, emit)

    def _do_CombineItems(self, state, cmd: C.CombineItems, emit) -> None:
        self._not_waiting(state)
        missing = [i for i in cmd.items if i not in state.inventory]
        if missing:
            raise Refused("rules.item_not_held", item=self._item_names(missing))
        combination = self.index.combination_for.get(frozenset(cmd.items))
        if combination is None or len(set(cmd.items)) != len(cmd.items):
            raise Refused("rules.cannot_combine")
        emit(E.ItemsCombined(items=tuple(combination.items), gives=combination.gives))

    def _do_TryAnswer(self, state, cmd: C.TryAnswer, emit) -> None:
        self._not_waiting(state)
        puzzle = self._puzzle_here(state, cmd.puzzle)
        missing = [i for i in puzzle.required_items() if i not in state.inventory]
        if missing:
            raise Refused("rules.items_needed")
        if any(p not in state.opened for p in puzzle.prerequisite_puzzles()):
            raise Refused("rules.prerequisites_first", puzzle=puzzle.title)
        verdict = puzzle.check(cmd.answer)
        shown = puzzle.describe_answer(cmd.answer)[:500]
        if not verdict.correct:
            logged = _jsonable(cmd.answer)
            # a replayed save holds tuples where the screens give lists: compare both as logged
            repeat = cmd.puzzle in state.last_wrong and _jsonable(state.last_wrong[cmd.puzzle]) == logged
            emit(E.WrongAnswer(puzzle=cmd.puzzle, answer=logged, shown=shown, feedback=verdict.feedback,
                               repeat=repeat))
            if self.scenario.timer.wrong_penalty and not repeat:
                emit(E.PenaltyAdded(seconds=self.scenario.timer.wrong_penalty, reason="wrong", puzzle=cmd.puzzle))
            return
        self.open_lock(state, cmd.puzzle, emit, answer=_jsonable(cmd.answer), shown=shown,
                       feedback=verdict.feedback, option=verdict.option)

    def open_lock(self, state, puzzle_id: str, emit, *, answer=None, shown="", feedback=None,
                  option=None, skipped=False) -> None:
        puzzle = self.scenario.puzzles[puzzle_id]
        emit(E.LockOpened(puzzle=puzzle_id, answer=answer, shown=shown, skipped=skipped, feedback=feedback))
        self._find_clues(state, puzzle.reveals, emit)
        self._give_items(state, puzzle.gives, emit)
        leads_to, reflections = puzzle.leads_to, [r for r, x in self.scenario.reflections.items() if x.after == puzzle_id]
        if option is not None and puzzle.always_opens:
            chosen = puzzle.options[option]
            # a conversation of several turns: the path the group talked along goes into the log
            path = tuple(answer) if isinstance(answer, list) and len(answer) > 1 else ()
            emit(E.DilemmaChosen(puzzle=puzzle_id, option=option, path=path,
                                 text=puzzle.describe_answer(list(path)) if path else chosen.text))
            self._find_clues(state, chosen.reveals, emit)
            self._give_items(state, chosen.gives, emit)
            leads_to = chosen.leads_to or leads_to
            if chosen.reflection:
                reflections.append(chosen.reflection)
        for reflection in reflections:
            emit(E.ReflectionPrompted(reflection=reflection))
        if leads_to in self.scenario.rooms:
            self.enter(state, leads_to, emit)
        elif leads_to in self.scenario.endings:
            self.finish(state, leads_to, emit)

    def finish(self, state, ending: str, emit) -> None:
        """Ask the end-of-game reflections first; the ending follows when they are done."""
        at_end = [r for r, x in self.scenario.reflections.items() if x.at_end and r not in state.prompted]
        if not at_end:
            emit(E.Escaped(ending=ending))
            return
        for reflection in at_end:
            emit(E.ReflectionPrompted(reflection=reflection, ending=ending))

    def _do_TakeHint(self, state, cmd: C.TakeHint, emit) -> None:
        self._not_waiting(state)
        puzzle = self._puzzle_here(state, cmd.puzzle)
        index = state.hints.get(cmd.puzzle, 0)
        if index >= len(puzzle.hints):
            raise Refused("rules.no_more_hints")
        emit(E.HintShown(puzzle=cmd.puzzle, index=index, text=puzzle.hints[index]))
        if self.scenario.timer.hint_penalty:
            emit(E.PenaltyAdded(seconds=self.scenario.timer.hint_penalty, reason="hint", puzzle=cmd.puzzle))

    def _do_AnswerReflection(self, state, cmd: C.AnswerReflection, emit) -> None:
        self._current_reflection(state, cmd.reflection)
        emit(E.ReflectionAnswered(reflection=cmd.reflection, answer=cmd.answer[:20000]))
        self._after_reflection(state, emit)

    def _do_SkipReflection(self, state, cmd: C.SkipReflection, emit) -> None:
        self._current_reflection(state, cmd.reflection)
        emit(E.ReflectionSkipped(reflection=cmd.reflection))
        self._after_reflection(state, emit)

    def _current_reflection(self, state, reflection: str) -> None:
        if not state.pending or state.pending[0] != reflection:
            raise Refused("rules.not_this_reflection")

    def _after_reflection(self, state, emit) -> None:
        if not state.pending and state.pending_ending and not state.ended:
            emit(E.Escaped(ending=state.pending_ending))

    def _do_Pause(self, state, cmd, emit) -> None:
        if state.paused:
            raise Refused("rules.already_paused")
        emit(E.Paused(by_facilitator=cmd.by_facilitator, held=cmd.held and cmd.by_facilitator))

    def _do_Resume(self, state, cmd, emit) -> None:
        if not state.paused:
            raise Refused("rules.not_paused")
        if state.pause_held and not cmd.by_facilitator:
            raise Refused("rules.trainer_paused")
        emit(E.Resumed(by_facilitator=cmd.by_facilitator))

    # ----- the facilitator -------------------------------------------------------
    def _do_AdjustTime(self, state, cmd: C.AdjustTime, emit) -> None:
        if not self.scenario.timer.minutes:
            raise Refused("rules.no_timer")
        if cmd.seconds == 0 or abs(cmd.seconds) > 3 * 3600:
            raise Refused("rules.bad_adjustment")
        emit(E.TimeAdjusted(seconds=cmd.seconds))

    def _do_PushHint(self, state, cmd: C.PushHint, emit) -> None:
        puzzle = self._puzzle(cmd.puzzle)
        if cmd.puzzle in state.opened:
            raise Refused("rules.already_open", puzzle=puzzle.title)
        index = state.hints.get(cmd.puzzle, 0)
        if index >= len(puzzle.hints):
            raise Refused("rules.no_more_hints")
        emit(E.HintShown(puzzle=cmd.puzzle, index=index, text=puzzle.hints[index], pushed=True))

    def _do_SkipPuzzle(self, state, cmd: C.SkipPuzzle, emit) -> None:
        puzzle = self._puzzle(cmd.puzzle)
        if cmd.puzzle in state.opened:
            raise Refused("rules.already_open", puzzle=puzzle.title)
        if puzzle.always_opens:
            raise Refused("rules.dilemma_cannot_skip")
        if state.pending:
            raise Refused("rules.reflection_first", reflection=state.pending[0])
        self.open_lock(state, cmd.puzzle, emit, skipped=True)

    def _do_RevealAnswer(self, state, cmd: C.RevealAnswer, emit) -> None:
        puzzle = self._puzzle(cmd.puzzle)
        if puzzle.sealed:   # a pack opened without the trainer's password: the answer is not here
            raise Refused("rules.answer_sealed", puzzle=puzzle.title)
        emit(E.AnswerRevealed(puzzle=cmd.puzzle, solution=puzzle.describe_solution()))

    def _do_JumpToRoom(self, state, cmd: C.JumpToRoom, emit) -> None:
        if cmd.room not in self.scenario.rooms:
            raise Refused("rules.unknown_room", room=cmd.room)
        if state.pending:
            raise Refused("rules.reflection_first", reflection=state.pending[0])
        self.enter(state, cmd.room, emit, by_facilitator=True)

    def _do_EndGame(self, state, cmd, emit) -> None:
        emit(E.GameEnded(reason="facilitator"))

    def _do_StopGame(self, state, cmd, emit) -> None:
        emit(E.GameEnded(reason="group"))


def _jsonable(answer):
    """Answers go into the log as JSON; anything else is stored as its text."""
    if isinstance(answer, (str, int, float, bool)) or answer is None:
        return answer
    if isinstance(answer, (list, tuple)):
        return [_jsonable(a) for a in answer]
    return str(answer)
