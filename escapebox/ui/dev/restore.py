"""Put the screens back after a reload, as far as the new scenario allows.

Screens hold the scenario's texts they were built with, so after a reload
they are built anew.  We note which room, object or puzzle each screen
showed and what the group had typed, let the game route to the room (or
reflection, pause, ending) the state asks for, and then reopen the object or
puzzle on top only if it still exists in the current room.  Typed text is
copied into the new screen: nothing the group typed is lost on a reload.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ScreenNote:
    kind: str                     # "object", "puzzle", "reflection", "clues", "items" or "other"
    ident: str | None = None
    via: str | None = None
    typed: dict[str, str] = field(default_factory=dict)
    digits: str | None = None
    text: str | None = None


def note_screens(stack) -> list[ScreenNote]:
    return [_note(screen) for screen in stack.screens]


def _note(screen) -> ScreenNote:
    from escapebox.ui.screens.cluebook import ClueBookScreen
    from escapebox.ui.screens.inventory import InventoryScreen
    from escapebox.ui.screens.object_view import ObjectScreen
    from escapebox.ui.screens.puzzles import PuzzleScreen
    from escapebox.ui.screens.reflection import ReflectionScreen

    typed = {w.key: w.text for w in screen.focus.widgets if w.takes_text and w.key}
    if isinstance(screen, PuzzleScreen):
        keypad = screen.keypad
        return ScreenNote("puzzle", screen.puzzle_id, screen.via, typed,
                          digits=keypad.digits if keypad is not None else None,
                          text="solved" if screen.solved is not None else None)
    if isinstance(screen, ObjectScreen):
        return ScreenNote("object", screen.object_id)
    if isinstance(screen, ReflectionScreen):
        return ScreenNote("reflection", screen.reflection_id, typed=typed, text=screen.text)
    if isinstance(screen, ClueBookScreen):
        return ScreenNote("clues")
    if isinstance(screen, InventoryScreen):
        return ScreenNote("items")
    return ScreenNote("other")


def restore_screens(app, notes: list[ScreenNote]) -> None:
    """Route to what the state asks for, then reopen what the group had open if it still fits."""
    from escapebox.ui.screens.reflection import ReflectionScreen
    from escapebox.ui.screens.room import RoomScreen

    app.game.route()
    for note in notes:
        if note.kind == "reflection":
            screen = app.stack.find(ReflectionScreen)
            if screen is not None and screen.reflection_id == note.ident:
                _give_back_reflection(screen, note)
    if [type(s) for s in app.stack.screens] != [RoomScreen]:
        return                                   # a reflection, pause, time-up or ending comes first
    for note in notes[1:]:
        screen = _reopen(app, note)
        if screen is None:
            break
        app.stack.push(screen)
        _give_back_typing(screen, note)


def _reopen(app, note: ScreenNote):
    from escapebox.ui.screens.cluebook import ClueBookScreen
    from escapebox.ui.screens.inventory import InventoryScreen
    from escapebox.ui.screens.object_view import ObjectScreen
    from escapebox.ui.screens.puzzles import puzzle_screen

    session = app.game.session
    if note.kind == "object" and note.ident in session.objects():
        return ObjectScreen(app, note.ident)
    if note.kind == "puzzle" and note.text is None and note.ident in session.available_puzzles():
        return puzzle_screen(app, note.ident, via=note.via if note.via in session.objects() else None)
    if note.kind == "clues":
        return ClueBookScreen(app)
    if note.kind == "items":
        return InventoryScreen(app)
    return None


def _give_back_typing(screen, note: ScreenNote) -> None:
    from escapebox.ui.screens.puzzles import PuzzleScreen

    for key, text in note.typed.items():
        widget = screen.focus.find(key)
        if widget is not None and widget.takes_text and text:
            widget.set_text(text)
    keypad = screen.keypad if isinstance(screen, PuzzleScreen) else None
    if keypad is not None and note.digits:
        keypad.digits = note.digits
        screen.submit_button.enabled = screen.can_submit()


def _give_back_reflection(screen, note: ScreenNote) -> None:
    if note.text and not screen.text:
        screen.text = note.text
        screen.layout()
    _give_back_typing(screen, note)
