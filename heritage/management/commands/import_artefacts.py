"""python manage.py import_artefacts FILE.csv --images DIR [--dry-run]: see docs/data-specification.md."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, no_translations

from heritage.importing import ImportFileError, TqdmProgress, artefacts_import, file_read

from .import_restorations import report_or_fail


class Command(BaseCommand):
    help = "Import artefacts (pages, translations, images) from a CSV file, all rows or none."

    def add_arguments(self, parser):
        parser.add_argument("file", help="UTF-8 CSV file, columns as in docs/data-specification.md")
        parser.add_argument("--images", metavar="DIR", help="folder holding the files named in the image column")
        parser.add_argument("--dry-run", action="store_true", help="check every row and image, but write nothing")

    @no_translations  # one language for logs and scripts, whatever LANGUAGE_CODE is
    def handle(self, *args, **options):
        images = options["images"]
        if images and not Path(images).is_dir():
            raise CommandError(f"--images {images}: there is no such folder.")
        try:
            data = file_read(options["file"])
            with TqdmProgress(self.stderr) as progress:
                report = artefacts_import(data=data, images_dir=images, dry_run=options["dry_run"], progress=progress)
        except ImportFileError as error:
            raise CommandError(f"{options['file']}: {error}") from error
        return report_or_fail(self, report)
