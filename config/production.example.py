"""Example production configuration: copy to config/production.py (not committed) and adapt.

Start with (the app refuses to start without compiled catalogs):
    .venv/bin/python -m babel.messages.frontend compile -d translations
    JOBSFORYOU_CONFIG=config/production.py \
    gunicorn -c config/gunicorn.conf.py 'jobsforyou:create_app()'
Secrets come from the environment (JOBSFORYOU_SECRET_KEY, at least 32 random characters),
never from this file.
"""

ENV_NAME = "production"
PUBLIC_BASE_URL = "https://jobs.example.org"
# Requests for any other Host header get a plain 400 page.
TRUSTED_HOSTS = ["jobs.example.org"]
SQLALCHEMY_DATABASE_URI = "postgresql+psycopg://jobsforyou@127.0.0.1:5432/jobsforyou"
SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
RATELIMIT_STORAGE_URI = "redis://127.0.0.1:6379/0"
MAIL_BACKEND = "smtp"
MAIL_SERVER = "smtp.example.org"
MAIL_PORT = 587
MAIL_USE_TLS = True
MAIL_SENDER = "JobsForYou Landkreis <jobsforyou@example.org>"
# SMS go to the HTTP gateway named by JOBSFORYOU_SMS_GATEWAY_URL and JOBSFORYOU_SMS_GATEWAY_KEY
# (environment); without them the app warns at start-up that no SMS are sent.
SESSION_COOKIE_SECURE = True
PROXY_FIX_HOPS = 1
PREFERRED_URL_SCHEME = "https"
