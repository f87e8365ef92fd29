"""Events the voting app announces, each sent by a service inside its transaction (so that
whatever a listener writes commits or rolls back with the vote), with ``sender`` the model
and the keyword arguments listed."""

from django.dispatch import Signal

# support, actor
support_added = Signal()
# idea, actor
support_withdrawn = Signal()
# source, target, moved — supporters of ``source`` carried over to ``target``
supports_moved = Signal()
# vote, actor
pairwise_vote_cast = Signal()
# challenge, ideas — pairwise scores were refitted
pairwise_scores_fitted = Signal()
