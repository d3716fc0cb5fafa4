"""``--autoplay``: play a scenario to its end through the real screens, with synthetic keys.

The plan (which command comes next) is the core's auto-player plan for one
dilemma branch (``escapebox.core.autoplayer``).  Each step asks the screen
on top which keys bring it closer to that command (``Screen.autoplay``),
and posts them as pygame events; the screens then apply the commands
exactly as they would for a person.  Progress is read back from the
commands the screens applied.  A wrong answer, a refusal or a screen that
does not know what to do ends the run with exit code 1.
"""

from __future__ import annotations

from escapebox.core import commands as C
from escapebox.core import events as E
from escapebox.core.autoplayer import branch_plan, reflection_answer
from escapebox.scenario.solver import solve
from escapebox.ui.pilot import post_actions

MAX_STEPS = 4000
MAX_IDLE = 25


class AutoPilot:
    def __init__(self, app, branch: int = 0):
        self.app = app
        self.branch = branch
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
        actions = screen.autoplay(command)
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
        post_actions(actions)

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
            return f"autoplay {scenario} branch {self.branch}: FAILED after {len(game.history)} commands: {detail}"
        ending = state.ending or state.end_reason or "?"
        return (f"autoplay {scenario} branch {self.branch} of {self.branches}: ending '{ending}' after "
                f"{len(game.history)} commands, "
                f"{len(self.screens)} kinds of screen, {self.steps} steps")

    def finished(self) -> bool:
        game = self.app.game
        return game is not None and game.session.state.ended
