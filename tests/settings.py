"""Settings for the test suite (pyproject.toml points pytest-django here).

The production settings of config.settings, debug off, with a key that is only for tests and
without the redirect to HTTPS: the test client and the live server speak plain HTTP.
Everything else (databases, search, storage) still comes from the environment.
"""

import os

os.environ["DJANGO_DEBUG"] = "0"
os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-not-a-secret-" + "x" * 40)
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")

from config.settings import *  # noqa: E402, F403

# One process's memory, on both profiles: the tests empty it before each test (tests/conftest.py),
# which a database cache would not allow in tests without the database. The database cache that
# production uses with DATABASE_URL is tested on its own (tests/tours/test_tour_cache.py).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
