"""What a certificate prints, in the forms Vietnamese administrative documents use.

These strings are printed on an official paper, so they are Vietnamese whatever the language of
the screen that issued it (like the printed class sheets)."""

import datetime
from decimal import Decimal


def date_text(place: str, day: datetime.date) -> str:
    """ "Lạng Sơn, ngày 20 tháng 11 năm 2026". Days below 10 and months below 3 take a leading
    zero, as the rules for administrative documents (Decree 30/2020) ask."""
    dd = f"{day.day:02d}" if day.day < 10 else str(day.day)
    mm = f"{day.month:02d}" if day.month < 3 else str(day.month)
    prefix = f"{place}, ngày" if place else "Ngày"
    return f"{prefix} {dd} tháng {mm} năm {day.year}"


def number_text(value: Decimal) -> str:
    """87.50 -> "87,5"; 90.00 -> "90" (Vietnamese decimal comma)."""
    return f"{Decimal(value).normalize():f}".replace(".", ",")


def result_text(score: Decimal | None) -> str:
    if score is None:
        return "Hoàn thành"
    return f"Hoàn thành, điểm {number_text(Decimal(score))}/100"


def birth_text(birth_year: int | None) -> str:
    return str(birth_year) if birth_year else ""


def add_months(moment: datetime.datetime, months: int) -> datetime.datetime:
    """The same day `months` later (the last day of the month when that day does not exist)."""
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    for day in range(moment.day, 27, -1):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    return moment.replace(year=year, month=month, day=min(moment.day, 28))
