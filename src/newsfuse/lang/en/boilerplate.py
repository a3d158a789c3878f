"""English page furniture: the phrases of links, forms, notices, footers and captions that the
scraped-text cleaner (one line at a time) and the HTML extractor (one paragraph at a time) drop.

Every table holds regular-expression alternatives, matched case-insensitively unless it says
otherwise; a stage joins every language's alternatives of a table into one pattern.
"""

from __future__ import annotations

# ----------------------------------------------------------------- the scraped-text cleaner

LINKS = (
    "see also", "also read(?: this)?", "read also", "read more", "more to read", "also see",
    "you may also (?:like|read)", "you might also like", "don'?t miss",
    r"related(?: articles| stories| news| posts| coverage| content)?\s*(?::|\.\.\.|…|$)",
    r"recommended(?: for you| stories| reading)?\s*(?::|$)", r"watch(?: also)?\s*:",
)  # fmt: skip
"""A line opening with one of these is a link to another article ("Read also: ...")."""
CAPS_LINKS = ("RELATED", "READ MORE", "READ", "MORE", "SEE ALSO", "ALSO SEE", "WATCH")
"""Capitalised link labels before a capitalised headline ("RELATED: Kim ..."); case matters."""
CREDIT_WORDS = ("photo", "image", "credit", "file")
"""Words of a picture credit in brackets: "(Photo: ...)", "(File image)"."""
CREDIT_ASIDES = ("click here",)
"""Asides in brackets at the end of a paragraph, dropped with the credits."""
CAPTIONS = (
    r"^file photo\s*:",
    r"\b(?:REUTERS|AFP|AP|Getty Images)/[A-Z][\w.]*(?: [A-Z][\w.-]*){0,3}\)?\s*$",
    r"\(\s*[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}\s*/\s*(?:AP|Reuters|AFP|Getty Images)\s*\)\s*$",
    r"(?:Getty Images|AP Photo|Reuters Photo)\s*\)?\s*$",
)
"""Picture captions besides bracketed credits: "REUTERS/Kim Hong-Ji", "(Jane Doe / AP)"."""
FORMS = (
    "leave a (?:comment|reply)", "post a comment", r"^comment as\b",
    r"^comments?\s*(?:\(\d+\))?\s*:?$", r"^\d+\s+comments?$", "save my name, email", "akismet",
    "your email address will not be published", "required fields are marked",
    "^(?:reply|submit|send|cancel reply)$", "comment data is processed", "have your say",
    "in the comments?(?: section)? below", r"^sound off\b", "^join the (?:conversation|discussion)",
    r"^(?:name|email|website|post comment|send comment)\s*\*?$",
)  # fmt: skip
"""Comment and reply forms: the article has ended."""
NOTICES = (
    "cookies? (?:policy|settings|consent|notice|preferences)",
    "(?:uses?|use of|accept(?: all)?) cookies", r"^privacy\b",
    "privacy (?:policy|&|notice|settings)$", "our privacy policy", "privacy & cookies",
    r"\bgdpr\b", "^accept(?: all)?$", r"\bopt-out if you wish", r"^sign up\b",
    r"\bsign up (?:for|to|now|here|today)\b", r"^subscribe\b",
    r"\bsubscribe (?:to (?:our|the)|now|here|today)\b",
    r"\bour (?:free )?(?:daily |weekly |must-read )?newsletters?\b", "newsletter sign",
    r"\bin your inbox\b", "download (?:our|the) app", r"^advertisement\b", r"^advertise\b",
    "ads? widget", r"^sponsored\b", "media playback is unsupported",
    "^image (?:copyright|caption)", "^full-size image", "click here", r"^get the .{1,40} app\b",
    "a post shared by", r"^(?:video|photos?|watch|gallery)\s*:", r"^\((?:photos?|video|watch)\s*:",
    r"\bread more$", "^continue reading",
    r"^(?:skip to (?:main )?content|menu|search|print|share|loading\.*)$",
    "^(?:facebook|twitter|x|whatsapp|telegram|linkedin|instagram|youtube|email|e-mail)$",
    r"^share (?:this|on)\b", r"^follow us\b",
)  # fmt: skip
"""Cookie, privacy, subscription and advertisement notices, share and menu buttons."""
FOOTERS = (
    "all rights reserved", "^terms (?:of use|of service|and conditions)", r"^disclaimer\b",
    r"^contact(?: us)?\s*:?$", r"\be-?mail\s*:", r"\[email\s*(?:\xa0)?protected\]",
    "registration no", r"^editor(?:-in-chief)?\s*:", r"^published by\b", r"^powered by\b",
    "^newsroom$", r"^tags?\s*:", r"follow @\w",
    r"^(?:to )?contact (?:the )?(?:editor|reporter|writer|author|breaking news desk)\b",
)  # fmt: skip
"""Footer lines: the page's furniture after the article."""
COPYRIGHT_WORDS = ("copyright",)
"""The word that opens a copyright line (besides "©" and "(c)")."""
HOME_WORDS = ("home",)
"""The first element of a breadcrumb line ("Home » World » Asia")."""
LIST_HEADERS = (
    "latest", "top", "more", "most read", "most popular", "popular", "trending",
    "editor'?s picks", "in other news",
)  # fmt: skip
"""A short line opening with one of these heads a list of other headlines."""
LIST_HEADER_LINES = (r"^more (?:on|from|about|in|news|stories)\b.{0,40}$",)
"""Longer list headers, whole lines: "More on the war in Ukraine"."""

# ----------------------------------------------------------------- the HTML extractor's filter

LABELS = (
    "advertisement", "advertising", "sponsored", "story continues below(?: advertisement)?",
    r"\d* ?comments?", "more", "also", "related", "related (?:articles|stories|content|coverage)",
    "don'?t miss", "read more", "see more", "you may also like",
    r"most (?:read|popular)(?: in [\w ]+)?", "recommended(?: for you)?",
    "share this(?: article| story)?", "tell us what you think",
)  # fmt: skip
"""A paragraph that is only one of these labels (and punctuation) is furniture."""
TEASER_PREFIXES = (
    "related(?: articles?| stories| coverage)?", "see more", "read more", "read also",
    "also read", r"more from [\w ]{1,30}", "more on this", "watch", "filed under",
)  # fmt: skip
"""A short paragraph opening with one of these and a colon or dash links elsewhere."""
PHRASES = (
    r"have a tip\b", r"if you enjoyed this\b", r"follow (?:\S+ ){0,3}coverage\b",
    r"listen to .*\b(?:live|podcast)\b",
)  # fmt: skip
"""A short paragraph opening with one of these is a prompt, not prose."""
PROMPTS = (
    "newsletters?", "subscribe to", "subscription", "inbox",
    r"follow (?:us|him|her|them|\w+) on", "get access to",
)  # fmt: skip
"""Words of a call to subscribe or follow, inside a short paragraph."""
CALLS_TO_ACTION = ("click here", "use the code", "promo code")
"""With a price, the words of a sales pitch."""

# ----------------------------------------------------------------- the learned line judge

ADDRESS_WORDS = ("you", "your", "yours", "you're", "you’re", "you'll", "you’ll")
"""Words that address the reader (share a line's words, one feature of ``text_lines``)."""
