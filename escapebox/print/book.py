"""Cards, answer sheet and PDF together: what ``escapebox print`` makes."""

from __future__ import annotations

import os
from pathlib import Path

from escapebox.print.cards import build_cards
from escapebox.print.sheet import trainer_sheet
from escapebox.print.pdf import write_pdf


def make_pages(loaded, tr, answers: bool = True) -> list:
    """The pages as pygame surfaces: the cards, then (on pages of its own) the trainer's sheet."""
    return make_book(loaded, tr, answers).pages


def make_book(loaded, tr, answers: bool = True):
    """The drawn book (a ``PageMaker``: its pages and the text on each).

    Without ``answers`` the trainer's sheet keeps the dilemmas and the debrief, which give no answer away.
    """
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from escapebox.print.pages import PageMaker

    maker = PageMaker(tr, tr("print.page_title", title=loaded.scenario.title), loaded.scenario.title)
    maker.add_cards(build_cards(loaded, tr))
    maker.add_trainer_sheet(trainer_sheet(loaded, tr, answers))
    return maker


def write_book(loaded, tr, output: Path, answers: bool = True) -> int:
    """Write the PDF (page images with their text as a layer to find and copy); returns the number of pages."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    book = make_book(loaded, tr, answers)
    write_pdf(output, [(p.get_width(), p.get_height(), pygame.image.tobytes(p, "RGB")) for p in book.pages],
              title=loaded.scenario.title,
              texts=[[(t.x, t.baseline, t.size, t.text) for t in page] for page in book.texts])
    return len(book.pages)
