"""Demo figures for the dashboard: each district's population, and a wider circle of
neighbours (and a few city staff) who commented and supported over the last weeks, so the
equity view has districts above the suppression threshold and an uneven picture worth
reading (Southfield is the largest district and takes part least).

Runs last (after ideas, voting and pipeline), through those apps' own services; idempotent.
"""

import random
from datetime import timedelta

from django.contrib.auth.models import Group
from django.utils import timezone

from accounts import roles
from accounts.demo import demo_user
from accounts.models import District
from ideas import services as idea_services
from ideas.models import Comment, Idea
from innovation.errors import ServiceError
from voting import services as voting_services
from voting.methods import VotingMethod
from voting.models import Support

POPULATIONS = {
    "old-town": 18_400,
    "riverside": 31_200,
    "north-hills": 24_700,
    "harbour": 12_900,
    "eastgate": 27_600,
    "southfield": 35_200,
}
# How many neighbours from each district join in: Southfield, the largest, hardly at all.
NEIGHBOURS = {"riverside": 14, "old-town": 12, "north-hills": 9, "harbour": 7, "eastgate": 5, "southfield": 2}
FIRST_NAMES = [
    "Amira", "Bruno", "Chloé", "Dmitri", "Elif", "Femi", "Greta", "Hiro", "Ines", "Jonas", "Kemal", "Lena",
    "Malik", "Nora", "Oskar", "Paula", "Ravi", "Sanna", "Theo", "Ursula", "Viktor", "Wen", "Yara", "Zofia",
]  # fmt: skip
COMMENTS = [
    "Yes please — my kids cross here every morning and it is scary.",
    "Good idea, but who keeps it clean afterwards?",
    "We tried something like this on our street last summer and people loved it.",
    "Could this work in Southfield too? We have the same problem near the market.",
    "I would volunteer a Saturday a month for this.",
    "The council did a survey on this in 2019; worth reading before deciding.",
]
STAFF = 6


def load(*, stdout) -> None:
    for slug, population in POPULATIONS.items():
        District.objects.filter(slug=slug, population__isnull=True).update(population=population)
    neighbours = _neighbours()
    comments, supports = _activity(neighbours)
    stdout.write(f"  insights: populations of {len(POPULATIONS)} districts, {len(neighbours)} neighbours "
                 f"with {comments} comments and {supports} supports")  # fmt: skip


def _neighbours() -> list:
    people = []
    residents = Group.objects.get_or_create(name=roles.RESIDENTS)[0]
    staff = Group.objects.get_or_create(name=roles.CITY_STAFF)[0]
    number = 0
    for slug, count in NEIGHBOURS.items():
        district = District.objects.filter(slug=slug).first()
        for _ in range(count):
            number += 1
            name = f"{FIRST_NAMES[number % len(FIRST_NAMES)]} {chr(65 + number % 26)}."
            person = demo_user(f"neighbour{number}@greenlight.test", name, district=district)
            person.groups.add(residents)
            if number <= STAFF:
                person.groups.add(staff)
            people.append(person)
    return people


def _activity(neighbours) -> tuple[int, int]:
    """Each neighbour comments once or twice and supports a few ideas, spread over the last
    eleven weeks (comments) and the voting phase (supports)."""
    emails = [person.email for person in neighbours]
    done = Comment.objects.filter(author__email__in=emails)
    if done.exists() or not neighbours:
        return done.count(), Support.objects.filter(voter__email__in=emails).count()
    rng = random.Random(13)
    now = timezone.now()
    public = list(Idea.objects.public().select_related("challenge").order_by("pk"))
    open_for_comments = [idea for idea in public if not idea.challenge.is_closed_at(now)]
    supportable = [
        idea
        for idea in public
        if idea.challenge.voting_method == VotingMethod.SUPPORT and idea.challenge.accepts_votes_at(now)
    ]
    comments = supports = 0
    for person in neighbours:
        for idea in rng.sample(open_for_comments, min(len(open_for_comments), rng.randint(1, 2))):
            try:
                comment = idea_services.comment_post(idea=idea, author=person, body=rng.choice(COMMENTS))
            except ServiceError:  # the idea's rules refuse it (e.g. audience)
                continue
            earliest = max(idea.published_at or now, now - timedelta(days=77))
            when = earliest + (now - earliest) * rng.random()
            Comment.objects.filter(pk=comment.pk).update(created_at=when)
            comments += 1
        for idea in rng.sample(supportable, min(len(supportable), rng.randint(1, 4))):
            try:
                voting_services.support_add(voter=person, idea=idea)
            except ServiceError:  # a cap or a rule of the challenge
                continue
            supports += 1
    voting_open = min((i.challenge.voting_open for i in supportable), default=now - timedelta(days=10))
    span = max((now - voting_open).total_seconds(), 3600)
    for support in Support.objects.filter(voter__email__in=emails).only("pk"):
        Support.objects.filter(pk=support.pk).update(created_at=now - timedelta(seconds=rng.random() * span))
    return comments, supports
