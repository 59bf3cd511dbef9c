r"""A table as a grid: rows of cells with their spans, a title and notes.

>>> table = Table(rows=[Row([Cell("序号"), Cell("属性")], header=True),
...                     Row([Cell("1"), Cell("约束性")])], title="主要指标表")
>>> table.grid()
[['序号', '属性'], ['1', '约束性']]
>>> table.text().splitlines()
['主要指标表', '序号\t属性', '1\t约束性']
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Cell:
    """One cell; a merged cell spans ``rowspan`` rows and ``colspan`` columns."""

    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Row:
    """One printed row; ``header`` for the column heads."""

    cells: list[Cell]
    header: bool = False


@dataclass
class Table:
    """A rebuilt table.

    ``raw`` is True when the grid could not be rebuilt with confidence: then
    each source line is one row of the cells its gaps part (placed in no
    column, so rows may differ in length), no text is lost, and
    ``reason`` says why (the run report lists such tables for review).
    ``lines`` are the source lines the table was read from.
    """

    rows: list[Row]
    title: str | None = None
    notes: list[str] = field(default_factory=list)
    shape: str = "rows"
    raw: bool = False
    reason: str | None = None
    lines: list[int] = field(default_factory=list)

    def grid(self) -> list[list[str]]:
        """The rows as lists of cell texts (a merged cell appears once, where it starts)."""
        return [[cell.text for cell in row.cells] for row in self.rows]

    def text(self) -> str:
        """Title, rows (cells separated by tabs) and notes, one a line."""
        lines = [self.title] if self.title else []
        lines += ["\t".join(cells) for cells in self.grid()]
        return "\n".join(lines + self.notes)
