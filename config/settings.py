"""Settings for Hue Heritage.

Every host, secret and switch comes from the environment. With nothing set, the site runs
on its embedded defaults: SQLite, local files under media/, Wagtail's database search.
Production swaps in PostgreSQL (DATABASE_URL), Elasticsearch (ELASTICSEARCH_URL) and
S3-compatible storage (AWS_STORAGE_BUCKET_NAME and friends) without code changes.
"""

import os
from pathlib import Path

import dj_database_url
from botocore.config import Config as BotoConfig
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool) -> bool:
    value = env(name)
    if not value:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


# Off unless asked for: `make run` asks with DJANGO_DEBUG=1, production never does.
DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = env("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (the default); "
            "for development set DJANGO_DEBUG=1, as `make run` does."
        )
    SECRET_KEY = "insecure-development-key-only-for-the-embedded-default"

ALLOWED_HOSTS = env("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver").split(",")
CSRF_TRUSTED_ORIGINS = [o for o in env("DJANGO_CSRF_TRUSTED_ORIGINS").split(",") if o]

INSTALLED_APPS = [
    "csp",
    "heritage",
    "tours",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.locales",
    # Page translation (heritage/translation.py, docs/translation.md): replaces
    # wagtail.contrib.simple_translation. Not wagtail_localize.locales: its "Sync from" makes alias
    # pages, which show the original's text with no sign that it is untranslated.
    "wagtail_localize",
    "wagtail.embeds",
    "wagtailmedia",  # a tour stop's audio (tours/)
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.security.ContentSecurityPolicyMiddleware",
    "config.security.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Whole pages for anonymous visitors, before any routing (heritage/page_cache.py).
    "heritage.page_cache.PageCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# Caches. "default" holds what Django and Wagtail keep for themselves (site root paths, renditions by
# image), in each process's memory. "pages" holds whole pages (heritage.page_cache): in memory too by
# default, and with DATABASE_URL in the database's cache table (made by a migration of heritage), so
# that every process of a deployment empties the same page cache when something is published
# (heritage.cache: Django's database cache, writing a page in one statement instead of five).
PAGE_CACHE_IN_DATABASE = {"BACKEND": "heritage.cache.DatabaseCache", "LOCATION": "heritage_cache"}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": (
        PAGE_CACHE_IN_DATABASE
        if env("DATABASE_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}
    ),
}

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite in the repository by default, anything dj-database-url reads otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A 64 MB page cache per connection (SQLite's default is 2 MB): a search reads the same
    # index pages in each of its statements (count, facets, page).
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA cache_size = -65536"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Vietnamese first, English second, for the UI and for content; Korean for the
# tourists (the tours, their pages and the site's interface). A language is added here, given its
# interface translations (locale/<code>/) and its pages through the translation workflow; the
# archive's names and texts are kept in Vietnamese and English, and readers of another language read
# them in English, then Vietnamese (heritage.labels.reading_order). docs/translation.md.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English"), ("ko", "한국어")]
WAGTAIL_I18N_ENABLED = True
# No Gravatar: the admin would send a hash of every editor's e-mail address to a third party (and
# wait for it offline). Editors can upload an avatar in their account settings.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

# The site's sections, linked in every page's navigation in this order (heritage_tags.site_links):
# the index pages under each home page, by the name the templates use.
SITE_SECTIONS = {
    "tours": "tours.TourIndexPage",
    "monuments": "heritage.MonumentIndexPage",
    "artefacts": "heritage.ArtefactIndexPage",
}

# wagtailmedia: the audio of tour stops. Audio in formats every current browser plays; no video.
# Uploads go through tours.media.AudioMediaForm: audio only, checked by content and size.
WAGTAILMEDIA = {
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "ogg", "wav"],
    "VIDEO_EXTENSIONS": [],
    "MEDIA_FORM_BASE": "tours.media.AudioMediaForm",
}
TOUR_AUDIO_MAX_UPLOAD_SIZE = int(env("TOUR_AUDIO_MAX_UPLOAD_SIZE", str(50 * 1024 * 1024)))

# Maps (static/js/map.js, Leaflet): background tiles from a tile server of your choice, e.g.
# MAP_TILES_URL=https://tile.openstreetmap.org/{z}/{x}/{y}.png with MAP_TILES_ATTRIBUTION="© OpenStreetMap
# contributors" (respect the server's usage policy). With none set, or when tiles cannot load, the maps
# draw their points, routes and the Citadel's outline (static/tours/citadel.geojson) on a plain ground.
MAP_TILES_URL = env("MAP_TILES_URL")
MAP_TILES_ATTRIBUTION = env("MAP_TILES_ATTRIBUTION")
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Numbers and dates in the page's language; config/formats adds what Django's Vietnamese formats lack.
FORMAT_MODULE_PATH = ["config.formats"]

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATIC_URL = "/static/"

MEDIA_ROOT = Path(env("MEDIA_ROOT") or BASE_DIR / "media")
MEDIA_URL = env("MEDIA_URL", "/media/")

# Storage: local files unless an S3 bucket is named in the environment.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
# On S3 (heritage.storage, docs/visibility.md): how long a signed URL of a restricted file is
# valid, and how long browsers and CDNs may keep a public file.
AWS_SIGNED_URL_SECONDS = int(env("AWS_SIGNED_URL_SECONDS", "300"))
AWS_PUBLIC_MAX_AGE = int(env("AWS_PUBLIC_MAX_AGE", "3600"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "heritage.storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env("AWS_S3_REGION_NAME") or None,
            "access_key": env("AWS_ACCESS_KEY_ID") or None,
            "secret_key": env("AWS_SECRET_ACCESS_KEY") or None,
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": env("AWS_LOCATION"),
            "addressing_style": env("AWS_S3_ADDRESSING_STYLE", "path"),
            "signature_version": "s3v4",
            "file_overwrite": False,
            # Uploaded private (no ACL sent: the bucket's default); heritage.file_acls makes
            # the objects of public files public-read.
            "default_acl": None,
            "object_parameters": {"CacheControl": f"public, max-age={AWS_PUBLIC_MAX_AGE}"},
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", True),
            "querystring_expire": AWS_SIGNED_URL_SECONDS,
            # S3-compatible servers (S3Proxy, MinIO, Ceph) do not all accept the
            # checksums boto3 now sends by default. django-storages ignores its
            # signature_version and addressing_style options when given a client_config,
            # so they are repeated here (without them, URLs were signed with AWS v2).
            "client_config": BotoConfig(
                signature_version="s3v4",
                s3={"addressing_style": env("AWS_S3_ADDRESSING_STYLE", "path")},
                request_checksum_calculation="when_required",
                response_checksum_validation="when_required",
            ),
        },
    }

# Search: Wagtail's database backend by default, Elasticsearch 9 when configured.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
ELASTICSEARCH_INDEX_PREFIX = env("ELASTICSEARCH_INDEX_PREFIX", "hue-heritage-")
# Restoration search counts facets exactly over up to this many matching records, beyond that
# over a random sample of this many, and says so (search.backends.elasticsearch._es_fetch).
RESTORATION_FACETS_EXACT_UP_TO = int(env("RESTORATION_FACETS_EXACT_UP_TO", "10000"))
# The same for the database search (search.backends.database), which counts in Python: a row
# costs it far more than a document costs Elasticsearch, so it samples sooner.
RESTORATION_DATABASE_FACETS_EXACT_UP_TO = int(env("RESTORATION_DATABASE_FACETS_EXACT_UP_TO", "1000"))
if ELASTICSEARCH_URL:
    # Wagtail's Elasticsearch 9 backend, its indexes created with their mapping when first needed
    # (search/wagtail_elasticsearch9.py), so its searches answer before `update_index` has run,
    # and its analysis folding case and diacritics (docs/site-search.md).
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.wagtail_elasticsearch9",
            "URLS": [u for u in ELASTICSEARCH_URL.split(",") if u],
            "INDEX_PREFIX": ELASTICSEARCH_INDEX_PREFIX + "wagtail-",
            "TIMEOUT": int(env("ELASTICSEARCH_TIMEOUT", "10")),
        }
    }
else:
    # Wagtail's database search, with the SQLite query text quoted correctly (search/page_search.py).
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.page_search"}}

# Background tasks (django-tasks): index updates after saves, Wagtail's own indexing.
# "immediate" (the default) runs them in the web process right after the transaction commits;
# "database" queues them in the database for `make worker` (production).
TASKS_BACKEND = env("TASKS_BACKEND", "immediate")
if TASKS_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
elif TASKS_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
else:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be 'immediate' or 'database', not {TASKS_BACKEND!r}.")

# Wagtail
WAGTAIL_SITE_NAME = "Hue Heritage"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "heritage.HeritageImage"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(env("WAGTAILIMAGES_MAX_UPLOAD_SIZE", str(50 * 1024 * 1024)))
# Pixel limit: rejects decompression bombs before Pillow decodes them.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(env("WAGTAILIMAGES_MAX_IMAGE_PIXELS", str(200_000_000)))
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "tif", "tiff"]
# Pages offer AVIF with a WebP fallback (heritage/renditions.py). AVIF at 60 looks like WebP at 80
# (Wagtail's default for both) in fewer bytes.
WAGTAILIMAGES_AVIF_QUALITY = 60
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(env("WAGTAILDOCS_MAX_UPLOAD_SIZE", str(50 * 1024 * 1024)))
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_WORKFLOW_ENABLED = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# HTTPS, behind a TLS-terminating proxy. With debug off every switch is on unless the
# environment turns it off; with debug on (development over plain HTTP) they are off.
# The proxy must set X-Forwarded-Proto and strip any value a client sent: Django trusts it.
_proxy_header = env("DJANGO_SECURE_PROXY_SSL_HEADER", "" if DEBUG else "X-Forwarded-Proto: https")
if _proxy_header.lower() in {"", "0", "off", "none"}:
    SECURE_PROXY_SSL_HEADER = None
else:
    _name, _, _value = _proxy_header.partition(":")
    if not _value.strip():
        raise ImproperlyConfigured(
            f"DJANGO_SECURE_PROXY_SSL_HEADER must read 'Header-Name: value', not {_proxy_header!r}."
        )
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _name.strip().upper().replace("-", "_"), _value.strip())
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(env("DJANGO_SECURE_HSTS_SECONDS", "0" if DEBUG else str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# Consent to the browsers' preload list only; a domain is added when someone submits it.
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True

# Every cookie the site sets: the session, CSRF, the language (django_language) and the
# messages cookie (which follows the session's flags). No script of ours or Wagtail's
# reads them, so all are HttpOnly.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = LANGUAGE_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = LANGUAGE_COOKIE_SAMESITE = "Lax"


def _media_origins() -> list[str]:
    """Where images are served from when they are not on this site: S3, its CDN, an absolute MEDIA_URL."""
    if not AWS_STORAGE_BUCKET_NAME:
        return [_origin(MEDIA_URL)] if "://" in MEDIA_URL else []
    options = STORAGES["default"]["OPTIONS"]
    if options["custom_domain"]:
        return [f"https://{options['custom_domain']}"]
    if options["endpoint_url"]:
        return [_origin(options["endpoint_url"])]
    region = f".{options['region_name']}" if options["region_name"] else ""
    if options["addressing_style"] == "virtual":
        return [f"https://{AWS_STORAGE_BUCKET_NAME}.s3{region}.amazonaws.com"]
    return [f"https://s3{region}.amazonaws.com"]


def _origin(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}"


# The origins media files come from when not from this site: the pages' policy allows them, and the
# tours' offline copy stores files from them (so a bucket must answer CORS for the site: docs/tours.md).
MEDIA_ORIGINS = _media_origins()


def _tile_origins() -> list[str]:
    """The tile server's origin for the maps' images; a {s} subdomain placeholder becomes a wildcard."""
    if not MAP_TILES_URL:
        return []
    return [_origin(MAP_TILES_URL.replace("{s}", "*"))]


# Content-Security-Policy (django-csp). Public pages: nothing inline unless it carries the
# request's nonce (`{{ request.csp_nonce }}`), nothing from elsewhere but media storage.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        # blob: the 360° viewer reads a panorama with fetch (to show its progress) and decodes it
        # from a blob URL it made itself.
        "img-src": [SELF, "blob:", *MEDIA_ORIGINS, *_tile_origins()],
        "media-src": [SELF, *MEDIA_ORIGINS],
        "font-src": [SELF],
        # The media origins: the 360° viewer fetches panoramas from the media storage.
        "connect-src": [SELF, *MEDIA_ORIGINS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The Wagtail and Django admins write inline scripts and styles that carry no nonce
# (wagtail/wagtail#1288), so under these prefixes config.security sends this policy instead:
# inline code allowed, everything else as strict as the public one. No nonce here: a nonce
# would make browsers ignore 'unsafe-inline'.
CONTENT_SECURITY_POLICY_ADMIN_PREFIXES = ("/admin/", "/django-admin/")
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        # Image previews before upload (data:, blob:).
        "img-src": [SELF, "data:", "blob:", *MEDIA_ORIGINS],
        # Wagtail's check for a newer release.
        "connect-src": [SELF, "https://releases.wagtail.org"],
        # Live preview and choosers load admin pages in frames.
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
    }
}

# Permissions-Policy (config.security): browser features no page of the site uses. A feature
# a page comes to need (the tours' geolocation, say) is opened here, for this origin only.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "fullscreen": ["self"],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "serial": [],
    "usb": [],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
