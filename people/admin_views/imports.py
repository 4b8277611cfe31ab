"""Wagtail admin views for imports; their URLs and menu items are registered in people/wagtail_hooks.py."""

admin_urlpatterns: list = []
menu_items: list = []
