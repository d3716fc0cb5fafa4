"""The title screen of a scenario: what it is about, how to play, and how answers are kept.

Shows the summary, learning goals, duration and players, the scenario's
language (and a note when it is not the interface's: ``--lang en`` on a
Dutch case), a short "how to play", and the privacy sentence.  The body
pages with PageDown/PageUp; the facts and the privacy sentence never do.  Offers to continue a saved game of the
same scenario when there is one.

At the largest text size the two cards no longer fit in the column above the buttons: the buttons
then go in a row under the body, both cards take the whole right column, and a body that would
still page is set one text step smaller (see ``_place_cards_beside_body``).
"""

from __future__ import annotations

import pygame

from escapebox.privacy import privacy_notice

from escapebox.ui.canvas import LOGICAL_W
from escapebox.ui.screen import Screen
from escapebox.ui.screens.base import fit_title
from escapebox.ui.screens.settings import open_settings
from escapebox.ui.settings import TEXT_STEPS
from escapebox.ui.widgets import Button, TextBox

MARGIN = 80
GAP = 32
SIDE_W = 640
#: the right column when large text (a beamer) does not fit the facts and the privacy sentence in
#: SIDE_W: half the width, so the body text keeps 864 px (about 55 characters at beamer size)
WIDE_SIDE_W = (LOGICAL_W - 2 * MARGIN - GAP) // 2
LOGO_W, LOGO_H = 360, 90   # an organisation's logo (theme), top right
#: the scenario's language, named in the interface's language; and the note when the two differ
LANGUAGE_NAMES = {"nl": "ui.language.name_nl", "en": "ui.language.name_en"}
LANGUAGE_NOTES = {"nl": "ui.language.in_nl", "en": "ui.language.in_en"}
#: room a message keeps from the title, a card or a button: a focus ring reaches 9 px outside its
#: control (``draw_focus_ring``: the theme's 6 px ring, 3 px off the edge)
TOAST_CLEAR = 16
#: a free stretch narrower than this holds too few words a line for a message (as on game screens)
TOAST_MIN_W = 420


def language_name(tr, scenario) -> str:
    return tr(LANGUAGE_NAMES.get(scenario.language, "ui.language.name_nl"))


def language_note(tr, scenario) -> str | None:
    """"Dit scenario is in het Engels" when the case text is not in the interface's language (``--lang``)."""
    if scenario.language == tr.lang:
        return None
    return tr(LANGUAGE_NOTES.get(scenario.language, "ui.language.in_nl"))


#: the text step a long intro's body may drop to: only the largest, and only to the beamer preset's
#: step, so body text stays at least 40 of 1080 px (the beamer's readable-from-the-back size)
STEP_DOWN = {"extra_large": "large"}


class IntroBody(TextBox):
    """The intro's body text, which a long intro may set at another text step than the player's.

    ``text_step`` None is the player's own step; a step name draws the text (and pages it) at that
    step's size instead, so only this box changes and the facts, privacy and buttons keep theirs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.text_step: str | None = None

    def layout(self, canvas, ctx):
        if self.text_step is None:
            return super().layout(canvas, ctx)
        size = ctx.theme.size(self.role, TEXT_STEPS[self.text_step])
        return canvas.layout(self.text, self.style, size, max(40, self._inner().width))

    def fits(self, canvas, ctx) -> bool:
        return self.measure(canvas, ctx) <= self.rect.height


class IntroScreen(Screen):
    name = "intro"

    def __init__(self, app, loaded):
        super().__init__(app)
        self.loaded = loaded
        launcher = app.services.launcher
        self.saved = launcher.resumable(loaded) if launcher is not None else None
        app.use_scenario(loaded)  # its house style and language, unless the player chose otherwise

    @property
    def scenario(self):
        return self.loaded.scenario

    @property
    def keeps_first_frame(self) -> bool:
        """The intro shows the scenario only, unless a saved game offers "Verder met <group>"."""
        return not self.saved

    def body_text(self) -> str:
        tr, s = self.app.tr, self.scenario
        parts = [s.summary]
        if s.goals:
            parts.append(tr("ui.intro.goals") + "\n" + "\n".join(f"• {g}" for g in s.goals.values()))
        parts.append(tr("ui.intro.how_heading") + "\n" + tr("ui.intro.how"))
        return "\n\n".join(parts)

    @property
    def language_differs(self) -> bool:
        return language_note(self.app.tr, self.scenario) is not None

    def facts(self) -> list[str]:
        tr, s = self.app.tr, self.scenario
        lines = [tr("ui.intro.duration", minutes=s.duration), tr("ui.intro.players", players=s.players.replace(" ", ""))]
        if s.timer.minutes:
            lines.append(tr("ui.intro.timer", minutes=s.timer.minutes))
        else:
            lines.append(tr("ui.intro.no_timer"))
        if s.audience:
            lines.append(tr("ui.intro.audience", audience=s.audience))
        if s.level:
            lines.append(tr("ui.intro.level", level=s.level))
        lines.append(tr("ui.intro.language", language=language_name(tr, s)))
        note = language_note(tr, s)
        if note:
            lines.append(note)
        return lines

    def layout(self) -> None:
        tr = self.app.tr
        top = self._fit_title(("display", "title", "heading"))
        buttons = [Button(tr("ui.intro.start"), self.start, key="start", kind="primary")]
        if self.saved:
            group = self.saved.get("group_name") or "?"
            buttons.append(Button(tr("ui.intro.resume", group=group), self.resume, key="resume"))
        buttons.append(Button(tr("settings.open"), lambda: open_settings(self.app), key="settings"))
        if len(self.app.stack.screens) > 1:
            buttons.append(Button(tr("ui.intro.back"), self.back, key="back"))
        self.privacy_box = TextBox(privacy_notice(tr), key="privacy", panel=True, role="small")
        self.facts_box = TextBox("\n".join(self.facts()), key="facts", panel=True, style="bold")
        # the right column as it always was; then, for large text, smaller facts and a wider column
        for side_w, role in ((SIDE_W, "body"), (SIDE_W, "small"), (WIDE_SIDE_W, "body"), (WIDE_SIDE_W, "small")):
            if self._place_column(buttons, top, side_w, role):
                break
        else:
            # the largest text size: the title one role smaller gives the cards and the body 48 px more
            top = self._fit_title(("title", "heading"))
            if not self._place_cards_beside_body(buttons, top):
                self._place_column(buttons, top, SIDE_W, "body")
                self._facts_over_body(top)
        self.set_widgets([self.body, self.facts_box, self.privacy_box] + buttons, default="start")

    def _fit_title(self, roles: tuple[str, ...]) -> int:
        """The title in the largest of ``roles`` that fits one line beside the logo; returns the top of the cards."""
        canvas, app = self.app.canvas, self.app
        logo_w = LOGO_W + GAP if app.theme.logo else 0
        self.title_layout = fit_title(canvas, app, self.scenario.title, LOGICAL_W - 2 * MARGIN - logo_w,
                                      roles=roles, max_lines=1)
        return 50 + self.title_layout.height + 24

    def _place_column(self, buttons: list, top: int, side_w: int, role: str) -> bool:
        """Buttons at the bottom of a column ``side_w`` wide, the privacy sentence above them, the facts at
        the top, the body text left of it; False when the two cards do not both fit whole."""
        canvas, app = self.app.canvas, self.app
        side_x = LOGICAL_W - MARGIN - side_w
        y = 1040
        for button in reversed(buttons):
            height = button.preferred_height(canvas, app, side_w)
            y -= height
            button.rect = pygame.Rect(side_x, y, side_w, height)
            y -= 20
        self.privacy_box.rect = pygame.Rect(side_x, top, side_w, 10)
        self.facts_box.rect = pygame.Rect(side_x, top, side_w, 10)
        self.facts_box.role = role
        column = y - top
        privacy_h = self.privacy_box.measure(canvas, app)
        facts_h = self.facts_box.measure(canvas, app)
        privacy_h = min(privacy_h, column)          # longer than the whole column: it pages, never cut off
        self.privacy_box.rect = pygame.Rect(side_x, y - privacy_h, side_w, privacy_h)
        self.facts_box.rect.height = facts_h
        body_w = side_x - GAP - MARGIN
        self.body = IntroBody(self.body_text(), pygame.Rect(MARGIN, top, body_w, 1040 - top), key="body", panel=True)
        return facts_h + GAP + privacy_h <= column

    def _place_cards_beside_body(self, buttons: list, top: int) -> bool:
        """The largest text size: the facts (small print) at the top of the right column and the privacy
        sentence at its foot, the buttons in rows under the body; False when the cards do not fit.

        Measured at "extra_large" (both window sizes lay out the same 1920x1080 logical canvas): the
        facts over the body left it 450 px, 5 lines a page, so the bundled intros paged 7-8 times. Here
        the cards fit the column (zij-instromer in English, the tallest: 481 + 32 + 334 of 870 px) and
        the body keeps 750 px: 11 lines at the player's 60 px line, 12 at one step smaller (52 px), so
        the longest bundled intro (34 lines) takes 3 pages.
        """
        canvas, app = self.app.canvas, self.app
        side_x = LOGICAL_W - MARGIN - SIDE_W
        self.facts_box.role, self.privacy_box.role = "small", "small"
        self.facts_box.rect = pygame.Rect(side_x, top, SIDE_W, 10)
        self.privacy_box.rect = pygame.Rect(side_x, top, SIDE_W, 10)
        facts_h, privacy_h = self.facts_box.measure(canvas, app), self.privacy_box.measure(canvas, app)
        if facts_h + GAP + privacy_h > 1040 - top:
            return False
        self.facts_box.rect.height = facts_h
        self.privacy_box.rect = pygame.Rect(side_x, 1040 - privacy_h, SIDE_W, privacy_h)
        body_w = side_x - GAP - MARGIN
        buttons_top = self._button_rows(buttons, body_w)
        self.body = IntroBody(self.body_text(), pygame.Rect(MARGIN, top, body_w, buttons_top - 20 - top),
                              key="body", panel=True)
        if not self.body.fits(canvas, app):
            self.body.text_step = STEP_DOWN.get(app.settings.text_size)
        return True

    def _button_rows(self, buttons: list, width: int) -> int:
        """The buttons in rows across ``width`` from the bottom up (Start first): as many to a row as keep
        every label on one line (Start, Instellingen and Terug do at extra_large); returns the top."""
        canvas, app = self.app.canvas, self.app
        one_line = {id(b): b.preferred_height(canvas, app, width) for b in buttons}
        for per_row in range(len(buttons), 0, -1):
            each = (width - 20 * (per_row - 1)) // per_row
            if all(b.preferred_height(canvas, app, each) <= one_line[id(b)] for b in buttons):
                break
        rows = [buttons[i:i + per_row] for i in range(0, len(buttons), per_row)]
        y = 1040
        for row in reversed(rows):
            height = max(button.preferred_height(canvas, app, each) for button in row)
            y -= height
            for n, button in enumerate(row):
                button.rect = pygame.Rect(MARGIN + n * (each + 20), y, each, height)
            y -= 20
        return y + 20

    def _facts_over_body(self, top: int) -> None:
        """No column takes both cards whole: the facts wrap in one card over the body text (which pages)."""
        canvas, app = self.app.canvas, self.app
        *facts, note = self.facts() if self.language_differs else (*self.facts(), None)
        self.facts_box.text = "  ·  ".join(facts) + (f"\n{note}" if note else "")
        self.facts_box.role = "body"
        width = self.body.rect.width
        self.facts_box.rect = pygame.Rect(MARGIN, top, width, 10)
        self.facts_box.rect.height = min(self.facts_box.measure(canvas, app), (1040 - top) // 2)
        body_top = self.facts_box.rect.bottom + GAP
        self.body.rect = pygame.Rect(MARGIN, body_top, width, 1040 - body_top)

    @property
    def toast_areas(self) -> list[pygame.Rect]:
        """Where messages may go, best first: beside the title, then the empty stretches of the right column.

        Never the band along the top edge: the title stands there, and a message over it hid the
        scenario's name (1280x720 and the beamer, every text size).
        """
        line = self.app.text.line_height(self.app.size("small"))
        areas = [a for a in (self._beside_title(), *self._column_gaps()) if a is not None and a.height >= line + 20]
        wide = [a for a in areas if a.width >= TOAST_MIN_W]
        # none wide enough (a logo beside a long title at large text leaves 381 px beside it, and the
        # column's gap is 40 px high): the widest there is, as a message cut short beats no message
        return wide or sorted(areas, key=lambda a: a.width, reverse=True)[:1]

    def _title_bottom(self) -> int:
        return 50 + self.title_layout.height

    def _beside_title(self) -> pygame.Rect | None:
        """Right of the title's last letter, up to the logo (or the margin), as high as the title's band."""
        canvas, layout = self.app.canvas, self.title_layout
        title_w = max((canvas.measure(text, "bold", layout.size) for text in layout.lines), default=0)
        left = MARGIN + title_w + GAP
        logo = self._logo_rect()
        right = logo.left - GAP if logo is not None else LOGICAL_W - MARGIN
        cards_top = self._title_bottom() + 24
        return pygame.Rect(left, 8, right - left, cards_top - TOAST_CLEAR - 8)

    def _column_gaps(self) -> list[pygame.Rect]:
        """The empty stretches of the right column (between the facts and the privacy sentence, mostly)."""
        column = self.privacy_box.rect
        taken = sorted((w.rect for w in self.focus.widgets
                        if w.rect is not None and w.rect.left < column.right and w.rect.right > column.left),
                       key=lambda r: r.top)
        gaps, y = [], self._title_bottom()
        for rect in taken:
            if rect.top - y > 2 * TOAST_CLEAR:
                gaps.append(pygame.Rect(column.left, y + TOAST_CLEAR, column.width, rect.top - y - 2 * TOAST_CLEAR))
            y = max(y, rect.bottom)
        return gaps

    def start(self) -> None:
        from escapebox.ui.screens.group_name import GroupNameScreen
        self.app.stack.push(GroupNameScreen(self.app, self.loaded))

    def resume(self) -> None:
        self.app.services.launcher.resume(self.loaded, self.saved["id"])

    def back(self) -> None:
        self.app.use_scenario(None)
        self.app.stack.pop()

    def handle(self, event) -> bool:
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_PAGEDOWN:
                if not self.body.page(1):
                    self.start()
                return True
            if event.key == pygame.K_PAGEUP:
                self.body.page(-1)
                return True
            if event.key == pygame.K_ESCAPE and len(self.app.stack.screens) > 1:
                self.back()
                return True
        return super().handle(event)

    def draw(self, canvas) -> None:
        c = self.app.theme.colours
        canvas.paragraph(self.title_layout, pygame.Rect(MARGIN, 50, LOGICAL_W - 2 * MARGIN, self.title_layout.height), c.text)
        logo = self._logo_rect()
        if logo is not None:
            canvas.image(self.app.theme.logo, logo)
        super().draw(canvas)

    def _logo_rect(self) -> pygame.Rect | None:
        """Where the organisation's logo goes: right-aligned, at most LOGO_W × LOGO_H; None: no logo."""
        logo = self.app.theme.logo
        natural = self.app.canvas.images.natural_size(logo) if logo else None
        if not natural:
            return None
        width = min(LOGO_W, round(LOGO_H * natural[0] / natural[1]))
        return pygame.Rect(LOGICAL_W - MARGIN - width, 40, width, LOGO_H)

    def autoplay(self, command) -> list | None:
        return self.keys_to("start")
