"""Answer texts are Jinja2 templates so that dated facts say whether a period is open, coming or over."""
from __future__ import annotations

from datetime import date
from typing import Mapping, Protocol

from jinja2 import Environment, StrictUndefined, TemplateError, TemplateSyntaxError


class Period(Protocol):
    start: date | None
    end: date | None

    def status(self, today: date) -> str: ...


class Entry(Protocol):
    """What a template needs of a knowledge entry (bot.domain.knowledge.schema.Entry has it)."""

    id: str
    periods: Mapping[str, Period]


def cn_date(value: date | None) -> str:
    return "" if value is None else f"{value.year}年{value.month}月{value.day}日"


def en_date(value: date | None) -> str:
    return "" if value is None else value.strftime("%-d %B %Y")


class AnswerTemplates:
    """Compiles each answer once; rendering needs only today's date."""

    def __init__(self) -> None:
        self.environment = self._environment()
        self._compiled: dict[tuple[str, str], object] = {}
        self._rendered: dict[tuple[str, str, str], str] = {}
        self._rendered_on: date | None = None

    @staticmethod
    def _environment() -> Environment:
        # Plain text: the Telegram layer escapes HTML, so no autoescape here.
        environment = Environment(undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)
        environment.filters["cn_date"] = cn_date
        environment.filters["en_date"] = en_date
        return environment

    def __getstate__(self) -> dict:
        # Compiled templates are code: a snapshot (bot.domain.knowledge.snapshot) compiles again when rendering.
        return {**self.__dict__, "environment": None, "_compiled": {}, "_rendered": {}, "_rendered_on": None}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.environment = self._environment()

    def _context(self, entry: Entry, today: date, hotline: str | None) -> dict:
        periods = {
            name: {"start": period.start, "end": period.end, "status": period.status(today)}
            for name, period in entry.periods.items()
        }
        return {"today": today, "periods": periods, "hotline": hotline or ""}

    def _template(self, entry: Entry, field_name: str):
        key = (entry.id, field_name)
        if key not in self._compiled:
            self._compiled[key] = self.environment.from_string(getattr(entry, field_name))
        return self._compiled[key]

    def render(self, entry: Entry, lang: str, today: date, hotline: str | None) -> str:
        # An answer depends only on the entry, the language and the day: render it once a day.
        field_name = "answer_en" if lang == "en" else "answer"
        if today != self._rendered_on:
            self._rendered.clear()
            self._rendered_on = today
        key = (entry.id, field_name, hotline)
        text = self._rendered.get(key)
        if text is None:
            text = self._rendered[key] = self._template(entry, field_name).render(self._context(entry, today, hotline)).strip()
        return text

    def check(self, entry: Entry, field_name: str, today: date) -> tuple[int, str] | None:
        """(line within the template, message) of the first problem, or None."""
        try:
            self._template(entry, field_name).render(self._context(entry, today, "0570-12393"))
        except TemplateSyntaxError as error:
            return error.lineno or 1, error.message or str(error)
        except TemplateError as error:
            return 1, str(error)
        except Exception as error:  # a filter given the wrong type, say
            return 1, f"{type(error).__name__}: {error}"
        return None
