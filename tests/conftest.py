"""Test profiles and the `needs` marker.

scripts/run-tests runs the suite twice: HERITAGE_TEST_PROFILE=embedded (SQLite, database
search, local files) and HERITAGE_TEST_PROFILE=services (PostgreSQL, Elasticsearch,
S3Proxy from scripts/services). A test marked `@pytest.mark.needs("elasticsearch")` runs
only in the services profile; there, a missing service skips it loudly, or fails it when
REQUIRE_SERVICES=1 (CI).
"""

import os
import shutil
import tempfile
import urllib.request

import pytest
from django.conf import settings
from django.db import connection

PROFILE = os.environ.get("HERITAGE_TEST_PROFILE", "embedded")
REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"
KNOWN_SERVICES = {"postgres", "elasticsearch", "s3"}


def _service_problem(name: str) -> str | None:
    """Why `name` cannot be used in this run, or None when it is ready."""
    if name == "postgres":
        if connection.vendor != "postgresql":
            return "DATABASE_URL does not point at PostgreSQL"
        return None
    if name == "elasticsearch":
        url = settings.ELASTICSEARCH_URL
        if not url:
            return "ELASTICSEARCH_URL is not set"
        try:
            with urllib.request.urlopen(f"{url.split(',')[0]}/_cluster/health", timeout=5) as response:
                response.read()
        except OSError as error:
            return f"Elasticsearch at {url} does not answer: {error}"
        return None
    if name == "s3":
        if not settings.AWS_STORAGE_BUCKET_NAME:
            return "AWS_STORAGE_BUCKET_NAME is not set"
        from django.core.files.storage import default_storage

        try:
            default_storage.connection.meta.client.head_bucket(Bucket=settings.AWS_STORAGE_BUCKET_NAME)
        except Exception as error:  # any client or network error means the same here
            return f"S3 bucket {settings.AWS_STORAGE_BUCKET_NAME} is not reachable: {error}"
        return None
    raise ValueError(f"unknown service {name!r}; use one of {sorted(KNOWN_SERVICES)}")


def pytest_configure(config):
    # Before any storage is first used: local media go to a temporary folder, S3 objects
    # under a per-run prefix, Elasticsearch indexes under a per-run prefix.
    config._heritage_media = tempfile.mkdtemp(prefix="heritage-media-")
    settings.MEDIA_ROOT = config._heritage_media
    run_id = f"test-{os.getpid()}"
    if "OPTIONS" in settings.STORAGES["default"] and settings.AWS_STORAGE_BUCKET_NAME:
        settings.STORAGES["default"]["OPTIONS"]["location"] = run_id
    config._heritage_run_id = run_id
    settings.ELASTICSEARCH_INDEX_PREFIX = f"{run_id}-"
    for backend in settings.WAGTAILSEARCH_BACKENDS.values():
        if "INDEX_PREFIX" in backend:
            backend["INDEX_PREFIX"] = f"{run_id}-wagtail-"
    if PROFILE == "services" and REQUIRE_SERVICES:
        missing = [
            var for var in ("DATABASE_URL", "ELASTICSEARCH_URL", "AWS_STORAGE_BUCKET_NAME") if not os.environ.get(var)
        ]
        if missing:
            raise pytest.UsageError(
                f"REQUIRE_SERVICES=1 but {', '.join(missing)} not set: scripts/services up did not start everything"
            )


def pytest_unconfigure(config):
    shutil.rmtree(getattr(config, "_heritage_media", ""), ignore_errors=True)
    run_id = getattr(config, "_heritage_run_id", "")
    if run_id and settings.ELASTICSEARCH_URL:
        _indexes_delete(f"{run_id}-")


def _indexes_delete(prefix: str) -> None:
    """Delete this run's Elasticsearch indexes (ours and Wagtail's), so runs do not pile up in the server."""
    from tests.search.indexes import indexes_delete

    try:
        indexes_delete(f"{prefix}*")
    except Exception as error:  # the run's result stands; say what was left behind
        print(f"\nElasticsearch indexes {prefix}* were not deleted: {error}")


def pytest_report_header(config):
    return (
        f"heritage profile: {PROFILE} (database {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}, "
        f"search {'elasticsearch' if settings.ELASTICSEARCH_URL else 'database'}, "
        f"storage {'s3' if settings.AWS_STORAGE_BUCKET_NAME else 'local files'}); "
        f"REQUIRE_SERVICES={'1' if REQUIRE_SERVICES else '0'}"
    )


@pytest.fixture(autouse=True)
def _needs_services(request):
    marker = request.node.get_closest_marker("needs")
    if marker is None:
        return
    if PROFILE != "services":
        pytest.skip(f"needs {', '.join(marker.args)}: runs in the services profile")
    request.getfixturevalue("db")
    for name in marker.args:
        require_service(name)


def require_service(name: str) -> None:
    """Skip loudly when `name` is missing, or fail when REQUIRE_SERVICES=1."""
    problem = _service_problem(name)
    if problem:
        message = f"!! SERVICE MISSING: {name}: {problem} (start it with scripts/services up)"
        if REQUIRE_SERVICES:
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def site_tree(db):
    from heritage.services import site_tree_ensure

    return site_tree_ensure()


@pytest.fixture
def ngo_mon(site_tree):
    """Ngọ Môn, published in Vietnamese with its English translation."""
    from heritage.services import monument_create

    return monument_create(
        index=site_tree["vi"]["monuments"], slug="ngo-mon", name_vi="Ngọ Môn", name_en="Noon Gate", category="gate"
    )


def _user_in_group(django_user_model, username: str, group_name: str):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username=username, password="pw", email=f"{username}@example.org")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def curator(db, django_user_model):
    return _user_in_group(django_user_model, "curator", "Curators")


@pytest.fixture
def restorer(db, django_user_model):
    return _user_in_group(django_user_model, "restorer", "Restorers")


@pytest.fixture(autouse=True)
def _english_messages():
    """Messages outside requests follow LANGUAGE_CODE (vi); tests read them in English.

    Requests still activate the language of their URL prefix.
    """
    from django.utils import translation

    with translation.override("en"):
        yield
