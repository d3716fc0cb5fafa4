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

The summary line is in the interface's language (``ui.autoplay`` in the catalogues) and ends
in a part for scripts that stays the same in every language:
``[autoplay result=ok scenario=… branch=0 branches=4 input=keys ending=… variant=… commands=52 presses=311
typed=6]`` (``presses``: key presses, or clicks and drags with ``input=mouse``).
"""

from __future__ import annotations

from escapebox.core import commands as C
from escapebox.core import events as E
from escapebox.core.autoplayer import branch_plan, reflection_answer
from escapebox.scenario.branches import shown_ending
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
                    self._stop(1, self.app.tr("ui.autoplay.no_branch", branch=self.branch, count=self.branches,
                                              last=self.branches - 1))
                    return
                self.plan = [p.command for p in branch_plan(game.session, self.branch, solution)]
            self._progress(game)
            if self.problems:
                self._stop(1)
                return
        screen = self.app.stack.top
        if screen is None:
            self._stop(1, self.app.tr("ui.autoplay.no_screen"))
            return
        self.screens.add(screen.name)
        command = self._next_command(game)
        try:
            actions = resolve(screen, screen.autoplay(command) or [], self.mode)
        except NoMouseWay as problem:
            self._stop(1, self.app.tr("ui.autoplay.mouse_only", problem=problem))
            return
        self.steps += 1
        if not actions:
            self.idle += 1
            if self.idle > MAX_IDLE:
                self._stop(1, self.app.tr("ui.autoplay.stuck", screen=screen.name, command=repr(command)))
            return
        self.idle = 0
        if self.steps > MAX_STEPS:
            self._stop(1, self.app.tr("ui.autoplay.too_many", screen=screen.name, command=repr(command)))
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
            tr = self.app.tr
            if outcome.refused is not None:
                self.problems.append(tr("ui.autoplay.refused", command=type(command).__name__,
                                        reason=outcome.refused.reason))
            elif outcome.first(E.WrongAnswer) is not None:
                self.problems.append(tr("ui.autoplay.wrong", puzzle=command.puzzle,
                                        answer=outcome.first(E.WrongAnswer).shown))
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
        """One line in the interface's language, then the same facts for scripts (see the module)."""
        tr, game = self.app.tr, self.app.game
        if game is None:
            return tr("ui.autoplay.failed_early", detail=reason) + " " + self._facts("failed")
        scenario = game.scenario.id
        mode = tr(f"ui.autoplay.{self.mode}")
        commands = len(game.history)
        if reason or self.problems:
            detail = "; ".join(self.problems + ([reason] if reason else []))
            return (tr("ui.autoplay.failed", scenario=scenario, branch=self.branch, mode=mode, commands=commands,
                       detail=detail) + " " + self._facts("failed", scenario=scenario, commands=commands))
        ending, variant = self._ending(game)
        shown = (tr("ui.autoplay.no_ending") if ending is None else
                 tr("ui.autoplay.ending_variant", ending=ending, variant=variant) if variant else
                 tr("ui.autoplay.ending", ending=ending))
        used = tr(f"ui.autoplay.used_{self.mode}", presses=self.presses, typed=self.typed)
        line = tr("ui.autoplay.done", scenario=scenario, branch=self.branch, branches=self.branches, mode=mode,
                  ending=shown, commands=commands, screens=len(self.screens), used=used)
        return line + " " + self._facts("ok", scenario=scenario, ending=ending, variant=variant, commands=commands,
                                        presses=self.presses, typed=self.typed)

    @staticmethod
    def _ending(game) -> tuple[str | None, str | None]:
        """The ending reached (or why the game stopped: time, trainer) and the variant the choices called for."""
        state, scenario = game.session.state, game.scenario
        ending = state.ending or state.end_reason or None
        if ending is None or ending not in scenario.endings:
            return ending, None
        return ending, shown_ending(scenario, ending, state.choices).variant

    def _facts(self, result: str, **facts) -> str:
        """The part for scripts: ``key=value`` words in English, the same under every interface language."""
        words = {"result": result, "scenario": facts.pop("scenario", None), "branch": self.branch,
                 "branches": self.branches or None, "input": self.mode, **facts}
        return "[autoplay " + " ".join(f"{k}={v}" for k, v in words.items() if v is not None) + "]"

    def finished(self) -> bool:
        game = self.app.game
        return game is not None and game.session.state.ended
