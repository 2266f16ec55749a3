"""The arithmetic behind the admin pages' pictures: points of the precision-recall curves
of the candidate and the active model, mapped to the coordinates of the inline SVG that
``templates/admin/_charts.html`` draws (no script, no image library)."""

from dataclasses import dataclass

WIDTH, HEIGHT, PAD = 320, 240, 36
# Each known curve's colour comes from the stylesheet (one per colour scheme), by class.
CURVE_CLASSES = {"candidate": "candidate", "active": "active"}
TICKS = (0.0, 0.5, 1.0)


@dataclass
class Tick:
    label: str
    x: float  # where it sits on the recall axis
    y: float  # where it sits on the precision axis


@dataclass
class Curve:
    name: str
    css_class: str  # "candidate", "active" or "other": its colour is the stylesheet's
    points: str  # "x,y x,y ..." for the polyline
    legend_y: float


@dataclass
class PrChart:
    title: str
    ticks: list[Tick]
    curves: list[Curve]
    width: int = WIDTH
    height: int = HEIGHT
    pad: int = PAD


def _xy(recall: float, precision: float) -> tuple[float, float]:
    x = PAD + recall * (WIDTH - PAD - 10)
    y = 10 + (1 - precision) * (HEIGHT - PAD - 10)
    return round(x, 1), round(y, 1)


def pr_chart(curves: dict[str, list[list[float]] | None], title: str) -> PrChart:
    """One chart with a line per named curve of [recall, precision] points; a curve
    without points keeps its place in the legend's order but draws nothing."""
    ticks = [Tick(f"{tick:g}", _xy(tick, 0)[0], _xy(0, tick)[1]) for tick in TICKS]
    lines = []
    for index, (name, points) in enumerate(curves.items()):
        if not points:
            continue
        path = " ".join(f"{x},{y}" for x, y in (_xy(r, p) for r, p in sorted(points)))
        legend_y = HEIGHT - PAD - 14 - 14 * index
        lines.append(Curve(name, CURVE_CLASSES.get(name, "other"), path, legend_y))
    return PrChart(title, ticks, lines)
