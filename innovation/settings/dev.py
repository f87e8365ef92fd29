"""Development: the embedded default (SQLite, eager Celery, console email)."""

from .base import *  # noqa: F403
from .base import GREENLIGHT_MAP, env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-not-secret-greenlight-key-change-me-0123456789")

# The demo city is on the US west coast: dates and phase boundaries are shown in its time.
TIME_ZONE = env("TIME_ZONE", default="America/Los_Angeles")
CELERY_TIMEZONE = TIME_ZONE
# Maps work offline in the demo: a plain grid tile served by the site itself. Set MAP_TILE_URL
# to a real tile server to see streets.
GREENLIGHT_MAP["TILE_URL"] = env("MAP_TILE_URL", default="/static/images/map-grid-tile.png")
# The demo shows the site's own 404 and 500 pages (tracebacks go to the console); set
# GREENLIGHT_SITE_ERROR_PAGES=false for Django's technical pages.
GREENLIGHT_SITE_ERROR_PAGES = env.bool("GREENLIGHT_SITE_ERROR_PAGES", default=True)
