"""Pictures for the admin pages, drawn on the server as inline SVG (no script, no
image library): the precision-recall curves of the candidate and the active model."""

from markupsafe import Markup, escape

WIDTH, HEIGHT, PAD = 320, 240, 36
COLOURS = {"candidate": "#2f6f68", "active": "#b5651d"}


def _xy(recall: float, precision: float) -> tuple[float, float]:
    x = PAD + recall * (WIDTH - PAD - 10)
    y = 10 + (1 - precision) * (HEIGHT - PAD - 10)
    return round(x, 1), round(y, 1)


def pr_curve_svg(curves: dict[str, list[list[float]] | None], title: str) -> Markup:
    """One chart with a line per named curve of [recall, precision] points."""
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        f'<rect x="{PAD}" y="10" width="{WIDTH - PAD - 10}" height="{HEIGHT - PAD - 10}" '
        'fill="#fcfbf8" stroke="#d9d5cc"/>',
    ]
    for tick in (0.0, 0.5, 1.0):
        x, _ = _xy(tick, 0)
        _, y = _xy(0, tick)
        parts.append(
            f'<text x="{x}" y="{HEIGHT - PAD + 14}" font-size="10" text-anchor="middle" '
            f'fill="#6b6b6b">{tick:g}</text>'
        )
        parts.append(
            f'<text x="{PAD - 4}" y="{y + 3}" font-size="10" text-anchor="end" '
            f'fill="#6b6b6b">{tick:g}</text>'
        )
    parts.append(
        f'<text x="{WIDTH / 2}" y="{HEIGHT - 4}" font-size="11" text-anchor="middle" '
        'fill="#3a3a3a">recall</text>'
    )
    parts.append(
        f'<text x="10" y="{HEIGHT / 2}" font-size="11" text-anchor="middle" fill="#3a3a3a" '
        f'transform="rotate(-90 10 {HEIGHT / 2})">precision</text>'
    )
    legend_y = HEIGHT - PAD - 14
    for index, (name, points) in enumerate(curves.items()):
        if not points:
            continue
        colour = COLOURS.get(name, "#444")
        path = " ".join(f"{x},{y}" for x, y in (_xy(r, p) for r, p in sorted(points)))
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        ly = legend_y - 14 * index
        parts.append(
            f'<line x1="{PAD + 8}" y1="{ly}" x2="{PAD + 24}" y2="{ly}" stroke="{colour}" '
            'stroke-width="2"/>'
        )
        parts.append(
            f'<text x="{PAD + 28}" y="{ly + 4}" font-size="11" fill="#3a3a3a">{escape(name)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
