"""gunicorn settings: gunicorn -c config/gunicorn.conf.py 'jobsforyou:create_app()'."""

bind = "127.0.0.1:8000"
workers = 4
worker_class = "gthread"
threads = 4
timeout = 60
accesslog = "-"
