"""The room: its story on the left, what you can inspect on the right, the exits below.

With a background picture and ``area``s the objects are labelled hotspots
on the picture; otherwise they are a grid of cards with icons.  Exits are
buttons with a door icon; a locked exit shows a lock *and* the words
"op slot".  Space pauses here (Enter activates the focused card).
"""

from __future__ import annotations

import math

import pygame

from escapebox.core import commands as C
from escapebox.core import events as E
from escapebox.ui.screens.base import GameScreen
from escapebox.ui.widgets import Button, TextBox
from escapebox.ui.widgets.hotspot import Hotspot, place_labels

TEXT_W = 620
GAP = 24


class RoomScreen(GameScreen):
    name = "room"
    back_button = False

    def __init__(self, app, room_id: str | None = None):
        super().__init__(app)
        self.focus.activate_keys = {pygame.K_RETURN, pygame.K_KP_ENTER}
        self.image_rect: pygame.Rect | None = None
        self._room_id = room_id

    def enter(self) -> None:
        """Shown (again): warm up what the group can open from here, while it reads."""
        super().enter()
        from escapebox.ui.warmup import schedule_from_room
        schedule_from_room(self.app, self)

    @property
    def room_id(self) -> str:
        return self._room_id or self.game.session.state.room

    def exits(self) -> list:
        """The doors out of this room with their open flag (also for a room we are not in yet)."""
        session = self.game.session
        return [(door, session.state.is_open(door.locked_by)) for door in session.index.doors[self.room_id]]

    def objects(self) -> list[str]:
        return list(self.room.objects)

    @classmethod
    def warm_pictures(cls, app) -> list:
        """Tasks that render each room picture at the size it will be shown, for idle moments."""
        def task(room_id):
            def run():
                screen = cls(app, room_id)
                screen.layout()
                picture = screen._picture_path()
                if picture is not None and screen.image_rect is not None:
                    app.images.scaled(picture, app.canvas.px(screen.image_rect).size)
            return run
        return [task(rid) for rid, room in app.game.scenario.rooms.items() if room.image]

    @property
    def room(self):
        return self.game.scenario.rooms[self.room_id]

    def title(self) -> str:
        return self.room.name

    def default_focus(self) -> str | None:
        objects = self.objects()
        return f"obj:{objects[0]}" if objects else None

    # ------------------------------------------------------------ layout

    def build(self, area: pygame.Rect) -> list:
        exits = self._exit_buttons()
        exit_h = 0
        if exits:
            exit_h = max(b.preferred_height(self.app.canvas, self.app, 400) for b in exits) + 8
        main_h = area.height - (exit_h + GAP if exits else 0)
        self.text_box = TextBox(self.room.text, pygame.Rect(area.left, area.top, TEXT_W, main_h), key="room_text", panel=True)
        right = pygame.Rect(area.left + TEXT_W + GAP, area.top, area.width - TEXT_W - GAP, main_h)
        widgets = [self.text_box] + self._object_widgets(right)
        if exits:
            self._place_exits(exits, pygame.Rect(area.left, area.bottom - exit_h, area.width, exit_h))
        return widgets + exits

    def _object_widgets(self, area: pygame.Rect) -> list:
        room = self.room
        objects = self.objects()
        picture = self._picture_path()
        self.image_rect = None
        with_area = [oid for oid in objects if room.objects[oid].area] if picture else []
        if picture and (with_area or any(ex.area for ex in room.exits)):
            return self._hotspots(area, picture, with_area, [o for o in objects if o not in with_area])
        return self._cards(area, objects)

    def _picture_path(self):
        if not self.room.image:
            return None
        path = self.game.loaded.folder / self.room.image
        return path if self.app.images.natural_size(path) is not None else None

    def _object_state(self, oid: str) -> tuple[bool, str | None]:
        state = self.game.session.state
        obj = self.room.objects[oid]
        locked = not state.is_open(obj.locked_by)
        detail = self.app.tr("ui.room.locked") if locked else (
            self.app.tr("ui.room.inspected") if oid in state.inspected else None)
        return locked, detail

    def _cards(self, area: pygame.Rect, objects: list[str]) -> list:
        if not objects:
            return []
        rows = math.ceil(len(objects) / 4)
        cols = math.ceil(len(objects) / rows)
        width = min(400, (area.width - GAP * (cols - 1)) // cols)
        height = min(330, (area.height - GAP * (rows - 1)) // rows)
        grid_w = cols * width + (cols - 1) * GAP
        grid_h = rows * height + (rows - 1) * GAP
        left, top = area.left + (area.width - grid_w) // 2, area.top + (area.height - grid_h) // 2
        cards = []
        for n, oid in enumerate(objects):
            obj = self.room.objects[oid]
            locked, detail = self._object_state(oid)
            icon_size = max(48, min(130, height - 150))
            card = Button(obj.name, lambda oid=oid: self.inspect(oid), key=f"obj:{oid}", icon=obj.icon or "magnifier",
                          icon_size=icon_size, locked=locked, detail=detail)
            row, col = divmod(n, cols)
            card.rect = pygame.Rect(left + col * (width + GAP), top + row * (height + GAP), width, height)
            cards.append(card)
        return cards

    def _hotspots(self, area: pygame.Rect, picture, with_area: list[str], without: list[str]) -> list:
        strip = 0
        extra = []
        if without:
            strip = 130
            extra = [Button(self.room.objects[o].name, lambda o=o: self.inspect(o), key=f"obj:{o}",
                            icon=self.room.objects[o].icon or "magnifier", locked=self._object_state(o)[0])
                     for o in without]
            self.place_row(extra, pygame.Rect(area.left, area.bottom - strip + 10, area.width, strip - 10))
        image_area = pygame.Rect(area.left, area.top, area.width, area.height - strip)
        iw, ih = self.app.images.natural_size(picture)
        factor = min(image_area.width / iw, image_area.height / ih)
        self.image_rect = pygame.Rect(0, 0, round(iw * factor), round(ih * factor))
        self.image_rect.center = image_area.center
        spots = []
        for oid in with_area:
            locked, _ = self._object_state(oid)
            spots.append(Hotspot(self.room.objects[oid].name, self._area_rect(self.room.objects[oid].area),
                                 lambda oid=oid: self.inspect(oid), key=f"obj:{oid}", locked=locked))
        for door, is_open in self.exits():
            ex = next((e for e in self.room.exits if e.to == door.target and e.area), None)
            if ex is not None and not door.back:
                spots.append(Hotspot(door.label, self._area_rect(ex.area), lambda d=door, o=is_open: self.go(d, o),
                                     key=f"spot:{door.target}", locked=not is_open))
        place_labels(spots, self.app.canvas, self.app, self.image_rect)
        return spots + extra

    def _area_rect(self, area) -> pygame.Rect:
        r = self.image_rect
        return pygame.Rect(r.left + r.width * area.x / 100, r.top + r.height * area.y / 100,
                           r.width * area.w / 100, r.height * area.h / 100)

    def _exit_buttons(self) -> list:
        tr, buttons = self.app.tr, []
        for door, is_open in self.exits():
            room_name = self.game.scenario.rooms[door.target].name
            label = door.label if not door.back else tr("ui.room.back_to", room=room_name)
            text = label if is_open else tr("ui.room.exit_locked", label=label)
            buttons.append(Button(text, lambda d=door, o=is_open: self.go(d, o), key=f"exit:{door.target}",
                                  icon="door", locked=not is_open, align="left"))
        return buttons

    def _place_exits(self, exits: list, area: pygame.Rect) -> None:
        width = min(760, (area.width - GAP * (len(exits) - 1)) // len(exits))
        for n, button in enumerate(exits):
            button.rect = pygame.Rect(area.left + n * (width + GAP), area.top, width, area.height)

    # ------------------------------------------------------------ actions

    def inspect(self, oid: str) -> None:
        outcome = self.game.apply(C.Inspect(oid))
        if outcome.refused:
            self.app.toast(self.game.message(outcome.refused), "danger")
            return
        seen = outcome.first(E.ObjectInspected)
        if seen is not None and seen.locked:
            from escapebox.ui.screens.puzzles import puzzle_screen
            self.app.stack.push(puzzle_screen(self.app, self.room.objects[oid].locked_by, via=oid))
        else:
            from escapebox.ui.screens.object_view import ObjectScreen
            self.app.stack.push(ObjectScreen(self.app, oid))

    def go(self, door, is_open: bool) -> None:
        session = self.game.session
        if not is_open and door.locked_by in session.available_puzzles():
            from escapebox.ui.screens.puzzles import puzzle_screen
            self.app.stack.push(puzzle_screen(self.app, door.locked_by))
            return
        outcome = self.game.apply(C.EnterRoom(door.target))
        if outcome.refused:
            self.app.toast(self.game.message(outcome.refused), "danger")
            return
        self.game.route()

    def on_key(self, event) -> bool:
        if event.key == pygame.K_SPACE and not self.focus.typing:
            self.open_pause()
            return True
        return super().on_key(event)

    def pager(self):
        return self.text_box

    # ------------------------------------------------------------ drawing

    def draw_content(self, canvas) -> None:
        picture = self._picture_path()
        if picture is not None and self.image_rect is not None:
            canvas.image(picture, self.image_rect)
            for widget in self.focus.widgets:
                if isinstance(widget, Hotspot):
                    widget.draw_frame(canvas, self.app)

    # ------------------------------------------------------------ automation

    def autoplay(self, command) -> list | None:
        if isinstance(command, C.Inspect):
            return self.keys_to(f"obj:{command.object}")
        if isinstance(command, C.EnterRoom):
            return self.keys_to(f"exit:{command.room}")
        if isinstance(command, C.TryAnswer):
            return self._keys_to_puzzle(command.puzzle)
        if isinstance(command, (C.TakeItem, C.UseItem)):
            target = self._object_for(command)
            return self.keys_to(f"obj:{target}") if target else None
        if isinstance(command, C.CombineItems):
            return [("key", "i")]
        return None

    def _keys_to_puzzle(self, puzzle: str) -> list | None:
        """A lock is opened from the object or exit it locks."""
        for oid, obj in self.room.objects.items():
            if obj.locked_by == puzzle:
                return self.keys_to(f"obj:{oid}")
        for door, _ in self.exits():
            if door.locked_by == puzzle:
                return self.keys_to(f"exit:{door.target}")
        # a lock that asks for items in hand (combine) is answered with them: the inventory
        return [("key", "i")] if self.game.scenario.puzzles[puzzle].required_items() else None

    def _object_for(self, command) -> str | None:
        if isinstance(command, C.UseItem):
            return command.object
        for oid, obj in self.room.objects.items():
            if command.item in obj.gives:
                return oid
        return None
