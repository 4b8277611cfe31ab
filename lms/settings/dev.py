"""Local development: debug on, everything else as the environment (or the embedded default) says."""

from lms.config import env_bool

from .base import *  # noqa: F403

DEBUG = env_bool("DEBUG", True)

# Serve static files straight from the app and npm folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
