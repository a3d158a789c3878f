"""Spanish month and weekday names."""

from __future__ import annotations

WEEKDAYS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
MONTHS = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
    "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)  # fmt: skip
MONTH_NUMBERS: dict[str, int] = {
    **{name: n for n, name in enumerate(MONTHS, 1)},
    "setiembre": 9,
}
"""Month names (with the spelling ``setiembre``) to month numbers, lower-case."""
DATE_JOINERS = ("de",)
"""``12 de septiembre de 2023``."""
