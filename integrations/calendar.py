"""Calendar feeds (iCalendar, RFC 5545) of challenge phases, so people can subscribe to
"voting opens" in their own calendar. Built with the ``icalendar`` library."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from . import conditional, public


def _phases(challenge) -> list[tuple[str, str, object, object]]:
    """``(key, summary, starts, ends)`` for each phase of a challenge."""
    title = challenge.title
    phases = [("ideas", _("Ideas open: %(title)s") % {"title": title}, challenge.ideas_open, challenge.ideas_close)]
    if challenge.has_voting and challenge.voting_open and challenge.voting_close:
        phases.append(
            ("voting", _("Voting: %(title)s") % {"title": title}, challenge.voting_open, challenge.voting_close)
        )
    review_starts = challenge.voting_close or challenge.ideas_close
    phases.append(("review", _("Review: %(title)s") % {"title": title}, review_starts, challenge.review_end))
    phases.append(("results", _("Results published: %(title)s") % {"title": title}, challenge.results_published, None))
    return phases


def calendar_for(challenges, *, name: str) -> bytes:
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "greenlight"
    calendar = Calendar()
    calendar.add("prodid", "-//Greenlight//Challenge phases//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for challenge in challenges:
        # The last publication of the page (a page never published through the editor: when
        # ideas open): stable between requests, so the ETag is too.
        stamp = (challenge.last_published_at or challenge.first_published_at or challenge.ideas_open).replace(
            microsecond=0
        )
        url = public.absolute(challenge.url)
        for key, summary, starts, ends in _phases(challenge):
            event = Event()
            # Stable across requests and edits, so a subscribed calendar updates the event.
            event.add("uid", f"challenge-{challenge.pk}-{key}@{host}")
            event.add("dtstamp", stamp)
            event.add("dtstart", starts)
            if ends and ends > starts:
                event.add("dtend", ends)
            event.add("summary", summary)
            event.add("description", challenge.question)
            if url:
                event.add("url", url)
            calendar.add_component(event)
    return calendar.to_ical()


def _respond(request, content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return conditional.respond(request, response, content=content)


def all_challenges(request):
    """Every public challenge's phases."""
    name = _("%(programme)s challenges") % {"programme": settings.GREENLIGHT_PROGRAMME_NAME}
    return _respond(request, calendar_for(public.public_challenges(), name=name), "challenges.ics")


def one_challenge(request, pk: int):
    challenge = public.public_challenges().filter(pk=pk).first()
    if challenge is None:
        raise Http404
    return _respond(request, calendar_for([challenge], name=challenge.title), f"challenge-{pk}.ics")
