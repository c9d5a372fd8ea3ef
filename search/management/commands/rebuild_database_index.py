"""`manage.py rebuild_database_index`: rewrite the database search's index from the records.

The index (search.database_index) follows every change by itself; this is for a database
restored from a backup taken without it, or written around the site. Progress on stderr, one
summary line on stdout.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from search import database_index
from search.models import RecordSearchText


class Command(BaseCommand):
    help = "Rewrite the database search's index (one row per published restoration record)."

    def handle(self, *args, **options):
        started = time.monotonic()

        def progress(written: int) -> None:
            self.stderr.write(f"\r{written} records indexed", ending="")
            self.stderr.flush()

        try:
            written = database_index.rebuild(progress=progress)
        except Exception as error:
            raise CommandError(f"The database index could not be rebuilt: {error}") from error
        self.stderr.write("")
        if RecordSearchText.objects.count() != written:
            raise CommandError("The database index does not hold every published record after the rebuild.")
        self.stdout.write(f"Database index rebuilt: {written} published records in {time.monotonic() - started:.1f} s.")
