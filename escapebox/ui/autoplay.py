"""``--autoplay``: play a scenario to its end through the real screens, by keys only or by mouse only.

The plan (which command comes next) is the core's auto-player plan for one
dilemma branch (``escapebox.core.autoplayer``).  Each step asks the screen
on top what brings it closer to that command (``Screen.autoplay``: which
control to press, which key, what to type), turns that into key presses
(``--keys``, the default: Tab to a control, Enter, Space, arrows, digits)
or into clicks and drags at the rectangles the widgets report
(``--mouse``), and posts them as pygame events; the screens then apply the
commands exactly as they would for a person.  Typed answers and
reflections are typed text in both modes: no mouse types a word.  Progress
is read back from the commands the screens applied.  A wrong answer, a
refusal, a key with no control to click in mouse mode, or a screen that
does not know what to do ends the run with exit code 1.
"""

from __future__ import annotations

from escapebox.core import commands as C
from escapebox.core import events as E
from escapebox.core.autoplayer import branch_plan, reflection_answer
from escapebox.scenario.branches import ending_label
from escapebox.scenario.solver import solve
from escapebox.ui.pilot import NoMouseWay, post_actions, resolve

MAX_STEPS = 4000
MAX_IDLE = 25


class AutoPilot:
    def __init__(self, app, branch: int = 0, mode: str = "keys"):
        self.app = app
        self.branch = branch
        self.mode = mode                  # "keys" or "mouse"
        self.presses = 0                  # key presses (keys) or clicks and drags (mouse)
        self.typed = 0                    # texts typed into a field, in both modes
        self.plan: list | None = None
        self.position = 0
        self.seen = 0
        self.steps = 0
        self.idle = 0
        self.screens: set[str] = set()
        self.problems: list[str] = []
        self.branches = 0

    def step(self) -> None:
        """Called by the loop when all earlier input has been handled and nothing animates."""
        import pygame
        if pygame.event.peek():
            return
        game = self.app.game
        if game is not None:
            if self.plan is None:
                solution = solve(game.session.scenario, game.session.index)
                self.branches = max(1, len(solution.branches))
                if self.branch >= self.branches:
                    self._stop(1, f"--branch {self.branch}: this scenario has {self.branches} branch(es), 0-{self.branches - 1}")
                    return
                self.plan = [p.command for p in branch_plan(game.session, self.branch, solution)]
            self._progress(game)
            if self.problems:
                self._stop(1)
                return
        screen = self.app.stack.top
        if screen is None:
            self._stop(1, "no screen")
            return
        self.screens.add(screen.name)
        command = self._next_command(game)
        try:
            actions = resolve(screen, screen.autoplay(command) or [], self.mode)
        except NoMouseWay as problem:
            self._stop(1, f"mouse only: {problem}")
            return
        self.steps += 1
        if not actions:
            self.idle += 1
            if self.idle > MAX_IDLE:
                self._stop(1, f"stuck on screen '{screen.name}' at {command!r}")
            return
        self.idle = 0
        if self.steps > MAX_STEPS:
            self._stop(1, f"too many steps on screen '{screen.name}' at {command!r}")
            return
        self.presses += sum(1 for a in actions if a[0] != "text")
        self.typed += sum(1 for a in actions if a[0] == "text")
        post_actions(actions, self.app.canvas)

    def _next_command(self, game):
        if game is None:
            return None
        session = game.session
        reflection = session.current_reflection()
        if reflection is not None:
            return reflection_answer(session, reflection)
        if self.plan is not None and self.position < len(self.plan):
            return self.plan[self.position]
        return None

    def _progress(self, game) -> None:
        for outcome in game.history[self.seen:]:
            command = outcome.command
            if outcome.refused is not None:
                self.problems.append(f"{type(command).__name__} refused: {outcome.refused.reason}")
            elif outcome.first(E.WrongAnswer) is not None:
                self.problems.append(f"wrong answer for {command.puzzle}: {outcome.first(E.WrongAnswer).shown}")
            elif self.plan is not None and self.position < len(self.plan) and self._fulfils(outcome, self.plan[self.position]):
                self.position += 1
        self.seen = len(game.history)

    @staticmethod
    def _fulfils(outcome, planned) -> bool:
        command = outcome.command
        if isinstance(planned, C.TryAnswer):
            opened = outcome.first(E.LockOpened)
            return opened is not None and opened.puzzle == planned.puzzle
        if isinstance(planned, C.CombineItems):
            made = outcome.first(E.ItemsCombined)
            return made is not None and set(made.items) == set(planned.items)
        return command == planned

    def _stop(self, code: int, reason: str = "") -> None:
        self.app.quit(code, self.summary(reason))

    def summary(self, reason: str = "") -> str:
        game = self.app.game
        if game is None:
            return f"autoplay: FAILED before the game started ({reason})"
        state = game.session.state
        scenario = game.scenario.id
        if reason or self.problems:
            detail = "; ".join(self.problems + ([reason] if reason else []))
            return (f"autoplay {scenario} branch {self.branch} by {self.mode}: FAILED after "
                    f"{len(game.history)} commands: {detail}")
        ending = ending_label(game.scenario, state.ending or state.end_reason or None, state.choices)
        used = (f"{self.presses} key presses" if self.mode == "keys" else f"{self.presses} clicks") + \
            f" and {self.typed} typed texts"
        return (f"autoplay {scenario} branch {self.branch} of {self.branches} by {self.mode}: {ending} "
                f"after {len(game.history)} commands, {len(self.screens)} kinds of screen, {used}")

    def finished(self) -> bool:
        game = self.app.game
        return game is not None and game.session.state.ended
