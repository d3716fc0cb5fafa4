"""``escapebox graph``: a picture of a scenario's flow, without Graphviz.

``flow`` turns the scenario into boxes (rooms, endings) with lines of text
and arrows (exits, locks that move the group, dilemma choices); ``layout``
places them in columns by distance from the start room; ``svg`` and
``png`` draw the very same layout.  Only ``png`` imports pygame, and only
when it is called.
"""

from escapebox.authoring.graph.flow import build_flow
from escapebox.authoring.graph.layout import layout_flow

__all__ = ["build_flow", "layout_flow"]
