"""Uploads of the tour stops' audio (wagtailmedia): audio only, checked by its content, bounded in size.

wagtailmedia checks only a file's name against its list of extensions, and not at all for a type
whose list is empty. Its form is built on this one (settings.WAGTAILMEDIA["MEDIA_FORM_BASE"]), so
the admin's upload and the chooser's upload alike refuse video, a file whose content is not audio
in one of the allowed formats, and a file larger than TOUR_AUDIO_MAX_UPLOAD_SIZE.
"""

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from wagtailmedia.forms import BaseMediaForm

# What each allowed extension's content is, as filetype recognises it.
AUDIO_CONTENT = {
    "mp3": {"audio/mpeg"},
    "m4a": {"audio/mp4", "video/mp4", "audio/m4a"},
    "ogg": {"audio/ogg"},
    "wav": {"audio/x-wav", "audio/wav"},
}


def audio_file_check(upload) -> None:
    """Refuse `upload` unless it is audio in an allowed format, its content matching its name."""
    name = getattr(upload, "name", "") or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    allowed = settings.WAGTAILMEDIA["AUDIO_EXTENSIONS"]
    if extension not in allowed:
        raise ValidationError(
            _("“%(name)s” is not an audio file this site accepts (%(formats)s).")
            % {"name": name, "formats": ", ".join(allowed)}
        )
    limit = settings.TOUR_AUDIO_MAX_UPLOAD_SIZE
    if upload.size > limit:
        raise ValidationError(
            _("“%(name)s” is %(size)s; the limit is %(limit)s.")
            % {"name": name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    kind = filetype.guess(upload.read(8192))
    upload.seek(position)
    if kind is None or kind.mime not in AUDIO_CONTENT.get(extension, set()):
        raise ValidationError(
            _("“%(name)s” does not hold %(format)s audio: its content is %(found)s.")
            % {"name": name, "format": extension.upper(), "found": kind.mime if kind else _("not recognised")}
        )


class AudioMediaForm(BaseMediaForm):
    def clean(self):
        cleaned = super().clean()
        if self.instance.type != "audio":
            raise ValidationError(_("Only audio can be uploaded here: the tours' stops have audio, not video."))
        upload = cleaned.get("file")
        if upload is not None and hasattr(upload, "size") and "file" in self.changed_data:
            try:
                audio_file_check(upload)
            except ValidationError as error:
                self.add_error("file", error)
        return cleaned
