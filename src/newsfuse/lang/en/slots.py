"""English for reading a claim's slots (``brief/slots``): who, how many, when, where, and
whether it is denied. Patterns are compiled here, once; match them as they are.

The codes the patterns lead to are not English to translate: the kinds of event
(``"arriv"``, ``"depar"``, ``"visit"``, ``"meet"``), the tallies (``"dead"``, ``"injured"``,
``"missing"``, ``"aboard"``) and a venue's relation (``"at"``, ``"before"``, ``"after"``).
"""

from __future__ import annotations

import re

from newsfuse.lang.en.calendar import MONTHS, WEEKDAYS

# --------------------------------------------------------------------------- when

RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1}
"""Days named against the publication day, with their offset from it."""
DAY_WORD = re.compile(r"\b(" + "|".join(WEEKDAYS) + r"|yesterday|today|tomorrow)\b", re.I)
TIME_WORDS = frozenset({
    *WEEKDAYS, *MONTHS, "last", "next", "early", "late", "morning", "evening", "night",
    "afternoon", "day", "days", "week", "yesterday", "today", "tomorrow",
})  # fmt: skip
"""Words of time: never what a value is said of."""
MODAL = frozenset({"expec", "sched", "set", "due", "plann"})
"""Stems that say nothing of what a day is ("expected Friday")."""
NAMED_DAY = re.compile(
    r"(?:\b(?:Patch|Super|Black|Good|Cyber|Ash|Holy|Fat|Boxing|Easter|Bloody)\s+$)", re.I
)  # "Patch Tuesday", "Good Friday": names, not days
POSSESSIVE = re.compile(r"^['’]s\b")  # "Friday's semifinal": the day of another event
REPORTING_DAY = re.compile(
    r"\b(?:said|says|told(?:\s+\w+){0,2}|announced|reported|confirmed|added|stated)\s+"
    r"(?:late\s+|early\s+)?(?:on\s+)?$",
    re.I,
)  # "said on Saturday": when it was said, not when it happened
_MONTH_NAMES = "|".join(MONTHS)
MONTH_DAY = re.compile(
    rf"\b(?P<month>{_MONTH_NAMES})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_MONTH_NAMES})\b"
    r"(?:,?\s+(?P<year2>(?:19|20)\d\d)\b)?",
    re.I,
)  # "October 8", "October 8, 2011", "8 October 2011"
DATED = re.compile(
    rf"^,?\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_NAMES})"
    rf"|(?:{_MONTH_NAMES})\s+\d)",
    re.I,
)  # "Saturday, 8 October": the date says which Saturday
FUTURE = re.compile(r"\b(?:will|would|expected|scheduled|set to|plans?|due|next)\b", re.I)
YEAR = re.compile(r"(?<![\w-])(1[89]\d\d|20\d\d)(?![\w-]|['’]?s\b|\s*[-–]\s*\d)")
YEAR_LIST = re.compile(r"\b(?:1[89]\d\d|20\d\d)(?:\s*(?:,|and|&|or)\s*(?:1[89]\d\d|20\d\d))+\b")
RELATIVE_EVENT = re.compile(
    r"\b(a|one|two|three|\d+) days? (before|after) ((?:[a-z][\w-]*\s){0,3}[a-z][\w-]*)['’]s "
    r"(arrival|departure|visit|meeting)",
    re.I,
)  # "a day before Kim's arrival": groups count, direction, who, event
BEFORE = "before"
"""RELATIVE_EVENT's direction word for days before the event."""
EVENT_STEMS = {
    "arriv": "arriv", "depar": "depar", "left": "depar", "visit": "visit", "meeti": "meet",
    "met": "meet", "talks": "meet", "negot": "meet", "summi": "meet", "stop": "visit",
}  # fmt: skip
"""A word's first five letters -> the kind of event it reports."""

# --------------------------------------------------------------------------- how many

WORD_NUMBERS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}  # fmt: skip
NUMBER = re.compile(
    r"(?<![\w.,:-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?![:\d])|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)\s+([a-z]+(?:\s[a-z]+)?)",
    re.I,
)  # a figure and the one or two words after it
THOUSANDS = ","
"""The thousands separator of written figures ("1,500")."""
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh")
ORDINAL = re.compile(r"\b(" + "|".join(ORDINALS) + r")\s+(?:([a-z]+)\s+)?([a-z]+)", re.I)
GENERIC_ORDINAL = frozenset({
    "time", "times", "place", "half", "quarter", "round", "day", "week", "year",
})  # fmt: skip
"""Nouns an ordinal says nothing checkable of ("the first time")."""
ADJECTIVES = frozenset({
    "foreign", "official", "international", "overseas", "major", "formal", "such",
})  # fmt: skip
"""Adjectives between an ordinal and its noun ("his first foreign trip")."""
APPROXIMATE = re.compile(
    r"\b(?:at least|more than|over|about|around|nearly|almost|some|up to|roughly|dozens|"
    r"in excess of|between|as high as|as many as|range of|estimated|approximately)"
    r"\s+(?:\$|US\$|€|£)?$",
    re.I,
)  # just before a figure: the figure is a bound or a guess
PEOPLE = frozenset({"peopl", "perso", "victi", "lives", "dead", "death", "bodie", "resid"})
"""Stems of nouns that count people: what they tally is read from the words around."""
PASSENGERS = "passeng"
ABOARD = re.compile(r"^\s*(?:\w+\s+)?(?:on board|aboard)\b", re.I)
CASUALTY = (
    (re.compile(r"\b(?:injur|wound|hurt)", re.I), "injured"),
    (re.compile(r"\bmissing\b", re.I), "missing"),
    (re.compile(r"\b(?:kill|dead|death|died|toll|lives|bodies)", re.I), "dead"),
)
STOP_NOUNS = frozenset({"of", "and", "or", "to", "the", "a", "in", "on", "at", "for", "percent"})
"""Words after a figure that are not what it counts."""

# --------------------------------------------------------------------------- who

SPEAKER = re.compile(
    r"^(?:['’]s\s+)?(?:,[^,]{1,40},\s*)?(?:\w+\s+)?(?:said|says|told|stated|added|announced|"
    r"claimed|confirmed|denied|warned|clarified|indicated|noted)\b",
    re.I,
)  # just after a name: the person speaks, and is not who acts

# --------------------------------------------------------------------------- where

VENUE = re.compile(
    r"(?:\b(?P<rel>sidelines of|during|at|in|after|following|before|ahead of)\s+)?"
    r"(?P<name>(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}(?:[Ff]orum|[Cc]osmodrome|[Ss]paceport|"
    r"[Ss]tation))\b"
)
VENUE_RELATIONS = {"after": "after", "following": "after", "before": "before", "ahead of": "before"}
"""VENUE's relation words -> "after" or "before"; any other relation is "at"."""
EVENT_VENUES = frozenset({"forum"})  # an event, not a location: "on the sidelines of the Forum"
REFERENCE_POINT = re.compile(
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of\s+(?:the\s+)?$",
    re.I,
)  # "1,500 kilometres north of Vladivostok": a landmark, not where it happens
LANDMARK = re.compile(
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of\s+(?:the\s+)?"
    r"([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)"
)
PLACE_ASIDE = re.compile(r",\s*(?:who|which|whose)\b[^,]*(?:,|$)", re.I)
"""", which connects Europe to Asia,": a description, not where it happened."""
LOCATIVE = re.compile(
    r"\b(?:in|at|into|(?<!according )to|toward|towards|near|on)\s+(?:the\s+)?$", re.I
)  # not "according to Bloomberg": a source
VAGUE_PLACE = re.compile(
    r"\b(?:region|territory|border|area|east|west|north|south|country|countries|abroad|"
    r"krai|province|oblast|europe|asia|africa|america|americas|oceania|antarctica|"
    r"middle east|world)\b",
    re.I,
)
OUTER_PLACE = re.compile(
    r"(?:,\s*|\s+in\s+(?:the\s+)?|"
    r"\s+(?:section|neighbou?rhood|district|suburb|part|area|borough)\s+of\s+(?:the\s+)?)"
    r"([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)"
)  # "Millom, Cumbria", "Richmond Hill in Queens", "the Clairemont section of San Diego"
ARTICLE = re.compile(r"^the\s+", re.I)
"""The article before a name ("the Kremlin")."""
GENITIVE = re.compile(r"['’]s$")
GEO_WORDS = frozenset({
    "island", "islands", "point", "port", "city", "river", "lake", "bay", "cape", "mount",
    "station", "street", "square", "north", "south", "east", "west", "new", "san", "saint",
    "st", "fort", "beach", "county", "district", "valley", "of",
})  # fmt: skip
"""Words many place names share: "Gull Island" and "Vessa Island" are not one place."""

# --------------------------------------------------------------------------- whether

NEGATION = re.compile(
    r"\b(?:not|no|never|denied|denies|deny|denying|rejected|dismissed|refuted|false|"
    r"discounted|yet to)\b|n['’]t\b",
    re.I,
)
DENIAL = re.compile(
    r"\b(?:denied|denies|deny|denying|rejected|dismissed|refuted|never|did not)\b|"
    r"\bdidn['’]t\b",
    re.I,
)  # a plain denial of a fact; "would not say", "is not the means" are not
NEGATION_ASIDE = re.compile(r",\s*(?:who|which|whose|where|when)\b[^,]*,", re.I)
"""", who was not there,": an aside, whose "not" does not deny the claim."""
NOT_ONLY = re.compile(
    r"\bnot (?:only|just|until)\b|n['’]t (?:only|just|until)\b|\bno (?:doubt|longer)\b|"
    r"\bNo\.\s*\d",
    re.I,
)
UNCERTAIN = re.compile(
    r"\b(?:whether|unclear|unknown|no confirmation|not (?:yet )?(?:been )?(?:confirmed|said|"
    r"stated|mentioned)|when or where|if)\b",
    re.I,
)

# --------------------------------------------------------------------------- how old

AGE_AFTER_NAME = re.compile(
    r"^\s*,\s*(?:aged\s+|age\s+)?(\d{1,3})\s*(?:,|\.|;|\)|$|\s+(?:and|of|from|who)\b)"
)  # just after a name: "Frank Macomber, 65, was found"
AGE_BEFORE_NAME = re.compile(r"\b(\d{1,3})-year-old\s+(?:[a-z]+\s+){0,3}$")
"""Just before a name: "66-year-old Frank Macomber", "a 33-year-old farmer, John Smith"."""
AGE_PREDICATE = re.compile(
    r"^\s*(?:,\s*who\s+)?(?:was|is)\s+(?:aged\s+)?(\d{1,3})(?:\s+years\s+old)?\s*(?:[.;]|,|$)"
    r"|^\s+(?:died|dies|dead|is dead)\s+at\s+(?:the\s+age\s+of\s+|age\s+)?(\d{1,3})\b",
    re.I,
)  # after a name: "Kroll was 34.", "Lima died at 41"
AGE_PRONOUN = re.compile(r"^(?:He|She)\s+was\s+(\d{1,3})(?:\s+years\s+old)?\s*\.?$")
"""A sentence that gives the age of the person the sentence before names: "He was 35."."""
AGE_OTHER_TIME = re.compile(
    r"\b(?:1[89]\d\d|20\d\d|when|then|at the time|as a|ago|former|since)\b", re.I
)
"""A sentence that may give an age at another time ("In 2010, Smith, 20, ...")."""

# --------------------------------------------------------------------------- what time

CLOCK = re.compile(
    r"\b(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?\s*"
    r"(?P<half>a\.?\s?m\b\.?|p\.?\s?m\b\.?)"
    r"|\b(?P<named>noon|midnight)\b",
    re.I,
)  # "1:30 a. m.", "11:45 a.m.", "3 pm", "midnight"
NAMED_TIMES = {"noon": 12 * 60, "midnight": 0}
"""Times of day said by name, in minutes after midnight."""
CLOCK_BOUND = re.compile(
    r"\b(?:by|after|before|until|till|since|from|to|between|through|and|or|no later than)"
    r"\s+(?:about\s+|around\s+)?$",
    re.I,
)
"""Just before a time: a bound or a range ("by 6:40 a.m.", "after 8 p.m."), not when
something happened."""
TIME_ZONE = re.compile(
    r"^\s*(?:\(?\s*(?:[ECMP][SD]?T|GMT|UTC|BST|CET|AEST|IST|JST)\b|local time|"
    r"(?:Eastern|Central|Mountain|Pacific)\b)"
)
"""Just after a time: its time zone ("4:30 p.m. ET"). A zoned time against an unzoned one
may be one moment written in two zones."""

# --------------------------------------------------------------------------- measures

MEASURE_UNITS = {
    "magnitude": "magnitude", "yard": "yard", "yards": "yard", "pound": "pound",
    "pounds": "pound", "lb": "pound", "lbs": "pound", "inch": "inch", "inches": "inch",
    "mile": "mile", "miles": "mile", "km": "km", "kilometre": "km", "kilometres": "km",
    "kilometer": "km", "kilometers": "km", "foot": "foot", "feet": "foot", "metre": "metre",
    "metres": "metre", "meter": "metre", "meters": "metre", "acre": "acre", "acres": "acre",
}  # fmt: skip
"""Units of a measure as written -> the unit they measure in."""
_UNIT = (
    r"(magnitude|yards?|pounds?|lbs?|inch(?:es)?|miles?|km|kilomet(?:re|er)s?|foot|feet|"
    r"met(?:re|er)s?|acres?)"
)
_FIGURE = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
MEASURE_COMPOUND = re.compile(
    r"(?<![\w.,:-])" + _FIGURE + r"\s*-\s*" + _UNIT + r"\b(?:\s*-?\s*([a-z]+))?",
    re.I,
)  # "a 6.1-magnitude quake", "an 86 - yard touchdown run": a measure of the noun after it
MEASURE_PLAIN = re.compile(
    r"(?<![\w.,:-])" + _FIGURE + r"\s+" + _UNIT + r"\b(?!\s*-)", re.I
)  # "weighing 130 pounds", "19 inches of snow"
MEASURE_NAMED = re.compile(
    r"\b(magnitude)\s*(?:of\s+|at\s+|-\s*|was\s+|is\s+)?" + _FIGURE + r"(?![\d.:-]*\d)", re.I
)  # "a magnitude of 5.9", "put the magnitude at 6.1", "magnitude - 5.9"
MEASURE_JOINED = re.compile(r"\w\s*-\s*$")
"""Just before a figure: a word and a hyphen, as in a height ("5-foot-8"): not a measure."""
LOWER_BOUND = re.compile(r"\b(?:at least|more than|over|in excess of)\s+$", re.I)
"""Just before a figure: the figure is a lower bound ("more than 19 inches")."""
MEASURE_THINGS_SKIP = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "to"})
MEASURE_NAMES = {
    "magnitude": "", "yard": "yards", "pound": "pounds", "inch": "inches", "mile": "miles",
    "km": "km", "foot": "feet", "metre": "metres", "acre": "acres",
}  # fmt: skip
"""A unit as a measure's value is written ("86 yards"; a magnitude has none: "6.1")."""

"""Words after a compound measure that are not the thing measured."""
