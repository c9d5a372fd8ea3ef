"""The database's cache table, when settings.CACHES uses one (with DATABASE_URL: heritage.page_cache)."""

from django.core.management import call_command
from django.db import migrations


def cache_table_create(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("heritage", "0007_localize_translatable_images")]

    operations = [migrations.RunPython(cache_table_create, migrations.RunPython.noop)]
