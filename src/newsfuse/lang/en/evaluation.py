"""English for the evaluation baselines: the TF-IDF systems newsfuse is compared with, and the
light line filter the summary benchmark falls back on."""

from __future__ import annotations

TFIDF_STOP_WORDS = "english"
"""scikit-learn's name for its built-in English stop-word list (``TfidfVectorizer``)."""
LINE_BOILERPLATE = (
    "advertisement", "getty images", "ap photo", "photo:", "image:", "credit:", "follow us",
    "sign up", "subscribe", "read more", "related:", "share this", "click here", "newsletter",
    "this article", "copyright", "©",
)  # fmt: skip
"""A line opening with one of these is dropped by the light line filter."""
