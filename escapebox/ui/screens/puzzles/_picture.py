"""The puzzle's own picture beside the question of a word or choice puzzle (the sheet a group reads to answer).

The picture takes a column on the right for as long as the screen is open, so the
question, the answer controls and the check button sit where they sat from the
start; the tile is as tall as the picture at that width (never taller than the
screen's area) and opens full-screen with zoom, like an object's picture.  A
picture the game cannot show leaves its description (``image_alt``) in the column
instead, so the group still has what it needs to answer.
"""

from __future__ import annotations

import pygame

from escapebox.ui.screens.picture_view import PictureButton, PictureView
from escapebox.ui.screens.puzzles.base import GAP
from escapebox.ui.widgets import TextBox

#: the share of the answer area the picture column takes: 0.4 of the 1824 logical px is 729 px, in
#: which voorbeeld-compleet's rooster still reads its names and shift times at 1280x720 (screenshot),
#: while a choice keeps 1071 px for its options, as wide as a two-column choice's options together
PICTURE_SHARE = 0.4


class PuzzlePicture:
    """Mixed into a :class:`PuzzleScreen` whose kind shows ``image`` (word, choice, dilemma)."""

    #: the message key of the tile's label: "Groot bekijken (Z)" where Z works (no text field)
    picture_label = "ui.picture.open"
    picture_tile = None

    def picture_path(self):
        """The puzzle's picture in the scenario folder, or ``None`` (no ``image``)."""
        image = self.puzzle.image
        return self.app.game.loaded.folder / image if image else None

    def build(self, area: pygame.Rect) -> list:
        path = self.picture_path()
        if self.solved is not None or path is None:
            self.picture_tile = None
            return super().build(area)
        side_w = int(area.width * PICTURE_SHARE)
        main = pygame.Rect(area.left, area.top, area.width - side_w - GAP, area.height)
        side = pygame.Rect(main.right + GAP, area.top, side_w, area.height)
        return super().build(main) + [self._picture_widget(path, side)]

    def _picture_widget(self, path, side: pygame.Rect):
        natural = self.app.images.natural_size(path)
        if natural is None:
            self.picture_tile = None
            alt = self.puzzle.image_alt or self.app.tr("ui.spot.no_image")
            return TextBox(alt, side, key="picture_alt", panel=True)
        tile = PictureButton(path, self.app.tr(self.picture_label), self.open_picture, key="picture_open")
        tile.place(self.app.canvas, self.app, side)
        # the picture at the column's width (12 px of frame each side), the label under it
        picture_h = round((side.width - 24) * natural[1] / natural[0])
        tile.rect.height = min(side.height, picture_h + 24 + tile.label_h)
        self.picture_tile = tile
        return tile

    def open_picture(self) -> None:
        path = self.picture_path()
        if path is not None and self.picture_tile is not None:
            self.app.stack.push(PictureView(self.app, path, self.puzzle.title))

    def own_shortcuts(self) -> dict:
        return {pygame.K_z: self.open_picture} if self.picture_tile is not None else {}
