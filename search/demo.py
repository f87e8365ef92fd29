"""After every other app's demo content: index the demo ideas and score their novelty."""

from . import services


def load(*, stdout) -> None:
    indexed = services.index_rebuild()
    scored = services.novelty_refresh_all()
    stdout.write(f"  search: {indexed} ideas indexed, {scored} novelty scores")
