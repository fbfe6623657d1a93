"""Default configuration of JobsForYou: safe for development, overridden per deployment.

Override order: this file, then the Python file named by JOBSFORYOU_CONFIG, then environment
variables with the prefix JOBSFORYOU_ (e.g. JOBSFORYOU_SECRET_KEY,
JOBSFORYOU_SQLALCHEMY_DATABASE_URI).
"""

from pathlib import Path

_INSTANCE = Path(__file__).resolve().parent.parent / "instance"

# Set JOBSFORYOU_SECRET_KEY (read as text, at least 32 characters in production). Without one
# the app refuses to start, unless ENV_NAME is "development" (scripts/demo.sh sets it): then
# each process makes a random key of its own.
SECRET_KEY = None
ENV_NAME = "production"
# The public address of the site, used for links in e-mails (required in production), e.g.
# "https://jobs.landkreis.example". Never derived from the request's Host header.
PUBLIC_BASE_URL = None

# The host names the site answers to (Flask checks the Host header against them), e.g.
# ["jobs.landkreis.example"]; a request for any other host gets a plain 400 page. None (the
# default, for development and tests) accepts every host; set it in production.
TRUSTED_HOSTS: list[str] | None = None

SQLALCHEMY_DATABASE_URI = f"sqlite:///{_INSTANCE / 'jobsforyou.sqlite'}"
# pool_pre_ping: a connection that broke (database restarted) is replaced, not handed out
SQLALCHEMY_ENGINE_OPTIONS: dict = {"pool_pre_ping": True}

BABEL_DEFAULT_LOCALE = "de"
BABEL_DEFAULT_TIMEZONE = "Europe/Berlin"
BABEL_TRANSLATION_DIRECTORIES = str(Path(__file__).resolve().parent.parent / "translations")

# Region files in config/regions/ (one per county); the first is the default tenant.
REGION_DIRECTORY = str(Path(__file__).resolve().parent / "regions")

# Mail: "outbox" keeps messages in memory (development, tests); "smtp" sends them.
MAIL_BACKEND = "outbox"
MAIL_SERVER = "localhost"
MAIL_PORT = 25
MAIL_USE_TLS = False
MAIL_USERNAME = None
MAIL_PASSWORD = None
MAIL_SENDER = "JobsForYou <noreply@example.org>"

# SMS to job seekers who give a phone number and no e-mail address (jobsforyou/sms.py):
# "memory" (kept in memory), "console" (development: printed and listed on /dev/outbox) or
# "http" (the gateway below). None: "http" when SMS_GATEWAY_URL is set, "console" in
# development, else "memory" (in production with a warning at start-up: nothing is sent).
SMS_BACKEND = None
# The HTTP gateway: messages are POSTed as JSON {"to": "+49…", "text": "…"} with the header
# "Authorization: Bearer <key>". Set both from the environment: JOBSFORYOU_SMS_GATEWAY_URL,
# JOBSFORYOU_SMS_GATEWAY_KEY (read as text).
SMS_GATEWAY_URL = None
SMS_GATEWAY_KEY = None
SMS_GATEWAY_TIMEOUT_SECONDS = 10
# At most this many SMS to one phone number, whoever asks (the page asking gives the same
# answer either way); counted in the rate limit storage below.
SMS_PHONE_RATE_LIMIT = "3 per hour"

# Rate limits (Flask-Limiter). Use a shared store such as redis://127.0.0.1:6379 in production.
RATELIMIT_STORAGE_URI = "memory://"
RATELIMIT_ENABLED = True
RATELIMIT_HEADERS_ENABLED = True
# Registration limits count every registration attempt (new, already registered, fully booked;
# not a form sent back with errors, nor the same form sent twice). Per client address: high,
# since a venue's Wi-Fi or a job centre's network is one address for many seekers.
REGISTRATION_RATE_LIMIT = "300 per hour"
# Per fair, from all addresses together (a flood against one fair).
REGISTRATION_FAIR_RATE_LIMIT = "1000 per hour"
# Per phone number and per e-mail address (each counted on its own), also for asking for the
# personal link again: nobody can probe or flood one seeker's contact.
REGISTRATION_CONTACT_RATE_LIMIT = "10 per hour"
# "Lost your personal link?" requests per client address.
LOST_LINK_RATE_LIMIT = "30 per hour"
LOGIN_RATE_LIMIT = "10 per minute"
# wrong and right fair-day codes entered at /check-in/code, per address
CHECKIN_CODE_RATE_LIMIT = "10 per 10 minutes"

# Version of the consent and privacy texts shown to job seekers; stored with every consent.
CONSENT_TEXT_VERSION = "2026-11-01"
# Months after a fair after which personal data without "keep for later fairs" is deleted.
RETENTION_MONTHS = 6

# Seconds a request waits for a row lock (capacity, booths) before it fails clearly.
LOCK_TIMEOUT_SECONDS = 5

# Strict-Transport-Security on https requests (after PROXY_FIX_HOPS): browsers then use https
# only for this many seconds (one year, with subdomains); 0 sends no HSTS header.
HSTS_SECONDS = 31536000

WTF_CSRF_TIME_LIMIT = None
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_HTTPONLY = True

# Who is responsible for the personal data (shown in the privacy notice).
PRIVACY_CONTROLLER = "Landkreis Osnabrück, Am Schölerberg 1, 49082 Osnabrück"
PRIVACY_CONTACT = "datenschutz@example.org"

# Overrides of the matching weights (see matching/weights.py), e.g. {"distance": 0.1}.
MATCHING_WEIGHTS: dict = {}
# How many vacancies a job seeker sees on their page, and candidates an employer sees per vacancy.
MATCHES_PER_SEEKER = 10
MATCHES_PER_VACANCY = 25

# Behind a reverse proxy (nginx, a load balancer): how many proxies set X-Forwarded-For/-Proto.
# Rate limits key on the client address, so set this in production behind a proxy.
PROXY_FIX_HOPS = 0

# Imports: the largest upload accepted (bytes) and the rate limit of the JSON push endpoint.
IMPORT_MAX_BYTES = 10 * 1024 * 1024
API_RATE_LIMIT = "60 per minute"
# No request body larger than this (uploads included); larger ones get the translated 413 page.
MAX_CONTENT_LENGTH = 12 * 1024 * 1024

# Signed-in staff and employers are signed out after this long without a request, and after this
# long in all (BSI / ASVS: 30 minutes idle, 12 hours at most).
STAFF_SESSION_IDLE_MINUTES = 30
STAFF_SESSION_MAX_HOURS = 12

# Background work (jobsforyou/background.py). The queue's storage is the environment variable
# JOBSFORYOU_TASK_QUEUE_URL (default: instance/tasks.sqlite; production: redis://…). A worker
# thread in the web process: None = in development only; production runs `huey_consumer`.
TASK_WORKER_IN_PROCESS = None
# Mails through SMTP go out from the queue and are retried while the server is down.
MAIL_RETRY_DELAY_SECONDS = 60
MAIL_RETRY_ATTEMPTS = 10
# SMS through the gateway, likewise.
SMS_RETRY_DELAY_SECONDS = 60
SMS_RETRY_ATTEMPTS = 10
