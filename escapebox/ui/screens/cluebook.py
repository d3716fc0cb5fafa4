"""The clue book: every clue the group found; it opens at the newest, and what is new since the last visit says "nieuw"."""

from __future__ import annotations

import pygame

from escapebox.ui.screens.listdetail import ListDetailScreen


class ClueBookScreen(ListDetailScreen):
    name = "cluebook"
    tools = ("items", "hint", "pause", "help")
    empty_key = "ui.clues.empty"

    def title(self) -> str:
        return self.app.tr("ui.clues.title", count=len(self.game.session.state.clues))

    def entries(self):
        clues = self.game.scenario.clues
        return [(cid, clues[cid].title, "memo") for cid in self.game.session.state.clues]

    def unseen(self) -> set[str]:
        return set(self.game.unseen_clues)

    def detail_title(self, entry: str) -> str:
        return self.game.scenario.clues[entry].title

    def detail_text(self, entry: str) -> str:
        return self.game.scenario.clues[entry].text

    def detail_image(self, entry: str):
        clue = self.game.scenario.clues[entry]
        return self.game.loaded.folder / clue.image if clue.image else None

    def mark_seen(self, entries: set[str]) -> None:
        self.game.unseen_clues -= entries

    def on_key(self, event) -> bool:
        if event.key == pygame.K_c and not self.focus.typing:
            self.back()
            return True
        return super().on_key(event)
