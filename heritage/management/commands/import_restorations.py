"""python manage.py import_restorations FILE.csv [--dry-run]: see docs/data-specification.md."""

from django.core.management.base import BaseCommand, CommandError, no_translations

from heritage.importing import ImportFileError, TqdmProgress, file_read, restorations_import


class Command(BaseCommand):
    help = "Import restoration records from a CSV file, all rows or none; re-importing updates by reference."

    def add_arguments(self, parser):
        parser.add_argument("file", help="UTF-8 CSV file, columns as in docs/data-specification.md")
        parser.add_argument("--dry-run", action="store_true", help="check every row and report, but write nothing")

    @no_translations  # one language for logs and scripts, whatever LANGUAGE_CODE is
    def handle(self, *args, **options):
        try:
            data = file_read(options["file"])
            with TqdmProgress(self.stderr) as progress:
                report = restorations_import(data=data, dry_run=options["dry_run"], progress=progress)
        except ImportFileError as error:
            raise CommandError(f"{options['file']}: {error}") from error
        return report_or_fail(self, report)


def report_or_fail(command: BaseCommand, report) -> None:
    if report.errors:
        for error in report.errors:
            command.stderr.write(str(error))
        rows = len({error.line for error in report.errors})
        raise CommandError(f"{rows} of {report.rows} rows are invalid; nothing was imported.")
    command.stdout.write(report.summary)
