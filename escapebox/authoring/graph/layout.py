"""Place the flow's boxes in columns and route its arrows — our own small layered layout.

Column = breadth-first distance from the start room (exits count both
ways, because every door can be walked back through); rooms no path
reaches get a column of their own, endings always come last.  Within a
column, boxes are sorted by where their neighbours in the previous column
are, which removes most crossings in the small graphs scenarios make.
Arrows are cubic curves sampled into points, so the SVG and the PNG
renderer draw exactly the same thing.
"""

from __future__ import annotations

import math
import textwrap
from collections import deque
from dataclasses import dataclass

from escapebox.authoring.graph.flow import Edge, Flow, Line, Node

FONT_PX = 15
TITLE_PX = 17
LINE_PX = 20
BOX_W = 330
PAD = 12
GAP_X = 210
GAP_Y = 36
MARGIN = 40
HEADER_PX = 60
CHAR_PX = 0.56 * FONT_PX
INDENT_PX = 14
CURVE_SAMPLES = 24
LABEL_PX = 13
LABEL_LINE_PX = 16
LABEL_CHAR_PX = 0.56 * LABEL_PX
LABEL_CHARS = int((GAP_X - 30) / LABEL_CHAR_PX)


@dataclass
class Box:
    node: Node
    x: float
    y: float
    w: float
    h: float
    column: int
    rows: list[tuple[str, str, int]]   # (text, style, indent) after wrapping


@dataclass
class Arrow:
    edge: Edge
    points: list[tuple[float, float]]
    label_at: tuple[float, float]
    label_lines: list[str]

    @property
    def label_size(self) -> tuple[float, float]:
        width = max((len(line) for line in self.label_lines), default=0) * LABEL_CHAR_PX + 12
        return width, len(self.label_lines) * LABEL_LINE_PX + 6


@dataclass
class Layout:
    title: str
    width: float
    height: float
    boxes: dict[str, Box]
    arrows: list[Arrow]


def layout_flow(flow: Flow) -> Layout:
    columns = _columns(flow)
    boxes = _place(flow, columns)
    arrows = _route(flow.edges, boxes)
    width = MARGIN * 2 + len(columns) * (BOX_W + GAP_X) - GAP_X
    height = max((b.y + b.h for b in boxes.values()), default=HEADER_PX) + MARGIN
    return Layout(flow.title, width, height, boxes, arrows)


# ----- columns ---------------------------------------------------------------------------
def _columns(flow: Flow) -> list[list[str]]:
    rooms = [n for n, node in flow.nodes.items() if node.kind in ("room", "start")]
    depth = _bfs(flow, set(rooms))
    columns: list[list[str]] = [[] for _ in range(max(depth.values(), default=0) + 1)]
    for node in sorted(depth, key=lambda n: depth[n]):
        columns[depth[node]].append(node)
    lost = [r for r in rooms if r not in depth]
    if lost:
        columns.append(lost)
    last = [n for n, node in flow.nodes.items() if node.kind in ("ending", "extra")]
    if last:
        columns.append(last)
    _order(columns, flow.edges)
    return [c for c in columns if c]


def _bfs(flow: Flow, rooms: set[str]) -> dict[str, int]:
    neighbours: dict[str, list[str]] = {r: [] for r in rooms}
    for edge in flow.edges:
        if edge.source in rooms and edge.target in rooms:
            neighbours[edge.source].append(edge.target)
            if edge.style in ("open", "locked"):
                neighbours[edge.target].append(edge.source)
    depth, todo = {flow.start: 0}, deque([flow.start])
    while todo:
        room = todo.popleft()
        for other in neighbours.get(room, ()):
            if other not in depth:
                depth[other] = depth[room] + 1
                todo.append(other)
    return depth


def _order(columns: list[list[str]], edges: list[Edge]) -> None:
    """One barycentre sweep: each box goes near the boxes that point to it."""
    for number in range(1, len(columns)):
        before = {n: i for i, n in enumerate(columns[number - 1])}

        def weight(node, position, before=before):  # this sweep's positions, bound now
            sources = [before[e.source] for e in edges if e.target == node and e.source in before]
            sources += [before[e.target] for e in edges if e.source == node and e.target in before]
            return (sum(sources) / len(sources) if sources else float(len(before)), position)
        columns[number][:] = [n for _w, n in sorted((weight(n, i), n) for i, n in enumerate(columns[number]))]


# ----- boxes -----------------------------------------------------------------------------
def _place(flow: Flow, columns: list[list[str]]) -> dict[str, Box]:
    boxes: dict[str, Box] = {}
    for number, column in enumerate(columns):
        x = MARGIN + number * (BOX_W + GAP_X)
        y = HEADER_PX
        for node_id in column:
            node = flow.nodes[node_id]
            rows = _wrap_title(node.title) + [r for line in node.lines for r in _wrap(line)]
            h = PAD * 2 + len(rows) * LINE_PX
            boxes[node_id] = Box(node, x, y, BOX_W, h, number, rows)
            y += h + GAP_Y
    _centre_columns(boxes, len(columns))
    return boxes


def _wrap_title(title: str) -> list[tuple[str, str, int]]:
    width = int((BOX_W - 2 * PAD) / (0.6 * TITLE_PX))
    return [(part, "title", 0) for part in textwrap.wrap(title, width) or [""]]


def _wrap(line: Line) -> list[tuple[str, str, int]]:
    width = int((BOX_W - 2 * PAD - line.indent * INDENT_PX) / CHAR_PX)
    parts = textwrap.wrap(line.text, width, break_long_words=True) or [""]
    return [(part, line.style, line.indent + (1 if i else 0)) for i, part in enumerate(parts)]


def _centre_columns(boxes: dict[str, Box], count: int) -> None:
    bottoms = {c: max(b.y + b.h for b in boxes.values() if b.column == c) for c in range(count)}
    tallest = max(bottoms.values(), default=HEADER_PX)
    for box in boxes.values():
        box.y += (tallest - bottoms[box.column]) / 2


# ----- arrows ----------------------------------------------------------------------------
def _route(edges: list[Edge], boxes: dict[str, Box]) -> list[Arrow]:
    arrows, seen = [], {}
    for edge in edges:
        if edge.source not in boxes or edge.target not in boxes or edge.source == edge.target:
            continue
        pair = frozenset((edge.source, edge.target))
        slot = seen.get(pair, 0)
        seen[pair] = slot + 1
        arrows.append(_arrow(edge, boxes[edge.source], boxes[edge.target], slot))
    return arrows


def _arrow(edge: Edge, source: Box, target: Box, slot: int) -> Arrow:
    shift = ((slot + 1) // 2) * 18 * (1 if slot % 2 else -1)   # 0, +18, -18, +36, …
    sy = source.y + min(source.h / 2, 80) + shift
    ty = target.y + min(target.h / 2, 80) + shift
    if target.column > source.column:
        start, end = (source.x + source.w, sy), (target.x, ty)
        bend = (end[0] - start[0]) / 2
        c1, c2 = (start[0] + bend, start[1]), (end[0] - bend, end[1])
    elif target.column < source.column:
        start, end = (source.x, sy), (target.x + target.w, ty)
        c1, c2 = (start[0] - GAP_X / 2, start[1] + 40), (end[0] + GAP_X / 2, end[1] + 40)
    else:
        start, end = (source.x + source.w, sy), (target.x + target.w, ty)
        out = GAP_X / 2 + 14 * slot
        c1, c2 = (start[0] + out, start[1]), (end[0] + out, end[1])
    points = [_bezier(start, c1, c2, end, i / CURVE_SAMPLES) for i in range(CURVE_SAMPLES + 1)]
    return Arrow(edge, points, _bezier(start, c1, c2, end, 0.5), _wrap_label(edge.label))


def _wrap_label(label: str) -> list[str]:
    return [row for part in label.split("\n") for row in textwrap.wrap(part, LABEL_CHARS) or [""]]


def _bezier(p0, p1, p2, p3, t: float) -> tuple[float, float]:
    u = 1 - t
    x = u ** 3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t ** 3 * p3[0]
    y = u ** 3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t ** 3 * p3[1]
    return (x, y)


# ----- shared by both renderers ---------------------------------------------------------
def arrow_head(points: list[tuple[float, float]], size: float = 11) -> list[tuple[float, float]]:
    (x1, y1), (x2, y2) = points[-2], points[-1]
    angle = math.atan2(y2 - y1, x2 - x1)
    left = (x2 - size * math.cos(angle - 0.45), y2 - size * math.sin(angle - 0.45))
    right = (x2 - size * math.cos(angle + 0.45), y2 - size * math.sin(angle + 0.45))
    return [(x2, y2), left, right]
