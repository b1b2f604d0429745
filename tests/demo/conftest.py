import pytest

from tests.demo import demo_loaded


@pytest.fixture(scope="package")
def demo_content(django_db_setup, django_db_blocker):
    """The demo content, loaded once for the tests of this package (``tests.demo.demo_loaded``)."""
    with demo_loaded(django_db_blocker):
        yield
