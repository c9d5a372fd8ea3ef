"""Test profiles and the `needs` marker.

scripts/run-tests runs the suite twice: HERITAGE_TEST_PROFILE=embedded (SQLite, database
search, local files) and HERITAGE_TEST_PROFILE=services (PostgreSQL, Elasticsearch,
S3Proxy from scripts/services). A test marked `@pytest.mark.needs("elasticsearch")` runs
only in the services profile; there, a missing service skips it loudly, or fails it when
REQUIRE_SERVICES=1 (CI). `needs("chromium")` (the browser tests: Debian's Chromium driven by
Playwright) belongs to no profile: such a test runs in both, with the same skip-or-fail rule.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

PROFILE = os.environ.get("HERITAGE_TEST_PROFILE", "embedded")
REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"
PROFILE_SERVICES = {"postgres", "elasticsearch", "s3"}
KNOWN_SERVICES = PROFILE_SERVICES | {"chromium"}


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
    if name == "chromium":
        from config import chromium

        if not os.access(chromium.PATH, os.X_OK):
            return f"no Chromium at {chromium.PATH} (set CHROMIUM_PATH)"
        try:
            import playwright  # noqa: F401
        except ImportError:
            return "the Python package playwright is not installed (requirements-dev.txt)"
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
    if PROFILE != "services" and PROFILE_SERVICES.intersection(marker.args):
        pytest.skip(f"needs {', '.join(marker.args)}: runs in the services profile")
    if PROFILE_SERVICES.intersection(marker.args):
        request.getfixturevalue("db")
    for name in marker.args:
        require_service(name)


def require_service(name: str) -> None:
    """Skip loudly when `name` is missing, or fail when REQUIRE_SERVICES=1."""
    problem = _service_problem(name)
    if problem:
        remedy = "install Debian's chromium package" if name == "chromium" else "start it with scripts/services up"
        service_missing(name, f"{problem} ({remedy})")


def service_missing(name: str, problem: str) -> None:
    """Skip the test loudly, or fail it when REQUIRE_SERVICES=1."""
    message = f"!! SERVICE MISSING: {name}: {problem}"
    if REQUIRE_SERVICES:
        pytest.fail(message)
    pytest.skip(message)


class OwnElasticsearch:
    """An Elasticsearch server of one test's own, which the test may stop and restart.

    scripts/service-elasticsearch runs it on free ports from a runtime dir of its own (under
    /var/tmp, which the server's user can reach when we are root), reusing the checkout's cached
    distribution and built plugin, and writes no env file: the shared server and other
    checkouts never notice it. Its data survive down/up, as a real cluster's do.
    """

    SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "service-elasticsearch"

    def __init__(self):
        self.runtime_dir = tempfile.mkdtemp(prefix="hue-heritage-own-es-", dir="/var/tmp")
        http_port, transport_port = _free_ports(2)
        self.url = f"http://127.0.0.1:{http_port}"
        self._env = {
            **{key: value for key, value in os.environ.items() if key != "ES_FRESH_DATA"},
            "ES_PORT": str(http_port),
            "ES_TRANSPORT_PORT": str(transport_port),
            "SERVICES_RUNTIME_DIR": self.runtime_dir,
            "ES_ENV_FILE": "",
        }

    def _run(self, action: str) -> None:
        result = subprocess.run(
            [str(self.SCRIPT), action], env=self._env, stdin=subprocess.DEVNULL, capture_output=True, text=True
        )
        if result.returncode != 0:
            output = (result.stdout + result.stderr).strip()
            raise RuntimeError(f"service-elasticsearch {action} exited {result.returncode}: {output}")

    def up(self) -> None:
        self._run("up")

    def down(self) -> None:
        self._run("down")

    def remove(self) -> None:
        """Stop it if it runs, and delete its runtime dir."""
        try:
            self.down()
        finally:
            shutil.rmtree(self.runtime_dir, ignore_errors=True)


def _free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


@pytest.fixture
def own_elasticsearch(settings):
    """An Elasticsearch of this test's own (see OwnElasticsearch), with the settings pointing at it.

    Request it before any fixture that uses Elasticsearch. It costs one server start (~20-45 s
    on a 2-core machine). When it cannot start: a loud skip, or a failure under REQUIRE_SERVICES=1.
    """
    server = OwnElasticsearch()
    try:
        server.up()
    except RuntimeError as error:
        server.remove()
        service_missing("elasticsearch", f"this test's own server did not start: {error}")
    settings.ELASTICSEARCH_URL = server.url
    try:
        yield server
    finally:
        server.remove()


@pytest.fixture
def database_search(settings):
    """The restorers' search answering from the database index, as on the embedded setup, in both
    profiles: for tests of the pages that show or link into it, not of Elasticsearch."""
    settings.ELASTICSEARCH_URL = ""


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with empty caches: Wagtail caches renditions by image id, and on SQLite a
    rolled-back test's ids come back, so a later test would find renditions whose rows are gone."""
    from django.core.cache import caches

    for cache in caches.all():  # Django's and Wagtail's, and the page cache
        cache.clear()


@pytest.fixture
def page_cache_in_database(db, settings):
    """The page cache kept as deployed (with DATABASE_URL): in the database's cache table, which the
    migration made only where settings asked for one, so it is made here."""
    from django.core.cache import caches
    from django.core.management import call_command

    settings.CACHES = {**settings.CACHES, "pages": settings.PAGE_CACHE_IN_DATABASE}
    call_command("createcachetable", verbosity=0)
    caches["pages"].clear()
    return caches["pages"]


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


@pytest.fixture
def small_archive(site_tree):
    """Two monuments and five records: three public, one internal, one draft.

    NM-1991   Ngọ Môn        treatment        1991–1992   public    Lợp ngói / Ngói lưu ly
    NM-2005   Ngọ Môn        condition_check  2005-03     public    –
    TH-2021   Điện Thái Hòa  treatment        2021–       public    Sơn mài / Gỗ lim
    NM-1998   Ngọ Môn        analysis         1998        internal  –
    NM-DRAFT  Ngọ Môn        treatment        2015        draft
    """
    from heritage.models import Material, Technique
    from heritage.services import monument_create
    from tests.factories import make_record

    index = site_tree["vi"]["monuments"]
    ngo_mon = monument_create(index=index, slug="ngo-mon", name_vi="Ngọ Môn", name_en="Meridian Gate", category="gate")
    thai_hoa = monument_create(
        index=index, slug="dien-thai-hoa", name_vi="Điện Thái Hòa", name_en="Hall of Supreme Harmony", category="palace"
    )
    roofing = Technique.objects.create(name="Lợp ngói", name_en="Re-roofing")
    lacquer = Technique.objects.create(name="Sơn mài", name_en="Lacquering")
    tiles = Material.objects.create(name="Ngói lưu ly", name_en="Glazed tiles")
    ironwood = Material.objects.create(name="Gỗ lim", name_en="Ironwood")

    records = {}
    records["NM-1991"] = make_record(
        ngo_mon,
        reference="HUE-NM-1991-01",
        title="Thay ngói lưu ly mái lầu Ngũ Phụng",
        start="1991",
        end="1992",
        summary="Thay toàn bộ ngói ống lưu ly trên mái lầu Ngũ Phụng, tài trợ của Nhật Bản qua UNESCO.",
        techniques=[roofing],
        materials=[tiles],
    )
    records["NM-2005"] = make_record(
        ngo_mon,
        reference="HUE-NM-2005-01",
        title="Khảo sát hiện trạng cổng Ngọ Môn",
        record_type="condition_check",
        start="2005-03",
        end="2005-03",
        summary="Khảo sát vết nứt ở đài cổng.",
    )
    records["TH-2021"] = make_record(
        thai_hoa,
        reference="HUE-TH-2021-01",
        title="Tu bổ điện Thái Hòa",
        start="2021",
        end="",
        summary="Sơn son thếp vàng lại hệ cột gỗ lim.",
        techniques=[lacquer],
        materials=[ironwood],
    )
    records["NM-1998"] = make_record(
        ngo_mon,
        reference="HUE-NM-1998-INT",
        title="Phân tích mẫu vữa nội bộ",
        record_type="analysis",
        start="1998",
        end="1998",
        summary="Kết quả phân tích chưa công bố.",
        visibility="internal",
    )
    records["NM-DRAFT"] = make_record(
        ngo_mon, publish=False, reference="HUE-NM-DRAFT", title="Bản nháp chưa duyệt", start="2015"
    )
    return {"ngo-mon": ngo_mon, "dien-thai-hoa": thai_hoa, "records": records}


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
