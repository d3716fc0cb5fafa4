"""Draw the screens a group is likely to open next while it reads, so opening them is instant.

A screen's first frame is slow when it renders a picture (an SVG at its exact
size takes 20–50 ms on a laptop) or wraps new text; that made entering a room
or opening a puzzle take longer than one 60 Hz frame (docs/performance.md).
A picture's size depends on the live layout (open doors, locked objects), so
guessing sizes is not enough: each warm-up task builds a candidate screen off
the stack, lays it out against the current state and draws it once onto a
scratch surface.  The pictures, wrapped lines and rendered text land in the
shared caches and the real first frame only blits.

Tasks run one at a time when the loop would otherwise sleep (``App.idle_tasks``);
a new room replaces the tasks queued for the previous one.
"""

from __future__ import annotations

import copy
import logging

import pygame

log = logging.getLogger(__name__)


def draw_offscreen(app, make_screen) -> None:
    """Lay out and draw ``make_screen()`` onto a scratch surface; the window is not touched."""
    scratch = copy.copy(app.canvas)              # same scale, same caches, another surface
    scratch.surface = pygame.Surface(app.window.get_size())
    try:
        screen = make_screen()
        screen.layout()
        screen.draw(scratch)
    except Exception as exc:  # noqa: BLE001 — a warm-up is an optimisation; the real screen reports problems
        log.debug("Escapebox: warm-up skipped: %s", exc)
    finally:
        _restore_text_input(app)


def _restore_text_input(app) -> None:
    """A warm screen may have focused its own text field; SDL's text input follows the real top screen."""
    top = app.stack.top
    focused = top.focus.focused if top is not None else None
    if focused is not None and focused.takes_text:
        pygame.key.start_text_input()
        try:
            pygame.key.set_text_input_rect(app.canvas.px(focused.rect))
        except (pygame.error, AttributeError):
            pass
    else:
        pygame.key.stop_text_input()


class WarmUp:
    """One warm-up job in ``App.idle_tasks``; ``current_room`` marks the redraw of the room after a command."""

    def __init__(self, run, *, current_room: bool = False):
        self.run = run
        self.current_room = current_room

    def __call__(self) -> None:
        self.run()


def _task(app, make_screen, *, current_room: bool = False) -> WarmUp:
    return WarmUp(lambda: draw_offscreen(app, make_screen), current_room=current_room)


def _queue(app, tasks: list, drop) -> None:
    """Replace the queued warm-ups that ``drop`` picks with ``tasks``; other idle jobs stay."""
    app.idle_tasks[:] = [t for t in app.idle_tasks if not (isinstance(t, WarmUp) and drop(t))] + tasks


def schedule_from_room(app, room_screen) -> None:
    """Replace queued warm-ups with this room's objects, puzzles and neighbouring rooms.

    The neighbouring rooms are drawn with the room screen's own class, so this
    module does not import the room screen (which imports this one).
    """
    from escapebox.ui.screens.object_view import ObjectScreen
    from escapebox.ui.screens.puzzles import puzzle_screen

    game = app.game
    if game is None or app.fast:
        return
    room_class = type(room_screen)
    state, room = game.session.state, room_screen.room
    tasks = []
    for oid, obj in room.objects.items():
        if obj.locked_by and not state.is_open(obj.locked_by):
            tasks.append(_task(app, lambda o=oid, p=obj.locked_by: puzzle_screen(app, p, via=o)))
        elif oid in state.inspected:
            tasks.append(_task(app, lambda o=oid: ObjectScreen(app, o)))
        else:
            tasks.append(_inspected_task(app, oid))
    for door in game.session.index.doors.get(room_screen.room_id, []):
        if door.locked_by and not state.is_open(door.locked_by):
            tasks.append(_task(app, lambda p=door.locked_by: puzzle_screen(app, p)))
        tasks.append(_task(app, lambda r=door.target: room_class(app, r)))
    _queue(app, tasks, drop=lambda t: True)


def schedule_current_room(app, room_class: type) -> None:
    """After a command changed the state (a lock opened), draw the room as it will look when the group returns.

    ``room_class`` is the room screen (passed in by the game bridge, which imports it anyway).
    """
    if app.game is None or app.fast or isinstance(app.stack.top, room_class):
        return
    _queue(app, [_task(app, lambda: room_class(app), current_room=True)], drop=lambda t: t.current_room)


def schedule_revealed_object(app, oid: str) -> None:
    """A lock on an object opened: draw the object as the group sees it after "Verder" (``Game.route``).

    Back from a solved puzzle the room opens the object that was locked, and that look (what was
    inside beside the object's picture, at a size no warm-up had drawn) comes from the ``Inspect``
    the return applies: rendering that SVG in the turn of "Verder" made it the slowest screen change
    of a walk, 21-27 ms, 17 of them in ``pygame.image.load_sized_svg`` (hele-team-leert,
    puzzle-spot → object, cProfile of the turn).  See :func:`_inspected_task`.
    """
    if app.game is None or app.fast:
        return
    _queue(app, [_inspected_task(app, oid)], drop=lambda t: False)


def _inspected_task(app, oid: str) -> WarmUp:
    """Draw the object as it looks once opened: from a throwaway copy of the session, replayed from its log
    and never saved, with the ``Inspect`` that opening it applies.

    Opening an object finds its clues, and their pictures share the room with the object's own, so before
    that ``Inspect`` the screen lays its picture out at another size (student-met-rugzak's rooster:
    19-22 ms to open, rendering its SVG at 1644×548).  The reflections that come first are passed over:
    what a group answers there opens nothing (``Rules._after_reflection``).
    """
    from escapebox.core import commands as C
    from escapebox.core.clock import ManualClock
    from escapebox.core.session import GameSession
    from escapebox.ui.screens.object_view import ObjectScreen

    game = app.game

    def run():
        if app.game is not game:
            return
        session = game.session
        try:
            preview = GameSession.replay(game.loaded, list(session.state.events), ManualClock(), store=None)
            for _ in range(len(game.scenario.reflections)):
                if not preview.state.pending:
                    break
                preview.apply(C.SkipReflection(preview.state.pending[0]))
            preview.apply(C.Inspect(oid))
            seen = copy.copy(game)         # the same game bridge, on the copy; the live one is not touched
            seen.session = preview
            seen.unseen_clues = game.unseen_clues | (set(preview.state.clues) - set(session.state.clues))
            seen.unseen_items = game.unseen_items | (set(preview.state.inventory) - set(session.state.inventory))
        except Exception as exc:  # noqa: BLE001 — an optimisation only
            log.debug("Escapebox: warm-up of an opened object skipped: %s", exc)
            return
        _draw_as(app, seen, lambda: ObjectScreen(app, oid))
    return WarmUp(run)


def schedule_start_room(app, loaded, *, game_class: type, room_class: type) -> None:
    """While the group types its name: draw the first room of a throwaway, unsaved session.

    The group-name screen passes in the game bridge and the room screen, which
    both import this module.
    """
    from escapebox.core.clock import ManualClock
    from escapebox.core.session import GameSession

    if app.fast:
        return

    def run():
        try:
            game = game_class(app, GameSession.start(loaded, clock=ManualClock(), store=None, group=""))
        except Exception as exc:  # noqa: BLE001 — an optimisation only
            log.debug("Escapebox: start-room warm-up skipped: %s", exc)
            return
        _draw_as(app, game, lambda: room_class(app))
    app.idle_tasks.append(WarmUp(run))


def _draw_as(app, game, make_screen) -> None:
    """Draw ``make_screen()`` off-screen with a throwaway game bridge on the app; the live one is back after."""
    saved = app.game
    app.game = game
    try:
        draw_offscreen(app, make_screen)
    finally:
        app.game = saved
