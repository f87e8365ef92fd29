"""Shared steps of the webhook tests: an endpoint, an event that the outbox relays."""

from accounts import roles
from integrations import services, signing
from tests.factories import ChallengeFactory, IdeaFactory, UserFactory


def endpoint_for(url: str, *, events=("idea.published",), secret: str | None = None, name="Public works orders"):
    lead = UserFactory(roles=[roles.LEADERSHIP])
    return services.webhook_endpoint_save(
        actor=lead, name=name, url=url, events=list(events), secret=secret or signing.generate_secret()
    )


def publish_idea(title: str = "Drinking fountains in Riverside Park"):
    """A resident submits an idea to a challenge that publishes at once: ``idea.published``."""
    from ideas.services import idea_submit

    author = UserFactory(roles=[roles.RESIDENTS])
    challenge = ChallengeFactory.create("submission", title="Cooler streets for hot summers")
    draft = IdeaFactory(
        challenge=challenge,
        author=author,
        stage="draft",
        published_at=None,
        title=title,
        summary="Three fountains along the river path, where joggers and families pass all day.",
    )
    return idea_submit(idea=draft, actor=author)
