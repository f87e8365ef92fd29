"""factory_boy factories shared by the whole suite."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts.models import District, User

PASSWORD = "correct-horse-battery-9"


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"District {n}")
    slug = factory.Sequence(lambda n: f"district-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    """A signed-up person with a verified email address (pass ``verified=False`` for one without)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=extracted is not False, primary=True)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            for name in extracted:
                self.groups.add(Group.objects.get_or_create(name=name)[0])
            self.is_staff = any(name in ("Moderators", "Evaluators", "Leadership") for name in extracted)
            self.save(update_fields=["is_staff"])


class ChallengeFactory:
    """Builds published ChallengePages under the one ChallengeIndexPage.

    ``ChallengeFactory.create(phase="voting")`` places the dates around now so that the
    challenge is in that phase; pass any field to override it."""

    @staticmethod
    def index():
        from wagtail.models import Page

        from home.models import HomePage
        from ideas.models import ChallengeIndexPage

        index = ChallengeIndexPage.objects.first()
        if index is None:
            home = HomePage.objects.first()
            if home is None:
                home = HomePage(title="Home", slug="home-test")
                Page.get_first_root_node().add_child(instance=home)
            index = ChallengeIndexPage(title="Challenges", slug="challenges")
            home.add_child(instance=index)
        return index

    _counter = 0

    @classmethod
    def dates_for(cls, phase: str, now=None) -> dict:
        from datetime import timedelta

        from django.utils import timezone

        now = now or timezone.now()
        day = timedelta(days=1)
        starts = {
            "upcoming": now + 5 * day,
            "submission": now - 5 * day,
            "voting": now - 20 * day,
            "review": now - 40 * day,
            "closed": now - 80 * day,
        }[phase]
        return {
            "ideas_open": starts,
            "ideas_close": starts + 14 * day,
            "voting_open": starts + 10 * day,
            "voting_close": starts + 24 * day,
            "review_end": starts + 40 * day,
            "results_published": starts + 45 * day,
        }

    @classmethod
    def create(cls, phase: str = "submission", **fields):
        from ideas.models import ChallengePage

        cls._counter += 1
        values = {
            "title": f"Challenge {cls._counter}",
            "slug": f"challenge-{cls._counter}-{phase}",
            "question": "Give us something we have never thought about",
            "summary": "A challenge for the tests.",
            **cls.dates_for(phase),
        }
        values.update(fields)
        challenge = ChallengePage(**values)
        cls.index().add_child(instance=challenge)
        return challenge


class IdeaFactory(factory.django.DjangoModelFactory):
    """A published idea (pass ``stage=...`` for another stage)."""

    class Meta:
        model = "ideas.Idea"

    challenge = factory.LazyFunction(lambda: ChallengeFactory.create("submission"))
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Idea number {n}")
    summary = "A short summary of the idea."
    body = "<p>More about the idea.</p>"
    stage = "published"
    published_at = factory.LazyFunction(lambda: __import__("django.utils.timezone").utils.timezone.now())


class PilotFactory:
    """Builds PilotPages under the one PilotIndexPage (created under the home page)."""

    @staticmethod
    def index():
        from home.models import HomePage
        from pipeline.models import PilotIndexPage

        index = PilotIndexPage.objects.first()
        if index is None:
            home = HomePage.objects.first() or ChallengeFactory.index().get_parent().specific
            index = PilotIndexPage(title="Pilots", slug="pilots")
            home.add_child(instance=index)
        return index

    _counter = 0

    @classmethod
    def create(cls, *, ideas=(), milestones=(), updates=(), publish: bool = True, **fields):
        from pipeline.models import PilotIdea, PilotMilestone, PilotPage, PilotUpdate

        cls._counter += 1
        values = {
            "title": f"Pilot {cls._counter}",
            "slug": f"pilot-{cls._counter}",
            "department": "Public Works",
            "summary": "A pilot for the tests.",
            "status": "running",
        }
        values.update(fields)
        pilot = PilotPage(live=publish, **values)
        for idea in ideas:
            pilot.source_ideas.add(PilotIdea(idea=idea))
        for milestone in milestones:
            pilot.milestones.add(PilotMilestone(**milestone))
        for update in updates:
            pilot.updates.add(PilotUpdate(**update))
        cls.index().add_child(instance=pilot)
        if publish:
            pilot.save_revision().publish()
        return pilot


def issue_resident_codes(challenge, *codes: str) -> None:
    """Issue one-time resident codes for ``challenge``, as leadership's CSV upload does."""
    from voting import residents

    residents.resident_codes_import(actor=None, challenge=challenge, data="\n".join(["code", *codes]).encode())
