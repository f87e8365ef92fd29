"""After every other app's demo content: index the demo ideas, encode their meaning and score
their novelty (idempotent: unchanged ideas are not encoded again)."""

from . import services


def load(*, stdout) -> None:
    indexed = services.index_rebuild()
    encoded = services.vectors_refresh()
    scored = services.novelty_refresh_all()
    stdout.write(f"  search: {indexed} ideas indexed, {encoded} encoded, {scored} novelty scores")
