"""`flask follow-up send`: the daily command that mails the follow-up requests due."""

from __future__ import annotations

import datetime as dt

import click
from flask import current_app
from flask.cli import AppGroup

from jobsforyou.followup.sending import send_due_follow_ups
from jobsforyou.times import site_zone

follow_up = AppGroup("follow-up", help="Ask employers what became of the talks at past fairs.")


@follow_up.command("send")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Act as if it were this day (YYYY-MM-DD); default: today.")
def send_command(today: dt.datetime | None) -> None:
    """Send the follow-up mails that are due (run daily; running it twice sends nothing twice)."""
    now = dt.datetime.now(dt.UTC)
    day = today.date() if today else now.astimezone(site_zone()).date()
    # the mail templates are rendered as for a request (context processors, url_for); the
    # links themselves are built from PUBLIC_BASE_URL (jobsforyou/links.py)
    with current_app.test_request_context("/"):
        report = send_due_follow_ups(day, now)
    click.echo(f"Follow-up mails sent: {report.sent}, failed (tried again next run): "
               f"{report.failed}, employers without contact address: {report.without_contact}")
    if report.failed:
        raise SystemExit(1)
