"""Deployment checks of the archive's own (run by `manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def restricted_files_need_signed_urls(app_configs, **kwargs):
    """On S3, restricted files stay private by their object ACLs (docs/visibility.md).

    The site links them through its own checked view and a signed URL whatever
    AWS_QUERYSTRING_AUTH says; turned off, it unsigns the storage's other URLs (original
    images in the admin), which is safe only while nothing in front of the bucket makes every
    object public.
    """
    options = settings.STORAGES["default"].get("OPTIONS", {})
    if settings.AWS_STORAGE_BUCKET_NAME and not options.get("querystring_auth", True):
        return [
            Warning(
                "AWS_QUERYSTRING_AUTH is off: the files of internal or unpublished restoration records stay "
                "private only by their object ACLs. A bucket policy or bucket ACL granting public read (the usual "
                "set-up for unsigned URLs behind a CDN) would make them public, and the admin's links to the "
                "originals of restricted images are unsigned, so the bucket refuses them.",
                hint="Keep AWS_QUERYSTRING_AUTH=1; public files get unsigned, cacheable URLs anyway. "
                "Never make the bucket itself public; see docs/visibility.md.",
                id="heritage.W001",
            )
        ]
    return []
