"""Locales, the Curators and Restorers groups, and the review workflow for restoration records."""

from django.db import migrations

CURATOR_MODEL_PERMISSIONS = {
    "heritage": {
        "restorationrecord": ["add", "change", "delete", "view", "publish", "lock", "unlock", "view_internal"],
        "technique": ["add", "change", "delete", "view"],
        "material": ["add", "change", "delete", "view"],
        "partner": ["add", "change", "delete", "view"],
        "restorationproject": ["add", "change", "delete", "view"],
    },
}
RESTORER_MODEL_PERMISSIONS = {
    "heritage": {
        "restorationrecord": ["add", "change", "view", "view_internal"],
        "technique": ["add", "view"],
        "material": ["add", "view"],
        "partner": ["add", "view"],
        "restorationproject": ["view"],
    },
}
CURATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"]
# Wagtail checks image permissions against wagtailimages.Image even with a custom model.
COLLECTION_PERMISSIONS = {
    "Curators": {
        "wagtailimages.image": ["add", "change", "delete", "choose"],
        "wagtaildocs.document": ["add", "change", "delete", "choose"],
    },
    "Restorers": {
        "wagtailimages.image": ["add", "choose"],
        "wagtaildocs.document": ["add", "choose"],
    },
}


def _codename(action: str, model: str) -> str:
    return f"view_internal_{model}" if action == "view_internal" else f"{action}_{model}"


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Locale = apps.get_model("wagtailcore", "Locale")

    for code in ("vi", "en"):
        Locale.objects.get_or_create(language_code=code)

    # Permissions are normally created after all migrations (post_migrate); create the ones
    # this migration needs now, with the names Django and Wagtail would give them.
    def permission(app_label, model, codename):
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        perm, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": "Can " + codename.replace(f"_{model}", "").replace("_", " ") + f" {model}"},
        )
        return perm

    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")

    def model_permissions(spec):
        for app_label, models in spec.items():
            for model, actions in models.items():
                for action in actions:
                    yield permission(app_label, model, _codename(action, model))

    curators, _ = Group.objects.get_or_create(name="Curators")
    curators.permissions.add(access_admin, *model_permissions(CURATOR_MODEL_PERMISSIONS))
    restorers, _ = Group.objects.get_or_create(name="Restorers")
    restorers.permissions.add(access_admin, *model_permissions(RESTORER_MODEL_PERMISSIONS))

    root_page = Page.objects.filter(depth=1).first()
    if root_page:
        for codename in CURATOR_PAGE_PERMISSIONS:
            page_permission = permission("wagtailcore", "page", codename)
            GroupPagePermission.objects.get_or_create(group=curators, page=root_page, permission=page_permission)

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection:
        for group_name, spec in COLLECTION_PERMISSIONS.items():
            group = Group.objects.get(name=group_name)
            for dotted, actions in spec.items():
                app_label, model = dotted.split(".")
                for action in actions:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group,
                        collection=root_collection,
                        permission=permission(app_label, model, f"{action}_{model}"),
                    )

    # Records written or changed by restorers are reviewed by a curator before publication.
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, _ = GroupApprovalTask.objects.get_or_create(
        name="Curator review", defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(curators)
    workflow, _ = Workflow.objects.get_or_create(name="Restoration record review", defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    record_type, _ = ContentType.objects.get_or_create(app_label="heritage", model="restorationrecord")
    WorkflowContentType.objects.get_or_create(content_type=record_type, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("heritage", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
