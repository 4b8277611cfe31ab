"""classes views (see people/urls.py)."""

urlpatterns: list = []
