"""3,000 hostile requests over every public URL pattern of the demo site: no answer is a server error.

The corpus (``tests/fuzz_corpus.py``) is the one ``make fuzz`` sends to the production stack, smaller.
"""

from django.db import transaction

import pytest

from tests.demo import demo_loaded
from tests.fuzz_corpus import Corpus, discover

pytestmark = pytest.mark.django_db

REQUESTS = 3000
SEED = 19


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    with demo_loaded(django_db_blocker):
        yield


def test_no_hostile_request_gets_a_server_error(client, demo_site):
    client.raise_request_exception = False
    site = discover(lambda path: client.get(path).content)
    assert site, "the demo site's sitemaps list no releases"
    paths = Corpus(site, seed=SEED).paths(REQUESTS)

    failures = []
    for path in paths:
        # A savepoint each: on PostgreSQL a failed query would abort the test's transaction.
        with transaction.atomic():
            status = client.get(path).status_code
        if status >= 500:
            failures.append(f"{status} {path}")

    assert len(paths) == REQUESTS and len(set(paths)) > REQUESTS // 2
    assert failures == [], f"{len(failures)} of {REQUESTS} requests got a server error:\n" + "\n".join(failures)
