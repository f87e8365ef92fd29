import pytest
from django.db import IntegrityError, transaction

from innovation.errors import Conflict, NotAllowed, ServiceError
from tests.factories import ChallengeFactory, IdeaFactory, UserFactory
from voting import services
from voting.models import PairwiseScore, PairwiseVote, Support

pytestmark = pytest.mark.django_db


@pytest.fixture
def challenge():
    return ChallengeFactory.create("voting", supports_per_person=2)


def _tally(idea) -> int:
    idea.refresh_from_db(fields=["support_count"])
    return idea.support_count


def test_supporting_twice_keeps_one_support_and_an_exact_tally(challenge):
    idea = IdeaFactory(challenge=challenge)
    voter = UserFactory()

    _support, created = services.support_add(voter=voter, idea=idea)
    _again, created_again = services.support_add(voter=voter, idea=idea)

    assert (created, created_again) == (True, False)
    assert Support.objects.filter(idea=idea).count() == 1
    assert _tally(idea) == 1


def test_the_database_refuses_a_second_support_row(challenge):
    idea = IdeaFactory(challenge=challenge)
    voter = UserFactory()
    Support.objects.create(voter=voter, idea=idea)
    with pytest.raises(IntegrityError), transaction.atomic():
        Support.objects.create(voter=voter, idea=idea)


def test_cap_refuses_the_support_beyond_it_and_withdrawing_frees_one(challenge):
    ideas = IdeaFactory.create_batch(3, challenge=challenge)
    voter = UserFactory()
    services.support_add(voter=voter, idea=ideas[0])
    services.support_add(voter=voter, idea=ideas[1])

    with pytest.raises(ServiceError) as refused:
        services.support_add(voter=voter, idea=ideas[2])
    assert refused.value.code == "cap_reached"
    assert "2" in str(refused.value.message)
    assert _tally(ideas[2]) == 0

    assert services.support_withdraw(voter=voter, idea=ideas[0]) is True
    services.support_add(voter=voter, idea=ideas[2])
    assert [_tally(idea) for idea in ideas] == [0, 1, 1]


def test_withdrawing_a_support_that_does_not_exist_changes_nothing(challenge):
    idea = IdeaFactory(challenge=challenge, support_count=0)
    assert services.support_withdraw(voter=UserFactory(), idea=idea) is False
    assert _tally(idea) == 0


@pytest.mark.parametrize("phase", ["submission", "review", "closed"])
def test_no_support_outside_the_voting_phase(phase):
    idea = IdeaFactory(challenge=ChallengeFactory.create(phase))
    with pytest.raises(ServiceError) as refused:
        services.support_add(voter=UserFactory(), idea=idea)
    assert refused.value.code == "closed"
    assert not Support.objects.exists()


def test_supports_move_counts_someone_who_supported_both_once(challenge):
    challenge.supports_per_person = None
    challenge.save()
    source, target = IdeaFactory.create_batch(2, challenge=challenge)
    both, only_source, only_target = UserFactory.create_batch(3)
    for voter in (both, only_source):
        services.support_add(voter=voter, idea=source)
    for voter in (both, only_target):
        services.support_add(voter=voter, idea=target)

    with transaction.atomic():
        moved = services.supports_move(source=source, target=target)

    assert moved == 1
    assert _tally(source) == 0 == Support.objects.filter(idea=source).count()
    assert _tally(target) == 3 == Support.objects.filter(idea=target).count()
    assert set(Support.objects.filter(idea=target).values_list("voter", flat=True)) == {
        both.pk,
        only_source.pk,
        only_target.pk,
    }


def test_repeated_pairwise_votes_on_one_pair_count_once(django_capture_on_commit_callbacks):
    challenge = ChallengeFactory.create("voting", voting_method="pairwise")
    left, right = IdeaFactory.create_batch(2, challenge=challenge)
    voter = UserFactory()

    with django_capture_on_commit_callbacks(execute=True):
        services.pairwise_vote_cast(voter=voter, challenge=challenge, left=left, right=right, choice="left")
        services.pairwise_vote_cast(voter=voter, challenge=challenge, left=right, right=left, choice="left")

    vote = PairwiseVote.objects.get()
    assert vote.winner_id == right.pk
    scores = PairwiseScore.objects.in_bulk([left.pk, right.pk])
    assert scores[left.pk].comparisons == scores[right.pk].comparisons == 1
    # The refit ran after commit (tasks are eager here): the winner now leads.
    assert scores[right.pk].score > scores[left.pk].score

    services.pairwise_vote_cast(voter=voter, challenge=challenge, left=left, right=right, choice="undecided")
    assert PairwiseScore.objects.get(pk=left.pk).comparisons == 0


def test_pairwise_vote_refuses_ideas_of_another_challenge():
    challenge = ChallengeFactory.create("voting", voting_method="pairwise")
    left = IdeaFactory(challenge=challenge)
    stranger = IdeaFactory(challenge=ChallengeFactory.create("voting", voting_method="pairwise"))
    with pytest.raises(ServiceError) as refused:
        services.pairwise_vote_cast(voter=UserFactory(), challenge=challenge, left=left, right=stranger, choice="left")
    assert refused.value.code == "invalid_pair"
    assert not PairwiseVote.objects.exists()


@pytest.mark.parametrize(
    ("who", "code"),
    [("unverified", "verify"), ("outside_audience", "audience"), ("author", "own_idea")],
)
def test_a_new_caller_of_support_add_gets_the_same_refusal_as_the_page(who, code):
    """The service checks the rule itself: a task or script calling it cannot skip the
    verification, audience or own-idea checks the support button makes."""
    challenge = ChallengeFactory.create("voting", title="Greener school streets", audience="staff")
    author = UserFactory(roles=["City staff"])
    idea = IdeaFactory(challenge=challenge, author=author, title="Close Mill Lane to cars at school times")
    voter = {
        "unverified": UserFactory(roles=["City staff"], verified=False),
        "outside_audience": UserFactory(roles=["Residents"]),
        "author": author,
    }[who]
    with pytest.raises(NotAllowed) as refused:
        services.support_add(voter=voter, idea=idea)
    assert refused.value.code == code
    assert not Support.objects.exists()
    assert _tally(idea) == 0


def test_the_cap_is_a_conflict_with_a_message():
    challenge = ChallengeFactory.create("voting", supports_per_person=1)
    first, second = IdeaFactory.create_batch(2, challenge=challenge)
    voter = UserFactory()
    services.support_add(voter=voter, idea=first)
    with pytest.raises(Conflict, match="all 1 of your supports"):
        services.support_add(voter=voter, idea=second)
