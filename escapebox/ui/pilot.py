"""Synthetic keyboard and mouse input, posted to pygame's event queue like a real person's.

Used by the UI tests (``pilot.press('tab')``, ``pilot.type('moedercontract')``,
``pilot.click(x, y)``) and by ``--autoplay``.  Nothing here calls a screen
directly: every action is an event that goes through the same handling as a
key press on a real keyboard.
"""

from __future__ import annotations

import pygame

NAMED_KEYS = {
    "tab": (pygame.K_TAB, "\t"), "return": (pygame.K_RETURN, "\r"), "enter": (pygame.K_RETURN, "\r"),
    "kp_enter": (pygame.K_KP_ENTER, "\r"), "escape": (pygame.K_ESCAPE, "\x1b"), "esc": (pygame.K_ESCAPE, "\x1b"),
    "space": (pygame.K_SPACE, " "), "backspace": (pygame.K_BACKSPACE, "\b"), "delete": (pygame.K_DELETE, ""),
    "up": (pygame.K_UP, ""), "down": (pygame.K_DOWN, ""), "left": (pygame.K_LEFT, ""), "right": (pygame.K_RIGHT, ""),
    "home": (pygame.K_HOME, ""), "end": (pygame.K_END, ""), "pageup": (pygame.K_PAGEUP, ""),
    "pagedown": (pygame.K_PAGEDOWN, ""), "f1": (pygame.K_F1, ""), "f5": (pygame.K_F5, ""), "f11": (pygame.K_F11, ""),
}
MODIFIERS = {"shift": pygame.KMOD_LSHIFT, "ctrl": pygame.KMOD_LCTRL, "alt": pygame.KMOD_LALT}


def key_events(name: str) -> list[pygame.event.Event]:
    """KEYDOWN + KEYUP for a key name such as 'tab', 'shift+tab', 'ctrl+a', 'x' or '4'."""
    *mods, base = name.lower().split("+")
    mod = 0
    for m in mods:
        mod |= MODIFIERS[m]
    if base in NAMED_KEYS:
        key, char = NAMED_KEYS[base]
    elif len(base) == 1:
        key, char = ord(base), base
    else:
        raise ValueError(f"unknown key {name!r}")
    if mod & pygame.KMOD_SHIFT and len(char) == 1 and char.isalpha():
        char = char.upper()
    if mod & pygame.KMOD_CTRL:
        char = ""
    down = pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=char, scancode=0)
    up = pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=char, scancode=0)
    return [down, up]


class NoMouseWay(Exception):
    """A screen asked for a key that no control on it does with a click (mouse-only play cannot go on)."""


def resolve(screen, actions: list, mode: str = "keys") -> list:
    """Turn a screen's autoplay actions (:meth:`Screen.autoplay`) into ``keys`` or ``mouse`` input.

    The result holds only ``("key", name)``, ``("text", text)``, ``("click", pos)``
    and ``("drag", start, end)``, positions in logical units, where the widgets
    report themselves.  Keys mode reaches widgets by Tab from the focus; mouse
    mode clicks their centre.
    """
    flat = []
    for action in actions:
        if action[0] == "either":
            flat += action[1] if mode == "keys" else action[2]
        else:
            flat.append(action)
    if mode == "keys":
        return [("key", a[1]) if a[0] == "key" else a for a in screen.tab_steps(flat)
                if a[0] in ("key", "text", "widget")]
    return [_mouse_action(screen, action) for action in flat]


def _mouse_action(screen, action):
    kind = action[0]
    if kind in ("text", "click", "drag"):
        return action
    if kind == "widget" or (kind == "key" and len(action) > 2 and action[2]):
        key = action[1] if kind == "widget" else action[2]
        widget = screen.focus.find(key)
        if widget is None:
            raise NoMouseWay(f"no widget '{key}' on screen '{screen.name}'")
        return ("click", widget.rect.center)
    raise NoMouseWay(f"key '{action[1]}' on screen '{screen.name}' has no control to click")


def post_actions(actions: list, canvas=None) -> None:
    """Post resolved actions as events: keys, typed text, and (with ``canvas``) clicks and drags."""
    for action in actions:
        kind, value = action[0], action[1]
        if kind == "key" and value != "none":
            for event in key_events(value):
                pygame.event.post(event)
        elif kind == "text":
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=value))
        elif kind == "click":
            for event in click_events(canvas.to_physical(value)):
                pygame.event.post(event)
        elif kind == "drag":
            for event in drag_events(canvas.to_physical(value), canvas.to_physical(action[2])):
                pygame.event.post(event)


def click_events(pos, button: int = 1) -> list[pygame.event.Event]:
    """The mouse moving to ``pos`` (physical pixels), then a press and a release there."""
    return [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button),
            pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button)]


def drag_events(start, end, steps: int = 6) -> list[pygame.event.Event]:
    """Press at ``start``, move to ``end`` in ``steps``, release (physical pixels)."""
    events = [pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=start, button=1)]
    for n in range(1, steps + 1):
        pos = (start[0] + (end[0] - start[0]) * n // steps, start[1] + (end[1] - start[1]) * n // steps)
        events.append(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(1, 0, 0)))
    return events + [pygame.event.Event(pygame.MOUSEBUTTONUP, pos=end, button=1)]


class Pilot:
    """Drive an :class:`~escapebox.ui.app.App` from a test, one frame at a time."""

    def __init__(self, app, *, hands: bool = False):
        """``hands``: the keys stand for a person's, so the shortcut guard stays on (else a program's)."""
        self.app = app
        if not hands:
            app.scripted = True

    def run(self, frames: int = 1) -> None:
        for _ in range(frames):
            self.app.frame(block=False)
        while pygame.event.peek() and self.app.running:
            self.app.frame(block=False)

    def press(self, *names: str) -> None:
        post_actions([("key", n) for n in names])
        self.run()

    def type(self, text: str) -> None:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
        self.run()

    def compose(self, text: str, start: int = 0) -> None:
        """An input method's unfinished text (TEXTEDITING)."""
        pygame.event.post(pygame.event.Event(pygame.TEXTEDITING, text=text, start=start, length=len(text)))
        self.run()

    def click(self, x: int, y: int, button: int = 1) -> None:
        """Click at a *logical* position (1920×1080 canvas)."""
        for event in click_events(self.app.canvas.to_physical((x, y)), button):
            pygame.event.post(event)
        self.run()

    def drag(self, start, end, steps: int = 6) -> None:
        """Drag between *logical* positions, one frame per step (as a hand moves)."""
        a, b = self.app.canvas.to_physical(start), self.app.canvas.to_physical(end)
        *moves, release = drag_events(a, b, steps)
        pygame.event.post(moves[0])
        for motion in moves[1:]:
            pygame.event.post(motion)
            self.run()
        pygame.event.post(release)
        self.run()

    def perform(self, actions: list, mode: str = "keys") -> None:
        """Carry out a screen's autoplay actions (:meth:`Screen.autoplay`) by keys or by mouse."""
        post_actions(resolve(self.screen, actions, mode), self.app.canvas)
        self.run()

    def wheel(self, dy: int, at=None) -> None:
        if at is not None:
            pygame.mouse.set_pos(self.app.canvas.to_physical(at))
        pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=dy, flipped=False))
        self.run()

    @property
    def screen(self):
        return self.app.stack.top

    def widget(self, key: str):
        return self.screen.focus.find(key)

    def click_widget(self, key: str) -> None:
        widget = self.widget(key)
        if widget is None:
            raise KeyError(key)
        self.click(*widget.rect.center)

    def screenshot(self, path) -> None:
        self.app.draw()
        pygame.image.save(self.app.window, str(path))
