"""The authoring roles and Wagtail's approval workflow, on every install (not only the demo).

Trainers ("Giảng viên") write pages and submit them; reviewers ("Người duyệt nội dung") approve
and publish them; statisticians ("Thống kê viên") reach the admin for classes and people. One
workflow, "Biên soạn và duyệt", assigned to the root page, sends every page from its author to a
reviewer. Everything is get-or-create, so running it again (or from `seed_demo` after a
`flush`, through `ensure_authoring_roles`) creates nothing twice.

Group and workflow names are Vietnamese data; they match `people.roles`.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

TRAINERS_GROUP = "Giảng viên"
REVIEWERS_GROUP = "Người duyệt nội dung"
STATISTICIANS_GROUP = "Thống kê viên"
WORKFLOW_NAME = "Biên soạn và duyệt"
TASK_NAME = "Duyệt nội dung"
# What wagtailcore 0048 assigns to the root page on a fresh install.
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"

# Model permissions ("app_label.codename").
GROUP_PERMISSIONS = {
    TRAINERS_GROUP: [
        "wagtailadmin.access_admin",
        "people.view_audiencegroup",
        "people.view_trainingclass",
        "people.add_trainingclass",
        "people.change_trainingclass",
        "people.view_profile",
    ],
    REVIEWERS_GROUP: ["wagtailadmin.access_admin"],
    STATISTICIANS_GROUP: [
        "wagtailadmin.access_admin",
        "people.view_trainingclass",
        "people.view_profile",
    ],
}
# Page permissions on the root page, so on every page. Trainers cannot publish: what they save is
# a draft, which they submit to the workflow.
PAGE_PERMISSIONS = {
    TRAINERS_GROUP: ["add_page", "change_page"],
    REVIEWERS_GROUP: ["add_page", "change_page", "publish_page"],
}
# Collection permissions on the root collection. "add" also lets a user edit and delete the
# images and documents they uploaded themselves (Wagtail's owner rule), not other people's.
COLLECTION_PERMISSIONS = {
    TRAINERS_GROUP: [
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
    ],
    REVIEWERS_GROUP: ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
}
PERMISSION_APPS = ["wagtailadmin", "wagtailcore", "wagtailimages", "wagtaildocs", "people"]


def _create_missing_permissions(apps) -> None:
    """Model permissions are normally created after the last migration (post_migrate); on a fresh
    database they do not exist yet when this migration runs."""
    for label in PERMISSION_APPS:
        app_config = apps.get_app_config(label)
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True  # a migration's stub has none
        try:
            create_permissions(app_config, verbosity=0, apps=apps)
        finally:
            app_config.models_module = models_module


def ensure_authoring_roles(apps, schema_editor=None) -> None:
    """Create (or complete) the three groups, their permissions and the approval workflow.

    `apps` is a migration's app registry or `django.apps.apps` (`lms.demo.seed` calls it so).
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    _create_missing_permissions(apps)

    def permission(code: str):
        app_label, codename = code.split(".")
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    groups = {}
    for name, codes in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*[permission(code) for code in codes])
        groups[name] = group

    root_page = Page.objects.filter(depth=1).order_by("path").first()
    if root_page is not None:
        for name, codenames in PAGE_PERMISSIONS.items():
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=groups[name],
                    page=root_page,
                    permission=permission(f"wagtailcore.{codename}"),
                )

    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    if root_collection is not None:
        for name, codes in COLLECTION_PERMISSIONS.items():
            for code in codes:
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name], collection=root_collection, permission=permission(code)
                )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK_NAME, defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(groups[REVIEWERS_GROUP])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if root_page is not None:
        # One workflow per page. Ours replaces Wagtail's default one there, never a workflow an
        # admin has chosen since.
        current = WorkflowPage.objects.filter(page=root_page).select_related("workflow").first()
        if current is None:
            WorkflowPage.objects.create(page=root_page, workflow=workflow)
        elif current.workflow.name == WAGTAIL_DEFAULT_WORKFLOW:
            current.workflow = workflow
            current.save()


def forwards(apps, schema_editor) -> None:
    ensure_authoring_roles(apps, schema_editor)
    # Installs seeded before this migration let trainers publish (on the home page); a trainer
    # who can publish would skip the review.
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(
        group__name=TRAINERS_GROUP,
        permission__content_type__app_label="wagtailcore",
        permission__codename="publish_page",
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("lms", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("people", "0005_agency_search"),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
