"""Offset pagination whose total comes from a counter the caller already has,
so that a page never runs COUNT(*) over a large table."""

import math
from dataclasses import dataclass

from sqlalchemy import Select

from .extensions import db


@dataclass
class Page:
    items: list
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    def iter_pages(self, edge: int = 1, around: int = 2):
        """Page numbers to link, with None where a gap is shown."""
        last_shown = 0
        for number in range(1, self.pages + 1):
            near_edge = number <= edge or number > self.pages - edge
            if near_edge or abs(number - self.page) <= around:
                if number != last_shown + 1:
                    yield None
                yield number
                last_shown = number


def page_number(raw: str | None) -> int:
    return int(raw) if raw and raw.isdigit() and 0 < int(raw) < 10**6 else 1


def paginate(stmt: Select, page: int, per_page: int, total: int) -> Page:
    items = db.session.scalars(stmt.limit(per_page).offset((page - 1) * per_page)).unique().all()
    return Page(items=list(items), page=page, per_page=per_page, total=total)
