"""English names in context: the words around a name that say what it names."""

from __future__ import annotations

import re

EVENT_HEADS = ("forum", "summit", "games", "olympics", "war", "conference", "festival", "cup")
"""A name ending in one of these names an event."""
ORG_WORDS = ("party", "army", "ministry", "council", "front", "union", "agency", "committee")
"""A nationality word ("NORP") with one of these names an organisation ("Workers' Party")."""
PLACE_AFTER = frozenset(
    {"station", "city", "town", "village", "river", "region", "province", "port", "airport",
     "border", "crossing", "district", "county", "island", "bridge", "cosmodrome", "spaceport"}
)  # fmt: skip
"""A name followed by one of these names a place ("Khasan station")."""
TITLE_AFTER = frozenset(
    {"Adviser", "Advisor", "Secretary", "Minister", "Director", "Chief", "Spokesman",
     "Spokeswoman", "Spokesperson", "Chairman", "Commander", "Ambassador", "Envoy"}
)  # fmt: skip
"""An organisation followed by one of these is part of a title ("US National Security Adviser")."""
PLACE_BEFORE = re.compile(r"\b(?:city|town|village|port|region|province) of\s*$", re.IGNORECASE)
"""Before a place's name ("the city of")."""
_NOT_STOP = r"(?!(?:the|of|a|an|and|in|on|at|for|to|with|his|her|its|this|that|s)\b)"
_EVENT_TAIL = r"(?:Forum|Summit|Games|Olympics|Conference|Festival)\b(?:\s*\(([A-Za-z]{2,6})\))?"
EVENT_PATTERN = re.compile(rf"\b[A-Z][\w-]*\s+(?:[A-Z][\w-]*\s+){{0,2}}?{_EVENT_TAIL}")
"""A named event ("the 8th Eastern Economic Forum (EEF)"; group 1: its acronym)."""
EVENT_PATTERN_LOOSE = re.compile(
    rf"\b[A-Z][\w-]*\s+(?:{_NOT_STOP}[A-Za-z][\w-]*\s+){{0,2}}?{_EVENT_TAIL}"
)
"""A named event in lower-case transcript text ("Eastern economic Forum")."""
TITLES = re.compile(
    r"^(?:PM|President|Mr|Mrs|Ms|Dr|Gen|Minister|Prime Minister|Crown Prince|Prince|Sheikh)\.?\s+"
)
"""A title before a person's name, left out of the name."""
ORG_BEFORE = re.compile(
    r"\b(?:outlet|agency|newspaper|channel|broadcaster|network|daily|website)\s*$", re.IGNORECASE
)
"""Before an organisation's name ("the news agency")."""
PLACE_PREPOSITION = re.compile(r"\b(?:in|near|at)\s*$", re.IGNORECASE)
"""Before a one-word place ("in Vladivostok")."""
STOP = frozenset("the a an of at in on for and to with by from this that his her its".split())
"""Words left off the start of an event's name."""
SKIP_FORMS = frozenset({"today", "tonight", "yesterday", "tomorrow"})
"""Words the entity recogniser takes for names."""
ARTICLE = re.compile(r"^(?:the|The|an?|An?)\s+")
"""The article before a name ("the Kremlin")."""
POSSESSIVE = re.compile(r"'s?$")
"""A possessive ending ("Putin's", "Kremlins'")."""
DOTTED = re.compile(r"U\.S|U\.K|U\.N")
"""Abbreviations whose final dot belongs to the name ("U.S.")."""
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
"""What follows a surname in a full name ("Arcade Comeaux Jr."), name keys."""
PERSON_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Lt|Sgt|Capt|Det|Insp|Rev|Msgr|Sister|Pope|Judge|"
    r"Justice|Officer|Deputy|Detective|Trooper|Coach)\.?"
    r"|(?i:\b(?:his|her|their|my|whose)\s+(?:wife|husband|son|daughter|mother|father|brother|"
    r"sister|mom|dad|grandmother|grandfather|grandson|granddaughter|uncle|aunt|nephew|niece|"
    r"cousin|girlfriend|boyfriend|fianc[ée]e?|partner|widow|widower|lawyer|attorney))"
    r"|(?i:\b(?:quarterback|coach|player|pitcher|spokes(?:man|woman|person)|lawyer|attorney|"
    r"prosecutor|actor|actress|singer|rapper|star|producer|writer|author|columnist|analyst|"
    r"founder|owner|teacher|student|victim|suspect|defendant|witness|resident|neighbou?r|"
    r"friend|director|chairman|executive|senator|governor|mayor|officer)\s+)"
    r"|\b\d{1,3}-year-old)\s*,?\s*$"
)
"""Before a person's name: a title, a kinship, an age ("Mrs", "her son", "6-year-old")."""
PERSON_AFTER = re.compile(
    r"(?:'s?|’s?)?(?:\s*,\s*\d{1,3}\s*,|\s*,?\s+who\b|\s+(?:said|says|told|added|admitted|"
    r"replied|testified|pleaded|wrote|explained)\s+(?:that\s+)?(?:she|he|her|his|him)\b)"
)
"""After a person's name: an age, "who", or a speech verb and a personal pronoun."""
ROLE_WORDS = frozenset(
    """president vice minister prime secretary general surgeon admiral rear dean associate
    assistant founder co leader sheriff chief director officer deputy spokesman spokeswoman
    spokesperson msgr monsignor judge justice senator governor mayor coach captain capt
    commissioner superintendent chairman chairwoman chair professor prof doctor dr
    detective sergeant sgt lieutenant lt attorney prosecutor inspector commander
    executive ceo manager editor reporter correspondent atty det dist supt insp cpl
    councilman councilwoman marshal marshall qb wr rb te dt lb cb""".split()
)
"""Words of a title, name keys: a name made of them alone is a title, not a name."""
POSSESSIVE_LEFT = re.compile(r"^s\s+(?=[A-Z])")
"""The "s" of a possessive split from its owner, left before a name ("s Capt")."""
ORG_HEADS = frozenset(
    """creamery dairy petroleum corporation corp inc company co llc ltd group bank hospital
    university college school academy institute foundation association society department
    police council commission committee court tribune times post news network channel
    magazine airlines airways party union agency ministry service services fire rescue
    ems""".split()
)
"""The last word of an organisation's name ("Valley Dairy", "Coney Island Hospital")."""
PLACE_HEADS = frozenset(
    """street st avenue ave road rd boulevard blvd drive lane highway bay lake river island
    point hill mountain mountains county province district village town city cemetery
    park square bridge beach valley""".split()
)
"""The last word of a place's name ("Neptune Ave", "Calvary Cemetery")."""
LEADING_LOWER = re.compile(r"^(?:[a-z][\w'-]*\s+)+(?=[A-Z0-9])|^[a-z][\w'-]*(?:\s+[a-z][\w'-]*)*$")
"""Lower-case words before a name in punctuated text ("west Damascus"), or a lower-case
phrase with no name in it ("red zone")."""
OPEN_BRACKET = re.compile(r"\s*\([^)]*$")
"""An opening bracket the mention cut before its end ("Party of Workers (PW")."""
NOT_NAME = re.compile(r"[/@]|\b\d{1,2}[.:]\d{2}\s*(?:[ap]\.?\s?m\b)?|\b\d{1,2}\s*[ap]\.?m\b", re.I)
"""What no name holds: a credit's slash, a handle's @, a time of day."""
CREDIT_LINE = re.compile(
    r"\bcontributed (?:to )?(?:this|the) (?:report|story|article)|\bcontributed reporting\b"
    r"|\b(?:additional )?(?:reporting|writing|editing) by\b",
    re.IGNORECASE,
)
"""A reporters' credit line ("AP writers Jane Roe and John Doe contributed to this report")."""
