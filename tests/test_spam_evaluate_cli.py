"""`flask spam evaluate` measures the live screener on any labelled CSV, per source."""

import csv

from tests.conftest import SCAM


def test_evaluate_prints_metrics_per_source_and_marks_undefined_ratios(app, tmp_path):
    data = tmp_path / "labelled.csv"
    with data.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "label", "source"])
        writer.writerow([SCAM, "spam", "comments"])
        writer.writerow(["He left in March and I still set two cups out.", "ham", "stories"])
        writer.writerow(["Week three. Sleeping a bit better now.", "ham", "stories"])
    result = app.test_cli_runner().invoke(args=["spam", "evaluate", "--data", str(data)])
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line.split() for line in result.output.splitlines() if line}
    # source, spam, ham, precision, recall, F1, FPR
    assert rows["comments"][1:7] == ["1", "0", "1.000", "1.000", "1.000", "n/a"]
    assert rows["stories"][1:7] == ["0", "2", "n/a", "n/a", "n/a", "0.0000"]
    assert rows["all"][1:7] == ["1", "2", "1.000", "1.000", "1.000", "0.0000"]
