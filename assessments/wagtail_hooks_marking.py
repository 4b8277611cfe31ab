"""The marking queue, the marking screen and a class's quiz results in the Wagtail admin
(views in assessments/admin_marking.py). Imported at the end of assessments/wagtail_hooks.py."""

from wagtail import hooks

from . import admin_marking


@hooks.register("register_admin_urls")
def marking_admin_urls():
    return admin_marking.admin_urlpatterns


for _item in admin_marking.menu_items:
    hooks.register("register_admin_menu_item", lambda item=_item: item)
