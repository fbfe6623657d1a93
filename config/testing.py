"""Configuration for the test suite (tests set the database URI themselves)."""

TESTING = True
SECRET_KEY = "test-secret-key"
MAIL_BACKEND = "outbox"
SMS_BACKEND = "memory"
RATELIMIT_STORAGE_URI = "memory://"
WTF_CSRF_ENABLED = True
