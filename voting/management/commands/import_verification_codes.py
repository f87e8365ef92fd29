"""Issue resident codes for a challenge from a CSV file, as the admin's "Resident codes" page
does: ``manage.py import_verification_codes <challenge_id> <file.csv>``. All or nothing; a
problem is one line on stderr and a non-zero exit."""

from django.core.management.base import BaseCommand, CommandError

from ideas.models import ChallengePage
from innovation.errors import ServiceError, error_text
from voting import residents


class Command(BaseCommand):
    help = "Issue one-time resident codes for a challenge from a CSV file (columns: code, optional district)."

    def add_arguments(self, parser):
        parser.add_argument("challenge_id", type=int)
        parser.add_argument("file")

    def handle(self, *args, challenge_id, file, **options):
        challenge = ChallengePage.objects.filter(pk=challenge_id).first()
        if challenge is None:
            raise CommandError(f"No challenge with id {challenge_id}.")
        try:
            with open(file, "rb") as source:
                data = source.read(residents.MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror}.") from exc
        try:
            count = residents.resident_codes_import(actor=None, challenge=challenge, data=data)
        except ServiceError as error:
            raise CommandError(error_text(error)) from error
        self.stdout.write(f"{count} codes issued for {challenge.title}.")
