"""A short invented English article: the extractor's workers read it once when they start, so
that the first real document does not pay for loading the extractor's libraries."""

from __future__ import annotations

TITLE = "Ferry terminal delayed"
PARAGRAPHS = (
    "The harbour board of Ostmark said on Monday that the new ferry terminal would open in "
    "spring, two years later than planned, after engineers found cracks in the old quay wall.",
    "Passengers will keep using the temporary pier until then, the board said, and the ferry "
    "company promised extra sailings on weekends during the summer season to clear the queues.",
)
