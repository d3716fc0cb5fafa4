"""The screen contract and the stack that holds the screens.

Each screen is a small class with ``enter``, ``exit``, ``handle``, ``update``
and ``draw`` (like Arcade's views).  Dialogs and overlays are pushed on top;
a screen that is not ``opaque`` lets the screens below show through, dimmed.
Screens lay out their widgets in :meth:`Screen.layout`, which runs again
when the text size changes, so nothing is hard-wired to one font size.
What the app asks of every screen (its clock, animations, where messages
may go) is declared here with a default, never probed for.
"""

from __future__ import annotations

import pygame

from escapebox.ui.widgets import FocusGroup


class Screen:
    #: Opaque screens hide everything below them; dialogs set this to False.
    opaque = True
    #: The trainer's overlay: what is shown to the group goes below it, and it is put back on
    #: top when the game's screens are rebuilt.
    stays_on_top = False
    #: A short name for screenshots and tests.
    name = "screen"
    #: Where this screen's game clock was last drawn (see :meth:`redraw_clock`); None: it shows none.
    clock_box: pygame.Rect | None = None
    #: No messages at all while this screen is on top (the presenter clicker's blank screen).
    quiet = False
    #: This screen sets ``Canvas.may_redraw_changes`` itself (the festival wall's new second), so its
    #: frames are noted for that; a focused text field does so for every screen (escapebox/ui/partial.py).
    redraws_changes = False
    #: A picture of this screen may be kept in the cache folder for the next start to show first
    #: (escapebox/ui/firstframe.py): only a screen that never shows what a group typed says so.
    keeps_first_frame = False

    def __init__(self, app):
        self.app = app
        self.focus = FocusGroup()
        self.focus.ctx = app
        self._focus_key: str | None = None

    # ------------------------------------------------------------ lifecycle

    def enter(self) -> None:
        """Called when the screen becomes the top of the stack (again)."""
        self.layout()

    def exit(self) -> None:
        """Called when the screen stops being on top; text input stops with it."""
        focused = self.focus.focused
        self._focus_key = focused.key if focused else None
        self.focus.focus(None)

    def focus_kept(self) -> str | None:
        """The key of the control with focus, or that had it when the screen went under another."""
        focused = self.focus.focused
        return focused.key if focused else self._focus_key

    def set_widgets(self, widgets: list, default: str | None = None) -> None:
        """Install this screen's widgets, keeping (or restoring) focus where it was."""
        key = self._focus_key
        self._focus_key = None
        current = self.focus.focused
        self.focus.set(widgets, self.app, focus_key=key or (current.key if current else None))
        if self.focus.focused is None:
            if not (default and self.focus.focus_key(default)):
                self.focus.step(1)

    def layout(self) -> None:
        """Place the widgets (logical units); may run again after a text-size change."""

    # ------------------------------------------------------------ events

    def handle(self, event) -> bool:
        if self.focus.handle(event, self.app):
            return True
        if event.type == pygame.KEYDOWN:
            return self.on_key(event)
        return False

    def on_key(self, event) -> bool:
        """Screen-specific keys, after the focused widget and the focus ring had their turn."""
        return False

    def update(self, dt: float) -> bool:
        """Advance animations; return True while the screen wants more frames."""
        return self.focus.update(dt, self.app)

    def draw(self, canvas) -> None:
        self.focus.draw(canvas, self.app)

    def redraw_clock(self, canvas):
        """Draw only this screen's clock where it was (a new second); None: this screen has none."""
        return None

    def unchanged_since_drawn(self) -> bool:
        """Whether drawing this screen now would give the pixels it last drew on the window.

        Asked of the screens under a dialog, which get no input then; one that
        cannot tell says False and the whole window is drawn (escapebox/ui/partial.py).
        """
        return False

    def alone_rect(self) -> pygame.Rect | None:
        """Where this screen draws when drawn alone over the last frame (:meth:`redraw_alone`); None: never."""
        return None

    def redraw_alone(self, canvas) -> bool:
        """Draw this screen again over the last frame, without the screens below; False if it cannot."""
        return False

    def wake_ms(self) -> int | None:
        """When an idle screen next needs drawing (a countdown), in milliseconds; None = no need."""
        return None

    @property
    def animating(self) -> bool:
        """True while an animation runs, so the loop draws every frame instead of sleeping."""
        return False

    def covers(self, rect: pygame.Rect) -> bool:
        """Whether this screen draws over ``rect`` (a dialog only where its panel is)."""
        return True

    def scenario_added(self, path) -> None:
        """A scenario was added to the trainer's own (dropped or opened, escapebox/ui/drop.py)."""

    @property
    def toast_areas(self) -> list[pygame.Rect]:
        """Where messages may go on this screen, best first; none: just under the top bar."""
        return []

    # ------------------------------------------------------------ automation

    def autoplay(self, command) -> list | None:
        """What brings this screen closer to ``command``, as actions (see :mod:`escapebox.ui.autoplay`).

        Actions name controls, not ways of reaching them, so that the same plan
        can be played with the keyboard only or with the mouse only:
        ``("widget", key, press)`` (from :meth:`keys_to`), ``("key", name, widget)``
        (a key, and the control a mouse clicks for the same effect; None: there is
        none), ``("text", text)``, and ``("either", key_actions, mouse_actions)``.
        """
        return None

    #: The widget that does what Esc does on this screen (a back or close button), for mouse play.
    back_key: str | None = None

    def keys_to(self, *keys: str, press: str = "return") -> list:
        """Reach each widget in turn and activate it with ``press`` ("none": only reach it).

        The auto-player turns this into Tab presses from the focus, or into a click on the widget.
        """
        return [("widget", key, press) for key in keys]

    def go_back(self) -> list:
        """Esc, or a click on :attr:`back_key`."""
        return [("key", "escape", self.back_key)]

    def tab_steps(self, actions: list) -> list:
        """Turn ``("widget", key, press)`` actions into Tab presses from the current focus."""
        order = [w for w in self.focus.widgets if w.can_focus()]
        current = self.focus.focused
        position = order.index(current) if current in order else -1
        keys = []
        for action in actions:
            if action[0] != "widget":
                keys.append(action)
                continue
            target = next((i for i, w in enumerate(order) if w.key == action[1]), None)
            if target is None:
                return keys
            steps = target + 1 if position < 0 else (target - position) % len(order)
            keys += [("key", "tab")] * steps
            if action[2] != "none":
                keys.append(("key", action[2]))
            position = target
        return keys


class ScreenStack:
    """The screens on show, bottom first; changed only through its own operations.

    Every operation keeps the same promises: the screen that stops being on
    top gets :meth:`Screen.exit`, the one that comes on top gets
    :meth:`Screen.enter` (it lays itself out there), and ``on_change`` runs
    once (the app redraws; in screenshot mode it takes a picture).  Screens,
    the facilitator and dev mode read the stack through :attr:`screens` (a
    tuple) and never edit it themselves.
    """

    def __init__(self, on_change=None):
        self._screens: list[Screen] = []
        self.on_change = on_change
        self.changes = 0

    @property
    def screens(self) -> tuple[Screen, ...]:
        """The screens, bottom first (a copy: change the stack with its operations)."""
        return tuple(self._screens)

    @property
    def top(self) -> Screen | None:
        return self._screens[-1] if self._screens else None

    def _changed(self) -> None:
        self.changes += 1
        if self.on_change:
            self.on_change()

    def push(self, screen: Screen) -> Screen:
        if self.top is not None:
            self.top.exit()
        self._screens.append(screen)
        screen.enter()
        self._changed()
        return screen

    def pop(self) -> Screen | None:
        if not self._screens:
            return None
        screen = self._screens.pop()
        screen.exit()
        if self.top is not None:
            self.top.enter()
        self._changed()
        return screen

    def replace(self, screen: Screen) -> Screen:
        if self._screens:
            self._screens.pop().exit()
        self._screens.append(screen)
        screen.enter()
        self._changed()
        return screen

    def reset(self, *screens: Screen) -> None:
        """Drop everything and show these screens (bottom first)."""
        while self._screens:
            self._screens.pop().exit()
        for screen in screens:
            if self._screens:
                self._screens[-1].exit()
            self._screens.append(screen)
            screen.enter()
        self._changed()

    def insert_below_top(self, screen: Screen) -> Screen:
        """Put ``screen`` just under the top screen: it enters when the top one leaves.

        For something the group must see once the screen on top (the trainer's
        overlay) closes.  On an empty stack this is :meth:`push`.
        """
        if not self._screens:
            return self.push(screen)
        self._screens.insert(len(self._screens) - 1, screen)
        self._changed()
        return screen

    def remove_where(self, predicate) -> list[Screen]:
        """Take every screen for which ``predicate(screen)`` is true out of the stack, wherever it is.

        A removed top screen exits and the screen that comes on top enters, as
        with :meth:`pop`; screens further down had already exited when they were
        covered.  Returns the removed screens (none: nothing changed).
        """
        removed = [s for s in self._screens if predicate(s)]
        if not removed:
            return []
        old_top = self.top
        self._screens = [s for s in self._screens if s not in removed]
        if old_top in removed:
            old_top.exit()
            if self.top is not None:
                self.top.enter()
        self._changed()
        return removed

    def visible(self) -> list[Screen]:
        """The screens to draw: from the top-most opaque screen upwards."""
        start = 0
        for i in range(len(self._screens) - 1, -1, -1):
            if self._screens[i].opaque:
                start = i
                break
        return self._screens[start:]

    def find(self, kind: type) -> Screen | None:
        return next((s for s in reversed(self._screens) if isinstance(s, kind)), None)
