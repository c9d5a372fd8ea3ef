"""Deployment checks of the archive's own (run by `manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def restricted_files_need_signed_urls(app_configs, **kwargs):
    """On S3, files of internal records stay private only behind signed URLs (docs/visibility.md)."""
    options = settings.STORAGES["default"].get("OPTIONS", {})
    if settings.AWS_STORAGE_BUCKET_NAME and not options.get("querystring_auth", True):
        return [
            Warning(
                "AWS_QUERYSTRING_AUTH is off: every media URL is unsigned, so the bucket must be public, "
                "and the files of internal or unpublished restoration records become public with it.",
                hint="Keep AWS_QUERYSTRING_AUTH=1 (signed, short-lived URLs); see docs/visibility.md.",
                id="heritage.W001",
            )
        ]
    return []
