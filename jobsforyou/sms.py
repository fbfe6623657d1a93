"""Sending SMS to job seekers who gave a phone number and no e-mail address.

The backend is the setting ``SMS_BACKEND``, settled at start-up by `init_app`:

- ``"memory"``: the messages are kept in a list of this process (tests);
- ``"console"``: development: kept in that list, printed to the console and listed on the
  development outbox page /dev/outbox beside the mails; nothing is sent;
- ``"http"``: production: each message is POSTed as JSON ``{"to": …, "text": …}`` to the
  gateway at ``JOBSFORYOU_SMS_GATEWAY_URL``, with ``Authorization: Bearer <key>`` from
  ``JOBSFORYOU_SMS_GATEWAY_KEY``; an answer other than 2xx is a failure.

Unset (None), the backend is "http" when a gateway URL is configured, "console" in development
and "memory" otherwise — in production with a warning at start-up that no SMS are sent, just as
mails stay in the outbox until SMTP is configured.

Like a mail, an SMS is written when it is asked for and delivered only after the transaction
that caused it has been committed; through the gateway it goes out from the task queue, which
retries it while the gateway is down. No number gets more than ``SMS_PHONE_RATE_LIMIT`` messages
(counted in Flask-Limiter's storage, shared by all workers): further ones are quietly not sent
and logged. Phone numbers are written to logs only masked (`mask_phone`).
"""

from __future__ import annotations

import json
import math
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass

from flask import Flask, current_app
from limits import parse

from jobsforyou import background
from jobsforyou.extensions import limiter
from jobsforyou.security import keyed_token
from jobsforyou.transactions import after_commit

BACKENDS = ("memory", "console", "http")
OUTBOX_KEY = "jobsforyou_sms_outbox"

# GSM 03.38: the basic 7-bit alphabet, and the extension table (each of those takes two units).
GSM_BASIC = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = "\f^{}\\[~]|€"
# Units in one SMS, and per part of a longer one (the rest of a part is its header).
GSM_SINGLE, GSM_PART = 160, 153
UCS2_SINGLE, UCS2_PART = 70, 67


class SmsConfigurationError(RuntimeError):
    """The SMS settings are unusable (e.g. the HTTP gateway without a URL); raised at start-up."""


class SmsGatewayError(RuntimeError):
    """The HTTP gateway did not accept a message."""


@dataclass(frozen=True)
class OutgoingSms:
    """A text message as handed to the SMS backend."""

    recipient: str
    text: str


def sms_outbox() -> list[OutgoingSms]:
    """The messages kept by the memory and console backends since the app started."""
    return current_app.extensions.setdefault(OUTBOX_KEY, [])


def is_gsm_text(text: str) -> bool:
    """Whether a text can be sent in the GSM 7-bit alphabet (else it goes as UCS-2)."""
    return all(char in GSM_BASIC or char in GSM_EXTENSION for char in text)


def sms_segments(text: str) -> int:
    """How many SMS a text takes: 160/153 GSM units, or 70/67 UCS-2 units (non-Latin scripts,
    and Latin letters outside the GSM alphabet such as ş or ê)."""
    if is_gsm_text(text):
        units = sum(2 if char in GSM_EXTENSION else 1 for char in text)
        single, part = GSM_SINGLE, GSM_PART
    else:
        units = len(text.encode("utf-16-le")) // 2  # characters beyond the BMP take two
        single, part = UCS2_SINGLE, UCS2_PART
    return 1 if units <= single else math.ceil(units / part)


def mask_phone(phone: str) -> str:
    """A phone number as it may appear in logs: '+491761234567' → '+49*******67'."""
    digits = phone.strip()
    if len(digits) <= 5:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 5) + digits[-2:]


def send_sms(phone: str, text: str) -> bool:
    """Send a text message once the current transaction has been committed.

    `phone` is a normalised number (+49…). False (nothing sent, a log line) when the number has
    had SMS_PHONE_RATE_LIMIT messages already; through the gateway, the queue delivers it.
    """
    if not _within_phone_limit(phone):
        current_app.logger.warning("SMS to %s not sent: the limit of %s per number is reached",
                                   mask_phone(phone), current_app.config["SMS_PHONE_RATE_LIMIT"])
        return False
    if current_app.config["SMS_BACKEND"] == "http":
        after_commit(deliver_sms_in_background, phone, text)
    else:
        after_commit(deliver_sms, OutgoingSms(phone, text))
    return True


def _within_phone_limit(phone: str) -> bool:
    """Count one message for a number; False when it is over the limit (not counted then)."""
    if not limiter.enabled:
        return True
    key = keyed_token(str(current_app.secret_key), f"sms-phone:{phone}")  # no number stored
    return limiter.limiter.hit(parse(current_app.config["SMS_PHONE_RATE_LIMIT"]), "sms", key)


@background.task()
def deliver_sms_in_background(recipient: str, text: str, attempt: int = 1) -> bool:
    """Deliver an SMS from the queue; while the gateway is down, try again later."""
    if deliver_sms(OutgoingSms(recipient, text)):
        return True
    config = current_app.config
    if attempt < config["SMS_RETRY_ATTEMPTS"]:
        deliver_sms_in_background.schedule(
            args=(recipient, text, attempt + 1), delay=config["SMS_RETRY_DELAY_SECONDS"]
        )
    else:
        current_app.logger.error("Gave up sending an SMS to %s after %d attempts",
                                 mask_phone(recipient), attempt)
    return False


def deliver_sms(message: OutgoingSms) -> bool:
    """Hand an SMS to the configured backend; False (and a log entry) on failure.

    A gateway that is down must never undo or break what the user just did.
    """
    config = current_app.config
    if config["SMS_BACKEND"] != "http":
        sms_outbox().append(message)
        current_app.logger.info("SMS to %s kept in the outbox", mask_phone(message.recipient))
        if config["SMS_BACKEND"] == "console":
            print(f"--- SMS to {mask_phone(message.recipient)} "
                  f"({sms_segments(message.text)} SMS):\n{message.text}\n---", file=sys.stderr)
        return True
    try:
        post_to_gateway(config["SMS_GATEWAY_URL"], str(config["SMS_GATEWAY_KEY"]), message,
                        timeout=float(config["SMS_GATEWAY_TIMEOUT_SECONDS"]))
    except (SmsGatewayError, OSError) as error:
        current_app.logger.error("Sending an SMS to %s failed: %s",
                                 mask_phone(message.recipient), error)
        return False
    return True


def post_to_gateway(url: str, key: str, message: OutgoingSms, timeout: float) -> None:
    """POST one message to the HTTP gateway; SmsGatewayError unless it answers 2xx."""
    body = json.dumps({"to": message.recipient, "text": message.text}).encode("utf-8")
    request = urllib.request.Request(  # the scheme is checked at start-up (init_app)
        url, data=body, method="POST",
        headers={"Content-Type": "application/json; charset=utf-8",
                 "Authorization": f"Bearer {key}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # nosec B310
            status = response.status
    except urllib.error.HTTPError as error:
        raise SmsGatewayError(f"the SMS gateway answered {error.code}") from None
    if not 200 <= status < 300:
        raise SmsGatewayError(f"the SMS gateway answered {status}")


def init_app(app: Flask) -> None:
    """Settle SMS_BACKEND from the configuration; refuse an unusable gateway setting."""
    config = app.config
    development = config.get("ENV_NAME") == "development"
    backend = config.get("SMS_BACKEND")
    if not backend:
        if config.get("SMS_GATEWAY_URL"):
            backend = "http"
        else:
            backend = "console" if development else "memory"
    if backend not in BACKENDS:
        raise SmsConfigurationError(
            f"SMS_BACKEND must be one of {', '.join(BACKENDS)}, not {backend!r}."
        )
    if backend == "http":
        url = str(config.get("SMS_GATEWAY_URL") or "")
        if not url.startswith(("https://", "http://")):
            raise SmsConfigurationError(
                "The SMS gateway needs an address: set JOBSFORYOU_SMS_GATEWAY_URL to its "
                "https:// URL."
            )
        if not config.get("SMS_GATEWAY_KEY"):
            raise SmsConfigurationError(
                "The SMS gateway needs its key: set JOBSFORYOU_SMS_GATEWAY_KEY."
            )
    elif not development and not app.testing:
        app.logger.warning(
            "No SMS gateway is configured: job seekers who gave only a phone number get no SMS "
            "(their link and ticket code stay on the page they see after registering). Set "
            "JOBSFORYOU_SMS_GATEWAY_URL and JOBSFORYOU_SMS_GATEWAY_KEY to send them."
        )
    config["SMS_BACKEND"] = backend
