"""The inventory: what the group carries, and combining items into something new.

Combining: mark items with "Kies voor combineren" (a check box, so the
choice is visible without colour) and press "Combineer".  Only offered when
the scenario has combinations at all.
"""

from __future__ import annotations

import pygame

from escapebox.core import commands as C
from escapebox.core import events as E
from escapebox.ui.screens.listdetail import GAP, ListDetailScreen
from escapebox.ui.widgets import Button


class InventoryScreen(ListDetailScreen):
    name = "inventory"
    tools = ("clues", "hint", "pause", "help")
    empty_key = "ui.items.empty"

    def __init__(self, app, select: str | None = None):
        super().__init__(app, select)
        self.chosen: list[str] = []

    def title(self) -> str:
        return self.app.tr("ui.items.title", count=len(self.game.session.state.inventory))

    def entries(self):
        items = self.game.scenario.items
        inventory = self.game.session.state.inventory
        self.chosen = [i for i in self.chosen if i in inventory]
        return [(iid, items[iid].name, items[iid].icon or "box") for iid in inventory]

    def unseen(self) -> set[str]:
        return set(self.game.unseen_items)

    def detail_title(self, entry: str) -> str:
        return self.game.scenario.items[entry].name

    def detail_text(self, entry: str) -> str:
        return self.game.scenario.items[entry].text

    def detail_image(self, entry: str):
        item = self.game.scenario.items[entry]
        return self.game.loaded.folder / item.image if item.image else None

    def mark_seen(self, entries: set[str]) -> None:
        self.game.unseen_items -= entries

    def extra_widgets(self, area: pygame.Rect) -> list:
        if not self.game.scenario.combinations or not self.selected:
            return []
        tr = self.app.tr
        pick = Button(tr("ui.items.choose"), self.toggle, key="select", selected=self.selected in self.chosen, align="left")
        names = ", ".join(self.game.scenario.items[i].name for i in self.chosen) or tr("ui.items.none_chosen")
        combine = Button(tr("ui.items.combine", count=len(self.chosen)), self.combine, key="combine",
                         kind="primary", detail=names)
        combine.enabled = len(self.chosen) >= 2
        height = max(pick.preferred_height(self.app.canvas, self.app, area.width // 2 - GAP),
                     combine.preferred_height(self.app.canvas, self.app, area.width // 2))
        pick.rect = pygame.Rect(area.left, area.bottom - height, area.width // 2 - GAP, height)
        combine.rect = pygame.Rect(area.left + area.width // 2, area.bottom - height, area.width // 2, height)
        return [pick, combine]

    def toggle(self) -> None:
        if self.selected in self.chosen:
            self.chosen.remove(self.selected)
        else:
            self.chosen.append(self.selected)
        self.layout()

    def combine(self) -> None:
        outcome = self.game.apply(C.CombineItems(tuple(self.chosen)))
        if outcome.refused:
            self.app.toast(self.game.message(outcome.refused), "danger")
            return
        made = outcome.first(E.ItemsCombined)
        self.chosen = []
        if made is not None:
            combination = next((c for c in self.game.scenario.combinations if c.gives == made.gives), None)
            text = combination.text if combination and combination.text else self.app.tr(
                "ui.items.combined", name=self.game.scenario.items[made.gives].name)
            self.app.toast(text, "success", 6)
            self.selected = made.gives
        self.layout()

    def on_key(self, event) -> bool:
        if event.key == pygame.K_i and not self.focus.typing:
            self.back()
            return True
        return super().on_key(event)

    def autoplay(self, command) -> list | None:
        if not isinstance(command, C.CombineItems):
            return self.go_back()
        for iid in command.items:
            if iid not in self.chosen:
                if self.selected != iid:
                    return self.keys_to(f"entry:{iid}")
                return self.keys_to("select")
        return self.keys_to("combine")
