"""Names of the follow-up answers in the reader's language (kept with the outcomes' names)."""

from __future__ import annotations

from jobsforyou.outcomes.messages import FOLLOW_UP_LABELS

ANSWER_LABELS = FOLLOW_UP_LABELS
