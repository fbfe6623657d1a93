"""gunicorn settings: gunicorn -c config/gunicorn.conf.py 'jobsforyou:create_app()'."""

from jobsforyou import log_redaction

bind = "127.0.0.1:8000"
workers = 4
worker_class = "gthread"
threads = 4
timeout = 60
accesslog = "-"
# Personal links (/r/<token>…) are credentials: the access and error logs show /r/[redacted].
logger_class = "jobsforyou.access_log.RedactingLogger"
# ... and so is every other log line of master and workers (Flask's "Exception on /r/…").
log_redaction.install()


def post_worker_init(worker):  # gunicorn server hook
    """Load the matching vocabulary once per worker, before the first request needs it.

    Otherwise the first occupation suggestion or match a worker serves waits seconds for it.
    """
    from matching.vocabulary import load_default_vocabulary

    load_default_vocabulary()
    worker.log.info("Matching vocabulary loaded (worker %s)", worker.pid)
