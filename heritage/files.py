"""Serving documents, original images and renditions by the visibility rule (heritage.visibility).

Documents go through `serve_document` (then Wagtail's own view, WAGTAILDOCS_SERVE_METHOD =
"serve_view"), dynamic image URLs through `ImageServeView`, local media files through
`serve_media`, the only route to MEDIA_ROOT. On S3
the bucket is private and every URL the storage gives is signed and short-lived
(AWS_QUERYSTRING_AUTH, AWS_QUERYSTRING_EXPIRE), and pages give those URLs only to those who
may see the record.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.static import serve as serve_static
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve_document
from wagtail.images import get_image_model
from wagtail.images.utils import verify_signature
from wagtail.images.views.serve import ServeView

from .visibility import FileAccess, file_access

# The folders Wagtail's models upload into, each with the model owning its files.
ORIGINAL_IMAGES = "original_images/"
RENDITIONS = "images/"
DOCUMENTS = "documents/"


def refused(request):
    """Anonymous visitors are asked to sign in; a signed-in user without access learns nothing."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    raise Http404


def cache_for(response, access: FileAccess):
    if access == FileAccess.PRIVATE:
        response["Cache-Control"] = "private, no-store"
        response["Vary"] = "Cookie"
    return response


def media_served_locally() -> bool:
    """Whether media files live on this machine's disk and are served by the site (not S3)."""
    from django.core.files.storage import FileSystemStorage, default_storage

    return isinstance(default_storage, FileSystemStorage) and settings.MEDIA_URL.startswith("/")


def _owner_of(path: str):
    """The document or image whose original or rendition is stored at `path`, or None."""
    if path.startswith(ORIGINAL_IMAGES):
        return get_image_model().objects.filter(file=path).first()
    if path.startswith(RENDITIONS):
        rendition = get_image_model().get_rendition_model().objects.filter(file=path).select_related("image").first()
        return rendition.image if rendition else None
    if path.startswith(DOCUMENTS):
        return get_document_model().objects.filter(file=path).first()
    return None


def serve_media(request, path: str):
    """A local media file, only if it belongs to a document or image the user may see."""
    owner = _owner_of(path)
    if owner is None:
        raise Http404
    access = file_access(request.user, owner)
    if access == FileAccess.REFUSED:
        return refused(request)
    return cache_for(serve_static(request, path, document_root=settings.MEDIA_ROOT), access)


def serve_document(request, document_id: str, document_filename: str):
    access = file_access(request.user, get_object_or_404(get_document_model(), id=document_id))
    if access == FileAccess.REFUSED:
        return refused(request)
    return cache_for(wagtail_serve_document(request, document_id, document_filename), access)


class ImageServeView(ServeView):
    """Wagtail's dynamic image view, with the visibility rule before the rendition is made."""

    def get(self, request, signature, image_id, filter_spec, filename=None):
        if not verify_signature(signature.encode(), image_id, filter_spec, key=self.key):
            raise PermissionDenied
        access = file_access(request.user, get_object_or_404(self.model, id=image_id))
        if access == FileAccess.REFUSED:
            return refused(request)
        return cache_for(super().get(request, signature, image_id, filter_spec, filename), access)
