"""An inspected object: its text, what it revealed, items to take and (UV-lamp trick) items to use.

Clues found here are listed with a "nieuw" badge and open the clue book;
items are taken with a button each.  When the object hides something
(``needs_item``), the group can try any item they hold on it — the rules
say whether it works.
"""

from __future__ import annotations

import pygame

from escapebox.core import commands as C
from escapebox.core import events as E
from escapebox.ui.screens.base import GameScreen
from escapebox.ui.widgets import Button, TextBox

SIDE_W = 600
GAP = 24


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
        view, tr, scenario = self.view(), self.app.tr, self.game.scenario
        obj = view["object"]
        text = view["text"] or ""
        if view["hidden_text"]:
            text += "\n\n" + tr("ui.object.hidden_heading") + "\n" + view["hidden_text"]
        left_w = area.width - SIDE_W - GAP
        image_h = 0
        self.image_rect = None
        if obj.image and self.app.images.natural_size(self.game.loaded.folder / obj.image) is not None:
            image_h = min(380, area.height // 2)
            self.image_rect = pygame.Rect(area.left, area.top, left_w, image_h)
            image_h += GAP
        self.text_box = TextBox(text, pygame.Rect(area.left, area.top + image_h, left_w, area.height - image_h),
                                key="object_text", panel=True)
        side = pygame.Rect(area.right - SIDE_W, area.top, SIDE_W, area.height)
        actions = []
        for cid in obj.reveals + tuple(c for c in obj.hidden_reveals if self.object_id in self.game.session.state.hidden_revealed):
            if cid in self.game.session.state.clues:
                badge = tr("ui.badge.new") if cid in self.game.unseen_clues else None
                actions.append(Button(tr("ui.object.read_clue", title=scenario.clues[cid].title),
                                      lambda cid=cid: self.read_clue(cid), key=f"clue:{cid}", icon="memo",
                                      badge=badge, align="left"))
        for iid in view["items"]:
            item = scenario.items[iid]
            actions.append(Button(tr("ui.object.take", name=item.name), lambda iid=iid: self.take(iid),
                                  key=f"take:{iid}", icon=item.icon or "box", kind="primary", align="left"))
        if obj.needs_item and self.object_id not in self.game.session.state.hidden_revealed:
            for iid in self.game.session.state.inventory:
                item = scenario.items[iid]
                actions.append(Button(tr("ui.object.use", name=item.name), lambda iid=iid: self.use(iid),
                                      key=f"use:{iid}", icon=item.icon or "box", align="left"))
        y = side.top
        for button in actions:
            height = button.preferred_height(self.app.canvas, self.app, SIDE_W)
            button.rect = pygame.Rect(side.left, y, SIDE_W, height)
            y += height + 20
        self.actions_bottom = y
        return actions + [self.text_box]

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
            self.app.toast(self.app.tr("ui.object.revealed"), "success")
        self.layout()

    def pager(self):
        return self.text_box

    def draw_content(self, canvas) -> None:
        if self.image_rect is not None:
            obj = self.game.session.index.objects[self.object_id]
            canvas.image(self.game.loaded.folder / obj.image, self.image_rect)

    def autoplay(self, command) -> list | None:
        if isinstance(command, C.TakeItem) and self.focus.find(f"take:{command.item}"):
            return self.keys_to(f"take:{command.item}")
        if isinstance(command, C.UseItem) and command.object == self.object_id and self.focus.find(f"use:{command.item}"):
            return self.keys_to(f"use:{command.item}")
        return self.go_back()
