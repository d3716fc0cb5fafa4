"""The screen contract and the stack that holds the screens.

Each screen is a small class with ``enter``, ``exit``, ``handle``, ``update``
and ``draw`` (like Arcade's views).  Dialogs and overlays are pushed on top;
a screen that is not ``opaque`` lets the screens below show through, dimmed.
Screens lay out their widgets in :meth:`Screen.layout`, which runs again
when the text size changes, so nothing is hard-wired to one font size.
"""

from __future__ import annotations

import pygame

from escapebox.ui.widgets import FocusGroup


class Screen:
    #: Opaque screens hide everything below them; dialogs set this to False.
    opaque = True
    #: A short name for screenshots and tests.
    name = "screen"

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

    def wake_ms(self) -> int | None:
        """When an idle screen next needs drawing (a countdown), in milliseconds; None = no need."""
        return None

    # ------------------------------------------------------------ automation

    def autoplay(self, command) -> list | None:
        """Key presses that bring this screen closer to ``command`` (see :mod:`escapebox.ui.autoplay`)."""
        return None

    def keys_to(self, *keys: str, press: str = "return") -> list:
        """Tab presses from the current focus to each widget in turn, activating each one."""
        order = [w for w in self.focus.widgets if w.can_focus()]
        current = self.focus.focused
        position = order.index(current) if current in order else -1
        actions = []
        for key in keys:
            target = next((i for i, w in enumerate(order) if w.key == key), None)
            if target is None:
                return actions
            if position < 0:
                steps = target + 1
            else:
                steps = (target - position) % len(order)
            actions += [("key", "tab")] * steps
            actions.append(("key", press))
            position = target
        return actions


class ScreenStack:
    """push / pop / replace with enter and exit calls, and a change counter for screenshots."""

    def __init__(self, on_change=None):
        self.screens: list[Screen] = []
        self.on_change = on_change
        self.changes = 0

    @property
    def top(self) -> Screen | None:
        return self.screens[-1] if self.screens else None

    def _changed(self) -> None:
        self.changes += 1
        if self.on_change:
            self.on_change()

    def push(self, screen: Screen) -> Screen:
        if self.top is not None:
            self.top.exit()
        self.screens.append(screen)
        screen.enter()
        self._changed()
        return screen

    def pop(self) -> Screen | None:
        if not self.screens:
            return None
        screen = self.screens.pop()
        screen.exit()
        if self.top is not None:
            self.top.enter()
        self._changed()
        return screen

    def replace(self, screen: Screen) -> Screen:
        if self.screens:
            self.screens.pop().exit()
        self.screens.append(screen)
        screen.enter()
        self._changed()
        return screen

    def reset(self, *screens: Screen) -> None:
        """Drop everything and show these screens (bottom first)."""
        while self.screens:
            self.screens.pop().exit()
        for screen in screens:
            if self.screens:
                self.screens[-1].exit()
            self.screens.append(screen)
            screen.enter()
        self._changed()

    def visible(self) -> list[Screen]:
        """The screens to draw: from the top-most opaque screen upwards."""
        start = 0
        for i in range(len(self.screens) - 1, -1, -1):
            if self.screens[i].opaque:
                start = i
                break
        return self.screens[start:]

    def find(self, kind: type) -> Screen | None:
        return next((s for s in reversed(self.screens) if isinstance(s, kind)), None)
