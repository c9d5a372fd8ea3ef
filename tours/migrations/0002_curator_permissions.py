"""Curators make panoramas (snippets) and upload the stops' audio (wagtailmedia, per collection)."""

from django.db import migrations


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def permission(app_label, model, action):
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        codename = f"{action}_{model}"
        perm, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": f"Can {action} {model}"}
        )
        return perm

    curators = Group.objects.filter(name="Curators").first()
    if curators is None:
        return
    curators.permissions.add(
        *(permission("tours", "panorama", action) for action in ("add", "change", "delete", "view"))
    )
    root = Collection.objects.filter(depth=1).first()
    if root is not None:
        for action in ("add", "change", "delete", "choose"):
            GroupCollectionPermission.objects.get_or_create(
                group=curators, collection=root, permission=permission("wagtailmedia", "media", action)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("tours", "0001_initial"),
        ("heritage", "0002_groups_locales_workflow"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
