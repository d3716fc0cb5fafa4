"""One call from scenario to picture file: flow, layout, then SVG text or PNG pixels."""

from __future__ import annotations

from pathlib import Path

from escapebox.authoring.graph.flow import build_flow
from escapebox.authoring.graph.layout import layout_flow
from escapebox.authoring.graph.svg import render_svg
from escapebox.i18n import Translator
from escapebox.scenario.model import Scenario

LEGEND_STYLES = ("open", "locked", "solve", "choice")


def draw(scenario: Scenario, output: Path, tr: Translator) -> None:
    """Write ``output`` as SVG or PNG, chosen by its suffix."""
    layout = layout_flow(build_flow(scenario, tr))
    heading = tr("authoring.graph.heading", title=scenario.title)
    legend = [(style, tr(f"authoring.graph.legend_{style}")) for style in LEGEND_STYLES]
    if output.suffix.lower() == ".png":
        from escapebox.authoring.graph.png import render_png
        render_png(layout, heading, legend, output)
    else:
        output.write_text(render_svg(layout, heading, legend), encoding="utf-8")
