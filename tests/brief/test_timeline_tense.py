"""Timeline dates without a year, by the article's publication date and the clause's tense.

Invented one-sentence articles; the tense is read by the real tagger. 2024-04-14 is a Sunday.
"""

from newsfuse.brief.timeline import build_timeline
from newsfuse.types import AnalyzedArticle, Article, Sentence, TimelineEvent

SUNDAY = "2024-04-14"


def article(doc_id: str, text: str, published: str | None = SUNDAY) -> AnalyzedArticle:
    record = Article(doc_id, doc_id, "ok", published=published, language="en")
    return AnalyzedArticle(record, (Sentence(doc_id, 0, 0, text),))


def dates(*articles: AnalyzedArticle) -> list[tuple[str, str, str | None]]:
    return [(e.date, e.precision, e.expression) for e in build_timeline(articles)]


def only(*articles: AnalyzedArticle) -> TimelineEvent:
    events = build_timeline(articles)
    assert len(events) == 1, events
    return events[0]


def test_a_present_tense_plan_lies_ahead_a_past_one_behind() -> None:
    assert only(article("a", "Filming of the sequel begins in August with a new script.")).date \
        == "2024-08-01"
    assert only(article("a", "The plant closed in August after a long decline in orders.")).date \
        == "2023-08-01"


def test_weekdays_past_and_scheduled() -> None:
    assert only(article("a", "The coach was suspended on Friday by the league office.")).date \
        == "2024-04-12"
    assert only(article("a", "A bail hearing was scheduled for Wednesday at the crown court.")
                ).date == "2024-04-17"


def test_no_past_event_after_publication() -> None:
    event = only(article("a", "The company said on April 20 that profits had fallen sharply."))
    assert event.date == "2023-04-20" and event.date <= SUNDAY


def test_a_list_or_range_of_dates_is_one_entry_dated_by_its_first() -> None:
    assert dates(article("a", "Police had made checks on him in 2014 and 2015 without result.",
                         None)) == [("2014-01-01", "year", "in 2014")]
    assert dates(article("a", "The foster parents had custody from January 2017 to May 2018 in "
                              "the county.", None)) == [("2017-01-01", "month", "January 2017")]


def test_each_date_of_a_sentence_gets_its_own_clause() -> None:
    events = build_timeline([article(
        "a", "A quake killed 31,000 people in Bam in 2003, and 600 were killed in Zarand in "
             "February 2005.", None)])
    by_date = {e.date: e.text for e in events}
    assert "Zarand" not in by_date["2003-01-01"] and "Bam" not in by_date["2005-02-01"]


def test_an_undated_article_only_where_every_story_date_agrees() -> None:
    text = "The office said the case had not been filed as of Tuesday."
    monday, thursday = "2009-02-02", "2009-02-05"
    undated = article("u", text, None)
    assert not [e for e in build_timeline([undated, article("m", "Nothing here.", monday),
                                           article("t", "Nothing either.", thursday)])
                if "u" in e.sources]
    same = build_timeline([undated, article("m", "Nothing here.", thursday)])
    assert [(e.date, e.sources) for e in same] == [("2009-02-03", ("u",))]


def test_entries_say_whether_their_date_is_stated_or_inferred() -> None:
    short = only(article("a", "The ship was attacked on 10 Nov 11 in the Gulf of Aden.",
                         "2011-11-15"))
    assert (short.date, short.basis) == ("2011-11-10", "inferred")
    full = only(article("a", "The ship was attacked on 12 September 2021 in the gulf."))
    assert (full.date, full.basis) == ("2021-09-12", "stated")
    month = only(article("a", "The app launched in August of 2017 and grew fast.", None))
    assert (month.date, month.precision, month.basis) == ("2017-08-01", "month", "stated")
    weekday = only(article("a", "The minister resigned on Friday after the vote."))
    assert weekday.basis == "inferred"


def test_a_relative_clause_keeps_the_words_it_hangs_on() -> None:
    events = build_timeline([article(
        "a", "Residents held a vigil on Monday night for the victims of the ferry, which "
             "capsized on Saturday near the island.")])
    saturday = next(e for e in events if e.date == "2024-04-13")
    assert saturday.text.startswith("…victims of the ferry, which capsized")
