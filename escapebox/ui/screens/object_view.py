"""An inspected object: its text, what it revealed, items to take and items to use (a UV lamp, a paper laid beside it).

Clues found here are listed with a "nieuw" badge and open the clue book;
items are taken with a button each.  The text box is as tall as its text,
and the pictures (the object's own, and those of the clues found here) get
the room below it, across the whole width when that shows them larger; each
opens full-screen with zoom.  When the object hides something
(``needs_item``), the group can try any item they hold on it — the rules
say whether it works.
"""

from __future__ import annotations

import pygame

from escapebox.core import commands as C
from escapebox.core import events as E
from escapebox.ui.screens.base import CONTENT, GameScreen
from escapebox.ui.screens.picture_view import PictureButton, PictureView
from escapebox.ui.widgets import Button, TextBox

SIDE_W = 600
GAP = 24
#: the least height a row of pictures keeps under a long text: a 16:9 picture in a 600-px tile
#: is 340 px high; 300 still shows a whole rooster at a glance (and opens full-screen)
MIN_PICTURE_H = 300
#: the pictures go across the whole width only when that shows them this much larger (in area).
#: Measured on the bundled objects: student-met-rugzak's three-week rooster (3.2:1) grows 1.9 times
#: at the normal text and 1.4 times at the beamer's; voorbeeld-compleet's 16:9 rooster would be half
#: as large under its two buttons, and stays beside them
WIDE_GAIN = 1.25


class ObjectScreen(GameScreen):
    name = "object"

    def __init__(self, app, object_id: str):
        super().__init__(app)
        self.object_id = object_id

    def title(self) -> str:
        return self.game.session.index.objects[self.object_id].name

    def view(self) -> dict:
        return self.game.session.object_view(self.object_id)

    def build(self, area: pygame.Rect) -> list:
        view, tr = self.view(), self.app.tr
        obj = view["object"]
        text = view["text"] or ""
        if view["hidden_text"]:
            # the item's own name, not a lamp's words: laying a paper beside another reveals too
            used = self.game.scenario.items[obj.needs_item].name
            text += "\n\n" + tr("ui.object.hidden_heading", name=used) + "\n" + view["hidden_text"]
        state = self.game.session.state
        found = [cid for cid in obj.reveals + tuple(c for c in obj.hidden_reveals if self.object_id in state.hidden_revealed)
                 if cid in state.clues]
        left = pygame.Rect(area.left, area.top, area.width - SIDE_W - GAP, area.height)
        side = pygame.Rect(area.right - SIDE_W, area.top, SIDE_W, area.height)
        actions = self._actions(view, found)
        self.actions_bottom = self._place_column(actions, side)
        return actions + self._left_column(left, text, obj, found)

    def _actions(self, view: dict, found: list[str]) -> list:
        """Read a clue found here, take an item, try an item on what is hidden."""
        tr, scenario, state = self.app.tr, self.game.scenario, self.game.session.state
        actions = []
        for cid in found:
            badge = tr("ui.badge.new") if cid in self.game.unseen_clues else None
            actions.append(Button(tr("ui.object.read_clue", title=scenario.clues[cid].title),
                                  lambda cid=cid: self.read_clue(cid), key=f"clue:{cid}", icon="memo",
                                  badge=badge, align="left"))
        for iid in view["items"]:
            item = scenario.items[iid]
            actions.append(Button(tr("ui.object.take", name=item.name), lambda iid=iid: self.take(iid),
                                  key=f"take:{iid}", icon=item.icon or "box", kind="primary", align="left"))
        obj = view["object"]
        if obj.needs_item and self.object_id not in state.hidden_revealed:
            for iid in state.inventory:
                item = scenario.items[iid]
                actions.append(Button(tr("ui.object.use", name=item.name), lambda iid=iid: self.use(iid),
                                      key=f"use:{iid}", icon=item.icon or "box", align="left"))
        return actions

    def _place_column(self, buttons: list, side: pygame.Rect) -> int:
        y = side.top
        for button in buttons:
            height = button.preferred_height(self.app.canvas, self.app, side.width)
            button.rect = pygame.Rect(side.left, y, side.width, height)
            y += height + 20
        return y

    def _pictures(self, obj, found: list[str]) -> list[PictureButton]:
        """The object's own picture and the pictures of the clues found here, each opening full-screen."""
        tr, folder, images = self.app.tr, self.game.loaded.folder, self.app.images
        tiles = []
        if obj.image and images.natural_size(folder / obj.image) is not None:
            tiles.append(PictureButton(folder / obj.image, tr("ui.picture.open_named", title=obj.name),
                                       lambda: self.open_picture(folder / obj.image, obj.name), key="picture:object"))
        for cid in found:
            clue = self.game.scenario.clues[cid]
            if clue.image and images.natural_size(folder / clue.image) is not None:
                tiles.append(PictureButton(folder / clue.image, tr("ui.picture.open_named", title=clue.title),
                                           lambda c=clue: self.open_picture(folder / c.image, c.title),
                                           key=f"picture:{cid}"))
        return tiles

    def _left_column(self, left: pygame.Rect, text: str, obj, found: list[str]) -> list:
        """The text as tall as it is (one line is a one-line box); the pictures get all the room below it.

        The text keeps at least :data:`MIN_PICTURE_H` free for a row of pictures and pages when it is
        longer than what is left.  The pictures take the whole width under the text and the column
        of buttons when that shows them at least :data:`WIDE_GAIN` larger (:meth:`_tile_row`).
        """
        tiles = self._pictures(obj, found)
        self.text_box = TextBox(text, pygame.Rect(left), key="object_text", panel=True)
        reserve = MIN_PICTURE_H + GAP if tiles else 0
        text_h = min(self.text_box.measure(self.app.canvas, self.app), left.height - reserve)
        self.text_box.rect = pygame.Rect(left.left, left.top, left.width, text_h)
        below = pygame.Rect(left.left, self.text_box.rect.bottom + GAP, left.width, left.bottom - self.text_box.rect.bottom - GAP)
        self.free_area = None if tiles else below
        #: the row of pictures when it runs under the column of buttons too (toasts keep off it)
        self.wide_row = None
        if tiles:
            row = self._tile_row(tiles, below, obj, found)
            self.wide_row = row if row.right > left.right else None
            width = (row.width - GAP * (len(tiles) - 1)) // len(tiles)
            for n, tile in enumerate(tiles):
                tile.place(self.app.canvas, self.app, pygame.Rect(row.left + n * (width + GAP), row.top, width, row.height))
        return [self.text_box] + tiles

    def _tile_row(self, tiles: list, below: pygame.Rect, obj, found: list[str]) -> pygame.Rect:
        """Where the row of pictures goes: under the text, or across the whole width under the buttons too.

        A wide picture (a three-week rooster) is held by the text column's width and left a band above
        and below itself at the beamer (screenshot of student-met-rugzak's dienstrooster); across the
        width it shows 1.4 times as much picture there.  The row starts under every button the column can show while the
        screen is open (:meth:`_column_floor`), so taking an item never moves a picture; an object that
        hides something keeps the row under its text, since trying an item adds buttons.
        """
        if obj.needs_item:
            return below
        top = max(below.top, self._column_floor(obj, found) + GAP)
        wide = pygame.Rect(below.left, top, CONTENT.right - below.left, below.bottom - top)
        if wide.height < MIN_PICTURE_H:
            return below
        gain = self._shown_area(tiles, wide) / max(1, self._shown_area(tiles, below))
        return wide if gain >= WIDE_GAIN else below

    def _column_floor(self, obj, found: list[str]) -> int:
        """The bottom of the column of buttons with a 'Lees' per clue found here and a 'Pak' per item the object gives."""
        tr, scenario = self.app.tr, self.game.scenario
        texts = [tr("ui.object.read_clue", title=scenario.clues[cid].title) for cid in found]
        texts += [tr("ui.object.take", name=scenario.items[iid].name) for iid in obj.gives]
        y = CONTENT.top
        for text in texts:
            y += Button(text, icon="memo", align="left").preferred_height(self.app.canvas, self.app, SIDE_W) + 20
        return y - 20 if texts else CONTENT.top - GAP

    def _shown_area(self, tiles: list, row: pygame.Rect) -> int:
        """How many logical px² of picture the tiles would show in ``row`` (each fitted in its tile)."""
        width = (row.width - GAP * (len(tiles) - 1)) // len(tiles)
        shown = 0
        for tile in tiles:
            label_h = Button.preferred_height(tile, self.app.canvas, self.app, width)
            iw, ih = self.app.images.natural_size(tile.path)
            box_w, box_h = width - 24, row.height - label_h - 24
            factor = max(0.0, min(box_w / iw, box_h / ih))
            shown += round(iw * factor) * round(ih * factor)
        return shown

    @property
    def toast_areas(self) -> list[pygame.Rect]:
        """Besides the bars: the room under a short text, and under the buttons on the right."""
        bottom = self.wide_row.top - GAP if self.wide_row is not None else CONTENT.bottom
        side = pygame.Rect(CONTENT.right - SIDE_W, self.actions_bottom, SIDE_W, bottom - self.actions_bottom)
        free = [a for a in (self.free_area, side) if a is not None and a.height >= 80 and a.width >= 420]
        return super().toast_areas + free

    def default_focus(self) -> str | None:
        view = self.view()
        if view["items"]:
            return f"take:{view['items'][0]}"
        return "tb_back"  # nothing to do here: Enter goes back to the room

    # ------------------------------------------------------------ actions

    def read_clue(self, cid: str) -> None:
        from escapebox.ui.screens.cluebook import ClueBookScreen
        self.app.stack.push(ClueBookScreen(self.app, select=cid))

    def take(self, iid: str) -> None:
        outcome = self.game.apply(C.TakeItem(iid))
        if outcome.refused:
            self.app.toast(self.game.message(outcome.refused), "danger")
        self.layout()

    def use(self, iid: str) -> None:
        outcome = self.game.apply(C.UseItem(iid, self.object_id))
        if outcome.refused:
            self.app.toast(self.game.message(outcome.refused), "danger")
        elif outcome.first(E.HiddenRevealed):
            self.app.toast(self.app.tr("ui.object.revealed", name=self.game.scenario.items[iid].name), "success")
        self.layout()

    def open_picture(self, path, title: str) -> None:
        self.app.stack.push(PictureView(self.app, path, title))

    def pager(self):
        return self.text_box

    def autoplay(self, command) -> list | None:
        if isinstance(command, C.TakeItem) and self.focus.find(f"take:{command.item}"):
            return self.keys_to(f"take:{command.item}")
        if isinstance(command, C.UseItem) and command.object == self.object_id and self.focus.find(f"use:{command.item}"):
            return self.keys_to(f"use:{command.item}")
        return self.go_back()
