"""Jinja configuration, filters and template globals shared by every page."""

from __future__ import annotations

import datetime as dt

from flask import Flask, request
from flask_babel import format_date, format_datetime, format_time

from jobsforyou.codes import german_level_label, language_name
from jobsforyou.i18n import inject_language_context


def format_date_long(value: dt.date) -> str:
    """A date as readers of the current locale write it, with the weekday."""
    return format_date(value, format="full")


def format_time_short(value: dt.time) -> str:
    """A time of day in the current locale's short form."""
    moment = dt.datetime.combine(dt.date(2000, 1, 1), value)
    return format_time(moment, format="short", rebase=False)


def format_moment_time(value: dt.datetime) -> str:
    """The time of day of a moment (UTC, naive or aware) in the configured time zone, short."""
    return format_time(value, format="short")


def format_datetime_medium(value: dt.datetime) -> str:
    """A moment in the configured time zone, medium length."""
    return format_datetime(value, format="medium")


def isolate(value: object) -> str:
    """Text set apart from its surroundings' direction (Unicode first-strong isolate), so that
    "#JobsForYou Bramsche" stays in order inside an Arabic or Farsi sentence, also in plain text."""
    return f"\u2068{value}\u2069"


def configure(app: Flask) -> None:
    """Trimmed i18n blocks, the do extension, filters and the common globals."""
    app.jinja_env.policies["ext.i18n.trimmed"] = True
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.filters.update(
        format_date_long=format_date_long,
        format_time_short=format_time_short,
        format_datetime_medium=format_datetime_medium,
        format_moment_time=format_moment_time,
        isolate=isolate,
        language_name=language_name,
        german_level_label=german_level_label,
    )
    app.context_processor(inject_language_context)
    app.context_processor(lambda: {"current_path": request.full_path.rstrip("?")})
