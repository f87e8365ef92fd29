"""Merging duplicate B into A: followers (and supporters) move once, timelines and audit log."""

import pytest
from wagtail.models import ModelLogEntry

from ideas.models import Follow
from pipeline import services
from pipeline.selectors import idea_timeline
from tests.factories import IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db


def follow(person, idea):
    Follow.objects.create(follower=person, idea=idea)
    idea.follower_count += 1
    idea.save(update_fields=["follower_count"])


def test_merge_moves_followers_once_and_records_both_timelines(idea_in, moderator):
    a = idea_in("published", title="Shade sails over bus stops")
    b = idea_in("published", title="Awnings at bus stops")
    both, only_b, only_a = UserFactory(), UserFactory(), UserFactory()
    for person in (both, only_a):
        follow(person, a)
    for person in (both, only_b):
        follow(person, b)

    services.idea_merge(source=b, target=a, actor=moderator)

    a.refresh_from_db()
    b.refresh_from_db()
    assert (b.stage, b.merged_into) == ("merged", a)
    assert set(Follow.objects.filter(idea=a).values_list("follower", flat=True)) == {both.pk, only_a.pk, only_b.pk}
    assert (a.follower_count, b.follower_count) == (3, 0)
    assert "Merged into “Shade sails over bus stops”" in idea_timeline(idea=b)[-1].note
    update = idea_timeline(idea=a)[-1]
    assert (update.from_stage, update.to_stage, update.related_idea) == ("published", "published", b)
    assert "“Awnings at bus stops” was merged into this idea" in update.note
    actions = set(ModelLogEntry.objects.values_list("action", "object_id"))
    assert {("pipeline.merge", str(b.pk)), ("pipeline.merge_into", str(a.pk))} <= actions


def test_comments_stay_on_the_merged_idea(idea_in, moderator):
    from ideas.models import Comment

    a, b = idea_in("published"), idea_in("published")
    Comment.objects.create(idea=b, author=b.author, body="<p>Also near the school.</p>")
    services.idea_merge(source=b, target=a, actor=moderator)
    assert b.comments.count() == 1 and a.comments.count() == 0


@pytest.mark.parametrize(
    ("make_target", "message"),
    [
        (lambda a, b: b, "cannot be merged into itself"),
        (lambda a, b: IdeaFactory(), "same challenge"),
        (lambda a, b: IdeaFactory(challenge=a.challenge, stage="rejected"), "still in the pipeline"),
    ],
)
def test_merge_refusals(make_target, message, idea_in, moderator):
    a, b = idea_in("published"), idea_in("published")
    with pytest.raises(services.TransitionRefused, match=message):
        services.idea_merge(source=b, target=make_target(a, b), actor=moderator)
    b.refresh_from_db()
    assert b.stage == "published"


def test_residents_and_evaluators_may_not_merge(idea_in, resident, evaluator):
    a, b = idea_in("published"), idea_in("published")
    for person in (resident, evaluator):
        with pytest.raises(services.TransitionRefused, match="Only Moderators or Leadership"):
            services.idea_merge(source=b, target=a, actor=person)
    assert not Follow.objects.exists()


def test_merge_carries_supporters_once_and_keeps_tallies_exact(moderator):
    from tests.factories import ChallengeFactory
    from voting.models import Support
    from voting.services import support_add

    challenge = ChallengeFactory.create("voting")
    a, b = IdeaFactory(challenge=challenge), IdeaFactory(challenge=challenge)
    both, only_a, only_b, also_b = UserFactory(), UserFactory(), UserFactory(), UserFactory()
    for voter, idea in [(both, a), (both, b), (only_a, a), (only_b, b), (also_b, b)]:
        support_add(voter=voter, idea=idea)

    services.idea_merge(source=b, target=a, actor=moderator)

    a.refresh_from_db()
    b.refresh_from_db()
    assert set(Support.objects.filter(idea=a).values_list("voter", flat=True)) == {
        both.pk,
        only_a.pk,
        only_b.pk,
        also_b.pk,
    }
    assert (a.support_count, b.support_count) == (4, 0)
    assert a.support_count == Support.objects.filter(idea=a).count()
    assert not Support.objects.filter(idea=b).exists()


@pytest.mark.parametrize(
    ("person", "allowed"), [("moderator", True), ("leadership", True), ("resident", False), ("evaluator", False)]
)
def test_merge_per_role(people, person, allowed, idea_in):
    a, b = idea_in("published"), idea_in("published")
    if allowed:
        services.idea_merge(source=b, target=a, actor=people[person])
    else:
        with pytest.raises(services.TransitionRefused):
            services.idea_merge(source=b, target=a, actor=people[person])
    b.refresh_from_db()
    assert (b.stage == "merged") is allowed


@pytest.mark.parametrize("stage", ["selected", "piloting", "adopted", "not_pursued"])
def test_ideas_past_shortlisting_are_not_merged_away(stage, idea_in, moderator):
    a, b = idea_in("published"), idea_in(stage)
    with pytest.raises(services.TransitionRefused, match=r"cannot move from|may move to|Nothing may move"):
        services.idea_merge(source=b, target=a, actor=moderator)


def test_merged_discussion_stays_readable_from_the_surviving_idea(client, idea_in, moderator):
    from ideas.models import Comment

    a = idea_in("published", title="Shade sails over bus stops")
    b = idea_in("published", title="Awnings at bus stops")
    Comment.objects.create(idea=b, author=b.author, body="<p>Also near the school.</p>")
    services.idea_merge(source=b, target=a, actor=moderator)

    response = client.get(b.get_absolute_url())
    assert response.status_code == 302 and response["Location"] == a.get_absolute_url()
    page = client.get(a.get_absolute_url()).content.decode()
    assert f'href="{b.get_absolute_url()}?show=original"' in page
    original = client.get(b.get_absolute_url() + "?show=original").content.decode()
    assert "Also near the school." in original
    assert "This idea was merged into another one" in original
    assert f'href="{a.get_absolute_url()}"' in original
