"""The assessments app in the Wagtail admin."""

from wagtail import hooks

from . import admin_snippets  # noqa: F401  (quizzes, questions, banks, categories)

# --- Importing and exporting questions (assessments/admin_views.py) ------------------------------


@hooks.register("register_admin_urls")
def question_import_admin_urls():
    from . import admin_views

    return admin_views.admin_urlpatterns


@hooks.register("register_admin_menu_item")
def question_import_menu_item():
    from . import admin_views

    return admin_views.menu_items[0]


# --- End of importing and exporting questions -----------------------------------------------------
from . import wagtail_hooks_marking  # noqa: E402,F401
