"""Which uploaded files ``/media/`` may serve. Apps that keep private files among the media
register a guard from their ``AppConfig.ready()``::

    register_media_guard(guard)  # guard(request, path) -> bool; False answers 404

``home`` imports no app above it, so the rule for each kind of file lives with its owner
(``ideas`` hides photos of ideas that are not public)."""

from collections.abc import Callable

MediaGuard = Callable[[object, str], bool]
_guards: list[MediaGuard] = []


def register_media_guard(guard: MediaGuard) -> None:
    if guard not in _guards:
        _guards.append(guard)


def media_allowed(request, path: str) -> bool:
    return all(guard(request, path) for guard in _guards)
