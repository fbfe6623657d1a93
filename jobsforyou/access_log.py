"""A gunicorn logger that keeps job seekers' personal links out of the logs.

A personal link (/r/<token>, /r/<token>/edit, …) is the only credential of a job seeker: whoever
reads it can see, change and delete their data. gunicorn's access log would record it in the
request line, the path, the query string (e.g. ?next=/r/…), the referer and response headers such
as Location. This logger replaces the token by "[redacted]" in every text it logs.

config/gunicorn.conf.py enables it: logger_class = "jobsforyou.access_log.RedactingLogger"; it
also installs jobsforyou.log_redaction, which redacts every other log line of the process.
"""

from __future__ import annotations

from typing import Any

from gunicorn.glogging import Logger

from jobsforyou import log_redaction
from jobsforyou.log_redaction import REDACTED, redact

__all__ = ["REDACTED", "RedactingLogger", "redact"]


def _redact_value(value: Any) -> Any:
    return redact(value) if isinstance(value, str) else value


class RedactingLogger(Logger):  # type: ignore[misc]
    """gunicorn's logger with the tokens of personal links removed from what it logs."""

    def __init__(self, cfg: Any) -> None:
        log_redaction.install()  # every other logger of the process (app, werkzeug, libraries)
        super().__init__(cfg)

    def atoms(self, resp: Any, req: Any, environ: Any, request_time: Any) -> dict[str, Any]:
        # Redact every text atom, not only the request line (%(r)s), path (%(U)s), query (%(q)s)
        # and referer (%(f)s): a custom access_log_format may use headers ({referer}i,
        # {location}o) or environ values ({raw_uri}e) as well.
        atoms: dict[str, Any] = super().atoms(resp, req, environ, request_time)
        return {key: _redact_value(value) for key, value in atoms.items()}

    # gunicorn's error log names the request URI, e.g. "Error handling request /r/<token>".
    def error(self, msg: str, *args: Any, **kwargs: Any) -> None:
        super().error(redact(msg), *map(_redact_value, args), **kwargs)

    def warning(self, msg: str, *args: Any, **kwargs: Any) -> None:
        super().warning(redact(msg), *map(_redact_value, args), **kwargs)

    def exception(self, msg: str, *args: Any, **kwargs: Any) -> None:
        super().exception(redact(msg), *map(_redact_value, args), **kwargs)
