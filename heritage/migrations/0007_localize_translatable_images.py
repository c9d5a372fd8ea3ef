"""Translation with wagtail-localize (heritage/translation.py): gallery items and artefact images
become translatable (their captions are translated, their images synchronised), curators may
submit pages for translation, and a failed sync of translations is kept (PendingTranslationSync).

Existing items get the locale of their page. The items of a translation were copied from the
original's by Wagtail's copy_for_translation, so an item of a translation shares the
translation_key of the original's item at the same position showing the same image; any other
item gets a key of its own. The pages themselves are put under wagtail-localize by
`manage.py translations adopt` (docs/translation.md), which needs the application's code.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models

ITEMS = (("MonumentPage", "MonumentGalleryImage"), ("ArtefactPage", "ArtefactImage"))


def keys_and_locales(apps, schema_editor):
    default = apps.get_model("wagtailcore", "Locale").objects.filter(language_code="vi").first()
    default_id = default.pk if default else None
    for page_model, item_model in ITEMS:
        Page = apps.get_model("heritage", page_model)
        Item = apps.get_model("heritage", item_model)
        pages = Page.objects.only("pk", "locale_id", "translation_key")
        by_page = {}
        for item in Item.objects.order_by("page_id", "sort_order", "pk"):
            by_page.setdefault(item.page_id, []).append(item)
        # Originals (the default locale) first, so that a translation's items can take their keys.
        originals = {}
        for page in sorted(pages, key=lambda page: (page.locale_id != default_id, page.pk)):
            items = by_page.get(page.pk, [])
            original = originals.get(page.translation_key)
            for position, item in enumerate(items):
                match = original[position] if original and position < len(original) else None
                same = match is not None and match.image_id == item.image_id
                item.locale_id = page.locale_id
                item.translation_key = match.translation_key if same else uuid.uuid4()
                item.save(update_fields=["locale", "translation_key"])
            originals.setdefault(page.translation_key, items)


def curators_translate(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).first()
    curators = Group.objects.filter(name="Curators").first()
    if permission and curators:
        curators.permissions.add(permission)


def _locale_field(null):
    return models.ForeignKey(
        null=null,
        editable=False,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="wagtailcore.locale",
        verbose_name="locale",
    )


def _operations(model_name):
    return [
        migrations.AddField(model_name=model_name, name="locale", field=_locale_field(True)),
        migrations.AddField(
            model_name=model_name, name="translation_key", field=models.UUIDField(null=True, editable=False)
        ),
    ]


def _finish(model_name):
    return [
        migrations.AlterField(model_name=model_name, name="locale", field=_locale_field(False)),
        migrations.AlterField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(name=model_name, unique_together={("translation_key", "locale")}),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("heritage", "0006_records_en_fields"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        *_operations("monumentgalleryimage"),
        *_operations("artefactimage"),
        migrations.RunPython(keys_and_locales, migrations.RunPython.noop),
        *_finish("monumentgalleryimage"),
        *_finish("artefactimage"),
        migrations.RunPython(curators_translate, migrations.RunPython.noop),
        migrations.CreateModel(
            name="PendingTranslationSync",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("page_id", models.BigIntegerField(unique=True, verbose_name="page id")),
                ("attempts", models.PositiveIntegerField(default=0, verbose_name="attempts")),
                ("last_error", models.TextField(blank=True, verbose_name="last error")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated at")),
            ],
            options={
                "verbose_name": "pending translation sync",
                "verbose_name_plural": "pending translation syncs",
                "ordering": ["page_id"],
            },
        ),
        migrations.AlterField(
            model_name="monumentpage",
            name="other_names",
            field=models.TextField(
                blank=True,
                help_text=(
                    "One per line: historical names, Hán-Nôm, transliterations. A name is read as Vietnamese; "
                    "start the line with “en:” for a name in English."
                ),
                verbose_name="other names",
            ),
        ),
    ]
