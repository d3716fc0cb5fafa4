"""Write the flow layout as SVG text — no library, so it works everywhere and diffs well."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from escapebox.authoring.graph import palette as P
from escapebox.authoring.graph.layout import (
    FONT_PX, INDENT_PX, LABEL_LINE_PX, LABEL_PX, LINE_PX, PAD, TITLE_PX, Arrow, Box, Layout, arrow_head,
)

FONTS = "Atkinson Hyperlegible, Verdana, Arial, sans-serif"


def render_svg(layout: Layout, heading: str, legend: list[tuple[str, str]]) -> str:
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{layout.width:.0f}" height="{layout.height:.0f}" '
        f'viewBox="0 0 {layout.width:.0f} {layout.height:.0f}" font-family={quoteattr(FONTS)}>',
        f"<title>{escape(heading)}</title>",
        f'<rect width="100%" height="100%" fill="{P.BACKGROUND}"/>',
        _text(24, 30, heading, P.INK, 20, bold=True),
        *_legend(layout.width, legend),
    ]
    parts += [_box(box) for box in layout.boxes.values()]
    parts += [_arrow(arrow) for arrow in layout.arrows]
    parts += [_label(arrow) for arrow in layout.arrows]
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _text(x: float, y: float, text: str, colour: str, size: int, bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{colour}"{weight}>{escape(text)}</text>'


def _legend(width: float, legend: list[tuple[str, str]]) -> list[str]:
    parts, x = [], width - 24 - 150 * len(legend)
    for style, words in legend:
        dash = ' stroke-dasharray="8 5"' if style in P.DASHED else ""
        parts.append(f'<line x1="{x:.0f}" y1="25" x2="{x + 30:.0f}" y2="25" stroke="{P.EDGE[style]}" '
                     f'stroke-width="2.5"{dash}/>')
        parts.append(_text(x + 36, 30, words, P.MUTED, 13))
        x += 150
    return parts


def _box(box: Box) -> str:
    kind = box.node.kind
    parts = [f'<g id={quoteattr("node-" + box.node.id)}>',
             f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.w:.1f}" height="{box.h:.1f}" rx="10" '
             f'fill="{P.BOX_FILL[kind]}" stroke="{P.BOX_STROKE[kind]}" stroke-width="2"/>']
    for row, (text, style, indent) in enumerate(box.rows):
        y = box.y + PAD + (row + 0.75) * LINE_PX
        size = TITLE_PX if style == "title" else FONT_PX
        parts.append(_text(box.x + PAD + indent * INDENT_PX, y, text, P.TEXT[style], size, style in P.BOLD))
    parts.append("</g>")
    return "\n".join(parts)


def _arrow(arrow: Arrow) -> str:
    style = arrow.edge.style
    points = " ".join(f"{x:.1f},{y:.1f}" for x, y in arrow.points)
    dash = ' stroke-dasharray="8 5"' if style in P.DASHED else ""
    head = " ".join(f"{x:.1f},{y:.1f}" for x, y in arrow_head(arrow.points))
    return (f'<polyline points="{points}" fill="none" stroke="{P.EDGE[style]}" stroke-width="2.5"{dash}/>\n'
            f'<polygon points="{head}" fill="{P.EDGE[style]}"/>')


def _label(arrow: Arrow) -> str:
    x, y = arrow.label_at
    width, height = arrow.label_size
    colour = P.EDGE[arrow.edge.style]
    parts = [f'<rect x="{x - width / 2:.1f}" y="{y - height / 2:.1f}" width="{width:.1f}" height="{height:.1f}" '
             f'rx="4" fill="{P.BACKGROUND}" fill-opacity="0.92" stroke="{colour}" stroke-width="1"/>']
    for row, text in enumerate(arrow.label_lines):
        baseline = y - height / 2 + 3 + (row + 0.8) * LABEL_LINE_PX
        parts.append(f'<text x="{x:.1f}" y="{baseline:.1f}" font-size="{LABEL_PX}" text-anchor="middle" '
                     f'fill="{colour}">{escape(text)}</text>')
    return "\n".join(parts)
