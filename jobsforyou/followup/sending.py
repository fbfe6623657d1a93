"""The daily run of `flask follow-up send`: every due request mailed once, failures again later."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flask import current_app

from jobsforyou import mail, transactions
from jobsforyou.followup import services
from jobsforyou.followup.notifications import follow_up_mail


@dataclass(frozen=True)
class SendReport:
    """How many follow-up mails went out, failed, or had no address to go to."""

    sent: int = 0
    failed: int = 0
    without_contact: int = 0


def send_due_follow_ups(today: dt.date, now: dt.datetime) -> SendReport:
    """Mail every follow-up request due today that has not gone out; commits per request.

    The link's digest is committed before the mail is handed over, and the request counts as
    sent only after that: a mail that failed leaves the request unsent for the next run. Log
    lines name requests, fairs and employers by id, never a person.
    """
    log = current_app.logger
    link_days = int(current_app.config["FOLLOW_UP_LINK_DAYS"])
    sent = failed = without_contact = 0
    due = services.due_requests(today)
    transactions.commit()
    for request in due:
        contact = services.employer_contact(request.employer)
        if contact is None:
            log.warning("Follow-up request %s (fair %s, employer %s): the employer has no "
                        "contact address", request.id, request.fair_id, request.employer_id)
            services.mark_failed(request)
            transactions.commit()
            without_contact += 1
            continue
        token = services.issue_link(request, now, link_days)
        outgoing = follow_up_mail(request, contact, token)
        transactions.commit()
        if mail.deliver(outgoing):
            services.mark_sent(request, now)
            sent += 1
        else:
            log.error("Follow-up request %s (fair %s, employer %s, round %s) could not be "
                      "sent; it is tried again on the next run", request.id, request.fair_id,
                      request.employer_id, request.round)
            services.mark_failed(request)
            failed += 1
        transactions.commit()
    return SendReport(sent, failed, without_contact)
