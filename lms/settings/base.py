"""Settings shared by every environment; all machine-specific values come from the environment.

With no variables set, the embedded default runs: SQLite under var/, Celery tasks in-process,
uploads under var/media, e-mail to the console. See docs/operations.md for production.
"""

from pathlib import Path

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from lms.config import (
    ConfigError,
    broker_from_env,
    database_from_env,
    env,
    env_bool,
    env_int,
    env_list,
    redis_url_from_env,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env("LMS_VAR_DIR", str(BASE_DIR / "var")))

# Overridden (and required) in production; this one only serves local runs.
SECRET_KEY = env("SECRET_KEY", "insecure-local-development-key-do-not-use-in-production")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "lms",
    "people",
    "courses",
    "assessments",
    "media",
    "certificates",
    "reports",
    "allauth",
    "allauth.account",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # The statistics API (/api/v1/, reports/api.py) and its OpenAPI document.
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages on slow mobile data: HTML is compressed here even when no proxy does it (static
    # files come compressed from whitenoise above). Django pads gzip output against BREACH
    # and masks CSRF tokens per response.
    "django.middleware.gzip.GZipMiddleware",
    # On the H5P content origin, only the player's page and files (before any session is read).
    "media.middleware.ContentOriginMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before common: Vietnamese unless the language switch's cookie says otherwise.
    "lms.middleware.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "lms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": database_from_env(VAR_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = redis_url_from_env()
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "lms"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Accounts (django-allauth): sign-up with a profile, log-in by e-mail or phone number, password
# reset by e-mail, and allauth's rate limits (failed log-ins are throttled per account and IP).
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",  # Wagtail admin log-in by username
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_ADAPTER = "people.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email", "phone"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "phone", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "people.forms.SignupProfileForm"
ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", "optional")
ACCOUNT_PHONE_VERIFICATION_ENABLED = False  # no SMS gateway: the phone number is a log-in name
# Say plainly that an e-mail or phone number already has an account. Hiding it (allauth's
# default) sends the person to a verification step that needs SMS or e-mail, which many
# trainees on closed networks never receive; the log-in throttling below still applies.
ACCOUNT_PREVENT_ENUMERATION = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/key,20/5m/ip",
    "signup": "20/h/ip",
    "reset_password": "5/h/ip,3/h/key",
}
ACCOUNT_USER_DISPLAY = "people.adapter.display_name"
# How many reverse proxies of ours stand in front of gunicorn (nginx alone: 1; a load balancer
# and nginx: 2). Their X-Forwarded-For entries give the visitor's address to rate limits and
# records (lms.http.client_ip), allauth's log-in throttling and the API; 0 ignores the header.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
if TRUSTED_PROXY_COUNT < 0:
    raise ConfigError(f"TRUSTED_PROXY_COUNT must be 0 or more, not {TRUSTED_PROXY_COUNT}")
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
PRIVACY_POLICY_VERSION = "2026-01"

# Vietnamese first; English is the second language, chosen with the switch in the header.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LANGUAGE_COOKIE_NAME = "lms_language"
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "wagtail"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [
    BASE_DIR / "lms" / "static",
    # Front-end packages installed by npm and served from our own host, never a CDN.
    (
        "vendor/be-vietnam-pro",
        BASE_DIR / "node_modules" / "@fontsource" / "be-vietnam-pro" / "files",
    ),
    # Chart.js for the statistics dashboard's charts (reports/static/reports/dashboard.js).
    ("vendor/chart.js", BASE_DIR / "node_modules" / "chart.js" / "dist"),
    # The H5P player (media/static/media/h5p-block.js loads it only when a trainee starts an
    # H5P activity): h5p-standalone's dist/ (main.bundle.js, frame.bundle.js, styles, fonts).
    ("vendor/h5p-standalone", BASE_DIR / "node_modules" / "h5p-standalone" / "dist"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# S3-compatible object storage for uploads when a bucket is named; credentials come from
# AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, read by boto3 itself.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL")
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME")
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = True
    AWS_S3_FILE_OVERWRITE = False

# E-mail: the console until an SMTP host is given.
EMAIL_HOST = env("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Nền tảng bồi dưỡng 407 <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: with no broker configured, tasks run in-process (the embedded default).
CELERY_BROKER_VARIABLE, CELERY_BROKER_URL = broker_from_env()
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL is None
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", REDIS_URL)
CELERY_RESULT_EXPIRES = 60 * 60 * 24
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# A task is acknowledged only when it has finished, and a task whose worker died is put back
# on the queue: every task must therefore be safe to run twice.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# With Redis, an unacknowledged message returns to the queue after this many seconds. It must be
# longer than the longest task, or a slow task would run twice at once.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600)}
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    "clear-expired-sessions": {
        "task": "lms.tasks.clear_expired_sessions",
        "schedule": 60 * 60 * 24,
    },
    "class-deadline-reminders": {
        "task": "people.tasks.send_deadline_reminders",
        "schedule": crontab(hour=7, minute=30),
    },
    # Pages a reviewer approved with a "go live" date are published within 5 minutes of it.
    "publish-scheduled-pages": {
        "task": "lms.tasks.publish_scheduled_pages",
        "schedule": crontab(minute="*/5"),
    },
    # Quiz attempts left open past their time limit are submitted with what was saved in time.
    "close-overdue-attempts": {
        "task": "assessments.tasks.close_overdue_attempts",
        "schedule": 60,
    },
    # Holders of certificates expiring within CERTIFICATE_EXPIRY_REMINDER_DAYS: one e-mail each.
    "certificate-expiry-reminders": {
        "task": "certificates.mail.certificate_expiry_reminders_task",
        "schedule": crontab(hour=8, minute=0),
    },
    # Statistics exports (reports/exports/<job>/ in the default storage) are deleted a day on.
    # The triggers append a delta row per change to the reports summary; merge them.
    "reports-compact-summary": {
        "task": "reports.tasks.compact_summary",
        "schedule": crontab(minute="*/10"),
    },
    "reports-purge-exports": {
        "task": "reports.tasks.purge_exports",
        "schedule": crontab(minute=17),
    },
}

# Wagtail
WAGTAIL_SITE_NAME = "Bồi dưỡng truyền thông chính sách"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILADMIN_USER_LOGIN_FORM = "lms.forms.AdminLoginForm"
WAGTAIL_I18N_ENABLED = False
# Nothing may be fetched from another host: no avatars, no release check, no remote banners.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# The database backend (SQLite FTS5 or PostgreSQL full text). On PostgreSQL, the "simple"
# configuration: no English stemming or stop words, which would drop Vietnamese syllables such
# as "the" (thể), "so" (số) or "he" (hệ) once folded. Pages index a diacritic-free copy of their
# text (courses/search.py); after changing this, run `manage.py update_index`.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
}
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "docx",
    "doc",
    "xlsx",
    "xls",
    "pptx",
    "odt",
    "ods",
    "txt",
    "csv",
    "zip",
    # Video, audio and their WebVTT captions for the media block (lms/blocks.py MediaBlock).
    "vtt",
    "mp4",
    "m4v",
    "webm",
    "mp3",
    "m4a",
    "ogg",
    "oga",
    "wav",
]
# Content types stated here, not guessed from the server's /etc/mime.types (which may lack
# .vtt): a <track> loads only a file served as text/vtt.
WAGTAILDOCS_CONTENT_TYPES = {
    "vtt": "text/vtt",
    "mp4": "video/mp4",
    "m4v": "video/mp4",
    "webm": "video/webm",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "ogg": "audio/ogg",
    "oga": "audio/ogg",
    "wav": "audio/wav",
}
# Served inline (not as an attachment) so <video>, <audio> and <track> may use them; PDFs are
# Wagtail's default. The block's download link still saves the file (the `download` attribute).
WAGTAILDOCS_INLINE_CONTENT_TYPES = [
    "application/pdf",
    "text/vtt",
    "video/mp4",
    "video/webm",
    "audio/mpeg",
    "audio/mp4",
    "audio/ogg",
    "audio/wav",
]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "png", "tiff": "png"}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        # Wagtail 8 runs its search and reference-index updates through django-tasks, which
        # logs every run at INFO: too chatty for a console.
        "django_tasks": {"level": "WARNING"},
        # WeasyPrint logs each step of every certificate it renders at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

PLATFORM_NAME = _("Communication of draft policies: training platform")

# H5P (media/). When set ("https://h5p.example.org": another host name of this app, also in
# ALLOWED_HOSTS), the H5P player runs in a frame from that origin (media/player.py) and the
# extracted files are served from it, so neither the libraries' JavaScript nor the content runs
# with the site's origin; that origin serves nothing else (media/middleware.py). "" (the
# embedded default) runs the player in the lesson page itself: library code then runs with the
# site's origin and the trainee's session, and only the upload permission and the library
# allow-list keep it trustworthy. Set it in production (docs/operations.md). Player tokens
# expire after H5P_TOKEN_MAX_AGE seconds (12 hours).
H5P_CONTENT_ORIGIN = env("H5P_CONTENT_ORIGIN", "")
H5P_TOKEN_MAX_AGE = env_int("H5P_TOKEN_MAX_AGE", 12 * 60 * 60)

# Certificates (certificates/). The verification address printed in each QR code starts with
# CERTIFICATE_BASE_URL (the public site's address), or WAGTAILADMIN_BASE_URL when unset.
CERTIFICATE_BASE_URL = env("CERTIFICATE_BASE_URL", "")
# Lookups of verification codes allowed per client address and minute (then 429).
CERTIFICATE_VERIFY_RATE = env_int("CERTIFICATE_VERIFY_RATE", 30)
# Render each PDF in a task as soon as its certificate is issued (otherwise on first download).
CERTIFICATE_RENDER_ON_ISSUE = env_bool("CERTIFICATE_RENDER_ON_ISSUE", True)
# The issuer's Ed25519 key that signs the Open Badges credentials (certificates/badges.py): a
# PEM in CERTIFICATE_SIGNING_KEY, or else the file CERTIFICATE_SIGNING_KEY_FILE, created on first
# use. Every machine must sign with the same key: set the variable in production.
CERTIFICATE_SIGNING_KEY = env("CERTIFICATE_SIGNING_KEY", "")
CERTIFICATE_SIGNING_KEY_FILE = env(
    "CERTIFICATE_SIGNING_KEY_FILE", str(VAR_DIR / "keys" / "issuer-ed25519.pem")
)
# Holders of a certificate that expires within this many days get one reminder by e-mail.
CERTIFICATE_EXPIRY_REMINDER_DAYS = env_int("CERTIFICATE_EXPIRY_REMINDER_DAYS", 30)

# The statistics API (reports/api.py): a statistician's token or the browser session, JSON only.
# Only the OpenAPI document is served (/api/v1/openapi.json); no Swagger UI, which would load
# its scripts from a CDN.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,  # throttles, if any, see the visitor behind our proxies
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API thống kê bồi dưỡng / Training statistics API",
    "DESCRIPTION": (
        "Số liệu bồi dưỡng theo kỳ báo cáo và địa bàn, trong phạm vi địa bàn của người gọi. "
        "Training figures by reporting period and jurisdiction, within the caller's jurisdiction."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["reports.api.only_api_v1"],
}
