"""imports views (see people/urls.py)."""

urlpatterns: list = []
