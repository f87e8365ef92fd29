"""The ways of voting a challenge may choose, owned by voting. Each is registered with
``ideas`` (:func:`ideas.extensions.register_voting_method`) from ``VotingConfig.ready``, so
the challenge editor offers it while ``ideas`` stores only its key. A new method is added
here, with its rules in :mod:`voting.rules` and its tallies in :mod:`voting.services`."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ideas.extensions import NO_VOTING, VotingMethodOption, register_voting_method


class VotingMethod(models.TextChoices):
    SUPPORT = "support", _("Support (one click per idea)")
    PAIRWISE = "pairwise", _("Pairwise (choose between two ideas)")
    NONE = NO_VOTING, _("No voting")


def register() -> None:
    register_voting_method(VotingMethodOption(VotingMethod.SUPPORT, VotingMethod.SUPPORT.label, order=10))
    register_voting_method(VotingMethodOption(VotingMethod.PAIRWISE, VotingMethod.PAIRWISE.label, order=20))
