"""E-mail alerts on the Redis queue (``TASKS_BACKEND=rq``), the configuration for several app servers.

The same readers, lifts and SMTP server as ``tests/test_alerts_smtp.py``, but the messages are queued
in Redis and sent by RQ's workers (``manage.py rqworker default --with-scheduler --job-class
django_tasks_rq.Job``, as the README and ``make serve TASKS_BACKEND=rq`` start them): confirmation
links, one message per subscriber and language after the lift and none before it, one-click
unsubscribe, and two workers handed the same lift again and again still sending each message once.

The queue is in Redis database 12, emptied before and after; without Redis the module is skipped.
"""

import pytest

from tests import test_alerts_smtp
from tests.test_alerts_smtp import demo_site, inbox, workers  # noqa: F401 (this module's own fixtures)

pytestmark = pytest.mark.processes

REDIS = "redis://127.0.0.1:6379/12"


@pytest.fixture(scope="module")
def site(inbox):  # noqa: F811
    import redis

    client = redis.Redis.from_url(REDIS, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.skip(f"no Redis answers at {REDIS}")
    client.flushdb()
    try:
        with demo_site(inbox, TASKS_BACKEND="rq", REDIS_URL=REDIS, CACHE_KEY_PREFIX="fcrin-alerts-rq") as site:
            yield site
    finally:
        client.flushdb()


test_one_message_per_subscriber_and_language_after_the_lift = (
    test_alerts_smtp.test_one_message_per_subscriber_and_language_after_the_lift
)
test_two_workers_seeing_the_lift_still_send_one_message_each = (
    test_alerts_smtp.test_two_workers_seeing_the_lift_still_send_one_message_each
)
