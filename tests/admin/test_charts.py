"""The precision-recall chart on the model page: drawn by a Jinja macro from coordinates
worked out in Python, with its accessible title and every name escaped."""

from flask import render_template_string

from app.admin.charts import HEIGHT, PAD, pr_chart

CHART = '{% from "admin/_charts.html" import pr_curve %}{{ pr_curve(chart) }}'


def test_each_curve_is_a_line_with_a_legend_and_empty_ones_draw_nothing(app):
    curves = {
        "candidate": [[1.0, 0.5], [0.0, 1.0]],
        "active": None,
        "<script>x</script>": [[0.5, 0.5]],
    }
    with app.test_request_context():
        svg = render_template_string(CHART, chart=pr_chart(curves, "Precision & recall"))
    assert '<svg class="chart"' in svg and 'role="img"' in svg
    assert 'aria-label="Precision &amp; recall"' in svg
    assert "<title>Precision &amp; recall</title>" in svg
    # Points sorted by recall, mapped into the plot area (y grows downwards).
    assert '<polyline points="36.0,10.0 310.0,107.0" class="chart-curve candidate"/>' in svg
    assert svg.count("<polyline") == 2 and "&lt;script&gt;x&lt;/script&gt;" in svg
    assert "<script>" not in svg
    # The legend keeps each curve's place, the missing one included.
    assert f'y1="{HEIGHT - PAD - 14}"' in svg and f'y1="{HEIGHT - PAD - 14 - 28}"' in svg
    for label in ("recall", "precision", ">0<", ">0.5<", ">1<"):
        assert label in svg
    # Colours come from the stylesheet, by class, so the dark scheme redraws the chart;
    # an unknown name gets the text colour, never a class made of its name.
    assert "#" not in svg.replace("&#", "") and "fill=" not in svg and "stroke=" not in svg
    assert svg.count('class="chart-curve other"') == 2
