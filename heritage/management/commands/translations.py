"""`manage.py translations adopt|sync|retry`: the pages' translations (heritage/translation.py).

- adopt: put every vi/en pair made before wagtail-localize (Wagtail's copy_for_translation) under
  it, keeping the English text as translations. Run once on a database from before; idempotent.
- sync: make every translation follow its original now (facts copied, published).
- retry: re-run the syncs that failed after a publication (PendingTranslationSync).
"""

from django.core.management.base import BaseCommand
from wagtail.models import Page

from heritage import translation


class Command(BaseCommand):
    help = "Manage the pages' translations: adopt old pairs, sync every translation, retry failed syncs."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["adopt", "sync", "retry"])

    def handle(self, *, action, **options):
        if action == "adopt":
            result = translation.translations_adopt_all()
            self.stdout.write(f"adopted {result['adopted']} translations")
            for path in result["lost"]:
                self.stderr.write(f"text not kept as translation (still in the page's revisions): {path}")
        elif action == "sync":
            saved = 0
            for page in Page.objects.filter(locale=translation.default_locale()).specific():
                saved += len(translation.translations_sync(instance=page))
            self.stdout.write(f"saved {saved} translations")
        else:
            result = translation.retry_pending()
            self.stdout.write(f"synced {result['synced']}, failed {result['failed']}, remaining {result['remaining']}")
