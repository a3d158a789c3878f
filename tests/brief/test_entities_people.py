"""People in invented stories: shared surnames, bare surnames, titles, types from context.

The sentences carry the tagger's mentions written by hand (``[Name|LABEL]``), so that each rule
is tested against the tagger errors it exists for (a surname tagged as an organisation, a
person tagged as a place), whatever the installed model says of these sentences.
"""

import re

from newsfuse.brief.entities import EntityIndex, resolve_entities
from newsfuse.types import AnalyzedArticle, Article, Mention, Sentence

_MARK = re.compile(r"\[([^|\]]+)\|([A-Z_]+)\]")


def _sentence(doc_id: str, index: int, marked: str) -> Sentence:
    text, mentions, shift = "", [], 0
    for match in _MARK.finditer(marked):
        text += marked[shift : match.start()]
        start = len(text)
        text += match.group(1)
        mentions.append(Mention(match.group(1), match.group(2), start, len(text)))
        shift = match.end()
    text += marked[shift:]
    return Sentence(doc_id, index, 0, text, tuple(mentions))


def article(doc_id: str, *sentences: str) -> AnalyzedArticle:
    parsed = tuple(_sentence(doc_id, n, text) for n, text in enumerate(sentences))
    return AnalyzedArticle(Article(doc_id, doc_id, "ok", language="en"), parsed)


def people(index: EntityIndex) -> dict[str, tuple[str, ...]]:
    return {e.name: e.aliases for e in index.entities if e.type == "PERSON"}


def test_two_people_who_share_a_surname_stay_apart() -> None:
    index = resolve_entities([
        article("a", "The victim's nephew [Ravi Tolland|PERSON] spoke to reporters.",
                "[Tolland|PERSON] said the family was in shock."),
        article("b", "Another nephew, [Manu Tolland|PERSON], was at the hospital.",
                "[Tolland|ORG] said the driver never stopped."),
    ])
    found = people(index)
    assert {"Ravi Tolland", "Manu Tolland"} <= set(found)
    assert "Tolland" not in found  # no entity of the bare surname
    assert all("Tolland" not in aliases for aliases in found.values())  # nor an alias of either
    ravi, manu = index.get("Ravi Tolland"), index.get("Manu Tolland")
    assert ravi is not None and manu is not None
    assert ravi.sources == ("a",) and manu.sources == ("b",)
    assert index.canonical("Tolland") == "Tolland"  # names neither of them


def test_a_bare_surname_tagged_as_an_organisation_joins_the_person_of_its_article() -> None:
    index = resolve_entities([
        article("a", "The actress [Lena Varga|PERSON] checked into a clinic on Monday.",
                "[Varga|ORG] left the clinic after a few minutes.",
                "A lawyer for [Varga|GPE] declined to comment."),
    ])
    varga = index.get("Lena Varga")
    assert varga is not None and varga.type == "PERSON"
    assert index.canonical("Varga") == "Lena Varga"
    assert [e.name for e in index.entities] == ["Lena Varga"]


def test_father_and_son_the_bare_surname_is_the_one_the_story_names_most() -> None:
    index = resolve_entities([
        article("a", "[Mark Dorran|PERSON] was convicted of murder on Friday.",
                "His father, [Paul Dorran|PERSON], sat in the gallery.",
                "[Dorran|PERSON] showed no emotion as the verdict was read."),
        article("b", "Jurors found [Mark Dorran|PERSON] guilty after three days.",
                "[Dorran|PERSON] will be sentenced next month."),
    ])
    mark, paul = index.get("Mark Dorran"), index.get("Paul Dorran")
    assert mark is not None and paul is not None and mark is not paul
    assert index.canonical("Dorran") == "Mark Dorran"
    assert not any("Mark" in alias for alias in paul.aliases)


def test_titles_alone_are_not_names_and_a_title_is_cut_from_a_name() -> None:
    index = resolve_entities([
        article("a", "The [Surgeon General|ORG] issued a warning on Tuesday.",
                "[Palmer Police Sergeant Jane Roe|ORG] said the fire started at night.",
                "The [s Capt|ORG] was not available."),
    ])
    names = {e.name: e.type for e in index.entities}
    assert "Surgeon General" not in names and "s Capt" not in names and "Capt" not in names
    assert names.get("Jane Roe") == "PERSON"


def test_a_word_the_story_writes_in_lower_case_is_not_a_name() -> None:
    index = resolve_entities([
        article("a", "The [Court|ORG] ruled against the ministry on Friday.",
                "The court said the law was void.",
                "The ruling came from [Dublin|GPE] late on Friday."),
    ])
    names = {e.name for e in index.entities}
    assert "Court" not in names and "Dublin" in names


def test_types_from_context_age_kinship_role_and_family_name() -> None:
    index = resolve_entities([
        article("a", "[Tam Quill|ORG], 34, was arrested at her home.",
                "Her son [Ody Quill|GPE] was found safe.",
                "Northfield quarterback [Kyle Brannt|ORG] spoke for the players.",
                "[Rena Quill|ORG] had not seen them since May."),
    ])
    types = {e.name: e.type for e in index.entities}
    assert types["Tam Quill"] == "PERSON"  # an age after the name
    assert types["Ody Quill"] == "PERSON"  # a kinship before it
    assert types["Kyle Brannt"] == "PERSON"  # a role noun before it
    assert types["Rena Quill"] == "PERSON"  # a family name a person of the story bears


def test_heads_of_names_and_works_are_not_entities() -> None:
    index = resolve_entities([
        article("a", "Workers at [Valley Dairy|PERSON] were evacuated.",
                "The fire spread to [Neptune Ave|ORG] before dawn.",
                "The film [Winter Light|WORK_OF_ART] opened this week in [Ohio|GPE]."),
    ])
    types = {e.name: e.type for e in index.entities}
    assert types["Valley Dairy"] == "ORG"
    assert types["Neptune Ave"] == "PLACE"
    assert "Winter Light" not in types and types["Ohio"] == "PLACE"


def test_an_acronym_is_not_the_last_name_of_a_person() -> None:
    index = resolve_entities([
        article("a", "[Lee Sung Un|PERSON] met envoys on Monday.",
                "The [UN|ORG] has banned arms trade with the country."),
    ])
    types = {e.name: e.type for e in index.entities}
    assert types == {"Lee Sung Un": "PERSON", "UN": "ORG"}


def test_credit_lines_lower_case_phrases_and_times_are_not_names() -> None:
    index = resolve_entities([
        article("a", "Associated Press writers [Dana Pell|PERSON] and [Omar Sutt|PERSON] "
                     "contributed to this report.",
                "The shelling hit [west Tarsa|GPE] before the [3:30 a.m. Tuesday|PERSON] raid.",
                "Fans in the [red zone|LOC] cheered as [Ola Brin|PERSON] scored."),
    ])
    names = {e.name for e in index.entities}
    assert names == {"Tarsa", "Ola Brin"}


def test_a_first_name_joins_the_person_of_its_article_whatever_the_tagger_said() -> None:
    index = resolve_entities([
        article("a", "[Areen Sallah|PERSON], 2, was rescued from the elevator shaft.",
                "[Areen|GPE] was taken to hospital in stable condition."),
    ])
    assert [(e.name, e.type) for e in index.entities] == [("Areen Sallah", "PERSON")]
