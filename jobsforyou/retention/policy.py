"""How long a seeker's data is kept after their fair: the dates, from the configuration."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RetentionPolicy:
    """Days after the fair: deletion, deletion of a kept profile, and its reminder before."""

    days: int  # RETENTION_DAYS: the data of the fair's seekers is deleted this long after it
    kept_profile_days: int  # RETENTION_KEPT_PROFILE_DAYS: the latest end of a kept profile
    reminder_days: int  # RETENTION_REMINDER_DAYS: the reminder, this long before that end

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> RetentionPolicy:
        """The policy of the app's configuration; ValueError when it makes no sense."""
        if "RETENTION_MONTHS" in config:
            raise ValueError(
                "RETENTION_MONTHS is no longer read: set RETENTION_DAYS (days after the fair, "
                "default 90) instead, and remove RETENTION_MONTHS."
            )
        values = {}
        for key in ("RETENTION_DAYS", "RETENTION_KEPT_PROFILE_DAYS", "RETENTION_REMINDER_DAYS"):
            value = config.get(key)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"{key} must be a whole number of days (at least 1): {value!r}")
            values[key] = value
        policy = cls(values["RETENTION_DAYS"], values["RETENTION_KEPT_PROFILE_DAYS"],
                     values["RETENTION_REMINDER_DAYS"])
        if policy.kept_profile_days < policy.days:
            raise ValueError("RETENTION_KEPT_PROFILE_DAYS must not be shorter than RETENTION_DAYS.")
        if policy.reminder_days >= policy.kept_profile_days:
            raise ValueError(
                "RETENTION_REMINDER_DAYS must be shorter than RETENTION_KEPT_PROFILE_DAYS."
            )
        return policy

    def deletion_date(self, fair_date: dt.date, kept: bool) -> dt.date:
        """The day a seeker's data of this fair is deleted (kept: the profile's latest end)."""
        return fair_date + dt.timedelta(days=self.kept_profile_days if kept else self.days)

    def reminder_date(self, fair_date: dt.date) -> dt.date:
        """From this day on, a kept profile's seeker is reminded of its end (once)."""
        return self.deletion_date(fair_date, kept=True) - dt.timedelta(days=self.reminder_days)

    def latest_fair_due(self, today: dt.date) -> dt.date:
        """Registrations of fairs held on or before this day are past the retention period."""
        return today - dt.timedelta(days=self.days)


def retention_policy(config: Mapping[str, Any]) -> RetentionPolicy:
    """The configured policy (the configuration was checked at start-up)."""
    return RetentionPolicy.from_config(config)
