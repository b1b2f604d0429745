"""1,000 hostile requests over every public URL pattern of the demo site: no answer is a server error.

The corpus (``tests/fuzz_corpus.py``) is the one ``make fuzz`` sends to the production stack, 12 times
smaller: each of its 15 patterns gets some 25 requests or more. In this package, the demo is loaded once
for it and the other demo tests.
"""

from django.db import transaction

import pytest

from tests.fuzz_corpus import Corpus, discover

pytestmark = pytest.mark.django_db

REQUESTS = 1000
SEED = 19


def test_no_hostile_request_gets_a_server_error(client, demo_content):
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
