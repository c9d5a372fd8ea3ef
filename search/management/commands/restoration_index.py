"""`manage.py restoration_index rebuild|status|retry|worker`: the restorers' Elasticsearch index.

- rebuild: load a new index from the database, then swap the alias (search never goes empty).
- status: document counts in the database and the index, and the records that differ; exit 1 if any.
- retry: one pass over the pending index updates (those that failed while Elasticsearch was down).
- worker: forever, run the django-tasks database queue (when TASKS_BACKEND=database), sync again the
  translations that did not follow their original's publication (heritage.translation), and retry the
  pending updates every --interval seconds. `make worker` runs it. Ctrl-C or SIGTERM stops it cleanly.
"""

import signal
import threading
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search import es
from search.models import PendingIndexUpdate
from search.sync import retry_pending

MAX_LISTED = 20
QUEUE_TASKS_PER_ROUND = 100


class Command(BaseCommand):
    help = "Manage the restoration records' Elasticsearch index: rebuild, status, retry, worker."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="{rebuild,status,retry,worker}")
        rebuild = actions.add_parser("rebuild", help="Build a new index from the database and swap the alias to it.")
        rebuild.add_argument(
            "--force",
            action="store_true",
            help="Delete an index left loading by another rebuild even if it started less than an hour ago.",
        )
        actions.add_parser("status", help="Compare the index with the database; exit 1 when they differ.")
        actions.add_parser("retry", help="Re-apply the pending index updates once.")
        worker = actions.add_parser("worker", help="Run the task queue and retry pending updates, until stopped.")
        worker.add_argument(
            "--interval",
            type=float,
            default=10.0,
            help="Seconds between two retries of pending updates (default 10).",
        )
        worker.add_argument(
            "--poll",
            type=float,
            default=1.0,
            help="Seconds between two looks at the task queue (default 1).",
        )
        worker.add_argument("--once", action="store_true", help="Run one round and exit (for tests and cron).")

    def handle(self, *args, action: str, **options):
        if not settings.ELASTICSEARCH_URL:
            raise CommandError(
                "ELASTICSEARCH_URL is not set: the restoration index exists only with Elasticsearch "
                "(without it the site searches the database and needs no index)."
            )
        try:
            return getattr(self, f"handle_{action}")(**options)
        except es.ElasticsearchUnavailable as error:
            raise CommandError(f"Elasticsearch at {settings.ELASTICSEARCH_URL} is unavailable: {error}") from error
        except es.RebuildError as error:
            raise CommandError(f"rebuild failed: {error}") from error

    # --- rebuild ------------------------------------------------------------------------

    def handle_rebuild(self, *, force: bool = False, **options):
        from tqdm import tqdm

        bar = None

        def progress(done: int, total: int) -> None:
            nonlocal bar
            if bar is None:
                bar = tqdm(
                    total=total,
                    desc="indexing",
                    unit="record",
                    file=getattr(self.stderr, "_out", self.stderr),
                    disable=None,  # a bar on a terminal, nothing in logs
                    leave=False,
                )
            bar.update(done - bar.n)

        try:
            result = es.index_rebuild(progress, force=force)
        finally:
            if bar is not None:
                bar.close()
        merged = ", merged into one segment" if result.merged else ""
        self.stdout.write(f"indexed {result.count} records into {result.index}{merged} in {result.seconds:.1f} s")

    # --- status -------------------------------------------------------------------------

    def handle_status(self, **options):
        status = es.index_status()
        target = ", ".join(status.indexes) if status.indexes else "no index: run `restoration_index rebuild`"
        self.stdout.write(f"database: {status.db_count} published records")
        self.stdout.write(f"index:    {status.index_count} documents in {status.alias} ({target})")
        pending = PendingIndexUpdate.objects.count()
        if pending:
            self.stdout.write(f"pending:  {pending} updates waiting to be retried")
        if status.rebuilding:
            self.stdout.write(f"loading:  {', '.join(status.rebuilding)} (a rebuild is running)")
        if status.indexes and status.schema_version != es.SCHEMA_VERSION:
            self.stdout.write(
                f"schema:   the index is of version {status.schema_version}, this code writes version "
                f"{es.SCHEMA_VERSION}: the worker or `restoration_index retry` rebuilds it"
            )
        if status.equal:
            self.stdout.write(self.style.SUCCESS("the index equals the database"))
            return
        for label, ids in (
            ("missing from the index", status.missing),
            ("extra in the index", status.extra),
            ("stale in the index", status.stale),
        ):
            if ids:
                shown = ", ".join(str(pk) for pk in ids[:MAX_LISTED])
                more = f" … and {len(ids) - MAX_LISTED} more" if len(ids) > MAX_LISTED else ""
                self.stdout.write(f"{label} ({len(ids)}): {shown}{more}")
        raise CommandError(
            "the index differs from the database: run `restoration_index retry`, or `rebuild`", returncode=1
        )

    # --- retry --------------------------------------------------------------------------

    def _retry_line(self, result) -> str:
        rebuilt = "index rebuilt; " if result.rebuilt else ""
        return f"{rebuilt}applied {result.applied}, failed {result.failed}, still pending {result.remaining}"

    def handle_retry(self, **options):
        result = retry_pending()
        self.stdout.write(self._retry_line(result))

    # --- worker -------------------------------------------------------------------------

    def handle_worker(self, *, interval: float = 10.0, poll: float = 1.0, once: bool = False, **options):
        stop = threading.Event()
        make_queue_worker = _queue_worker_factory()
        current = {"queue": None}

        def shutdown(signum, frame):
            if stop.is_set():  # a second Ctrl-C: stop now, even in the middle of a task
                raise KeyboardInterrupt
            self.stderr.write(f"{signal.strsignal(signum)}: stopping after the current step (again to force)")
            stop.set()
            if current["queue"] is not None:
                current["queue"].running = False

        previous = {}
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, signal.SIGTERM):
                previous[signum] = signal.signal(signum, shutdown)
        queue_note = "the database task queue and " if make_queue_worker else ""
        self.stdout.write(f"worker: running {queue_note}pending index updates every {interval:g} s")
        self._last_problem = ""
        next_retry = 0.0
        try:
            while not stop.is_set():
                if make_queue_worker is not None:
                    current["queue"] = make_queue_worker()
                    current["queue"].run()
                    current["queue"] = None
                if time.monotonic() >= next_retry and not stop.is_set():
                    next_retry = time.monotonic() + interval
                    self._worker_retry()
                if once:
                    break
                stop.wait(poll)
        except KeyboardInterrupt:
            pass
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
        self.stdout.write("worker: stopped")

    def _worker_retry(self) -> None:
        problem = ""
        try:
            if PendingIndexUpdate.objects.exists() or es.index_needs_rebuild():
                result = retry_pending()
                if result.applied or result.failed or result.rebuilt:
                    self.stdout.write(f"worker: {self._retry_line(result)}")
        except es.ElasticsearchUnavailable as error:
            problem = f"worker: Elasticsearch unavailable, will retry: {error}"
        except Exception as error:  # keep the worker alive; the next round tries again
            problem = f"worker: retry failed: {error.__class__.__name__}: {error}"
        if problem and problem != self._last_problem:  # say it once, not every round
            self.stderr.write(problem)
        elif not problem and self._last_problem:
            self.stdout.write("worker: Elasticsearch reachable again")
        self._last_problem = problem
        self._worker_translations()

    def _worker_translations(self) -> None:
        """Translations that did not follow their original's publication (heritage.translation), synced again."""
        from heritage.models import PendingTranslationSync
        from heritage.translation import retry_pending as translations_retry

        try:
            if PendingTranslationSync.objects.exists():
                result = translations_retry()
                self.stdout.write(
                    f"worker: translations synced {result['synced']}, failed {result['failed']}, "
                    f"pending {result['remaining']}"
                )
        except Exception as error:  # keep the worker alive; the next round tries again
            self.stderr.write(f"worker: translation sync failed: {error.__class__.__name__}: {error}")


def _queue_worker_factory():
    """Builds batch workers for the django-tasks database queue; None with another task backend."""
    from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends

    try:
        from django_tasks_db.backend import DatabaseBackend
        from django_tasks_db.management.commands.db_worker import Worker
    except ImportError:
        return None
    backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    if not isinstance(backend, DatabaseBackend):
        return None
    from django_tasks.utils import get_random_id

    worker_id = get_random_id()

    def make():
        return Worker(
            queue_names=["*"],
            interval=0,
            batch=True,  # run what is ready, then come back to our loop
            backend_name=backend.alias,
            startup_delay=False,
            max_tasks=QUEUE_TASKS_PER_ROUND,  # so that a busy queue never starves the retries
            worker_id=worker_id,
        )

    return make
