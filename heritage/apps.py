from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class HeritageConfig(AppConfig):
    name = "heritage"
    verbose_name = _("Heritage archive")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from PIL import Image

        from . import (
            checks,  # noqa: F401  (registers the deploy checks)
            file_acls,  # the S3 objects' ACLs follow the visibility rule
        )
        from .spreadsheets import admin_csv_exports_make_safe

        admin_csv_exports_make_safe()
        file_acls.connect()

        # What the cached pages show: any page, record or image changed empties the cache, and so
        # does a page's privacy set or lifted (a restricted page is never served from it).
        from wagtail.models import Page, PageViewRestriction

        from .models import HeritageImage, RestorationImage, RestorationRecord
        from .page_cache import invalidate_on

        invalidate_on(Page, PageViewRestriction, RestorationRecord, RestorationImage, HeritageImage)
        # The import writes records in bulk, without their signals: it says so once, at commit.
        from .importing import restoration_records_imported
        from .page_cache import invalidate

        restoration_records_imported.connect(invalidate, dispatch_uid="page-cache-imported")
        # A deployment runs `migrate`: new code and translations must not meet pages the old ones made.
        from django.db.models.signals import post_migrate

        post_migrate.connect(invalidate, sender=self, dispatch_uid="page-cache-migrated")

        from . import translation, translation_panel  # noqa: F401  (the dashboard panel's hook)

        translation.connect()  # translations follow their original when it is published

        # One pixel limit. Pillow refuses to open an image of more than twice its
        # MAX_IMAGE_PIXELS (about 179 million pixels by default) and warns above it; the
        # uploads, the imports and Wagtail's renditions all open images through it. Set to the
        # setting that Wagtail's upload form and our imports check, an image the setting admits
        # opens everywhere, and one over it is refused with the setting's number.
        if settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
            Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
