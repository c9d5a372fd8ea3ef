"""`manage.py load_demo [--if-empty]`: the demo archive of the Complex of Huế Monuments.

The data and the loading live in heritage.demo; this command only decides whether to run,
rebuilds the search index afterwards and reports.
"""

import io
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from heritage.demo import demo_load
from heritage.models import MonumentPage


class Command(BaseCommand):
    help = (
        "Load the demo archive: 18 monuments of Huế in Vietnamese and English, artefacts, restoration records "
        "from public sources and generated placeholder images. Safe to run again: nothing is duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the archive already has monuments (used by `make run`).",
        )

    def handle(self, *args, if_empty: bool = False, verbosity: int = 1, **options):
        if if_empty and MonumentPage.objects.exists():
            self.stdout.write("The archive already has monuments: demo not loaded (--if-empty).")
            return

        def log(line: str) -> None:
            if verbosity >= 1:
                self.stdout.write(line)

        started = time.monotonic()
        try:
            summary = demo_load(log=log)
            log("Rebuilding the search index…")
            # Wagtail's command: pages, images, records and vocabularies, on the database backend
            # or Elasticsearch alike. Its own output is long, so it is kept out of ours.
            call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
            if settings.ELASTICSEARCH_URL:
                # The restorers' own index (search.es), rebuilt and swapped atomically.
                call_command("restoration_index", "rebuild", stdout=io.StringIO(), stderr=io.StringIO())
        except Exception as error:  # any failure: report it in one line and exit non-zero
            raise CommandError(f"load_demo failed: {error.__class__.__name__}: {error}") from error
        self.stdout.write(
            self.style.SUCCESS(f"Demo loaded in {time.monotonic() - started:.1f}s: {summary}; search index rebuilt.")
        )
