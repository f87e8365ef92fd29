"""Avatars without a third party: a person's initials on a coloured circle, drawn as an SVG
data URL. Gravatar (an outside request that tells it who visits the admin) is used only where
a city turns it on with ``GREENLIGHT_GRAVATAR``."""

import hashlib
from base64 import b64encode

from django.utils.html import escape

# Dark enough for white letters (WCAG AA contrast at small sizes).
COLOURS = ("#146c43", "#1d5fa6", "#8a4b00", "#6b3fa0", "#a3161a", "#0b5563", "#4a5560")


def initials(name: str) -> str:
    """Up to two letters from a name: "Rosa Ramirez" -> "RR", "Mayor's Office" -> "MO"."""
    words = [word for word in name.replace("#", " ").split() if word[:1].isalpha()]
    letters = "".join(word[0] for word in words[:2]).upper()
    return letters or "?"


def initials_avatar_url(*, name: str, key: str, size: int = 50) -> str:
    """A data URL of an SVG circle with the initials of ``name``; ``key`` picks a stable colour."""
    colour = COLOURS[int(hashlib.sha256(key.encode()).hexdigest(), 16) % len(COLOURS)]
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 100 100">'
        f'<circle cx="50" cy="50" r="50" fill="{colour}"/>'
        f'<text x="50" y="50" dy=".35em" text-anchor="middle" font-family="system-ui, sans-serif" '
        f'font-size="40" font-weight="600" fill="#fff">{escape(initials(name))}</text></svg>'
    )
    return "data:image/svg+xml;base64," + b64encode(svg.encode()).decode()
