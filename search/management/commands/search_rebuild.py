"""Rebuild search: every public idea into search's own index, the meaning vectors of those
whose text (or the model) changed, the search service's copy when one is configured, then
novelty. Search keeps answering while it runs."""

import sys

from django.core.management.base import BaseCommand, CommandError

from search import services
from search.backends import get_backend
from search.backends.base import SearchUnavailable

BAR_WIDTH = 30


class ProgressBar:
    """``label [#####     ]  512/1,024`` redrawn in place on a terminal, in tenths otherwise."""

    def __init__(self, stdout, label: str):
        self.stdout, self.label = stdout, label
        self.interactive = getattr(stdout, "isatty", lambda: False)() or sys.stdout.isatty()
        self.last_tenth = -1

    def __call__(self, done: int, total: int) -> None:
        share = done / total if total else 1
        bar = "#" * round(share * BAR_WIDTH)
        line = f"{self.label:<22} [{bar:<{BAR_WIDTH}}] {done:>9,}/{total:,}"
        if self.interactive:
            self.stdout.write("\r" + line, ending="")
            self.stdout.flush()
        elif int(share * 10) != self.last_tenth:
            self.last_tenth = int(share * 10)
            self.stdout.write(line)

    def finish(self) -> None:
        if self.interactive:
            self.stdout.write("")


class Command(BaseCommand):
    help = "Rebuild the search index of ideas (and novelty scores) from scratch, without downtime."

    def add_arguments(self, parser):
        parser.add_argument("--skip-novelty", action="store_true", help="Do not recompute novelty scores.")
        parser.add_argument(
            "--reencode", action="store_true", help="Encode every idea's meaning again, not only changed ones."
        )

    def handle(self, *args, skip_novelty=False, reencode=False, **options):
        backend = get_backend()
        bar = ProgressBar(self.stdout, "Ideas")
        indexed = services.index_rebuild(progress=bar)
        bar(indexed, indexed)
        bar.finish()
        bar = ProgressBar(self.stdout, "Meaning vectors")
        encoded = services.vectors_refresh(force=reencode, progress=bar)
        bar(encoded, encoded)
        bar.finish()
        if backend.keeps_own_copy:
            bar = ProgressBar(self.stdout, f"Ideas in {backend.name}")
            try:
                backend.check()
                pushed = backend.rebuild(progress=bar)
            except (SearchUnavailable, *backend.unavailable_errors) as exc:
                raise CommandError(f"{backend.name} could not be rebuilt: {str(exc).splitlines()[0]}") from exc
            bar(pushed, pushed)
            bar.finish()
        scored = 0
        if not skip_novelty:
            bar = ProgressBar(self.stdout, "Novelty")
            scored = services.novelty_refresh_all(progress=bar)
            bar(scored, scored)
            bar.finish()
        message = f"Search index rebuilt: {indexed:,} ideas indexed, {encoded:,} encoded"
        message += "." if skip_novelty else f", {scored:,} novelty scores computed."
        self.stdout.write(self.style.SUCCESS(message))
