"""Draw cards and the trainer's sheet on A4 pages (pygame surfaces at 150 dpi).

Four cards per page (A6 each) with dashed cut lines.  A card whose text
does not fit an A6 even in small print gets a whole page; if even that is
too little, it continues on the next page with "(vervolg)" in the title —
text is never cut off.  A reflection card ends in ruled lines to write on (and
numbered circles to tick for a scale).  On the trainer's sheet a spot puzzle's
picture shows the target outlined (solid) and each decoy (dashed, numbered).
The pages use the game's own font (Atkinson Hyperlegible), which is made for
readers with low vision.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import pygame

from escapebox.print.cards import Card
from escapebox.print.sheet import MarkedPicture, SheetEntry, SheetSection
from escapebox.scenario.mediacheck import MediaProblem, inspect_image
from escapebox import paths

log = logging.getLogger(__name__)

DPI = 150
PAGE_W, PAGE_H = 1240, 1754            # A4 at 150 dpi
MARGIN = 70
PAD = 36
CARD_SIZES = (30, 26, 23, 20)          # px at 150 dpi: 14pt down to 10pt
PAGE_SIZES = (26, 23, 20)
INK, MUTED, LINE, WHITE = (25, 30, 40), (95, 100, 110), (160, 165, 175), (255, 255, 255)
KIND_COLOURS = {"room": (16, 101, 120), "object": (120, 80, 20), "inside": (150, 40, 40), "clue": (30, 110, 50),
                "item": (90, 60, 130), "puzzle": (160, 60, 20), "ending": (60, 60, 60),
                "choice": (130, 40, 110), "reflection": (30, 80, 160), "hidden": (110, 90, 20)}
WRITE_LINE_H = 59                      # 1 cm at 150 dpi: the ruling of a school notebook
SCALE_D = 64                           # a circle of 11 mm to tick, with its number inside
#: Outlines on a spot picture: magenta and blue stand out on the bundled pictures' muted
#: colours, and solid against dashed keeps the two apart without colour.
TARGET, DECOY = (200, 0, 110), (20, 80, 200)
TARGET_W, DECOY_W = 6, 4
SHEET_PICTURE_H = 560                  # a third of the page: the picture and its lines stay together


@dataclass(frozen=True)
class PageText:
    """A line of text as drawn on a page, in page pixels: its left, its baseline, the font's size."""

    x: int
    baseline: int
    size: int
    text: str


class Fonts:
    """The game's fonts at the sizes asked for, loaded once."""

    def __init__(self):
        pygame.font.init()
        assets = paths.assets_dir()
        self.folder = assets / "fonts" if assets else None
        self._cache: dict[tuple[str, int], pygame.font.Font] = {}

    def get(self, style: str, size: int) -> pygame.font.Font:
        key = (style, size)
        if key not in self._cache:
            name = "AtkinsonHyperlegible-Bold.ttf" if style == "bold" else "AtkinsonHyperlegible-Regular.ttf"
            path = self.folder / name if self.folder else None
            self._cache[key] = pygame.font.Font(str(path) if path and path.is_file() else None, size)
        return self._cache[key]


FALLBACKS = {"→": "->", "←": "<-", "↔": "<->", "✓": "v", "✗": "x", "…": "..."}


def printable(font: pygame.font.Font, text: str) -> str:
    """Characters the font lacks become a look-alike, so paper never shows empty boxes.

    The game's font has no arrows; those are replaced always (``metrics`` reports a box glyph
    for them), anything else the font reports as missing becomes "?".
    """
    for missing, instead in FALLBACKS.items():
        text = text.replace(missing, instead)
    metrics = font.metrics(text)
    if all(m is not None for m in metrics):
        return text
    return "".join(ch if m is not None or ch in " \n" else "?" for ch, m in zip(text, metrics))


def wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """Lines that fit ``width``; a word longer than a line is broken by characters."""
    text = printable(font, text)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if font.size(candidate)[0] <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while font.size(word)[0] > width and len(word) > 1:
                cut = max(1, next((n for n in range(len(word), 0, -1) if font.size(word[:n])[0] <= width), 1))
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def _body_lines(fonts: Fonts, card: Card, size: int, width: int) -> list[str]:
    font = fonts.get("regular", size)
    lines: list[str] = []
    for paragraph in card.paragraphs:
        lines += wrap(font, paragraph, width) + [""]
    return lines[:-1] if lines else lines


class PageMaker:
    def __init__(self, tr, title: str, scenario_title: str = ""):
        self.tr = tr
        self.title = title
        self.scenario_title = scenario_title
        self.fonts = Fonts()
        self.pages: list[pygame.Surface] = []
        self.texts: list[list[PageText]] = []    # per page, every line drawn: the PDF's text layer
        self.slot = 4                     # four cards per page; 4 means "start a new page"
        self._images: dict[Path, pygame.Surface | None] = {}
        self._sheet_y = 0                 # where the trainer's sheet goes on (its last page)
        #: Every marked picture drawn: (page index, where on the page, what was marked) — for the tests.
        self.marked: list[tuple[int, pygame.Rect, MarkedPicture]] = []

    # ------------------------------------------------------------ cards

    def add_cards(self, cards: list[Card]) -> None:
        cell_w = (PAGE_W - 2 * MARGIN) // 2
        cell_h = (PAGE_H - 2 * MARGIN) // 2
        for card in cards:
            size = self._size_that_fits(card, cell_w, cell_h, CARD_SIZES)
            if size is not None:
                self._place_small(card, size, cell_w, cell_h)
            else:
                self._place_full(card)

    def _image_h(self, card: Card, width: int, height: int) -> int:
        picture = self._picture(card.image)
        if picture is None:
            return 0
        w, h = picture.get_size()
        return min(height // 2, int(h * width / max(1, w))) + PAD // 2

    def _size_that_fits(self, card: Card, width: int, height: int, sizes) -> int | None:
        inner_w = width - 2 * PAD
        for size in sizes:
            needed = self._needed_height(card, size, inner_w, width, height)
            if needed <= height - 2 * PAD:
                return size
        return None

    def _needed_height(self, card, size, inner_w, width, height) -> int:
        title = wrap(self.fonts.get("bold", size + 8), card.title, inner_w)
        body = _body_lines(self.fonts, card, size, inner_w)
        small = self.fonts.get("regular", max(16, size - 6))
        note_h = len(wrap(small, card.note, inner_w)) * small.get_linesize() + PAD // 2
        title_h = len(title) * self.fonts.get("bold", size + 8).get_linesize() + PAD // 2
        return (title_h + len(body) * self.fonts.get("regular", size).get_linesize() + note_h
                + self._image_h(card, inner_w, height) + _writing_h(card))

    def _new_page(self, header: str | None = None) -> pygame.Surface:
        page = pygame.Surface((PAGE_W, PAGE_H))
        page.fill(WHITE)
        small = self.fonts.get("regular", 18)
        self.pages.append(page)
        self.texts.append([])
        self._text(page, small, self.title if header is None else header, MUTED, (MARGIN, MARGIN // 2 - 8))
        return page

    def _text(self, page, font: pygame.font.Font, text: str, colour, pos: tuple[int, int]) -> None:
        """Draw a line of text, and note it for the PDF's text layer (find, copy, read aloud)."""
        page.blit(font.render(text, True, colour), pos)
        index = next(i for i in range(len(self.pages) - 1, -1, -1) if self.pages[i] is page)
        self.texts[index].append(PageText(pos[0], pos[1] + font.get_ascent(), font.point_size, text))

    def _place_small(self, card: Card, size: int, cell_w: int, cell_h: int) -> None:
        if self.slot >= 4:
            page = self._new_page()
            self._cut_lines(page)
            self.slot = 0
        page = self.pages[-1]
        col, row = self.slot % 2, self.slot // 2
        rect = pygame.Rect(MARGIN + col * cell_w, MARGIN + row * cell_h, cell_w, cell_h)
        self._draw_card(page, card, rect, size, card.title)
        self.slot += 1

    def _cut_lines(self, page: pygame.Surface) -> None:
        mid_x, mid_y = PAGE_W // 2, PAGE_H // 2
        for start in range(MARGIN, PAGE_H - MARGIN, 24):
            pygame.draw.line(page, LINE, (mid_x, start), (mid_x, min(start + 12, PAGE_H - MARGIN)), 2)
        for start in range(MARGIN, PAGE_W - MARGIN, 24):
            pygame.draw.line(page, LINE, (start, mid_y), (min(start + 12, PAGE_W - MARGIN), mid_y), 2)
        pygame.draw.rect(page, LINE, pygame.Rect(MARGIN, MARGIN, PAGE_W - 2 * MARGIN, PAGE_H - 2 * MARGIN), 2)

    def _place_full(self, card: Card) -> None:
        """A long card on pages of its own, continued as often as needed."""
        self.slot = 4
        rect = pygame.Rect(MARGIN, MARGIN, PAGE_W - 2 * MARGIN, PAGE_H - 2 * MARGIN)
        size = PAGE_SIZES[-1]
        inner_w = rect.width - 2 * PAD
        lines = _body_lines(self.fonts, card, size, inner_w)
        line_h = self.fonts.get("regular", size).get_linesize()
        room = rect.height - 2 * PAD - 4 * line_h - self._image_h(card, inner_w, rect.height) - _writing_h(card)
        per_page = max(1, room // line_h)
        first = True
        while lines or first:
            chunk, lines = lines[:per_page], lines[per_page:]
            title = card.title if first else self.tr("print.card.continued", title=card.title)
            part = Card(card.kind, title, ["\n".join(chunk)], card.note, card.image if first else None,
                        card.write_lines if not lines else 0, card.scale if not lines else None)
            page = self._new_page()
            pygame.draw.rect(page, LINE, rect, 2)
            self._draw_card(page, part, rect, size, title)
            first = False

    def _draw_card(self, page, card: Card, rect: pygame.Rect, size: int, title: str) -> None:
        colour = KIND_COLOURS.get(card.kind, INK)
        pygame.draw.rect(page, colour, pygame.Rect(rect.left + 2, rect.top + 2, rect.width - 4, 14))
        x, y, inner_w = rect.left + PAD, rect.top + PAD, rect.width - 2 * PAD
        bold = self.fonts.get("bold", size + 8)
        for line in wrap(bold, title, inner_w):
            self._text(page, bold, line, colour, (x, y))
            y += bold.get_linesize()
        y += PAD // 2
        y = self._draw_picture(page, card.image, x, y, inner_w, rect.height)
        regular = self.fonts.get("regular", size)
        for line in _body_lines(self.fonts, card, size, inner_w):
            if line:
                self._text(page, regular, line, INK, (x, y))
            y += regular.get_linesize()
        small = self.fonts.get("regular", max(16, size - 6))
        notes = wrap(small, card.note, inner_w) if card.note else []
        top = rect.bottom - PAD // 2 - len(notes) * small.get_linesize()
        for n, line in enumerate(notes):
            self._text(page, small, line, MUTED, (x, top + n * small.get_linesize()))
        if card.scale:
            y = self._draw_scale(page, card.scale, x, y + PAD // 2, inner_w)
        if card.write_lines:
            _draw_ruling(page, x, y, inner_w, top - PAD // 2)

    def _draw_scale(self, page, scale: tuple[int, int], x: int, y: int, width: int) -> int:
        """Numbered circles from low to high, smaller when a 0-10 scale needs it; returns the y below them."""
        values = range(scale[0], scale[1] + 1)
        gap = 24
        size = min(SCALE_D, (width - gap * (len(values) - 1)) // len(values))
        font = self.fonts.get("bold", max(16, size * 2 // 5))
        for n, value in enumerate(values):
            centre = (x + size // 2 + n * (size + gap), y + SCALE_D // 2)
            pygame.draw.circle(page, INK, centre, size // 2, 3)
            label = font.render(str(value), True, INK)
            page.blit(label, label.get_rect(center=centre))
        return y + SCALE_D + PAD // 2

    # ------------------------------------------------------------ pictures

    def _picture(self, path: Path | None) -> pygame.Surface | None:
        if path is None:
            return None
        if path not in self._images:
            self._images[path] = _load_picture(path)
        return self._images[path]

    def _draw_picture(self, page, path, x, y, width, height) -> int:
        picture = self._picture(path)
        if picture is None:
            return y
        w, h = picture.get_size()
        scale = min(width / max(1, w), (height // 2) / max(1, h))
        shown = pygame.transform.smoothscale(picture, (max(1, int(w * scale)), max(1, int(h * scale))))
        page.blit(shown, (x, y))
        return y + shown.get_height() + PAD // 2

    # ------------------------------------------------------------ trainer's sheet

    def add_trainer_sheet(self, sections: list[SheetSection]) -> None:
        """The trainer's pages: answers, dilemmas, debrief; every page is marked so it is not handed out."""
        if not sections:
            return
        self._sheet_y = self._sheet_page()
        for section in sections:
            heading = self.fonts.get("bold", 30)
            self._sheet_room(heading.get_linesize() * 3)
            self._text(self.pages[-1], heading, printable(heading, section.heading), KIND_COLOURS["inside"],
                       (MARGIN, self._sheet_y))
            self._sheet_y += heading.get_linesize() + 10
            for entry in section.entries:
                self._sheet_entry(entry)
        self.slot = 4

    def _sheet_entry(self, entry: SheetEntry) -> None:
        size, left = 22, MARGIN + 40 * entry.indent
        inner_w = PAGE_W - MARGIN - left
        bold, regular = self.fonts.get("bold", size), self.fonts.get("regular", size)
        wrapped = [(bold, 0, line) for line in wrap(bold, entry.title, inner_w)]
        for line in entry.lines:
            wrapped += [(regular, 30, part) for part in wrap(regular, line, inner_w - 30)]
        needed = sum(font.get_linesize() for font, _, _ in wrapped) + 20
        self._sheet_room(min(needed, PAGE_H // 2))        # an entry starts on the page it mostly fits on
        for font, shift, text in wrapped:
            self._sheet_room(font.get_linesize())
            self._text(self.pages[-1], font, text, INK, (left + shift, self._sheet_y))
            self._sheet_y += font.get_linesize()
        if entry.picture is not None:
            self._sheet_picture(entry.picture, left + 30, inner_w - 30)
        self._sheet_y += 20

    def _sheet_room(self, height: int) -> None:
        """A new sheet page when ``height`` more does not fit on this one."""
        if self._sheet_y + height > PAGE_H - MARGIN:
            self._sheet_y = self._sheet_page()

    def _sheet_page(self) -> int:
        page = self._new_page(self.tr("print.sheet.header", title=self.scenario_title))
        heading = self.fonts.get("bold", 36)
        self._text(page, heading, self.tr("print.sheet.title"), KIND_COLOURS["inside"], (MARGIN, MARGIN))
        self._text(page, self.fonts.get("regular", 20), self.tr("print.sheet.not_for_players"), MUTED,
                   (MARGIN, MARGIN + heading.get_linesize() + 4))
        return MARGIN + heading.get_linesize() + 60

    def _sheet_picture(self, marked: MarkedPicture, x: int, width: int) -> None:
        picture = self._picture(marked.path)
        if picture is None:
            regular = self.fonts.get("regular", 22)
            self._text(self.pages[-1], regular, self.tr("print.sheet.picture_missing"), MUTED, (x, self._sheet_y))
            self._sheet_y += regular.get_linesize()
            return
        w, h = picture.get_size()
        scale = min(width / max(1, w), SHEET_PICTURE_H / max(1, h))
        shown = pygame.transform.smoothscale(picture, (max(1, int(w * scale)), max(1, int(h * scale))))
        self._sheet_y += 10
        self._sheet_room(shown.get_height() + 20)
        rect = shown.get_rect(topleft=(x, self._sheet_y))
        page = self.pages[-1]
        page.blit(shown, rect)
        pygame.draw.rect(page, LINE, rect, 1)
        self._draw_marks(page, rect, marked.marks)
        self.marked.append((len(self.pages) - 1, rect, marked))
        self._sheet_y = rect.bottom + 10

    def _draw_marks(self, page, picture: pygame.Rect, marks) -> None:
        """Each area outlined just outside its edge (so what it covers stays visible), the target last,
        on top; then the labels, each where it covers no outline (decoys often border the target)."""
        outlines = []
        for mark in sorted(marks, key=lambda m: m.role == "target"):
            width = TARGET_W if mark.role == "target" else DECOY_W
            area = pygame.Rect(round(picture.x + mark.area.x * picture.w / 100),
                               round(picture.y + mark.area.y * picture.h / 100),
                               max(1, round(mark.area.w * picture.w / 100)), max(1, round(mark.area.h * picture.h / 100)))
            outline = area.inflate(2 * width, 2 * width)
            if mark.role == "target":
                pygame.draw.rect(page, TARGET, outline, width)
            else:
                _dashed_rect(page, DECOY, outline, width)
            outlines.append((mark, outline))
        font, taken = self.fonts.get("bold", 20), [outline for _, outline in outlines]
        for mark, outline in outlines:
            target = mark.role == "target"
            label = font.render(self.tr("print.sheet.target_label") if target else mark.label, True, WHITE)
            tag = _tag_place(label.get_rect().inflate(12, 4), outline, picture, [t for t in taken if t != outline])
            taken.append(tag)
            pygame.draw.rect(page, TARGET if target else DECOY, tag)
            page.blit(label, label.get_rect(center=tag.center))


def _tag_place(tag: pygame.Rect, outline: pygame.Rect, picture: pygame.Rect, taken: list) -> pygame.Rect:
    """A spot for a label beside its outline: outside it where the picture has room and no other
    outline or label lies (above, right, below, left), else in its own top left corner."""
    places = [{"bottomleft": outline.topleft}, {"topleft": outline.topright}, {"topleft": outline.bottomleft},
              {"topright": outline.topleft}, {"bottomright": outline.topright}, {"topleft": outline.topleft}]
    for place in places:
        candidate = tag.copy()
        setattr(candidate, *next(iter(place.items())))
        if picture.contains(candidate) and candidate.collidelist(taken) == -1:
            return candidate
    return tag.move(outline.x - tag.x, outline.y - tag.y)


def _dashed_rect(page, colour, rect: pygame.Rect, width: int, dash: int = 14) -> None:
    """A rectangle of dashes drawn inside ``rect``, like ``pygame.draw.rect`` with a width."""
    inner = rect.inflate(-width, -width)
    for x in range(rect.left, rect.right, 2 * dash):
        end = min(x + dash, rect.right)
        pygame.draw.line(page, colour, (x, inner.top), (end, inner.top), width)
        pygame.draw.line(page, colour, (x, inner.bottom), (end, inner.bottom), width)
    for y in range(rect.top, rect.bottom, 2 * dash):
        end = min(y + dash, rect.bottom)
        pygame.draw.line(page, colour, (inner.left, y), (inner.left, end), width)
        pygame.draw.line(page, colour, (inner.right, y), (inner.right, end), width)


def _writing_h(card: Card) -> int:
    """The room a card needs below its text: the circles of a scale and the least ruling it asks for."""
    return (SCALE_D + PAD if card.scale else 0) + card.write_lines * WRITE_LINE_H + (PAD // 2 if card.write_lines else 0)


def _draw_ruling(page, x: int, top: int, width: int, bottom: int) -> None:
    """Ruled lines from ``top`` to ``bottom``: a card's free space is all room to write."""
    y = top + WRITE_LINE_H
    while y <= bottom:
        pygame.draw.line(page, LINE, (x, y), (x + width, y), 2)
        y += WRITE_LINE_H


def _load_picture(path: Path) -> pygame.Surface | None:
    """A picture for a card, or None (the card then shows its text only) — never a crash on a bad file."""
    try:
        inspect_image(path)             # a tiny file may ask for gigabytes: check the header first
    except MediaProblem as problem:
        log.warning("Escapebox: not printing image %s: %s", path, problem.code)
        return None
    try:
        if path.suffix.lower() == ".svg":
            return pygame.image.load_sized_svg(str(path), (1000, 1000))
        return pygame.image.load(str(path))
    except (pygame.error, OSError, ValueError) as exc:
        log.warning("Escapebox: not printing image %s: %s", path, exc)
        return None
