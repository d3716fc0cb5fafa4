"""Cards, answer sheet and PDF together: what ``escapebox print`` makes."""

from __future__ import annotations

import os
from pathlib import Path

from escapebox.print.cards import answer_sheet, build_cards
from escapebox.print.pdf import write_pdf


def make_pages(loaded, tr, answers: bool = True) -> list:
    """The pages as pygame surfaces: the cards, then (on its own pages) the trainer's answer sheet."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from escapebox.print.pages import PageMaker

    maker = PageMaker(tr, tr("print.page_title", title=loaded.scenario.title), loaded.scenario.title)
    maker.add_cards(build_cards(loaded, tr))
    if answers:
        maker.add_answer_sheet(answer_sheet(loaded, tr))
    return maker.pages


def write_book(loaded, tr, output: Path, answers: bool = True) -> int:
    """Write the PDF; returns the number of pages."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    pages = make_pages(loaded, tr, answers)
    write_pdf(output, [(p.get_width(), p.get_height(), pygame.image.tobytes(p, "RGB")) for p in pages],
              title=loaded.scenario.title)
    return len(pages)
