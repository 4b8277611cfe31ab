"""Local development: debug on, everything else as the environment (or the embedded default) says."""

from lms.config import env_bool

from .base import *  # noqa: F403

DEBUG = env_bool("DEBUG", True)
