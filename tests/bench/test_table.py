"""The README's benchmark table is generated from the saved results."""

from __future__ import annotations

import json
from pathlib import Path

from tests.bench import table


def write(folder: Path, name: str, **fields: object) -> None:
    (folder / f"{name}.json").write_text(json.dumps({"name": name, **fields}))


def test_the_table_has_one_row_per_result_with_figure_floor_ratio_unit_and_date(tmp_path: Path) -> None:
    write(
        tmp_path,
        "cold_start",
        figure=1720.77,
        floor=292.54,
        ratio=5.88,
        unit="ms",
        when="2026-11-23 13:30:37",
        machine="Linux x86_64, Python 3.11.7",
    )
    write(
        tmp_path,
        "package_size",
        figure=167.79,
        floor=323.39,
        ratio=0.52,
        unit="MB",
        when="2026-11-23 13:29:50",
        machine="Linux x86_64, Python 3.11.7",
    )
    (tmp_path / "broken.json").write_text("{")
    lines = table.table(table.load(tmp_path)).splitlines()
    assert lines[0] == "| benchmark | our figure | floor | ratio | unit | goal | met | date |"
    assert lines[2] == "| cold_start | 1,721 | 293 | ×5.88 | ms | ≤ ×2.00 | ✗ | 2026-11-23 |"
    assert lines[3] == "| package_size | 168 | 323 | ×0.520 | MB | — |  | 2026-11-23 |"
    assert lines[-1] == "Measured on Linux x86_64, Python 3.11.7."


def test_a_result_written_without_the_report_helper_still_gets_a_ratio_and_a_date(tmp_path: Path) -> None:
    write(tmp_path, "search", figure=12.0, floor=4.0, unit="ms")
    [row] = [line for line in table.table(table.load(tmp_path)).splitlines() if line.startswith("| search")]
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[:7] == ["search", "12.0", "4.00", "×3.00", "ms", "≤ ×1.50", "✗"]
    assert len(cells[7]) == 10


def test_a_goal_on_the_figure_itself_is_checked_in_its_unit(tmp_path: Path) -> None:
    write(tmp_path, "wall_10000", figure=6.5, floor=1.0, unit="ms", when="2026-12-05")
    write(tmp_path, "guard", figure=17.0, floor=1.0, unit="ms", when="2026-12-05")
    rows = {line.split("|")[1].strip(): line for line in table.table(table.load(tmp_path)).splitlines()[2:]}
    assert "| ≤ 8.00 ms | ✓ |" in rows["wall_10000"]
    assert "| ≤ 16.0 ms | ✗ |" in rows["guard"]


def test_the_readme_section_between_the_markers_is_replaced_and_the_rest_kept(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"# Title\n\n{table.START}\nold table\n{table.END}\n\nAfter.\n")
    assert table.update_readme("| new |", readme)
    assert readme.read_text() == f"# Title\n\n{table.START}\n| new |\n{table.END}\n\nAfter.\n"
    readme.write_text("no markers")
    assert not table.update_readme("| new |", readme)
