"""Settings shared by every environment.

Values come from the environment (django-environ). Development defaults are safe;
secrets have no default here — production.py requires them.

Why one module over 400 lines: base holds every setting (dev, test and production change
only what differs), one banner comment per section, so a deployer reads one file.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default=None)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Apps
DJANGO_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.humanize",
    "django.contrib.postgres",
]
THIRD_PARTY_APPS = [
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.GreenlightUsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "rest_framework",
    "rest_framework.authtoken",
    "knox",
    "drf_spectacular",
    "drf_spectacular_sidecar",
]
LOCAL_APPS = [
    "accounts",
    "home",
    "ideas",
    "voting",
    "pipeline",
    "search",
    "integrations",
    "insights",
    # Last: its demo relays the events every other demo recorded.
    "notifications",
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "innovation.middleware.RejectNulCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "integrations.middleware.TokenWriteAuditMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.PersonLanguageMiddleware",
    "accounts.middleware.CurrentTermsMiddleware",
    "accounts.middleware.AdminMFARequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "innovation.middleware.GreenlightCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "innovation.middleware.SiteErrorPagesMiddleware",
]

ROOT_URLCONF = "innovation.urls"
WSGI_APPLICATION = "innovation.wsgi.application"
SITE_ID = 1

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
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.navigation",
            ],
        },
    },
]

# Database
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, local memory otherwise. The backend degrades while Redis
# is away (pages render uncached, rate limits let requests through with a warning; see
# innovation/cache.py); these timeouts bound what one cache call can cost meanwhile.
REDIS_URL = env("REDIS_URL", default="")
CACHE_TIMEOUT_SECONDS = env.float("CACHE_TIMEOUT_SECONDS", default=1.0)


def redis_cache(url: str, *, key_prefix: str = "greenlight") -> dict:
    """The one cache configuration for Redis (development, tests and production)."""
    return {
        "default": {
            "BACKEND": "innovation.cache.DegradingRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default=key_prefix),
            "OPTIONS": {"socket_connect_timeout": CACHE_TIMEOUT_SECONDS, "socket_timeout": CACHE_TIMEOUT_SECONDS},
        }
    }


if REDIS_URL:
    CACHES = redis_cache(REDIS_URL)
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Proxies: how many reverse proxies (load balancer, TLS terminator) append to X-Forwarded-For
# in front of the site. The client's address is the entry that many places from the right;
# anything further left was written by the client itself. 0: REMOTE_ADDR is the client.
# Every rate limit (sign-in, API throttles, the site's own limits) reads the address through
# accounts.ratelimits.client_ip, which uses this number; DRF and allauth read it too.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT

# Accounts
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupExtrasForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Greenlight] "
ACCOUNT_RATE_LIMITS = {
    # At most 10 failed sign-ins a minute from one address, and 5 in 5 minutes for one account
    # from one address (the key is account and address together, see accounts.adapters): a
    # stranger's wrong passwords never lock the owner out, and a password reset ends a lock.
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
}
# City sign-in (OpenID Connect: Entra ID, Okta, Keycloak...). Off unless OIDC_SERVER_URL is set.
# Residents keep email and password; people signing in through the city's provider whose
# email domain is in GREENLIGHT_STAFF_EMAIL_DOMAINS, or whose ID token carries
# GREENLIGHT_STAFF_CLAIM ("claim" or "claim=value", e.g. "groups=city-staff"), join City staff.
SOCIALACCOUNT_ADAPTER = "accounts.adapters.CitySignInAdapter"
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_AUTO_SIGNUP = True  # unless terms are in force: see CitySignInAdapter
SOCIALACCOUNT_FORMS = {"signup": "accounts.city_signup.CitySignupForm"}
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_PROVIDERS: dict = {"openid_connect": {"OAUTH_PKCE_ENABLED": True, "APPS": []}}
if env("OIDC_SERVER_URL", default=""):
    SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"].append(
        {
            "provider_id": env("OIDC_PROVIDER_ID", default="city"),
            "name": env("OIDC_NAME", default="City sign-in"),
            "client_id": env("OIDC_CLIENT_ID"),
            "secret": env("OIDC_CLIENT_SECRET"),
            "settings": {"server_url": env("OIDC_SERVER_URL")},
        }
    )
GREENLIGHT_STAFF_EMAIL_DOMAINS = env.list("GREENLIGHT_STAFF_EMAIL_DOMAINS", default=[])
GREENLIGHT_STAFF_CLAIM = env("GREENLIGHT_STAFF_CLAIM", default="")
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Greenlight"
# When true, anyone who may open the Wagtail admin must have two-factor authentication on.
GREENLIGHT_ADMIN_REQUIRES_MFA = env.bool("GREENLIGHT_ADMIN_REQUIRES_MFA", default=False)

# Internationalisation
# The interface languages. A person's choice is remembered in their profile
# (``User.language``); visitors get their browser's language, then English.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "greenlight_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"
# The city's time zone: every date and time on the site is shown in it.
TIME_ZONE = env("TIME_ZONE", default="UTC")
# Dates and times are written one way everywhere (innovation/formats/<language>/formats.py).
FORMAT_MODULE_PATH = ["innovation.formats"]
USE_I18N = True
USE_TZ = True

# Static files and media
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Exports built in the background: private files, never served under MEDIA_URL.
INSIGHTS_EXPORT_ROOT = env.path("INSIGHTS_EXPORT_ROOT", default=BASE_DIR / "private" / "exports")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
    "exports": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(INSIGHTS_EXPORT_ROOT), "base_url": None},
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Email
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Greenlight <noreply@greenlight.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = env("SITE_NAME", default="Greenlight")
WAGTAILADMIN_BASE_URL = env("BASE_URL", default="http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Pages (home, challenges, pilots, content pages) are translated in the admin: each language
# is a Wagtail locale, and "Translate" copies a page into it. Visitors see the translation of
# the page they asked for in their language when one is published.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# API
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "integrations.auth.ApiTokenAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    # One JSON parser for every endpoint: an object, nested at most 32 levels (else a 400).
    "DEFAULT_PARSER_CLASSES": [
        "innovation.parsers.JSONObjectParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    # Page numbers with totals that do not count every row of a long list (ideas.pagination).
    "DEFAULT_PAGINATION_CLASS": "ideas.pagination.CountedPageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Services raise one family of errors (innovation.errors); this one handler answers them as JSON.
    "EXCEPTION_HANDLER": "innovation.errors.api_exception_handler",
    # One atomic counter per window in the cache (accounts.throttling), keyed on the client
    # address as accounts.ratelimits.client_ip finds it.
    "DEFAULT_THROTTLE_CLASSES": [
        "accounts.throttling.AnonRateThrottle",
        "accounts.throttling.UserRateThrottle",
    ],
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("API_THROTTLE_ANON", default="120/min"),
        "user": env("API_THROTTLE_USER", default="600/min"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Greenlight API",
    "DESCRIPTION": "Challenges, ideas, votes, pipeline and pilots of a city's innovation programme.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "PREPROCESSING_HOOKS": ["innovation.schema.public_api_only"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "innovation.schema.document_errors",
    ],
    "COMPONENT_SPLIT_REQUEST": True,
}

# Celery
# Without Redis, tasks run eagerly; Celery still opens an in-memory producer to serialise
# them, and naming its host keeps kombu from warning "No hostname was supplied" on each task.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "memory://localhost/")
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env.bool(
    "CELERY_TASK_ALWAYS_EAGER", default=not (REDIS_URL or env("CELERY_BROKER_URL", default=""))
)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE: dict = {}

# Voting
# Seconds a burst of pairwise votes may gather before the scores are refitted once.
VOTING_PAIRWISE_REFIT_DELAY = env.int("VOTING_PAIRWISE_REFIT_DELAY", default=30)
# Leadership's district totals hide counts below this, so that no one's vote can be guessed.
VOTING_DISTRICT_MINIMUM = 5
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["votes"] = env("API_THROTTLE_VOTES", default="120/min")
# Refits owed by votes newer than the last fit (after voting closes, or when the broker was
# down as a vote asked for one) are made by this sweep.
CELERY_BEAT_SCHEDULE["voting-pairwise-refit-stale"] = {
    "task": "voting.tasks.pairwise_refit_stale",
    "schedule": env.float("VOTING_PAIRWISE_SWEEP_SECONDS", default=60),
}

# Search
# Ideas: search's own index table in the database (PostgreSQL full text, or the portable
# engine on SQLite). With ELASTICSEARCH_URL set, ideas and pages are searched in Elasticsearch
# 8 and the database answers whenever the cluster does not.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
GREENLIGHT_SEARCH = {
    "BACKEND": env(
        "SEARCH_BACKEND",
        default="search.backends.elasticsearch8.ElasticsearchBackend"
        if ELASTICSEARCH_URL
        else "search.backends.database.DatabaseBackend",
    ),
    "URLS": [url for url in ELASTICSEARCH_URL.split(",") if url],
    "INDEX": env("ELASTICSEARCH_INDEX", default="greenlight-ideas"),
    "TIMEOUT": env.int("ELASTICSEARCH_TIMEOUT", default=5),
    "NOVELTY_THRESHOLD": env.float("NOVELTY_THRESHOLD", default=0.44),
    # The sentence encoder: another model directory (model.onnx + tokenizer.json), the
    # SHA-256 its model.onnx must have, and ONNX Runtime's threads (0: one per core).
    "ENCODER_DIR": env("SEARCH_ENCODER_DIR", default=""),
    "ENCODER_SHA256": env("SEARCH_ENCODER_SHA256", default=""),
    "ENCODER_THREADS": env.int("SEARCH_ENCODER_THREADS", default=0),
}
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": GREENLIGHT_SEARCH["URLS"],
            "INDEX": env("ELASTICSEARCH_PAGES_INDEX", default="greenlight-pages"),
            "TIMEOUT": GREENLIGHT_SEARCH["TIMEOUT"],
        }
    }
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["search"] = env("API_THROTTLE_SEARCH", default="120/min")
CELERY_BEAT_SCHEDULE["search-reconcile-index"] = {"task": "search.tasks.reconcile_index", "schedule": 15 * 60}

# Maps
# The map picker on the idea form and a challenge's map of ideas draw tiles from an XYZ tile
# server (e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png with its attribution, or the
# city's own). Empty: no maps; ideas take a place as plain latitude and longitude.
# Leaflet itself is served from static/vendor/leaflet (npm leaflet 1.9.4), never a CDN.
GREENLIGHT_MAP = {
    "TILE_URL": env("MAP_TILE_URL", default=""),
    "ATTRIBUTION": env("MAP_TILE_ATTRIBUTION", default=""),
    "CENTER": env.list("MAP_CENTER", cast=float, default=[33.9533, -117.3962]),
    "ZOOM": env.int("MAP_ZOOM", default=13),
}

# Notifications
# The programme's postal address, printed at the foot of every email.
GREENLIGHT_PROGRAMME_ADDRESS = env("PROGRAMME_ADDRESS", default="City Hall, 1 Main Square")
# How long the unsubscribe link in an email keeps working.
NOTIFICATIONS_UNSUBSCRIBE_MAX_AGE_DAYS = env.int("NOTIFICATIONS_UNSUBSCRIBE_MAX_AGE_DAYS", default=90)
# The relay retries a failing outbox consumer after 30 s, 1, 2, 4... minutes, then parks it.
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=6)
OUTBOX_RETRY_BASE_SECONDS = env.int("OUTBOX_RETRY_BASE_SECONDS", default=30)
# People per batch when digests are built.
NOTIFICATIONS_DIGEST_BATCH = env.int("NOTIFICATIONS_DIGEST_BATCH", default=500)
OUTBOX_SWEEP_SECONDS = env.float("OUTBOX_SWEEP_SECONDS", default=60)
CELERY_BEAT_SCHEDULE["notifications-relay-outbox"] = {
    "task": "notifications.tasks.relay_outbox",
    "schedule": OUTBOX_SWEEP_SECONDS,
}
CELERY_BEAT_SCHEDULE["notifications-send-pending-emails"] = {
    "task": "notifications.tasks.send_pending_emails",
    "schedule": OUTBOX_SWEEP_SECONDS,
}
CELERY_BEAT_SCHEDULE["notifications-phase-events"] = {
    "task": "notifications.tasks.record_phase_events",
    "schedule": 10 * 60,
}
CELERY_BEAT_SCHEDULE["notifications-daily-digest"] = {
    "task": "notifications.tasks.send_digests",
    "schedule": crontab(hour=env.int("NOTIFICATIONS_DIGEST_HOUR", default=7), minute=0),
    "args": ("daily",),
}
CELERY_BEAT_SCHEDULE["notifications-weekly-digest"] = {
    "task": "notifications.tasks.send_digests",
    "schedule": crontab(hour=env.int("NOTIFICATIONS_DIGEST_HOUR", default=7), minute=0, day_of_week="monday"),
    "args": ("weekly",),
}

# Insights
# Exports with more rows than this are built by a Celery task and offered by a link that
# expires after INSIGHTS_EXPORT_LINK_HOURS.
INSIGHTS_EXPORT_SYNC_LIMIT = env.int("INSIGHTS_EXPORT_SYNC_LIMIT", default=10_000)
INSIGHTS_EXPORT_LINK_HOURS = env.int("INSIGHTS_EXPORT_LINK_HOURS", default=24)
# The dashboard's figures are kept this long in the cache; beat recomputes the usual periods
# every INSIGHTS_REFRESH_SECONDS (0 turns the cache off: every page computes them).
INSIGHTS_CACHE_SECONDS = env.int("INSIGHTS_CACHE_SECONDS", default=900)
INSIGHTS_REFRESH_SECONDS = env.int("INSIGHTS_REFRESH_SECONDS", default=300)
CELERY_BEAT_SCHEDULE["insights-refresh-dashboard"] = {
    "task": "insights.tasks.refresh_dashboard",
    "schedule": INSIGHTS_REFRESH_SECONDS,
}
CELERY_BEAT_SCHEDULE["insights-build-waiting-exports"] = {
    "task": "insights.tasks.build_waiting_exports",
    "schedule": 60,
}
CELERY_BEAT_SCHEDULE["insights-purge-expired-exports"] = {
    "task": "insights.tasks.purge_expired_exports",
    "schedule": 60 * 60,
}

# Security headers (tightened further in production.py)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "home.views.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Map tiles come from the configured tile server.
if GREENLIGHT_MAP["TILE_URL"].startswith(("https://", "http://")):
    _tiles = GREENLIGHT_MAP["TILE_URL"].split("/")
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(
        "/".join(_tiles[:3]).replace("{s}", "*").replace("{S}", "*")
    )
# The Wagtail admin and the API docs use inline scripts and styles of their own.
GREENLIGHT_CSP_RELAXED_PATHS = ("/admin/", "/api/docs/", "/django-admin/")

# Logging
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "celery": {"level": "WARNING"},
    },
}

# Avatars: initials drawn by the site. Gravatar asks an outside service for every avatar
# (and tells it who uses the admin): only where a city turns it on.
GREENLIGHT_GRAVATAR = env.bool("GREENLIGHT_GRAVATAR", default=False)
WAGTAIL_GRAVATAR_PROVIDER_URL = "//www.gravatar.com/avatar" if GREENLIGHT_GRAVATAR else None

# Greenlight
# With DEBUG on, show the site's own 404 and 500 pages rather than Django's technical ones.
GREENLIGHT_SITE_ERROR_PAGES = env.bool("GREENLIGHT_SITE_ERROR_PAGES", default=False)
GREENLIGHT_PROGRAMME_NAME = env("PROGRAMME_NAME", default="Greenlight")
# The currency of pilot budgets (ISO 4217 code), shown with every amount.
GREENLIGHT_CURRENCY = env("GREENLIGHT_CURRENCY", default="USD")

# Sessions: read from the cache, written through to the database (one query less per page).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Ideas: community limits
# Writes one person may make: ideas per hour, comments per minute (0 turns a limit off).
GREENLIGHT_IDEAS_PER_HOUR = env.int("GREENLIGHT_IDEAS_PER_HOUR", default=5)
GREENLIGHT_COMMENTS_PER_MINUTE = env.int("GREENLIGHT_COMMENTS_PER_MINUTE", default=5)
# Distinct reports after which an idea or comment is hidden until a moderator reviews it.
GREENLIGHT_FLAGS_TO_HIDE = env.int("GREENLIGHT_FLAGS_TO_HIDE", default=3)
# API writes on ideas, comments, reports and follows, per person.
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["ideas_api_writes"] = env("API_THROTTLE_IDEAS", default="60/min")
# Replies nest this many levels under a top-level comment.
GREENLIGHT_COMMENT_MAX_DEPTH = 2

# Privacy and consent
# The version of the terms of use in force; changing it asks everyone signed in to accept again
# before their next contribution (empty: no check).
GREENLIGHT_TERMS_VERSION = env("GREENLIGHT_TERMS_VERSION", default="2026-12")
# When a person deletes their account, their ideas and comments are kept under "Former
# participant" ("anonymise") or deleted with it ("remove").
GREENLIGHT_ACCOUNT_DELETION = env("GREENLIGHT_ACCOUNT_DELETION", default="anonymise")
# "Download my data": where the ZIP files are kept (never served as media) and for how long.
GREENLIGHT_EXPORT_ROOT = env.path("GREENLIGHT_EXPORT_ROOT", default=BASE_DIR / "private" / "data-exports")
GREENLIGHT_EXPORT_DAYS = env.int("GREENLIGHT_EXPORT_DAYS", default=7)
CELERY_BEAT_SCHEDULE["accounts-purge-data-exports"] = {
    "task": "accounts.tasks.purge_data_exports",
    "schedule": 24 * 3600,
}

# Integrations: API tokens, webhooks, open data
# Personal and service tokens (django-rest-knox, stored as SHA-512 digests), sent as
# "Authorization: Bearer glt_…". Plain "Token …" keys made in a shell still work.
KNOX_TOKEN_MODEL = "integrations.ApiToken"
# knox's own migrations would create its default token table even though it is swapped out.
MIGRATION_MODULES = {"knox": None}
REST_KNOX = {
    "AUTH_HEADER_PREFIX": "Bearer",
    "TOKEN_PREFIX": "glt_",
    "TOKEN_TTL": None,  # each token gets the expiry its creator chose
    "AUTO_REFRESH": False,
}
# Webhook receivers may not resolve to loopback, private, link-local or reserved addresses,
# except these host names or IP addresses (e.g. a receiver inside the city's own network).
WEBHOOK_ALLOWED_PRIVATE_HOSTS = env.list("WEBHOOK_ALLOWED_PRIVATE_HOSTS", default=[])
# Seconds to connect to a receiver, and for the whole request and answer.
WEBHOOK_CONNECT_TIMEOUT = env.float("WEBHOOK_CONNECT_TIMEOUT", default=5)
WEBHOOK_TIMEOUT = env.float("WEBHOOK_TIMEOUT", default=15)
# Retries: the first after WEBHOOK_RETRY_BASE seconds, each later one three times longer
# (at most 6 hours apart), until WEBHOOK_RETRY_WINDOW seconds after the event.
WEBHOOK_RETRY_BASE = env.float("WEBHOOK_RETRY_BASE", default=30)
WEBHOOK_RETRY_WINDOW = env.int("WEBHOOK_RETRY_WINDOW", default=24 * 60 * 60)
# Seconds beyond the timeouts after which an attempt whose worker died is taken over.
WEBHOOK_LEASE_GRACE = env.float("WEBHOOK_LEASE_GRACE", default=15)
CELERY_BEAT_SCHEDULE["integrations-webhook-sweep"] = {"task": "integrations.tasks.webhook_sweep", "schedule": 60}
# The licence the open-data catalogue states for every dataset (a name and a URL).
OPEN_DATA_LICENSE = env("OPEN_DATA_LICENSE", default="CC-BY-4.0")
OPEN_DATA_LICENSE_URL = env("OPEN_DATA_LICENSE_URL", default="https://creativecommons.org/licenses/by/4.0/")
OPEN_DATA_PUBLISHER = env("OPEN_DATA_PUBLISHER", default="")
