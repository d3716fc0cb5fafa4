"""The widget contract and keyboard/mouse focus handling shared by all screens.

Keyboard: Tab / Shift+Tab walk through the widgets in order, the arrow keys
move to the nearest widget in that direction (handy in grids of cards),
Space activates (selects an item), and Enter activates a button.  On an
*item* (an option, a scale value: ``Widget.item``) Enter is left to the
screen, which does its main action with it (check, choose, confirm), so a
label that says "(Enter)" is true wherever the focus is on the items.  F5,
the key a presenter clicker sends for "start", presses the focused control
as Space would (never in a text field, where a clicker cannot type).
Mouse: a click focuses and activates; the wheel goes to the widget under the
pointer.  The focused widget always gets the event first, so a text field
can keep its letters and arrow keys.  The whole input model is in
docs/rules.md ("Controls").
"""

from __future__ import annotations

from typing import Callable

import pygame

ACTIVATE_KEYS = {pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE}
ENTER_KEYS = {pygame.K_RETURN, pygame.K_KP_ENTER}
ARROWS = {pygame.K_LEFT: (-1, 0), pygame.K_RIGHT: (1, 0), pygame.K_UP: (0, -1), pygame.K_DOWN: (0, 1)}


class Widget:
    """Something on screen that may take focus, handle events and draw itself."""

    focusable = True
    #: True for text entries: single-letter shortcuts are off while one is focused.
    takes_text = False
    #: True for things to pick (options, scale values): Space selects them, Enter is the screen's main action.
    item = False
    #: the corner radius of the focus ring; None: the theme's
    radius: int | None = None

    def __init__(self, rect=None, key: str | None = None, on_activate: Callable[[], None] | None = None):
        self.rect = pygame.Rect(rect or (0, 0, 0, 0))
        self.key = key
        self.on_activate = on_activate
        self.visible = True
        self.enabled = True
        self.hovered = False
        self.pressed = False
        #: scrolled out of its list: still reachable by keyboard, but not drawn or clickable
        self.clipped = False

    def can_focus(self) -> bool:
        return self.focusable and self.visible and self.enabled and self.rect.width > 0

    def activate(self) -> None:
        if self.enabled and self.on_activate:
            self.on_activate()

    def inert(self) -> bool:
        """Activating does nothing (a text being read): Enter then goes to the screen's main action."""
        return self.on_activate is None and type(self).activate is Widget.activate

    def hit(self, pos) -> bool:
        """Whether a click at ``pos`` (logical) is on this widget."""
        return self.rect.collidepoint(pos)

    def handle(self, event, ctx) -> bool:
        """React to an event while focused (or under the mouse); True if it was used."""
        return False

    def focus_changed(self, focused: bool, ctx) -> None:
        """Called when the widget gains or loses focus (text fields start SDL text input)."""

    def draw(self, canvas, ctx, focused: bool) -> None:
        raise NotImplementedError

    def update(self, dt: float, ctx) -> bool:
        """Advance animations; True if the widget wants another frame."""
        return False


def draw_focus_ring(canvas, ctx, rect, radius: int | None = None) -> None:
    """A thick outer ring in the focus colour with a thin inner ring, visible on any background."""
    theme = ctx.theme
    width = theme.focus_width
    outer = pygame.Rect(rect).inflate(width * 2 + 6, width * 2 + 6)
    canvas.frame(outer, theme.colours.focus, width, (radius or theme.radius) + width)
    canvas.frame(outer.inflate(-width * 2, -width * 2), theme.colours.focus_inner, 2, radius or theme.radius)


class FocusGroup:
    """The focusable widgets of a screen, in Tab order, and which one has focus."""

    def __init__(self):
        self.widgets: list[Widget] = []
        self.index: int | None = None
        self._pressed: Widget | None = None
        self.ctx = None
        self.activate_keys = set(ACTIVATE_KEYS)

    # ------------------------------------------------------------ membership

    def set(self, widgets: list[Widget], ctx=None, focus_key: str | None = None) -> None:
        """Replace the widgets, keeping focus on the widget with the same key if it is still there."""
        old = self.focused
        old_key = focus_key or (old.key if old else None)
        self.widgets = list(widgets)
        self.ctx = ctx or self.ctx
        self.index = None
        if old_key is not None:
            for i, widget in enumerate(self.widgets):
                if widget.key == old_key and widget.can_focus():
                    self.index = i
                    break
        if old is not None and self.focused is not old:
            old.focus_changed(False, self.ctx)
            if self.focused is not None:
                self.focused.focus_changed(True, self.ctx)

    @property
    def focused(self) -> Widget | None:
        if self.index is None or self.index >= len(self.widgets):
            return None
        widget = self.widgets[self.index]
        return widget if widget.can_focus() else None

    @property
    def typing(self) -> bool:
        """True while a text entry has focus: letters are text, not shortcuts."""
        widget = self.focused
        return bool(widget and widget.takes_text)

    def focus(self, widget: Widget | None) -> None:
        old = self.focused
        self.index = self.widgets.index(widget) if widget in self.widgets else None
        if old is not widget:
            if old is not None:
                old.focus_changed(False, self.ctx)
            if widget is not None:
                widget.focus_changed(True, self.ctx)

    def focus_key(self, key: str) -> bool:
        for widget in self.widgets:
            if widget.key == key and widget.can_focus():
                self.focus(widget)
                return True
        return False

    def find(self, key: str) -> Widget | None:
        return next((w for w in self.widgets if w.key == key), None)

    def step(self, delta: int) -> None:
        candidates = [i for i, w in enumerate(self.widgets) if w.can_focus()]
        if not candidates:
            return
        if self.index not in candidates:
            target = candidates[0] if delta > 0 else candidates[-1]
        else:
            position = candidates.index(self.index)
            target = candidates[(position + delta) % len(candidates)]
        self.focus(self.widgets[target])

    def move(self, dx: int, dy: int) -> bool:
        """Focus the nearest widget in a direction; False when there is none."""
        current = self.focused
        if current is None:
            self.step(1)
            return self.focused is not None
        cx, cy = current.rect.center
        best, best_score = None, None
        for widget in self.widgets:
            if widget is current or not widget.can_focus():
                continue
            wx, wy = widget.rect.center
            along = (wx - cx) * dx + (wy - cy) * dy
            if along <= 0:
                continue
            across = abs((wx - cx) * dy) + abs((wy - cy) * dx)
            score = along + across * 2
            if best_score is None or score < best_score:
                best, best_score = widget, score
        if best is None:
            return False
        self.focus(best)
        return True

    # ------------------------------------------------------------ events

    def widget_at(self, pos) -> Widget | None:
        for widget in reversed(self.widgets):
            if widget.visible and not widget.clipped and widget.hit(pos):
                return widget
        return None

    def handle(self, event, ctx) -> bool:
        self.ctx = ctx
        if event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION, pygame.MOUSEWHEEL):
            return self._mouse(event, ctx)
        focused = self.focused
        if focused is not None and focused.handle(event, ctx):
            return True
        if event.type != pygame.KEYDOWN:
            return False
        if event.key == pygame.K_TAB:
            self.step(-1 if event.mod & pygame.KMOD_SHIFT else 1)
            return True
        if event.key in ARROWS:
            return self.move(*ARROWS[event.key])
        if focused is None:
            return False
        if event.key in ENTER_KEYS and (focused.item or focused.inert()):
            return False                      # the screen's main action (see the module docstring)
        if event.key in self.activate_keys or (event.key == pygame.K_F5 and not focused.takes_text):
            focused.activate()
            return True
        return False

    def step_for_clicker(self, direction: int) -> bool:
        """PageDown/PageUp with nothing left to read: the next (previous) control, as Tab does."""
        before = self.focused
        self.step(direction)
        return self.focused is not before

    def _mouse(self, event, ctx) -> bool:
        if event.type == pygame.MOUSEWHEEL:
            target = self.widget_at(ctx.mouse_pos())
            return bool(target and target.handle(event, ctx))
        target = self.widget_at(event.pos)
        if event.type == pygame.MOUSEMOTION:
            return self._hover(target) or bool(target and target.pressed and target.handle(event, ctx))
        if getattr(event, "button", 1) != 1:
            return False
        if event.type == pygame.MOUSEBUTTONDOWN:
            if target is None or not target.enabled:
                return False
            if target.can_focus():
                self.focus(target)
            self._pressed = target
            target.pressed = True
            target.handle(event, ctx)
            return True
        pressed, self._pressed = self._pressed, None
        if pressed is None:
            return False
        pressed.pressed = False
        if pressed.handle(event, ctx):
            return True
        if pressed is target:
            pressed.activate()
        return True

    def _hover(self, target: Widget | None) -> bool:
        changed = False
        for widget in self.widgets:
            hovered = widget is target
            if widget.hovered != hovered:
                widget.hovered = hovered
                changed = True
        return changed

    # ------------------------------------------------------------ drawing

    def draw(self, canvas, ctx) -> None:
        focused = self.focused
        for widget in self.widgets:
            if widget.visible and not widget.clipped:
                widget.draw(canvas, ctx, widget is focused)
        if focused is not None and not focused.clipped:
            draw_focus_ring(canvas, ctx, focused.rect, focused.radius)

    def update(self, dt: float, ctx) -> bool:
        busy = False
        for widget in self.widgets:
            busy = widget.update(dt, ctx) or busy
        return busy
