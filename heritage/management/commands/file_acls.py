"""python manage.py file_acls: set every document's and image's S3 ACL by the visibility rule.

After the first deploy on S3, after restoring a bucket, or whenever objects may have missed a
change (docs/visibility.md). Exits 1 when any file's ACL could not be set.
"""

from django.core.management.base import BaseCommand, CommandError, no_translations
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from heritage import file_acls

CHUNK = 500


class Command(BaseCommand):
    help = "Set the S3 ACL of every document and image (originals and renditions) by the visibility rule."

    @no_translations
    def handle(self, *args, **options):
        from tqdm import tqdm

        if not file_acls.enabled():
            self.stdout.write("media are local files: no ACLs to set (the site checks every request)")
            return
        images = list(get_image_model().objects.order_by("pk").values_list("pk", flat=True))
        documents = list(get_document_model().objects.order_by("pk").values_list("pk", flat=True))
        total = file_acls.ApplyResult()
        with tqdm(
            total=len(images) + len(documents),
            desc="files",
            unit="file",
            file=getattr(self.stderr, "_out", self.stderr),
            disable=None,  # a bar on a terminal, nothing in logs
            leave=False,
        ) as bar:
            for kind, ids in (("images", images), ("documents", documents)):
                for start in range(0, len(ids), CHUNK):
                    chunk = {kind: ids[start : start + CHUNK]}
                    result = file_acls.files_apply(**chunk, force=True, progress=bar.update)
                    total.public += result.public
                    total.private += result.private
                    total.failed.update(result.failed)
        for name, error in total.failed.items():
            self.stderr.write(f"{name}: {error}")
        summary = (
            f"{len(images)} images and {len(documents)} documents: {total.public} public, "
            f"{total.private} private, {len(total.failed)} failed"
        )
        if total.failed:
            raise CommandError(summary)
        self.stdout.write(summary)
