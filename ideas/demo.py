"""Demo challenges in every phase, with ideas, photos, threaded comments, an official response
and a reported comment waiting for a moderator. Idempotent: existing content is left alone.

Other apps' demo code finds the challenges by slug: ``better-streets`` (voting, support),
``parks-for-everyone`` (voting, pairwise), ``open-call-2027`` (open for ideas),
``cleaner-air`` (in review) and ``smart-lighting`` (closed)."""

import io
import random
from datetime import datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw

from accounts.demo import demo_residents
from accounts.models import District, User
from home.models import HomePage

from .demo_content import CHALLENGES, COMMENTS, FLAGGED_COMMENT, IDEAS, OFFICIAL_RESPONSE, REPLIES
from .models import ChallengeIndexPage, ChallengePage, Comment, EvaluationCriterion, Flag, Idea, IdeaStage
from .photos import prepare_photo, store_photo

DAY = timedelta(days=1)

# Phase -> offset of "ideas open" from now, in days; the other dates follow.
PHASE_START = {"submission": -10, "voting": -25, "review": -50, "closed": -120}


def phase_dates(phase: str, now) -> dict:
    """Dates that put a challenge in ``phase`` at ``now``, at the hours a city would choose in
    its own time zone: phases open at 9 AM and close at 5 PM."""
    first_day = timezone.localtime(now).date() + PHASE_START[phase] * DAY

    def at(days: int, hour: int):
        day = first_day + days * DAY
        return timezone.make_aware(datetime(day.year, day.month, day.day, hour))

    return {
        "ideas_open": at(0, 9),
        "ideas_close": at(21, 17),
        "voting_open": at(14, 9),
        "voting_close": at(35, 17),
        "review_end": at(60, 17),
        "results_published": at(65, 9),
    }


def demo_photo(seed: int, title: str):
    """A simple generated picture (sky, sun, hills, a path) — no download needed."""
    rng = random.Random(seed)
    width, height = 960, 640
    image = PILImage.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    top = (rng.randint(60, 140), rng.randint(140, 200), rng.randint(200, 250))
    for y in range(height):
        shade = y / height
        draw.line([(0, y), (width, y)], fill=tuple(int(c * (1 - shade * 0.35)) for c in top))
    sun_x = rng.randint(100, width - 100)
    draw.ellipse([sun_x - 50, 60, sun_x + 50, 160], fill=(255, 214, 102))
    green = (rng.randint(40, 90), rng.randint(120, 170), rng.randint(60, 100))
    for layer in range(3):
        base = height - 200 + layer * 60
        points = [(0, height)] + [(x, base - rng.randint(0, 80)) for x in range(0, width + 1, 120)] + [(width, height)]
        draw.polygon(points, fill=tuple(max(0, c - layer * 20) for c in green))
    draw.polygon(
        [(width // 2 - 30, height), (width // 2 + 30, height), (width // 2 + 5, height - 220)], fill=(222, 205, 170)
    )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82)
    return SimpleUploadedFile(f"{seed}.jpg", buffer.getvalue(), content_type="image/jpeg")


def _index(home: HomePage) -> ChallengeIndexPage:
    index = ChallengeIndexPage.objects.first()
    if index is None:
        index = ChallengeIndexPage(
            title="Challenges",
            slug="challenges",
            intro="The questions Riverside is asking now, and what came of the ones before.",
            show_in_menus=True,
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def _challenge(index: ChallengeIndexPage, slug: str, now) -> tuple[ChallengePage, bool]:
    existing = ChallengePage.objects.filter(slug=slug).first()
    if existing is not None:
        return existing, False
    title, question, summary, phase, method, sponsor, tags = CHALLENGES[slug]
    challenge = ChallengePage(
        title=title,
        slug=slug,
        question=question,
        summary=summary,
        sponsor=sponsor,
        voting_method=method,
        supports_per_person=5 if slug == "better-streets" else None,
        residents_must_verify=slug == "better-streets",
        moderation_mode="pre" if slug == "open-call-2027" else "post",
        suggested_tags=tags,
        body=[
            {
                "type": "paragraph",
                "value": f"<p>{summary} Residents' ideas, the discussion around them and the votes help the "
                "city choose; the best ideas are tested in the city as pilots.</p>",
            }
        ],
        **phase_dates(phase, now),
    )
    if method == "none":
        challenge.voting_open = challenge.voting_close = None
    index.add_child(instance=challenge)
    for order, (name, weight) in enumerate((("Impact", 3), ("Cost", 2), ("Feasibility", 2), ("Novelty", 1))):
        EvaluationCriterion.objects.create(challenge=challenge, name=name, weight=weight, sort_order=order)
    challenge.save_revision().publish()
    return challenge, True


def _coordinates(place: str, seed: int) -> dict:
    """A spot within a few kilometres of the demo city's centre for an idea that names a place."""
    if not place:
        return {}
    rng = random.Random(seed)
    latitude, longitude = settings.GREENLIGHT_MAP["CENTER"]
    return {
        "latitude": Decimal(str(round(latitude + rng.uniform(-0.03, 0.03), 6))),
        "longitude": Decimal(str(round(longitude + rng.uniform(-0.04, 0.04), 6))),
    }


def _stage_for(phase: str, position: int) -> str:
    if phase == "review":
        return IdeaStage.UNDER_REVIEW if position < 3 else IdeaStage.PUBLISHED
    if phase == "closed":
        return [IdeaStage.SELECTED, IdeaStage.NOT_PURSUED, IdeaStage.ADOPTED, IdeaStage.NOT_PURSUED][position % 4]
    return IdeaStage.PUBLISHED


def _ideas(challenge: ChallengePage, residents: list[User], staff: User | None, districts, seed: int) -> int:
    phase = CHALLENGES[challenge.slug][3]
    made = 0
    for position, (title, summary, body, tags, place) in enumerate(IDEAS[challenge.slug]):
        author = residents[(seed + position * 3) % len(residents)]
        published = challenge.ideas_open + timedelta(hours=6 + position * 19)
        idea = Idea(
            challenge=challenge,
            author=author,
            title=title,
            summary=summary,
            body=body,
            district=districts[(seed + position) % len(districts)] if districts else None,
            location_name=place,
            **_coordinates(place, seed + position),
            stage=_stage_for(phase, position),
            submitted_at=published,
            published_at=published,
            tag_names=",".join(tags),
        )
        if position % 2 == 0:
            photo = prepare_photo(demo_photo(seed * 100 + position, title))
            idea.image_alt = f"Illustration for “{title}”: green hills under a sunny sky with a path."
            idea.image = store_photo(photo, alt=idea.image_alt, title=title, owner=author)
        idea.save()
        idea.tags.set(tags)
        Idea.objects.filter(pk=idea.pk).update(created_at=published)
        count = _discussion(idea, residents, staff, seed + position, official=(position == 0))
        Idea.objects.filter(pk=idea.pk).update(comment_count=count)
        made += 1
    if challenge.slug == "open-call-2027":
        # Awaiting approval, with a photo that only its author and moderators can open.
        title = "Community fridge at the station"
        alt = f"Illustration for “{title}”: green hills under a sunny sky with a path."
        Idea.objects.create(
            challenge=challenge,
            author=residents[1],
            title=title,
            summary="A fridge where shops and neighbours leave food that would otherwise be thrown away.",
            stage=IdeaStage.SUBMITTED,
            submitted_at=timezone.now() - timedelta(hours=3),
            tag_names="community",
            image_alt=alt,
            image=store_photo(
                prepare_photo(demo_photo(seed * 100 + 99, title)), alt=alt, title=title, owner=residents[1]
            ),
        )
    return made


def _discussion(idea: Idea, residents: list[User], staff: User | None, seed: int, *, official: bool) -> int:
    """A few comments with replies two levels deep; returns how many are visible."""
    rng = random.Random(seed)
    count = 0
    at = idea.published_at + timedelta(hours=2)
    for n in range(rng.randint(1, 3)):
        commenter = residents[(seed + n * 5 + 1) % len(residents)]
        top = Comment.objects.create(idea=idea, author=commenter, body=f"<p>{rng.choice(COMMENTS)}</p>")
        count += 1
        if n == 0:
            reply = Comment.objects.create(
                idea=idea, author=idea.author, parent=top, depth=1, body=f"<p>{rng.choice(REPLIES)}</p>"
            )
            answer = Comment.objects.create(
                idea=idea,
                author=residents[(seed + 7) % len(residents)],
                parent=reply,
                depth=2,
                body=f"<p>{rng.choice(REPLIES)}</p>",
            )
            count += 2
            Comment.objects.filter(pk__in=[reply.pk, answer.pk]).update(created_at=at + timedelta(hours=3))
        Comment.objects.filter(pk=top.pk).update(created_at=at)
        at += timedelta(hours=5)
    if official and staff is not None:
        Comment.objects.create(idea=idea, author=staff, body=OFFICIAL_RESPONSE, is_official=True)
        count += 1
    return count


def _flagged_comment(residents: list[User]) -> None:
    if Flag.objects.filter(comment__body__contains="stupid idea").exists():
        return
    idea = Idea.objects.filter(challenge__slug="better-streets").order_by("id").first()
    if idea is None:
        return
    comment = Comment.objects.create(idea=idea, author=residents[-1], body=f"<p>{FLAGGED_COMMENT}</p>")
    Flag.objects.create(reporter=residents[0], comment=comment, reason="abuse", details="Personal attack.")
    Comment.objects.filter(pk=comment.pk).update(flag_count=1)
    Idea.objects.filter(pk=idea.pk).update(comment_count=idea.comment_count + 1)


def load(*, stdout) -> None:
    home = HomePage.objects.first()
    if home is None:
        stdout.write("  ideas: skipped (no home page)")
        return
    residents = demo_residents()
    if not residents:
        stdout.write("  ideas: skipped (no demo residents)")
        return
    staff = User.objects.filter(email="staff@greenlight.test").first()
    districts = list(District.objects.all())
    index = _index(home)
    now = timezone.now()
    created = 0
    for seed, slug in enumerate(CHALLENGES, start=1):
        challenge, new = _challenge(index, slug, now)
        if new:
            created += _ideas(challenge, residents, staff, districts, seed)
    _flagged_comment(residents)
    stdout.write(
        f"  ideas: {ChallengePage.objects.count()} challenges, {Idea.objects.count()} ideas "
        f"({created} new), {Comment.objects.count()} comments"
    )
