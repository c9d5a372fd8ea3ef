"""Small builders for test data. Images are made in memory with Pillow."""

import functools
import io
import itertools

from django.core.files.images import ImageFile
from PIL import Image as PILImage

from heritage.models import HeritageImage, RestorationRecord

_counter = itertools.count(1)


def image_bytes(width: int = 64, height: int = 48, fmt: str = "PNG", color=(180, 40, 40)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), color).save(buffer, fmt)
    return buffer.getvalue()


def make_image(title: str = "Test image", width: int = 64, height: int = 48, **fields) -> HeritageImage:
    name = f"test-{next(_counter)}.png"
    return HeritageImage.objects.create(
        title=title, file=ImageFile(io.BytesIO(image_bytes(width, height)), name=name), **fields
    )


def make_record(monument, *, publish: bool = True, **fields) -> RestorationRecord:
    number = next(_counter)
    values = {
        "reference": f"TEST-{number:05d}",
        "title": f"Treatment {number}",
        "record_type": "treatment",
        "start": "1991",
        "summary": "Thay ngói lưu ly, gia cố kèo.",
        "visibility": "public",
    }
    values.update(fields)
    record = RestorationRecord(monument=monument, live=publish, **values)
    record.full_clean()
    record.save()
    revision = record.save_revision()
    if publish:
        revision.publish()
    record.refresh_from_db()
    return record


RECORD_ADD_URL = "/admin/snippets/heritage/restorationrecord/add/"


def admin_record_create(client, monument, **fields):
    """POST the admin's "add restoration record" form as the logged-in user (saved as a draft): the response."""
    data = {
        "reference": f"ADMIN-{next(_counter):05d}",
        "title": "Gia cố kèo",
        "monument": monument.pk,
        "record_type": "treatment",
        "start": "1991",
        "end": "",
        "summary": "Thay ngói lưu ly.",
        "method": '{"blocks": [], "entityMap": {}}',  # an empty Draftail editor
        "method_en": '{"blocks": [], "entityMap": {}}',
        "visibility": "public",
    }
    for formset in ("images", "documents"):
        data.update({f"{formset}-TOTAL_FORMS": 0, f"{formset}-INITIAL_FORMS": 0, f"{formset}-MAX_NUM_FORMS": 1000})
    data.update(fields)
    return client.post(RECORD_ADD_URL, data)


@functools.cache
def blank_png(width: int, height: int) -> bytes:
    """A real PNG of `width` x `height` blank pixels, one bit each: a huge image in a few kilobytes."""
    buffer = io.BytesIO()
    PILImage.new("1", (width, height)).save(buffer, "PNG")
    return buffer.getvalue()
