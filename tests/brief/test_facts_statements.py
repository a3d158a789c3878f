"""Key facts are statements about the event: captions, first-person lines, quotations,
speculation and dangling pronouns are left out; one fact appears once (invented wordings)."""

from __future__ import annotations

from newsfuse.brief.facts import distinct, statements
from newsfuse.types import Fact, Sourced


def _fact(text: str, *variants: str, sources: tuple[str, ...] = ("a", "b")) -> Fact:
    return Fact(
        text=text,
        sources=sources,
        support=len(sources),
        variants=tuple(Sourced(v, ("b",)) for v in variants),
    )


def test_only_statements_are_kept() -> None:
    kept = statements(
        [
            _fact("The harbour authority closed the northern quay of Port Elvane on Tuesday."),
            _fact("I watched the crane fall from my kitchen window."),
            _fact("It has 14 days to appeal against the closure of the quay."),
        _fact("This was reported by the harbour authority of Port Elvane."),
            _fact("The operator could face a fine of several million euros."),
            _fact('"We are shocked and saddened," the harbour master of Port Elvane said.'),
            _fact("Dock workers look at the collapsed crane in Port Elvane"),
            _fact("Will the quay reopen before the summer season?"),
        ]
    )
    assert [fact.text for fact in kept] == [
        "The harbour authority closed the northern quay of Port Elvane on Tuesday."
    ]


def test_a_dangling_wording_gives_way_to_a_variant_that_names_its_subject() -> None:
    fact = _fact(
        "It has 14 days to appeal against the closure.",
        "The crane operator Velmar has 14 days to appeal against the closure.",
    )
    [kept] = statements([fact])
    assert kept.text.startswith("The crane operator Velmar")
    assert "It has 14 days to appeal against the closure." in {v.text for v in kept.variants}


def test_one_fact_appears_once() -> None:
    first = _fact("The harbour authority closed the northern quay of Port Elvane on Tuesday.")
    again = _fact(
        "Port Elvane's harbour authority closed the northern quay on Tuesday.", sources=("c", "a")
    )
    other = _fact("Two dock workers were taken to hospital with minor injuries.")
    kept = distinct([first, again, other])
    assert [fact.text for fact in kept] == [first.text, other.text]
    assert again.text in {variant.text for variant in kept[0].variants}


def test_participle_pieces_are_not_facts() -> None:
    kept = statements(
        [
            _fact("Thus adding that the ferry line resumes service in the spring."),
            _fact("This year the Port Elvane regatta drew 20,000 visitors."),
            _fact("Citing port officials, the agency said the quay reopened on Friday."),
            _fact("Following the vote, the harbour council approved the new quay."),
        ]
    )
    assert [fact.text for fact in kept] == [
        "This year the Port Elvane regatta drew 20,000 visitors.",
        "Citing port officials, the agency said the quay reopened on Friday.",
        "Following the vote, the harbour council approved the new quay.",
    ]
