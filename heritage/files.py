"""Serving documents, original images and renditions by the visibility rule (heritage.visibility).

Documents go through `serve_document` (then Wagtail's own view, WAGTAILDOCS_SERVE_METHOD =
"serve_view"), dynamic image URLs through `ImageServeView`, media files through `serve_media`
(`MEDIA_URL`): the only route to MEDIA_ROOT with local files. On S3 (heritage.storage) the
objects of public files are public-read and pages link them directly (`file_url`); restricted
ones are private, and `serve_media` sends those allowed to a short-lived signed URL.
"""

from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.static import serve as serve_static
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve_document
from wagtail.images import get_image_model
from wagtail.images.utils import verify_signature
from wagtail.images.views.serve import ServeView

from .storage import acls_supported
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


def media_routed() -> bool:
    """Whether MEDIA_URL is a path of this site, routed to `serve_media` (config/urls.py)."""
    return settings.MEDIA_URL.startswith("/")


def file_url(field_file, *, public: bool) -> str:
    """The URL a page gives for a stored file: on S3, a public file's plain URL and a restricted
    file's URL on the site (checked, then redirected to a signed URL); locally, MEDIA_URL."""
    storage = field_file.storage
    if not acls_supported(storage):
        return field_file.url
    if public:
        return storage.public_url(field_file.name)
    if media_routed():
        return settings.MEDIA_URL + quote(field_file.name)
    return storage.signed_url(field_file.name)


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
    """A media file, only if it belongs to a document or image the user may see.

    Local files are streamed; on S3 the answer is a redirect to a signed URL valid for
    AWS_SIGNED_URL_SECONDS, itself never kept by a shared cache.
    """
    owner = _owner_of(path)
    if owner is None:
        raise Http404
    access = file_access(request.user, owner)
    if access == FileAccess.REFUSED:
        return refused(request)
    if media_served_locally():
        return cache_for(serve_static(request, path, document_root=settings.MEDIA_ROOT), access)
    from django.core.files.storage import default_storage

    response = HttpResponseRedirect(default_storage.signed_url(path))
    response["Cache-Control"] = "private, no-store"
    response["Vary"] = "Cookie"
    return response


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
