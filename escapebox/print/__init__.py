"""``escapebox print``: the box on paper, for a hybrid or paper-only session.

``cards`` decides what goes on which card (rooms, objects, clues, items,
puzzles, endings; never an answer) and what goes on the trainer's answer
sheet.  ``pages`` draws the cards on A4 pages with pygame (four cards per
page with cut marks, a long card gets a page of its own) and ``pdf`` wraps
the page images in a small PDF written by hand, so printing needs no extra
dependency.
"""
