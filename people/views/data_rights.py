"""data_rights views (see people/urls.py)."""

urlpatterns: list = []
