"""The README's table of bundled helplines is the bundled list, entry for entry."""

from pathlib import Path

from moderation.helplines import bundled_helplines

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_readme_lists_every_bundled_helpline_as_it_is():
    table = README.read_text(encoding="utf-8").split("The\n  bundled list:", 1)[1]
    rows = [line for line in table.split("\n\n", 2)[1].splitlines() if line.startswith("| ")]
    listed = [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[1:]]
    expected = [
        [
            entry.name,
            entry.country,
            ", ".join(entry.numbers) or "—",
            ", ".join(entry.emails) or "—",
            ", ".join(entry.domains) or "—",
        ]
        for entry in bundled_helplines()
    ]
    assert listed == expected
