"""Sending e-mail: SMTP in production, an inspectable outbox in development and tests.

A mail is written when it is asked for (in the language and with the data of that moment) and
delivered only after the transaction that caused it has been committed: a change that was not
saved never announces itself.
"""

from __future__ import annotations

import smtplib
import sys
from dataclasses import dataclass
from email.message import EmailMessage

from flask import current_app

from jobsforyou import background
from jobsforyou.transactions import after_commit


@dataclass(frozen=True)
class OutgoingMail:
    """A message as handed to the mail backend."""

    recipient: str
    subject: str
    body: str


def outbox() -> list[OutgoingMail]:
    """The messages sent with the outbox backend since the app started."""
    return current_app.extensions.setdefault("jobsforyou_outbox", [])


def send_mail(recipient: str, subject: str, body: str) -> None:
    """Send a plain-text e-mail once the current transaction has been committed.

    Through SMTP the mail is handed to the task queue, which retries it while the mail server
    is down; the outbox (development, tests) keeps it at once.
    """
    mail = OutgoingMail(recipient, subject, body)
    if current_app.config["MAIL_BACKEND"] == "outbox":
        after_commit(deliver, mail)
    else:
        after_commit(deliver_in_background, recipient, subject, body)


@background.task()
def deliver_in_background(recipient: str, subject: str, body: str, attempt: int = 1) -> bool:
    """Deliver a mail from the queue; while the server is down, try again later."""
    if deliver(OutgoingMail(recipient, subject, body)):
        return True
    config = current_app.config
    if attempt < config["MAIL_RETRY_ATTEMPTS"]:
        deliver_in_background.schedule(
            args=(recipient, subject, body, attempt + 1),
            delay=config["MAIL_RETRY_DELAY_SECONDS"],
        )
    else:
        current_app.logger.error("Gave up sending a mail after %d attempts: %s", attempt, subject)
    return False


def deliver(mail: OutgoingMail) -> bool:
    """Hand a mail to the configured backend; False (and a log entry) on failure.

    A mail server that is down must never undo or break what the user just did.
    """
    subject, recipient, body = mail.subject, mail.recipient, mail.body
    config = current_app.config
    if config["MAIL_BACKEND"] == "outbox":
        outbox().append(mail)
        current_app.logger.info("Mail kept in outbox: %s", subject)
        if config.get("MAIL_PRINT"):  # development: see jobsforyou/dev_outbox.py
            print(f"--- mail to {recipient}: {subject}\n{body}\n---", file=sys.stderr)
        return True
    message = EmailMessage()
    message["From"] = config["MAIL_SENDER"]
    message["To"] = recipient
    message["Subject"] = subject
    message.set_content(body)
    try:
        with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=15) as smtp:
            if config["MAIL_USE_TLS"]:
                smtp.starttls()
            if config["MAIL_USERNAME"]:
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
            smtp.send_message(message)
    except (smtplib.SMTPException, OSError):
        current_app.logger.exception("Sending mail failed: %s", subject)
        return False
    return True
