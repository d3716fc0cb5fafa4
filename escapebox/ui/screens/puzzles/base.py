"""What every puzzle screen shares: question, answer area, feedback, check button, success.

A kind only builds its answer widgets (:meth:`build_answer`) and says what
the current answer is (:meth:`answer`).  Checking always goes through
``TryAnswer``; the events decide what is shown: the scenario's feedback for
a wrong answer (with the words "Nog niet goed", not only red), or the
success panel with a short animation (a still image with reduced motion)
and a sound, then "Verder".
"""

from __future__ import annotations

import pygame

from escapebox.core import commands as C
from escapebox.core import events as E
from escapebox.ui.screens.base import GameScreen
from escapebox.ui.screens.listdetail import ScrollMarker
from escapebox.ui.widgets import Button, TextBox
from escapebox.ui.widgets.button import draw_check, draw_cross


def draw_fork(canvas, rect, colour, width: int = 6) -> None:
    """A road that splits in two: the mark of a dilemma choice (a tick would say 'right answer')."""
    r = pygame.Rect(rect)
    split = (r.left + r.width * 0.5, r.top + r.height * 0.5)
    canvas.line((r.left + r.width * 0.5, r.top + r.height * 0.82), split, colour, width)
    canvas.line(split, (r.left + r.width * 0.26, r.top + r.height * 0.2), colour, width)
    canvas.line(split, (r.left + r.width * 0.74, r.top + r.height * 0.2), colour, width)


GAP = 24
ANIMATION_S = 0.6
#: The feedback box is never taller than this (logical px): at body size that is five lines,
#: which holds the longest feedback in the bundled scenarios (three lines at 1920 wide); a
#: longer text gets small text, and beyond that pages like any text box.
FEEDBACK_MAX_H = 260
#: space above and below the feedback text; its left edge is past the 56-px mark at 20, with 20 to the right
FEEDBACK_PAD_Y = 32
#: how a screen whose controls do not fit makes room, step by step: (lines of small text the
#: feedback keeps at most, None: all it needs; the question at most 1/n of the area, 0: its own
#: share; whether the rows of options, steps or pairs may be shown a page at a time).  Paging is
#: the last resort, for rows that do not fit even beside a feedback of one line (six pairs at
#: extra large text): every option in sight matters more while choosing than a feedback read once.
#: A paged screen gives the feedback back its room: with one line of small text a three-line
#: feedback paged over three pages ("Nog niet goed. Goedbedoeld, maar…", student-met-rugzak).
#: A kind without rows (a text field, a keypad) builds the same paged or not.
COMPACT_STEPS = ((None, 0, False), (2, 0, False), (2, 5, False), (1, 6, False), (None, 5, True), (2, 5, True))
FEEDBACK_TEXT_LEFT, FEEDBACK_TEXT_RIGHT = 100, 20
#: The refusal a check can meet on any puzzle screen: the trainer paused the game from the other
#: window.  Rarer ones (a view-only window, a lock the trainer opened meanwhile) get the same room,
#: in smaller text or paged: reserving for them too left a keypad of 20-px keys at the largest text size.
REFUSALS = ("rules.paused",)


class PuzzleScreen(GameScreen):
    name = "puzzle"
    #: The puzzle kind (``kind:`` in the scenario) this class shows: declaring it registers the
    #: screen (``escapebox.ui.screens.puzzles.screen_classes``); a base class of screens leaves it None.
    puzzle_kind: str | None = None
    #: Enter checks the answer unless a toolbar button or a widget that wants Enter has focus
    enter_submits = True
    submit_label = "ui.puzzle.check"
    #: the success text once solved (see :meth:`build_solved`)
    body_box: TextBox | None = None
    #: the on-screen keypad of a code (or numeric meta) puzzle; None: this kind has none
    keypad = None
    #: the feedback text, in the room reserved for the longest one (:meth:`feedback_texts`)
    feedback_box: TextBox | None = None
    #: rows that do not fit are shown a page at a time (:meth:`place_rows`): the page shown, and
    #: each row widget's page (None: all rows fit); whether this build may page (COMPACT_STEPS)
    row_page = 0
    row_pages: dict[str, int] | None = None
    may_page = False

    def __init__(self, app, puzzle_id: str, via: str | None = None):
        super().__init__(app)
        self.puzzle_id = puzzle_id
        self.puzzle = app.game.scenario.puzzles[puzzle_id]
        self.via = via
        self.feedback: tuple[str, str] | None = None
        self.solved: E.LockOpened | None = None
        self.choice_text: str | None = None
        self.anim = ANIMATION_S
        self.name = f"puzzle-{self.puzzle.kind}"

    def title(self) -> str:
        return self.puzzle.title

    def hint_puzzles(self) -> list[str]:
        return [self.puzzle_id] if self.puzzle.hints and not self.solved else []

    # ------------------------------------------------------------ layout

    def build(self, area: pygame.Rect) -> list:
        """The question, the answer's controls, the check button and the feedback's place.

        When the controls do not fit between the question and the feedback (seven options or six
        steps at the beamer's large text, played by hand: the feedback and 'Controleer' were drawn
        over the last rows, and a click meant to check picked up a step), the feedback keeps less
        room (its text gets smaller, then pages) and then the question does (it pages with its
        arrows); only sizes decide, so the screen still stays put while it is open.
        """
        if self.solved is not None:
            return self.build_solved(area)
        for compact in range(len(COMPACT_STEPS)):
            widgets = self._build_at(area, compact)
            if self.answers_fit(widgets):
                break
        return widgets

    def answers_fit(self, widgets: list) -> bool:
        """Whether the answer's controls shown (not a row of another page) end above the feedback."""
        answers = [w for w in widgets if w.key not in ("question", "submit", "feedback") and not w.clipped]
        return all(w.rect.bottom <= self.answer_area.bottom for w in answers)

    def _build_at(self, area: pygame.Rect, compact: int) -> list:
        canvas = self.app.canvas
        feedback_limit, question_share, self.may_page = COMPACT_STEPS[compact]
        self.row_pages = None
        question_w = self.question_width(area)
        question = TextBox(self.question_text(), pygame.Rect(area.left, area.top, question_w, 10),
                           key="question", role="body", style="bold")
        question_max = self.max_question_height(area)
        if question_share:
            question_max = min(question_max, area.height // question_share)
        question.rect.height = min(question.measure(canvas, self.app), question_max)
        self.question_box = question
        self.submit_button = Button(self.app.tr(self.submit_label), self.submit, key="submit", kind="primary")
        submit_w = max(420, canvas.measure(self.submit_button.text, "bold", self.app.size("button")) + 64)
        submit_h = self.submit_button.preferred_height(canvas, self.app, submit_w) if self.show_submit() else 0
        feedback_w = area.width - (submit_w + GAP if self.show_submit() else 0)
        # a keypad is narrow: its feedback goes beside it, and the keys keep the height
        beside = self.keypad is not None
        feedback_h = self._feedback_room(feedback_w) if feedback_limit is None else \
            min(self._feedback_room(feedback_w), self._lines_of_small(feedback_limit))
        bottom_h = max(submit_h, 0 if beside else feedback_h)
        self.submit_button.rect = pygame.Rect(area.right - submit_w, area.bottom - bottom_h, submit_w, submit_h)
        self.feedback_rect = pygame.Rect(area.left, area.bottom - bottom_h, feedback_w, bottom_h)
        answer_area = pygame.Rect(area.left, question.rect.bottom + GAP, area.width,
                                  area.bottom - bottom_h - GAP - question.rect.bottom - GAP)
        self.answer_area = answer_area
        widgets = self.build_answer(answer_area)
        if beside:
            side = self.keypad.side
            self.feedback_rect = pygame.Rect(side.left, side.top, side.width, self._feedback_room(side.width, side.height))
        self.submit_button.enabled = self.can_submit()
        return [question] + widgets + ([self.submit_button] if self.show_submit() else []) + [self._feedback_box()]

    def question_text(self) -> str:
        """What the group reads above the answer (a conversation: what was said so far in this turn)."""
        return self.puzzle.question

    def question_width(self, area: pygame.Rect) -> int:
        return area.width

    def max_question_height(self, area: pygame.Rect) -> int:
        return area.height // 3

    # ------------------------------------------------------------ feedback

    def feedback_texts(self) -> list[str]:
        """Every text the feedback box of this screen can show, so its room is there from the start.

        Reserving only when feedback appears shrank the keypad, the picture and the options
        under the group's hands (a click then hit another key, issue #16).
        """
        tr = self.app.tr
        wrong = [tr("ui.puzzle.wrong", feedback=text) for text in self.wrong_feedbacks() + [tr("ui.puzzle.wrong_default")]]
        refusals = [tr(reason, puzzle=self.puzzle.title) for reason in self.refusals()]
        return wrong + refusals + self.how_to_texts()

    def refusals(self) -> list[str]:
        """The refusals a check on this puzzle may well meet (escapebox/core/rules.py, ``_do_TryAnswer``)."""
        reasons = list(REFUSALS)
        if self.puzzle.required_items():
            reasons.append("rules.items_needed")          # an item used up elsewhere
        if self.puzzle.prerequisite_puzzles():
            reasons.append("rules.prerequisites_first")   # a meta lock tried before the puzzles it builds on
        return reasons

    def wrong_feedbacks(self) -> list[str]:
        """The scenario's texts for a wrong answer: the puzzle's own, a near miss's, a wrong option's."""
        puzzle = self.puzzle
        texts = [puzzle.wrong_feedback] if puzzle.wrong_feedback else []
        # a pack read without the trainer's password keeps them only in its seal (digest → text)
        secrets = puzzle._seal if puzzle.sealed else puzzle.secrets()
        return texts + (list(secrets.feedback.values()) if secrets is not None else [])

    def how_to_texts(self) -> list[str]:
        """This kind's own messages in the feedback box (how to choose before checking)."""
        return []

    def _feedback_room(self, width: int, limit: int = FEEDBACK_MAX_H) -> int:
        """The height of the tallest feedback text, at most ``limit`` (a longer one gets smaller text, then pages)."""
        heights = [self._feedback_layout(text, width, "body").height for text in self.feedback_texts()]
        # never less than two lines: a text nobody reserved for then pages with a line and "Meer tekst"
        floor = 2 * self.app.text.line_height(self.app.size("body"))
        return min(max(heights + [floor]) + FEEDBACK_PAD_Y, limit)

    def _lines_of_small(self, lines: int) -> int:
        """The feedback box's height for ``lines`` lines of small text."""
        return lines * self.app.text.line_height(self.app.size("small")) + FEEDBACK_PAD_Y

    def _feedback_layout(self, text: str, width: int, role: str):
        return self.app.canvas.layout(text, "bold", self.app.size(role), width - FEEDBACK_TEXT_LEFT - FEEDBACK_TEXT_RIGHT)

    def _feedback_box(self) -> TextBox:
        """The feedback text in its reserved place: body text, smaller if that does not fit, paged beyond."""
        rect = self.feedback_rect
        inner = pygame.Rect(rect.left + FEEDBACK_TEXT_LEFT, rect.top + 16,
                            rect.width - FEEDBACK_TEXT_LEFT - FEEDBACK_TEXT_RIGHT, rect.height - 24)
        text, kind = self.feedback or ("", "danger")
        fits = self._feedback_layout(text, rect.width, "body").height <= inner.height
        self.feedback_box = TextBox(text, inner, key="feedback", role="body" if fits else "small", style="bold",
                                    colour="danger" if kind == "danger" else "success")
        self.feedback_box.side_pages = True     # one line of it at the tightest step (COMPACT_STEPS)
        return self.feedback_box

    def build_answer(self, area: pygame.Rect) -> list:
        return []

    # ------------------------------------------------------------ rows a page at a time

    def place_rows(self, rows: list[list], heights: list[int], area: pygame.Rect, gap: int,
                   count_each: bool = True) -> list:
        """Put rows of controls (their left and width already set) under each other in ``area``.

        When they do not fit (six pairs at extra large text: 106-px pairs in a 560-px area) and the
        screen may page (:data:`COMPACT_STEPS`), the rows are shown a page at a time with a marker
        at the bottom, "▼ nog 2 hieronder", that turns the page when clicked; the focus moving onto
        a row of another page (Tab, the arrows, or the clicker's PageDown, which goes to the next
        control: turning pages instead left a clicker no way to the rest of a page) shows it.  Rows of
        other pages keep places above and below the area (for the arrows), clipped: not drawn or
        clickable.  A row is always in the same place on its page, so nothing moves under the mouse
        except when the group turns the page.  Returns the marker (or nothing, when all fit).
        """
        total = sum(heights) + gap * max(0, len(heights) - 1)
        if total <= area.height or not self.may_page:
            self._stack_rows(rows, heights, area.top, range(len(rows)), gap)
            return []
        # the last page's marker goes back to the first, so clicks alone reach every page
        marker = ScrollMarker("", lambda: self.turn_rows(1) or self.turn_rows(-self.row_page),
                              key="rows_more", down=True)
        marker_h = marker.preferred_height(self.app.canvas, self.app, area.width)
        pages = self._split_pages(heights, area.height - marker_h - gap, gap)
        self.row_page = max(0, min(self.row_page, len(pages) - 1))
        self.row_pages = {w.key: n for n, page in enumerate(pages) for r in page for w in rows[r]}
        shown = pages[self.row_page]
        first_top = area.top - sum(heights[r] + gap for r in range(shown[0]))
        self._stack_rows(rows, heights, first_top, shown, gap)
        last = self.row_page == len(pages) - 1
        marker.down = not last
        # what the marker counts: the options of a grid row each, a match's pair of entries once
        size = (lambda r: len(rows[r])) if count_each else (lambda r: 1)
        above = sum(size(r) for r in range(shown[0]))
        below = sum(size(r) for r in range(shown[-1] + 1, len(rows)))
        if last:
            marker.text = self.app.tr("ui.puzzle.rows_above", count=above)
        elif above:
            marker.text = self.app.tr("ui.puzzle.rows_between", above=above, below=below)
        else:
            marker.text = self.app.tr("ui.puzzle.rows_below", count=below)
        marker.rect = pygame.Rect(area.left, area.bottom - marker_h, area.width, marker_h)
        return [marker]

    def _stack_rows(self, rows: list[list], heights: list[int], top: int, shown, gap: int) -> None:
        y = top
        for n, (row, height) in enumerate(zip(rows, heights)):
            for widget in row:
                widget.rect = pygame.Rect(widget.rect.left, y, widget.rect.width, height)
                widget.clipped = n not in shown
            y += height + gap

    @staticmethod
    def _split_pages(heights: list[int], room: int, gap: int) -> list[list[int]]:
        """Rows (indices) per page: as many as fit in ``room``, at least one."""
        pages: list[list[int]] = [[]]
        used = 0
        for n, height in enumerate(heights):
            if pages[-1] and used + gap + height > room:
                pages.append([])
                used = 0
            used += height + (gap if pages[-1] else 0)
            pages[-1].append(n)
        return pages

    def turn_rows(self, direction: int) -> bool:
        """The next (previous) page of rows (a click on the marker); False when there is none."""
        if self.row_pages is None:
            return False
        count = max(self.row_pages.values()) + 1
        if not 0 <= self.row_page + direction < count:
            return False
        self.row_page += direction
        self.layout()
        first = next(key for key, page in self.row_pages.items() if page == self.row_page)
        self.focus.focus_key(first)
        self.app.invalidate()
        return True

    def _follow_focus(self) -> None:
        """The focus went (by Tab, an arrow or a digit key) to a row of another page: show that page."""
        focused = self.focus.focused
        if self.row_pages is not None and focused is not None and focused.clipped and focused.key in self.row_pages:
            self.row_page = self.row_pages[focused.key]
            self.layout()
            self.app.invalidate()

    def show_submit(self) -> bool:
        return True

    def can_submit(self) -> bool:
        return True

    def answer(self):
        raise NotImplementedError

    def default_focus(self) -> str | None:
        return "continue" if self.solved is not None else None

    # ------------------------------------------------------------ checking

    def submit(self) -> None:
        if self.solved is not None or not self.can_submit():
            return
        outcome = self.game.apply(C.TryAnswer(self.puzzle_id, self.answer()))
        refused = outcome.refused
        tr = self.app.tr
        if refused is not None:
            self.feedback = (self.game.message(refused), "danger")
        elif (wrong := outcome.first(E.WrongAnswer)) is not None:
            text = wrong.feedback or tr("ui.puzzle.wrong_default")
            self.feedback = (tr("ui.puzzle.wrong", feedback=text), "danger")
            self.after_wrong(wrong)
        elif (opened := outcome.first(E.LockOpened)) is not None:
            self.solved = opened
            chosen = outcome.first(E.DilemmaChosen)
            self.choice_text = chosen.text if chosen else None
            self.anim = 0.0 if self.app.motion else ANIMATION_S
            self.feedback = None
            if self.via is not None:
                self.game.will_reveal(self.via)
        self.layout()

    def after_wrong(self, wrong) -> None:
        """A kind may reset its input after a wrong answer (the keypad clears)."""

    # ------------------------------------------------------------ solved

    def build_solved(self, area: pygame.Rect) -> list:
        tr, canvas = self.app.tr, self.app.canvas
        self.solved_rect = pygame.Rect(area.left + 160, area.top, area.width - 320, area.height)
        heading = tr("ui.puzzle.chosen", option=self.choice_text) if self.choice_text else tr("ui.puzzle.solved")
        body = self.solved_body()
        if self.puzzle.result:
            body = (body + "\n\n" if body else "") + tr("ui.puzzle.result", result=self.puzzle.result)
        self.solved_heading = heading
        go_on = Button(tr("ui.puzzle.continue"), self.go_on, key="continue", kind="primary")
        go_h = go_on.preferred_height(canvas, self.app, 520)
        go_on.rect = pygame.Rect(0, 0, 520, go_h)
        go_on.rect.midbottom = (area.centerx, area.bottom)
        heading_layout = canvas.layout(heading, "bold", self.solved_heading_size(), self.solved_rect.width - 220)
        top = self.solved_rect.top + max(180, heading_layout.height + 40)
        # the panel is as tall as its text, with "Verder" right under it: filling the area gave one or
        # two lines a 340-px box (played by hand); a text longer than the area pages in it as before
        room = area.bottom - go_h - GAP - top
        self.body_box = TextBox(body, pygame.Rect(self.solved_rect.left, top, self.solved_rect.width, room),
                                key="solved_text", panel=True)
        if body:
            self.body_box.rect.height = min(room, self.body_box.measure(canvas, self.app))
            go_on.rect.top = self.body_box.rect.bottom + GAP
        else:
            go_on.rect.top = top
        return [self.body_box, go_on] if body else [go_on]

    def solved_heading_size(self) -> int:
        """"Gelukt!" in title size; a chosen option is a sentence the group reads, in heading size:
        at title size a conversation's choice took three lines and paged its reply at the beamer."""
        return self.app.size("heading" if self.choice_text else "title")

    def solved_body(self) -> str:
        """The text under the heading once solved: the check's feedback, else the puzzle's solved text."""
        return self.solved.feedback or self.puzzle.solved_text or ""

    def go_on(self) -> None:
        """Back to the game; an object that was locked shows what was inside (after any reflection)."""
        self.game.reveal_after = self.via
        self.game.route()

    def pager(self):
        if self.solved is not None:
            return self.body_box
        # a feedback too long for its room is what the group reads now (PgDn, as its box says)
        box = self.feedback_box
        return box if box is not None and box.overflows() else self.question_box

    def advance(self) -> bool:
        if self.solved is not None:
            self.go_on()
            return True
        return False

    # ------------------------------------------------------------ keys

    def handle(self, event) -> bool:
        if (event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER)
                and self.solved is None and self.enter_submits):
            focused = self.focus.focused
            if focused is None or not (focused.key or "").startswith("tb_") and not self.wants_enter(focused):
                self.submit()
                return True
        used = super().handle(event)
        self._follow_focus()
        return used

    def wants_enter(self, widget) -> bool:
        """Widgets for which Enter means "activate me" rather than "check"."""
        return widget.key in ("submit", "continue")

    def update(self, dt: float) -> bool:
        busy = super().update(dt)
        if self.anim < ANIMATION_S:
            self.anim = min(ANIMATION_S, self.anim + dt)
            return True
        return busy

    @property
    def animating(self) -> bool:
        return self.anim < ANIMATION_S

    # ------------------------------------------------------------ drawing

    def draw_content(self, canvas) -> None:
        if self.solved is not None:
            self._draw_solved(canvas)
            return
        self.draw_answer(canvas)
        if self.feedback:
            self._draw_feedback(canvas)

    def draw_answer(self, canvas) -> None:
        """Drawing that is not a widget (pictures, lines between pairs)."""

    def _draw_feedback(self, canvas) -> None:
        """The box and its mark; the text is the ``feedback`` widget (it pages when too long)."""
        kind = self.feedback[1]
        c = self.app.theme.colours
        colour = c.danger if kind == "danger" else c.success
        rect = self.feedback_rect
        canvas.fill(rect, c.panel, 12)
        canvas.frame(rect, colour, 4, 12)
        mark = pygame.Rect(rect.left + 20, rect.top + 16, 56, 56)
        canvas.fill(mark, colour, 28)
        (draw_cross if kind == "danger" else draw_check)(canvas, mark, c.panel, 6)

    def _draw_solved(self, canvas) -> None:
        c = self.app.theme.colours
        # a dilemma is chosen, not solved: no green tick, the accent colour and a fork in the road
        chosen = self.choice_text is not None
        colour = c.accent if chosen else c.success
        progress = self.anim / ANIMATION_S
        ease = 1 - (1 - progress) ** 3
        centre = (self.solved_rect.left + 80, self.solved_rect.top + 80)
        radius = int(70 * (0.4 + 0.6 * ease)) if progress < 1 else 70
        if progress < 1:
            canvas.circle(centre, int(70 + 50 * ease), colour, 4)
        canvas.circle(centre, radius, colour)
        box = pygame.Rect(0, 0, radius * 2, radius * 2)
        box.center = centre
        (draw_fork if chosen else draw_check)(canvas, box, c.accent_text if chosen else c.panel, max(4, radius // 7))
        layout = canvas.layout(self.solved_heading, "bold", self.solved_heading_size(), self.solved_rect.width - 220)
        canvas.paragraph(layout, pygame.Rect(self.solved_rect.left + 190, self.solved_rect.top + 20,
                                             self.solved_rect.width - 220, layout.height), colour)

    # ------------------------------------------------------------ automation

    def autoplay(self, command) -> list | None:
        if self.solved is not None:
            return self.keys_to("continue")
        if not isinstance(command, C.TryAnswer) or command.puzzle != self.puzzle_id:
            return self.go_back()
        return self._via_pages(self.autoplay_answer(command.answer))

    def _via_pages(self, actions: list | None) -> list | None:
        """A row on another page: keys reach it (the page follows the focus), a mouse turns the page first."""
        if not actions or self.row_pages is None:
            return actions
        for action in actions:
            key = action[1] if action[0] == "widget" else action[2] if action[0] == "key" and len(action) > 2 else None
            widget = self.focus.find(key) if key else None
            if widget is not None and widget.clipped:
                return [("either", actions, [("widget", "rows_more")])]
        return actions

    def autoplay_answer(self, answer) -> list | None:
        return None

    def keys_to_type(self, field, answer) -> list:
        """Autoplay keys that put ``answer`` into a text field (focus it, clear it, type, Enter)."""
        keys = []
        if self.focus.focused is not field:
            keys += self.keys_to(field.key, press="none")
        if field.text:
            keys += [("key", "ctrl+a"), ("key", "backspace")]
        return keys + [("text", str(answer)), ("key", "return", "submit")]
