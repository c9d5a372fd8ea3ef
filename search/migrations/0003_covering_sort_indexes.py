from django.db import migrations, models


def analyze(apps, schema_editor):
    # SQLite plans with the statistics of ANALYZE; new indexes have none until it runs.
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("ANALYZE search_recordsearchtext")


class Migration(migrations.Migration):
    dependencies = [
        ("heritage", "0003_image_public_files"),
        ("search", "0002_database_index"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="recordsearchtext",
            name="search_text_start_asc",
        ),
        migrations.RemoveIndex(
            model_name="recordsearchtext",
            name="search_text_start_desc",
        ),
        migrations.AddIndex(
            model_name="recordsearchtext",
            index=models.Index(fields=["start_asc", "reference", "end_latest", "visibility"], name="search_text_asc"),
        ),
        migrations.AddIndex(
            model_name="recordsearchtext",
            index=models.Index(
                fields=["-start_desc", "reference", "start_asc", "end_latest", "visibility"], name="search_text_desc"
            ),
        ),
        migrations.RunPython(analyze, migrations.RunPython.noop),
    ]
