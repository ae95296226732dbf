"""Wide tables on a phone: every body cell gets its column's name (data-label), so CSS can stack rows as cards."""

from __future__ import annotations

import html
import re

TABLE = re.compile(r"<table>(.*?)</table>", re.S)
HEADER_CELL = re.compile(r"<th[^>]*>(.*?)</th>", re.S)
ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
BODY_CELL = re.compile(r"<td(?=[\s>])")
TAG = re.compile(r"<[^>]+>")
STACK_FROM = 3  # tables with at least this many columns become cards on a narrow screen


def _label_row(row: str, labels: list[str]) -> str:
    column = iter(labels)
    return BODY_CELL.sub(lambda _: f'<td data-label="{next(column, "")}"', row)


def _label_table(match: re.Match[str]) -> str:
    inner = match.group(1)
    head, sep, body = inner.partition("</thead>")
    labels = [html.escape(html.unescape(TAG.sub("", cell)).strip(), quote=True) for cell in HEADER_CELL.findall(head)]
    if not sep or len(labels) < STACK_FROM:
        return match.group(0)
    body = ROW.sub(lambda row: f"<tr>{_label_row(row.group(1), labels)}</tr>", body)
    return f"<table>{head}{sep}{body}</table>"


def label_cells(page_html: str) -> str:
    """Markdown tables of STACK_FROM or more columns: each body cell names its column in data-label.

    The table keeps no class of its own: Material styles only tables without one."""
    return TABLE.sub(_label_table, page_html)
