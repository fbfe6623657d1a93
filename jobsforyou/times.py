"""Moments as the app stores them (UTC; SQLite hands them back without a zone) and as people at
the fairs read them (the site's time zone, ``BABEL_DEFAULT_TIMEZONE``)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from flask import current_app

DEFAULT_ZONE = "Europe/Berlin"


def as_utc(moment: dt.datetime) -> dt.datetime:
    """A stored moment with its zone: naive values (from SQLite) are UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def site_zone() -> ZoneInfo:
    """The time zone in which the fairs take place and staff enter and read times."""
    return ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE", DEFAULT_ZONE))


def local_text(moment: dt.datetime | None, zone: dt.tzinfo) -> str:
    """A stored moment as German spreadsheets write it ("03.12.2026 10:42"); "" for none."""
    return "" if moment is None else as_utc(moment).astimezone(zone).strftime("%d.%m.%Y %H:%M")
