"""Vahti's one settings module. Every value that differs between installations comes from
an environment variable (see ``vahti/env.py`` and the README's table); bad values stop
the process at start-up with a message naming the variable."""

import re
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from vahti.env import (
    LOG_FORMATTERS,
    REDIS_CACHE_OPTIONS,
    Env,
    database_config,
    redis_url_checked,
)

BASE_DIR = Path(__file__).resolve().parent.parent
env = Env()

DEBUG = env.bool("DEBUG", default=False)

# Without DEBUG a missing key is an error: a made-up default would sign sessions with a
# value anyone can read in this file.
_DEV_ONLY_SECRET_KEY = "vahti-development-only-not-secret"  # noqa: S105
SECRET_KEY = env.str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY (or SECRET_KEY_FILE) must be set when DEBUG is off. "
            "For a local trial run `make run`, which sets DEBUG=true."
        )
    SECRET_KEY = _DEV_ONLY_SECRET_KEY
elif len(SECRET_KEY) < 32 and not DEBUG:
    raise ImproperlyConfigured("SECRET_KEY must be at least 32 characters long.")

# In a local trial (DEBUG) every name under .localhost too, as Django's own default.
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", ".localhost", "[::1]"] if DEBUG else []
)
if "*" in ALLOWED_HOSTS and not DEBUG:
    raise ImproperlyConfigured("ALLOWED_HOSTS=* is refused when DEBUG is off; list the hosts.")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# The address of the site as readers see it, used in emails and feeds.
BASE_URL = env.str("BASE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "vahti.core",
    "vahti.plans",
    "vahti.orgs",
    "vahti.actions",
    "vahti.indicators",
    "vahti.content",
    "vahti.search",
    "vahti.access",
    "vahti.site",
    "vahti.editing",
    "vahti.api",
    "vahti.exchange",
    "vahti.feedback",
    "vahti.reports",
    "vahti.covenant",
    "vahti.notifications",
    "vahti.demo",
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
    "django_filters",
    "django_htmx",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "vahti.core.health.HealthMiddleware",
    "vahti.core.logs.RequestLogMiddleware",
    # Inside the request log (which then logs the 503), around everything that queries.
    "vahti.core.timelimit.RequestTimeLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files (compressed, hashed, cached for a year) before anything else runs.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "vahti.site.middleware.SecurityHeadersMiddleware",
    "vahti.editing.middleware.AdminSecurityHeadersMiddleware",
    # Compresses what comes back through here, pages from the cache among them; after
    # WhiteNoise, whose files are compressed ahead of time (vahti.core.compression).
    "vahti.core.compression.CompressionMiddleware",
    # Before everything a page served from the cache does not need.
    "vahti.site.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "vahti.site.middleware.PlanMiddleware",
    "vahti.site.locale.PlanLocaleMiddleware",
    "vahti.api.middleware.ApiMiddleware",
    # After the language is chosen (the site's, or the API's Accept-Language), before
    # anything reads the request's parameters.
    "vahti.core.middleware.RefuseNulMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Sets the cookie of a browser its owner has logged in from (vahti.access.throttle).
    "vahti.access.throttle.KnownBrowserMiddleware",
    "vahti.editing.middleware.SuperuserOnlyAdminAreasMiddleware",
    # In the admin, every queryset is narrowed to the plan the user works in.
    "vahti.editing.middleware.WorkingPlanMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "vahti.urls"
WAGTAILADMIN_USER_LOGIN_FORM = "vahti.access.forms.LoginForm"

AUTHENTICATION_BACKENDS = [
    "vahti.access.backends.ThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
    "vahti.access.backends.EmailBackend",
    "vahti.access.backends.RoleBackend",
]

# Optional single sign-on with the city's identity provider (OpenID Connect).
OIDC_RP_CLIENT_ID = env.str("OIDC_RP_CLIENT_ID", default="")
SSO_ENABLED = bool(OIDC_RP_CLIENT_ID)
if SSO_ENABLED:
    OIDC_RP_CLIENT_SECRET = env.str("OIDC_RP_CLIENT_SECRET", default="")
    OIDC_OP_AUTHORIZATION_ENDPOINT = env.str("OIDC_OP_AUTHORIZATION_ENDPOINT", default="")
    OIDC_OP_TOKEN_ENDPOINT = env.str("OIDC_OP_TOKEN_ENDPOINT", default="")
    OIDC_OP_USER_ENDPOINT = env.str("OIDC_OP_USER_ENDPOINT", default="")
    OIDC_OP_JWKS_ENDPOINT = env.str("OIDC_OP_JWKS_ENDPOINT", default="")
    OIDC_RP_SIGN_ALGO = env.choice("OIDC_RP_SIGN_ALGO", ["RS256", "ES256", "HS256"], "RS256")
    missing = [
        name
        for name in (
            "OIDC_RP_CLIENT_SECRET",
            "OIDC_OP_AUTHORIZATION_ENDPOINT",
            "OIDC_OP_TOKEN_ENDPOINT",
            "OIDC_OP_USER_ENDPOINT",
        )
        + (("OIDC_OP_JWKS_ENDPOINT",) if OIDC_RP_SIGN_ALGO != "HS256" else ())
        if not globals()[name]
    ]
    if missing:
        raise ImproperlyConfigured(
            f"OIDC_RP_CLIENT_ID is set, so single sign-on needs {', '.join(missing)} too."
        )
    OIDC_RP_SCOPES = "openid email profile"
    OIDC_CREATE_USER = False
    LOGIN_REDIRECT_URL = "/admin/"
    LOGIN_REDIRECT_URL_FAILURE = "/admin/login/?sso=failed"
    LOGOUT_REDIRECT_URL = "/admin/login/"
    AUTHENTICATION_BACKENDS.append("vahti.access.oidc.WorkAccountBackend")
    INSTALLED_APPS.append("mozilla_django_oidc")

WSGI_APPLICATION = "vahti.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "vahti.access.context_processors.sso",
                "vahti.content.context_processors.footer",
                "vahti.reports.context_processors.reports",
            ],
        },
    },
]

DATABASES = {
    "default": database_config(
        env.str("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url_checked(REDIS_URL),
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="vahti"),
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Public pages are kept in the cache this long at most (vahti.site.pagecache); they are
# dropped sooner, at once, when anything they show changes. 0 turns the page cache off.
# On by default with Redis: it needs a cache every process shares (see check_shared_cache).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=24 * 3600 if REDIS_URL else 0, minimum=0)
PAGE_CACHE_MAX_BYTES = 8 * 1024 * 1024
# Each process also keeps the pages it served last in its own memory, up to this many MB,
# so that serving one does not fetch it from Redis (it is checked as one from there is).
PAGE_CACHE_LOCAL_BYTES = env.int("PAGE_CACHE_LOCAL_MB", default=32, minimum=0) * 1024 * 1024
# How long a CDN in front of Vahti may keep a public page without asking again (0: it
# asks every time and gets a 304 while nothing changed).
CDN_MAX_AGE = env.int("CDN_MAX_AGE", default=0, minimum=0)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. Finnish is the default: its public URLs have no prefix (/actions/126/), the
# others do (/sv/actions/126/). Every translatable text field has one column per language.
LANGUAGE_CODE = "fi"
LANGUAGES = [
    ("fi", _("Finnish")),
    ("sv", _("Swedish")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"  # stored times are UTC; pages show them in the plan's own time zone
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
# Front-end libraries from the npm registry (package-lock.json, scripts/fetch_assets.py):
# their built files (dist/) are served as static files.
ASSETS_DIR = BASE_DIR / "var" / "assets" / "node_modules"
STATICFILES_DIRS = [("vendor/chart.js", ASSETS_DIR / "chart.js" / "dist")]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))
# Production serves static files from STATIC_ROOT (``collectstatic``, which ``make
# serve`` runs) with content hashes in their names and compressed copies (WhiteNoise);
# development and the tests serve them from the apps' folders as they are.
STATIC_MANIFEST = env.bool("STATIC_MANIFEST", default=not DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST
WHITENOISE_AUTOREFRESH = DEBUG
# Uploaded images and documents' files are served by Vahti itself unless a web server in
# front serves MEDIA_ROOT at MEDIA_URL (then set SERVE_MEDIA=false).
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)

# Security. Production defaults; DEBUG relaxes only what a local http:// server needs.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Editors' sessions end when the browser closes, or, with "remember me", after this long.
SESSION_COOKIE_AGE = env.int("SESSION_HOURS", default=12, minimum=1) * 3600
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
# Preloading commits the whole registered domain (often the city's) to HTTPS in browsers
# for years: the city decides that, not Vahti. Its check is silenced until it is turned on.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
BEHIND_TLS_PROXY = env.bool("BEHIND_TLS_PROXY", default=False)
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Whose X-Forwarded-For is believed (vahti.core.addresses): 0, how many proxies stand in
# front, or their addresses and networks. The login throttle and the feedback and API
# limits count by the client's address: behind a proxy without it every client would be
# the proxy, and a stranger's failed logins would lock everyone out.
TRUSTED_PROXIES = env.proxies("TRUSTED_PROXIES")
if BEHIND_TLS_PROXY and not TRUSTED_PROXIES:
    raise ImproperlyConfigured(
        "BEHIND_TLS_PROXY is on but TRUSTED_PROXIES is not set: set it to the number of "
        "proxies in front of Vahti (usually 1) or to their addresses, so that clients are "
        "told apart by their own addresses and not all counted as the proxy."
    )

# Seconds a request's database work may take before it stops and the request answers 503
# (vahti.core.timelimit): public pages, downloads and the API, and the admin. 0: no limit.
# The admin's workbook import runs in a thread of its own and is never limited.
REQUEST_TIME_LIMIT = env.int("REQUEST_TIME_LIMIT", default=20, minimum=0)
ADMIN_REQUEST_TIME_LIMIT = env.int("ADMIN_REQUEST_TIME_LIMIT", default=50, minimum=0)

# Requests a minute one client (an address, or an API token) may make to the API.
API_RATE_LIMIT = env.int("API_RATE_LIMIT", default=300, minimum=1)
# The largest workbook a plan admin may import.
IMPORT_MAX_MEGABYTES = env.int("IMPORT_MAX_MEGABYTES", default=20, minimum=1)
# What analyses Finnish for search (vahti.search.analysis): Voikko where it loads, else
# Snowball stems with a warning (auto); Voikko or an error (voikko); Snowball (snowball).
SEARCH_FINNISH_ANALYSER = env.choice(
    "SEARCH_FINNISH_ANALYSER", ["auto", "voikko", "snowball"], "auto"
)

EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    default=(
        "django.core.mail.backends.console.EmailBackend"
        if DEBUG and not env.str("EMAIL_HOST", default="")
        else "django.core.mail.backends.smtp.EmailBackend"
    ),
)
if not re.fullmatch(r"[A-Za-z_][\w.]*\.[A-Za-z_]\w*", EMAIL_BACKEND):
    raise ImproperlyConfigured(
        f"EMAIL_BACKEND must be a dotted path to an email backend class, not {EMAIL_BACKEND!r}."
    )
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25, minimum=1)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL cannot both be true.")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="vahti@localhost")
# Seconds a mail server may keep silent before the reminders stop waiting for it (an
# email cut off so is of unknown outcome and not sent again; see notifications.handoff).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=60, minimum=1)

# json: one JSON object per line (vahti.core.logs); text: for people reading a terminal.
LOG_FORMAT = env.choice("LOG_FORMAT", ["json", "text"], "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": LOG_FORMATTERS,
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Requests are logged once, by vahti.request; Django's own lines would repeat them.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
        # Wagtail's reference-index jobs log twice per save at INFO; only problems matter.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Wagtail
WAGTAIL_SITE_NAME = "Vahti"
# Draftail, taking a posted value that is not its JSON as plain text (vahti.editing.rich_text).
WAGTAILADMIN_RICH_TEXT_EDITORS = {"default": {"WIDGET": "vahti.editing.rich_text.RichTextArea"}}
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAIL_I18N_ENABLED = False  # translations live in columns of the same row, see core/i18n.py
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# An indicator's checked CSV (up to 5 MB, vahti.editing.indicator_forms) is posted back
# as text to be saved.
DATA_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# The admin asks no other host for anything: no avatars from Gravatar (the address is a
# hash of the editor's email, and offline it is a broken image), no check for new
# Wagtail releases, no "what's new" banner linking Wagtail's site.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
