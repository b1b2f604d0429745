"""gunicorn settings; every value can be overridden from the environment (see README, "Production")."""

import multiprocessing
import os

wsgi_app = "fcrin_site.asgi:application"
# uvicorn's worker (fcrin_site/workers.py): requests are read in an event loop, so that clients
# sending them slowly hold sockets, not workers, and each request's Django code runs in a thread.
# gunicorn's sync or gthread workers give a whole worker (or thread) to a client until its headers are in.
worker_class = "fcrin_site.workers.Worker"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# (2 x cores) + 1 processes keep the cores busy while views wait on the database; capped for small hosts.
workers = int(os.environ.get("WEB_CONCURRENCY", min(multiprocessing.cpu_count() * 2 + 1, 8)))
# Open connections a worker holds before it answers 503 at once (slow ones are closed after
# GUNICORN_HEADER_TIMEOUT, read by fcrin_site/workers.py); below the usual limit of 1024 open files.
worker_connections = int(os.environ.get("GUNICORN_WORKER_CONNECTIONS", "1000"))
# The event loop's heartbeat: a worker whose loop is stuck this long is restarted.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycling workers now and then bounds the damage of a slow memory leak in any dependency. Workers
# fork from a master that has already imported Django and Wagtail (about a second of CPU each
# otherwise): recycling them under a spike of page-cache hits, thousands a second, costs little.
preload_app = True
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "2000"))
# Only trust X-Forwarded-* from the reverse proxy in front of us.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# "-" is stdout; an empty value turns the access log off (the benchmark does).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Heartbeat files on tmpfs: a disk-backed /tmp can stall workers into false timeouts.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
