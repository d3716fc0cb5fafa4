"""The room: its story on the left with the exits under it, what you can inspect on the right.

With a background picture and ``area``s the objects are labelled hotspots
on the picture, which gets all the room the story leaves (the show-all button,
or it and the exits, go in rows under the picture when that makes the picture
larger: the story then has the column to itself); otherwise they are
a grid of cards with icons.  Exits are buttons with a door icon; a locked exit
shows a lock *and* the words "op slot".  Space pauses here (Enter activates
the focused card); A (or the button under the exits) shows every clickable
place at once.  Nothing moves while the screen is shown or when the group
comes back: label placement is a pure function of the room and the picture's
rectangle, and every size is measured as if its lock were still closed.
"""

from __future__ import annotations

import math

import pygame

from escapebox.core import commands as C
from escapebox.core import events as E
from escapebox.ui.screens.base import GameScreen
from escapebox.ui.widgets import Button, TextBox
from escapebox.ui.widgets.hotspot import Hotspot, place_labels

#: the text column beside a grid of cards (a room without a picture)
TEXT_W = 620
GAP = 24
# The column beside a picture: at 480 a line of the room's text holds about 25 characters at the
# normal text size (Atkinson Hyperlegible, 34 px: about 17 px a character), the narrowest that still
# reads as prose; it grows until the text fits without paging, to 800 at most, so that even at the
# largest text size the picture keeps more than half the content's width (1840 - 800 - 24 = 1016).
# Measured over every bundled room at 1280x720 and 1920x1080, normal and large text: all fit at 760
# but voorbeeld-compleet's huiskamer at large text (its column is 814 px high at 760 wide, 770 at 780),
# which paged ("pagina 1 van 2") at the old 760.  A band under a 16:9 picture stays (48 px beside the
# narrowest column, 1336x752 of the 800 px height): buttons in rows under the picture would fill it but
# shrank the picture 13-25 % for the rooms with two exits (their rows are 184-236 px at large text).
COLUMN_MIN = 480
COLUMN_MAX = 800
# A button in the rows under the picture: "Terug naar de teampost" with its door icon is about 400 px on
# one line at the normal text size; narrower cells would set most exits on two lines.
ROW_BUTTON_MIN = 400
#: the room's text never shrinks below two lines and the page indicator
MIN_TEXT_H = 180


class RoomScreen(GameScreen):
    name = "room"
    back_button = False

    def __init__(self, app, room_id: str | None = None):
        super().__init__(app)
        self.focus.activate_keys = {pygame.K_RETURN, pygame.K_KP_ENTER}
        self.image_rect: pygame.Rect | None = None
        #: the stretch beside the story that the picture is fitted into (the picture may leave a band under it)
        self.picture_area: pygame.Rect | None = None
        self._room_id = room_id
        #: "show all places" (key A, or the button under the exits): every clickable place outlined at once
        self.show_all = False

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
        return self.game.session.objects(self.room_id)

    @classmethod
    def warm_pictures(cls, app) -> list:
        """Tasks that render each room picture at the size it will be shown, for idle moments."""
        def task(room_id):
            def run():
                screen = cls(app, room_id)
                screen.layout()
                picture = screen._picture_path()
                if picture is not None and screen.image_rect is not None:
                    app.images.picture(picture, app.canvas.px(screen.image_rect).size)
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
        """The room's text, the objects without a place on the picture and the exits in a column on the left;
        the picture (or the cards) gets the rest."""
        #: per button that can be locked, its locked look: what its height is measured by
        self._reserve: dict[str, Button] = {}
        #: (button, width) -> height while this layout is found: the split below asks for the same ones per count
        #: of buttons under the picture (alle-soorten's first room: 414 label measurements, now 258; the split
        #: 1.2-1.6 ms, now 1.0, most of it wrapping the room's text at each of the 17 column widths)
        self._heights: dict[tuple[int, int], int] = {}
        exits = self._exit_buttons()
        self.text_box = TextBox(self.game.session.room_text(self.room_id), key="room_text", panel=True)
        picture = self._picture_path()
        with_area = [oid for oid in self.objects() if self.room.objects[oid].area] if picture else []
        self.image_rect = self.picture_area = None
        if picture and (with_area or any(ex.area for ex in self.room.exits)):
            without = [o for o in self.objects() if o not in with_area]
            extra = [self._object_button(o) for o in without]
            toggle = Button(self.app.tr("ui.room.show_spots"), self.toggle_spots, key="spots", selected=self.show_all,
                            role="small", align="left")
            buttons = extra + exits + [toggle]
            # under the picture go none, the toggle, the toggle with every exit, or all: the exits stay together
            counts = sorted({0, 1, len(exits) + 1, len(buttons)})
            width, under = self._split(area, buttons, self.app.images.natural_size(picture), counts)
            beside = buttons[:len(buttons) - under]
            rows_h = self._rows_height(buttons[len(beside):], area.width - width - GAP)
            self._stack([self.text_box] + beside, pygame.Rect(area.left, area.top, width, area.height))
            spots = self._hotspots(pygame.Rect(area.left + width + GAP, area.top, area.width - width - GAP,
                                               area.height - (rows_h + GAP if under else 0)), picture, with_area)
            self._rows(buttons[len(beside):], pygame.Rect(self.picture_area.left, self.image_rect.bottom + GAP,
                                                          self.picture_area.width, rows_h))
            return [self.text_box] + spots + buttons
        column = [self.text_box] + exits
        self._stack(column, pygame.Rect(area.left, area.top, TEXT_W, area.height))
        cards = self._cards(pygame.Rect(area.left + TEXT_W + GAP, area.top, area.width - TEXT_W - GAP, area.height),
                            self.objects())
        return [self.text_box] + cards + exits

    def _split(self, area: pygame.Rect, buttons: list, natural: tuple[int, int],
               counts: list[int]) -> tuple[int, int]:
        """The column's width and how many of the last buttons (one of ``counts``) go in rows under the picture:
        the split with the largest picture whose column holds its text without paging (the one with the least
        band under the picture among equals).

        A 16:9 picture beside the column is limited by its width, so beside a column grown for its buttons it
        left a band under itself (172-206 px with large text in the rooms with two exits, where the column
        grew to 700-760).  Those buttons in that band leave the column to the text, which then fits narrower,
        and the picture grows by the width the column gives up; the scan keeps the old split where it is larger.
        """
        best = None
        for width in range(COLUMN_MIN, COLUMN_MAX + 1, 20):
            for under in counts:
                beside = [self.text_box] + buttons[:len(buttons) - under]
                if self._column_height(beside, width) > area.height and width < COLUMN_MAX:
                    continue
                picture_w = area.width - width - GAP
                rows_h = self._rows_height(buttons[len(beside) - 1:], picture_w) + GAP if under else 0
                factor = min(picture_w / natural[0], (area.height - rows_h) / natural[1])
                band = area.height - rows_h - factor * natural[1]
                if best is None or (factor, -band) > best[0]:
                    best = ((factor, -band), width, under)
        return best[1], best[2]

    def _row_layout(self, buttons: list, width: int) -> list[list]:
        """Buttons in rows of equal cells, each at least :data:`ROW_BUTTON_MIN` wide, in focus order."""
        per_row = max(1, min(len(buttons), (width + GAP) // (ROW_BUTTON_MIN + GAP)))
        return [buttons[n:n + per_row] for n in range(0, len(buttons), per_row)]

    @staticmethod
    def _row_cell(row: list, width: int) -> int:
        return (width - GAP * (len(row) - 1)) // len(row)

    def _rows_height(self, buttons: list, width: int) -> int:
        rows = self._row_layout(buttons, width) if buttons else []
        heights = [max(self._height(b, self._row_cell(row, width)) for b in row) for row in rows]
        return sum(heights) + GAP * max(0, len(rows) - 1)

    def _rows(self, buttons: list, area: pygame.Rect) -> None:
        """The buttons in their rows under the picture, each row as tall as its tallest (locked) label."""
        y = area.top
        for row in self._row_layout(buttons, area.width) if buttons else []:
            cell = self._row_cell(row, area.width)
            height = max(self._height(b, cell) for b in row)
            for n, button in enumerate(row):
                button.rect = pygame.Rect(area.left + n * (cell + GAP), y, cell, height)
            y += height + GAP

    def _column_width(self, area: pygame.Rect, column: list, natural: tuple[int, int]) -> int:
        """The narrowest column (from :data:`COLUMN_MIN`) whose text fits without paging, so the picture gets the
        most room; wider when the picture, at the full height, leaves more room than that."""
        iw, ih = natural
        widest_picture = round(area.height * iw / ih)
        width = COLUMN_MIN
        while width < COLUMN_MAX and self._column_height(column, width) > area.height:
            width += 20
        return max(width, area.width - GAP - widest_picture)

    def _column_height(self, column: list, width: int) -> int:
        canvas, app = self.app.canvas, self.app
        self.text_box.rect.width = width
        others = sum(self._height(w, width) for w in column if w is not self.text_box)
        return self.text_box.measure(canvas, app) + others + GAP * (len(column) - 1)

    def _stack(self, column: list, area: pygame.Rect) -> None:
        """Top to bottom, each as tall as its text; the room's text gets what is left (and pages beyond that)."""
        canvas, app = self.app.canvas, self.app
        self.text_box.rect = pygame.Rect(area.left, area.top, area.width, 0)
        heights = {id(w): self._height(w, area.width) for w in column if w is not self.text_box}
        rest = area.height - sum(heights.values()) - GAP * (len(column) - 1)
        heights[id(self.text_box)] = max(MIN_TEXT_H, min(rest, self.text_box.measure(canvas, app)))
        y = area.top
        for widget in column:
            widget.rect = pygame.Rect(area.left, y, area.width, heights[id(widget)])
            y += widget.rect.height + GAP

    def _object_button(self, oid: str) -> Button:
        obj = self.room.objects[oid]
        if obj.locked_by:
            self._reserve[f"obj:{oid}"] = Button(obj.name, icon=obj.icon or "magnifier", locked=True, align="left")
        return Button(obj.name, lambda: self.inspect(oid), key=f"obj:{oid}", icon=obj.icon or "magnifier",
                      locked=self._object_state(oid)[0], align="left")

    def _height(self, widget, width: int) -> int:
        """A button's height as if locked when it can be: an opened lock must not move the column (or the picture)."""
        key = (id(widget), width)         # the widgets live as long as this layout, so their ids stay theirs
        if key not in self._heights:
            reserve = self._reserve.get(widget.key, widget)
            self._heights[key] = max(widget.preferred_height(self.app.canvas, self.app, width),
                                     reserve.preferred_height(self.app.canvas, self.app, width))
        return self._heights[key]

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

    def _hotspots(self, area: pygame.Rect, picture, with_area: list[str]) -> list:
        iw, ih = self.app.images.natural_size(picture)
        self.picture_area = area
        factor = min(area.width / iw, area.height / ih)
        self.image_rect = pygame.Rect(0, 0, round(iw * factor), round(ih * factor))
        # against the text column: a picture limited by its height leaves its spare width at the right edge
        self.image_rect.topleft = area.topleft
        spots = []
        for oid in with_area:
            obj = self.room.objects[oid]
            spots.append(Hotspot(obj.name, self._area_rect(obj.area), lambda oid=oid: self.inspect(oid),
                                 key=f"obj:{oid}", locked=self._object_state(oid)[0], lockable=bool(obj.locked_by)))
        for door, is_open in self.exits():
            ex = next((e for e in self.room.exits if e.to == door.target and e.area), None)
            if ex is not None and not door.back:
                spots.append(Hotspot(door.label, self._area_rect(ex.area), lambda d=door, o=is_open: self.go(d, o),
                                     key=f"spot:{door.target}", locked=not is_open, lockable=bool(door.locked_by)))
        place_labels(spots, self.app.canvas, self.app, self.image_rect)
        return spots

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
            if door.locked_by:
                self._reserve[f"exit:{door.target}"] = Button(tr("ui.room.exit_locked", label=label), icon="door",
                                                              locked=True, align="left")
        return buttons

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

    def toggle_spots(self) -> None:
        """Show or hide every clickable place; only the button's mark changes, so nothing on the screen moves."""
        self.show_all = not self.show_all
        toggle = self.focus.find("spots")
        if toggle is not None:
            toggle.selected = self.show_all

    def on_key(self, event) -> bool:
        if event.key == pygame.K_SPACE and not self.focus.typing:
            self.open_pause()
            return True
        return super().on_key(event)

    def own_shortcuts(self) -> dict:
        return {pygame.K_a: self.toggle_spots} if self.focus.find("spots") is not None else {}

    def pager(self):
        return self.text_box

    @property
    def toast_areas(self) -> list[pygame.Rect]:
        """Besides the bars: the band a wide picture leaves under itself (labels stay inside the picture).

        On a beamer the toolbar's gap holds "Opgeslagen: jullie antwoord staat klaar voor de nabespreking."
        only on two lines it has no height for, and the top bar has no gap beside a long room title; the
        message then went over the top bar and hid the room's name just when the group arrives in it.
        """
        areas = super().toast_areas
        if self.image_rect is not None and self.picture_area is not None:
            top = self.image_rect.bottom + GAP
            band = pygame.Rect(self.picture_area.left, top, self.picture_area.width, self.picture_area.bottom - top)
            if band.height >= 80 and band.width >= 420:
                areas.append(band)
        return areas

    # ------------------------------------------------------------ drawing

    def draw_content(self, canvas) -> None:
        picture = self._picture_path()
        if picture is None or self.image_rect is None:
            return
        canvas.image(picture, self.image_rect)
        spots = [w for w in self.focus.widgets if isinstance(w, Hotspot)]
        if self.show_all:
            # the rest of the picture darkened and each place drawn again on top: the places light up
            canvas.dim(self.app.theme.colours.dim, self.image_rect)
            for spot in spots:
                with canvas.clip(spot.rect):
                    canvas.image(picture, self.image_rect)
        for spot in spots:
            spot.draw_frame(canvas, self.app, strong=self.show_all)

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
            return self.keys_to("tb_items")
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
        return self.keys_to("tb_items") if self.game.scenario.puzzles[puzzle].required_items() else None

    def _object_for(self, command) -> str | None:
        if isinstance(command, C.UseItem):
            return command.object
        for oid, obj in self.room.objects.items():
            if command.item in obj.gives:
                return oid
        return None
