"""Challenges, ideas, comments, reports and follows through the REST API (``/api/v1/``).

The same django-rules permissions as the pages decide every request: each viewset names the
rule per action and :class:`~ideas.api.permissions.RulesPermission` checks it on the object.
Writes go through the services, whose validation errors come back as JSON field errors.

- :mod:`.serializers`: the JSON shapes; :mod:`.permissions`: the rules permission and throttles;
- :mod:`.common`: list parameters, the seed, creating an idea, following and reporting;
- :mod:`.challenges`, :mod:`.ideas`, :mod:`.comments`: one viewset per resource.
"""

from .challenges import ChallengeViewSet
from .comments import CommentViewSet
from .ideas import IdeaViewSet
from .serializers import FOLLOW, DistrictSerializer, FollowSerializer, IdeaSerializer

__all__ = [
    "FOLLOW",
    "ChallengeViewSet",
    "CommentViewSet",
    "DistrictSerializer",
    "FollowSerializer",
    "IdeaSerializer",
    "IdeaViewSet",
]
