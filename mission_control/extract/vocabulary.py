"""The vocabulary the reader recognises, as tables: event kinds, outcomes, parts, systems.

Every table is ordered; the first row that matches wins. Keeping them here (and not in the
reader's control flow) is what lets the reader read articles it was not written for, and the
tables refer to each other's fragments, so the vocabulary must be one file however many
words it grows to know.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE


def _later(first: str, then: str, within: str = "[^.;]") -> str:
    """A pattern for ``first`` and then ``then`` later in the same run of ``within``
    characters. The stretch between them never runs past another ``first``: a search then
    reads a text of many ``first`` and no ``then`` in one pass, not once from each ``first``,
    and it still finds a match exactly when there is one (from the last ``first`` before the
    ``then``)."""
    return rf"(?:{first})(?:(?!{first}){within})*?(?:{then})"


# What a craft or one of its parts is called where a verb needs its object ("released the
# lander", "the orbiter was shut down").
_CRAFT_NOUN = (
    r"(?:spacecraft|probe|craft|lander|orbiter|rover|bus|capsule|sphere|penetrator|"
    r"descent\s+(?:module|craft|capsule|vehicle)|landing\s+(?:module|craft)|module|"
    r"sub-?satellite|transmitter|vehicle|it)\b"
)
# Results and pictures "were released" to the public, not from a craft.
_NOT_DATA = "".join(
    rf"(?<!{w}\s)"
    for w in ("data", "images", "results", "photographs", "pictures", "photos", "findings", "maps")
)
_NOT_PUBLISHED = (
    r"(?!\s+(?:to\s+(?:the\s+)?(?:public|press|media|scientific)|publicly|online|"
    r"for\s+publication))"
)
# An engine, heater or instrument "was shut down": not the craft (a subject the clause leaves
# out, "it ... and was switched off", is the craft's).
_NOT_A_DEVICE = "".join(
    rf"(?<!{w}\s)"
    for w in (
        "engine",
        "engines",
        "motor",
        "motors",
        "thruster",
        "thrusters",
        "heater",
        "heaters",
        "rocket",
        "rockets",
        "stage",
        "camera",
        "cameras",
        "instrument",
        "instruments",
        "experiment",
        "experiments",
        "spectrometer",
        "radar",
        "burn",
    )
)
# Loss of contact said as silence: "no word from", "no signal was received", "kept contact
# until", "sent data until", "heard it until" (the date is when it ended).
_NO_WORD = (
    r"\bno\s+(?:further\s+|more\s+)?word\s+(?:was\s+heard\s+)?from\b|"
    r"\bno\s+(?:further\s+|more\s+)?(?:signals?|transmissions?|telemetry|data)\s+"
    r"(?:(?:was|were)\s+(?:ever\s+)?(?:received|heard)|arrived|came)\b|"
    r"\b(?:kept|maintained)\s+(?:radio\s+)?contact\s+(?:\w+\s+){0,4}?until\b|"
    r"\b(?:sent|returned|transmitted|relayed|(?:continued\s+to|kept)\s+(?:send|return|"
    r"transmit|relay|sending|returning|transmitting|relaying))\s+(?:back\s+)?"
    r"(?:(?:the\s+)?[\w-]+['\u2019]s\s+|its\s+|their\s+)?(?:data|signals|pictures|images|"
    r"telemetry)\s+(?:[\w,-]+\s+){0,4}?until\b|"
    r"\b(?:heard|tracked)\s+(?:it|the\s+\w+)\s+(?:\w+\s+){0,2}?until\b"
)

# Phrases about what did not (yet) happen: removed before a sentence's kind is judged, so
# "retrorockets were intended to fire" is not a retro-fire and "instead of landing" no landing.
HYPOTHETICAL = re.compile(
    r"\b(?:(?:was|were|is|are)\s+)?(?:intended|expected|planned|scheduled|designed|meant|"
    r"about|necessary|supposed|due|set)\s+to\s+(?:\w+\s+){0,2}?\w+(?:\s+its\s+\w+)?"
    r"|\binstead\s+of\s+\w+|\bin\s+preparation\s+for\s+\w+|\bbefore\s+it\s+could\s+\w+"
    # ... and about what did not happen at all: "its parachute did not open".
    r"|\b(?:did|does|do|could|would|was|were|is|are|had|has)\s*(?:not|n['\u2019]t)\s+"
    r"(?:(?:fully|properly|correctly|successfully|even|ever|then)\s+)?\w+"
    r"|\bnever\s+(?:(?:fully|properly)\s+)?\w+"
    # ... and an event named only as a point of time: "two days after launch".
    r"|\b(?:after|since|before|until|following|prior\s+to)\s+(?:the\s+|its\s+)?"
    r"(?:launch|landing|separation|lift-?off)\b",
    _I,
)
HYPOTHETICAL_CUES = (
    *("intended", "expected", "planned", "scheduled", "designed", "meant", "about"),
    *("necessary", "supposed", "due", "set", "instead", "preparation", "before", "not"),
    *("n't", "n\u2019t", "never", "launch", "landing", "separation", "lift"),
)
"""Words one of which every match of HYPOTHETICAL holds."""
HYPOTHETICAL_STARTS = (
    *("was", "were", "is", "are", "expected", "planned", "scheduled", "designed", "meant"),
    *("about", "necessary", "supposed", "due", "set", "in", "before", "did", "do", "could"),
    *("would", "had", "has", "never", "after", "since", "until", "following", "prior"),
)
"""Words one of which every match of HYPOTHETICAL begins with."""

# Phrases that state a planned event rather than a happening. Each marks one event keyword
# as planned: the verb after "was due to" / "was scheduled to" (PLANNED_TO, then a verb of
# PLANNED_VERBS, or after "to make a" / "to have" a keyword of KIND_PATTERNS); the keyword
# just after, else just before, "scheduled for" / "was planned for" (PLANNED_FOR, with
# PLANNED_AFTER_GAP or PLANNED_BEFORE_GAP between); the keyword right after "the planned"
# (PLANNED_ADJECTIVE). "As planned" is a happening; "was intended to" stays a phrase of what
# did not happen (HYPOTHETICAL).
PLANNED_TO = re.compile(
    r"\b(?:(?:was|were|is|are)\s+(?:(?:also|then|still)\s+)?(?:(?:(?:originally|initially|"
    r"first)\s+)?(?:due|set|slated)\s+)?|(?<!\bas\s)(?:originally\s+|initially\s+)?"
    r"(?:scheduled|planned|expected|slated)\s+)"
    r"to\s+(?:(?:be|then|first|also)\s+)?(?P<verb>(?:make|perform|attempt|carry\s+out|begin|"
    r"conduct)\s+(?:(?:a|an|the|its|their|her|his)\s+)?|have\s+(?:been\s+)?)?",
    _I,
)
PLANNED_TO_CUES = ("to",)
"""What every match of PLANNED_TO holds."""
PLANNED_TO_WORD = "to"
"""What every match of PLANNED_TO holds as a whole word, with a blank on each side."""
PLANNED_TO_CORE = re.compile(
    r"(?:was|were|is|are|also|then|still|due|set|slated|scheduled|planned|expected)\s+to\s"
)
"""What the fold of every match of PLANNED_TO holds: the word before its "to", and the "to"."""
PLANNED_TO_STARTS = (
    *("was", "were", "is", "are", "originally", "initially", "scheduled", "planned"),
    *("expected", "slated"),
)
"""Words one of which every match of PLANNED_TO begins with."""
PLANNED_VERBS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("launch", re.compile(r"(?:launch|lift\s+off|blast\s+off)\b", _I)),
    ("flyby", re.compile(r"(?:fly\s+(?:past|by)|pass\s+(?:by|within|close\s+to))\b", _I)),
    ("atmospheric-entry", re.compile(r"enter\s+(?:the\s+)?(?:[\w'\u2019]+\s+)?atmosphere\b", _I)),
    (
        "orbit-insertion",
        re.compile(
            r"(?:enter|go\s+into|achieve|(?:placed|inserted)\s+into)\s+(?:an?\s+|the\s+)?"
            r"(?:[\w-]+\s+){0,2}?orbit\b",
            _I,
        ),
    ),
    ("separation", re.compile(r"(?:separate|released|ejected|detach)\b", _I)),
    (
        "landing",
        re.compile(
            r"(?:soft-?)?land\b|touch\s+down\b|impact\b|reach\s+the\s+(?:ground|surface)\b", _I
        ),
    ),
    ("decay", re.compile(r"re-?enter\b|decay\b", _I)),
    (
        "deactivation",
        re.compile(r"(?:deactivated|shut\s+down|switched\s+off|turned\s+off)\b", _I),
    ),
)
PLANNED_FOR = re.compile(
    r"\b(?:(?:was|were|is|are|had\s+been)\s+(?:(?:originally|initially|first|then|still|"
    r"tentatively)\s+)?(?:due|scheduled|planned|slated|set|targeted|expected|proposed|"
    r"intended)|"
    r"(?<!\bas\s)(?:originally\s+|initially\s+)?(?:scheduled|planned|slated))\s+(?:for|on)\b"
    # "The launch was postponed from 5 May to 9 May": the date it was planned for.
    r"|\b(?:postponed|delayed|rescheduled|slipped)\s+from\b",
    _I,
)
PLANNED_FOR_CUES = (
    *("due", "scheduled", "planned", "slated", "set", "targeted", "expected", "proposed"),
    *("intended", "postponed", "delayed", "slipped"),
)
"""Words one of which every match of PLANNED_FOR holds."""
PLANNED_FOR_STARTS = (
    *("was", "were", "is", "are", "had", "originally", "initially", "scheduled", "planned"),
    *("slated", "postponed", "delayed", "rescheduled", "slipped"),
)
"""Words one of which every match of PLANNED_FOR begins with."""
# What may stand between "scheduled for" and the keyword after it ("for the launch"), and
# between the keyword before it and it ("the launch of the orbiter was scheduled for").
PLANNED_AFTER_GAP = re.compile(r"\s+(?:(?:a|an|the|its|their)\s+)?", _I)
PLANNED_BEFORE_GAP = re.compile(r"[^.;:\d]{0,40}")
PLANNED_ADJECTIVE = re.compile(
    r"(?<!\bas\s)\b(?:originally\s+|initially\s+)?(?:planned|scheduled|projected|"
    r"targeted)\s+(?:(?:a|an|the|its|their)\s+)?(?!mission\b)",
    _I,
)
PLANNED_ADJECTIVE_CUES = ("planned", "scheduled", "projected", "targeted")
"""Words one of which every match of PLANNED_ADJECTIVE holds."""
PLANNED_ADJECTIVE_STARTS = (
    *("originally", "initially", "planned", "scheduled", "projected", "targeted"),
)
"""Words one of which every match of PLANNED_ADJECTIVE begins with."""

# After an event word, a time stated from another moment ("its parachute opened a minute
# later"): the clause does not leave that event on the day alone.
RELATIVE_TIME = re.compile(r"\b(?:later|earlier|afterwards?|before|after|then)\b", _I)

# Right after an event word, that it did not happen: "its retrorockets failed to fire".
FAILED_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:fail(?:ed|s)?|malfunction(?:ed|s)?|did\s+not|never|could\s+not)\b", _I
)

# "A third followed on 16 December", "a first, smaller one had been made on 18 February",
# "another was scheduled for": one more event of the kind the sentence spoke of before.
ANAPHOR = re.compile(
    r"\b(?:(?:a|an|the)\s+(?:(?:first|second|third|fourth|fifth|sixth|further|final|last|next|"
    r"later|earlier|larger|smaller|bigger|brief|short|major|minor)[,\s]+){1,2}|another\s+)"
    r"(?=(?:one|was|were|had|followed|came|took|on|in)\b)",
    _I,
)
# Every match of ANAPHOR holds one of these (lowered).
ANAPHOR_WORDS: tuple[str, ...] = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "further",
    "final",
    "last",
    "next",
    "later",
    "earlier",
    "larger",
    "smaller",
    "bigger",
    "brief",
    "short",
    "major",
    "minor",
    "another",
)

# Right before a moment, that the event the sentence spoke of happened then, after it was
# planned for another ("The landing, planned for 5 May, took place on 6 May").
TOOK_PLACE = re.compile(
    r"\b(?:took\s+place|happened|occurred|came)\s+(?:(?:only|instead|finally|eventually)\s+)?"
    r"(?:on|at|in)\s*$",
    _I,
)
TOOK_PLACE_WORDS: tuple[str, ...] = ("took", "happened", "occurred", "came")  # one in each match

# (kind, pattern, cues, starts), by priority. Every match of a pattern holds one of its cues
# in lower case, and begins with one of its starts: a clause holding no cue is not searched,
# and the pattern is tried only where a start begins (keyword_scan.py).
KIND_PATTERNS: tuple[tuple[str, re.Pattern[str], tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "launch",
        re.compile(
            r"\blaunch(?:ed|es)?\b(?!\s+(?:window|vehicle|site|pad|complex|shroud|fairing|"
            r"escape|mass|weight))"
            r"|\blift-?off\b|\b(?:lifted|blasted)\s+off\b",
            _I,
        ),
        ("launch", "lift", "blasted"),
        ("launch", "lift", "blasted"),
    ),
    (
        "separation",
        re.compile(
            # "its parachutes were released" is a parachute, not a separation.
            r"\bsepara\w+|\b(?<!parachute\s)(?<!parachutes\s)" + _NOT_DATA + r"(?:was|were)\s+"
            r"(?:\w+\s+)?(?:released|ejected)\b" + _NOT_PUBLISHED + r"|"
            r"\b(?:released|ejected)\s+(?:the\s+|its\s+)(?:[\w-]+\s+){0,2}?" + _CRAFT_NOUN + r"|"
            r"\b(?<!parachute\s)(?<!parachutes\s)deployed\s+from\b|"
            r"\bjettison\w*|\bdetach\w*|\bundock(?:ed|ing)?\b|"
            # A rover leaving its lander: "rolled off the lander", "the rover was deployed".
            r"\b(?:rolled|drove)\s+(?:off|down\s+from)\s+(?:the\s+|its\s+)?(?:[\w-]+\s+)?"
            r"(?:lander|platform|descent\s+stage|landing\s+stage)\b|"
            r"\b(?:rolled|drove)\s+(?:down\s+)?onto\s+the\s+(?:[\w-]+\s+)?(?:surface|ground)\b|"
            r"\b(?:rovers?|penetrators?|sub-?satellites?)\s+(?:(?:was|were)\s+)?deployed\b",
            _I,
        ),
        (
            *("separa", "released", "ejected", "deployed", "jettison", "detach", "undock"),
            *("rolled", "drove"),
        ),
        (
            *("separa", "was", "were", "released", "ejected", "deployed", "jettison", "detach"),
            *("undock", "rolled", "drove", "rover", "penetrator", "sub"),
        ),
    ),
    (
        "course-correction",
        re.compile(
            r"\b(?:mid-?course|course|trajectory|orbit(?:al)?)\s+correction|"
            r"\bmid-?course\s+(?:manoeuvre|maneuver|burn)|"
            r"\b(?:orbit(?:al)?\s+)?trim\s+(?:burn|manoeuvre|maneuver)|"
            r"\bcorrection\s+(?:manoeuvre|maneuver|burn)|"
            r"\b(?:course|trajectory)\s+was\s+(?:\w+\s+)?corrected\b|"
            # A correction alone is the craft's course's ("a last correction was made").
            r"\b(?<!error\s)corrections?\b(?!\s+(?:to|of)\s+(?:the|its)\s+(?:data|text|record|"
            r"figures?|article))",
            _I,
        ),
        ("correct", "mid", "trim"),
        ("mid", "course", "trajectory", "orbit", "trim", "correction"),
    ),
    (
        "loss-of-contact",
        re.compile(
            r"\bcontact\s+(?:[\w']+\s+){0,5}lost\b|\blost\s+(?:all\s+)?contact\b|"
            r"\bloss\s+of\s+(?:contact|signal|communications?)\b|"
            r"\b(?:communications?|telemetry|radio\s+link|signals?)\s+(?:\w+\s+){0,4}"
            r"(?:was|were)\s+lost\b|"
            r"\b(?:signals?|transmissions?|communications?|telemetry)\s+"
            r"(?:(?:with|from)\s+(?:the\s+|its\s+)?[\w-]+\s+|\w+\s+)?(?:ceased|stopped|ended)\b|"
            r"\b(?:ceased|stopped)\s+(?:transmitting|sending\s+(?:data|signals))\b|"
            r"\b(?:it|probe|spacecraft|craft|orbiter|lander|rover|bus|module|capsule|"
            r"transmitters?|radio)\s+(?:then\s+|finally\s+)?(?:fell|went)\s+silent\b|"
            # "Transmission began at 13:52:05 but stopped after 14.5 seconds": the stop.
            r"(?:\b(?:signals?|transmissions?|telemetry)\s+(?:began|started|resumed)|"
            r"\b(?:began|started)\s+(?:transmitting|to\s+transmit))\b[^.;]{0,60}?"
            r"\b(?:but|and|then)\s+(?:\w+\s+)?(?P<word>ceased|stopped|ended)\b|" + _NO_WORD,
            _I,
        ),
        (
            *("lost", "loss", "ceased", "stopped", "ended", "silent", "word", "received"),
            *("heard", "arrived", "came", "until"),
        ),
        (
            *("contact", "lost", "loss", "communication", "telemetry", "radio", "signal"),
            *("transmission", "ceased", "stopped", "it", "probe", "spacecraft", "craft"),
            *("orbiter", "lander", "rover", "bus", "module", "capsule", "transmitter", "began"),
            *("started", "no", "kept", "maintained", "sent", "returned", "transmitted"),
            *("relayed", "continued", "heard", "tracked"),
        ),
    ),
    (
        "last-contact",
        re.compile(
            r"\b(?:last|final)\s+(?:(?:successful|known|usable|good|radio)\s+)?(?:data\s+)?"
            r"(?:contact|signal|transmission|telemetry|communication|data)s?\b",
            _I,
        ),
        ("last", "final"),
        ("last", "final"),
    ),
    (
        "deactivation",
        re.compile(
            r"\bdeactivat(?:ed|ion)\b|\bdecommissioned\b|\b"
            + _NOT_A_DEVICE
            + r"(?:was|were)\s+(?:(?:finally|formally|permanently|then)\s+)?"
            r"(?:shut\s+down|turned\s+off|switched\s+off|powered\s+(?:down|off))\b|"
            r"\b(?:shut\s+down|turned\s+off|switched\s+off)\s+(?:the\s+|its\s+)(?:[\w-]+\s+)?"
            + _CRAFT_NOUN
            + r"|\b(?:shut|turned|switched)\s+(?:the\s+|its\s+)(?:[\w-]+\s+)?"
            + _CRAFT_NOUN
            + r"\s+(?:down|off)\b|"
            r"\b(?:shut|turned|switched|powered)\s+(?:it|them)\s+(?:down|off)\b|"
            r"\bmission\s+(?:was\s+)?(?:(?:officially|formally|finally)\s+)?"
            r"(?:ended|terminated|concluded)\b|\b(?:was|were)\s+(?:(?:officially|formally|"
            r"finally)\s+)?retired\b|"
            r"\b(?:ended|terminated|concluded)\s+(?:the|its)\s+mission\b|"
            r"\bend\s+of\s+(?:the\s+|its\s+)?mission\b(?!\s+(?:date|time))",
            _I,
        ),
        (
            *("deactivat", "decommissioned", "shut", "turned", "switched", "powered"),
            *("mission", "retired"),
        ),
        (
            *("deactivat", "decommissioned", "was", "were", "shut", "turned", "switched"),
            *("powered", "mission", "end", "terminated", "concluded"),
        ),
    ),
    (
        "decay",
        re.compile(
            r"\borbit(?:al)?\s+(?:\w+\s+){0,2}?decay(?:ed)?\b|\bdecayed\b|"
            # A capsule that re-enters is coming home (an atmospheric entry), not decaying.
            r"\b(?<!capsule\s)re-?enter(?:ed)?\s+(?:the\s+)?(?:Earth['\u2019]s\s+|terrestrial\s+)?"
            r"atmosphere\b|\b(?<!capsule\s)re-?entered\b|\bburn(?:ed|t)\s+up\b",
            _I,
        ),
        ("decay", "reenter", "re-enter", "burn"),
        ("orbit", "decayed", "reenter", "re-enter", "burn"),
    ),
    (
        "flyby",
        re.compile(
            # "the flyby bus" names a part, not an event.
            r"\bfly-?by\b(?!\s+(?:bus|stage|module|craft|spacecraft|probe|vehicle))|"
            r"\bflew\s+(?:past|by|within)\b|\bpassed\s+(?:within|by|close\s+to)\b|"
            r"\bswung\s+(?:by|past)\b|\bclosest\s+approach\b|\bgravity[\s-]+assists?\b|"
            # "passed Mars at a distance of 1,300 km": a body passed at a stated distance.
            r"\bpassed\s+(?:the\s+)?[A-Z]\w+\s+at\s+(?:a\s+)?(?:distance|range|altitude)\b",
            _I,
        ),
        ("fly", "flew", "passed", "swung", "closest", "gravity"),
        ("fly", "flew", "passed", "swung", "closest", "gravity"),
    ),
    (
        "orbit-insertion",
        re.compile(
            # An orbit of the target, not a parking orbit or one around the Sun.
            r"\borbit(?:al)?\s+insertion\b|\bbegan\s+orbiting\b|"
            r"\bbraked\s+into\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?orbit\b|"
            r"\b(?:entered|inserted\s+into|placed\s+in(?:to)?|captured\s+into|"
            r"went\s+into|achieved|reached|put\s+in(?:to)?)\s+(?:an?\s+|the\s+)?"
            r"(?:(?!(?:heliocentric|solar|parking|low|Earth|geocentric|transfer)\b)[\w,.-]+\s+)"
            r"{0,5}?orbit\b(?!\s+(?:around|about|of)\s+the\s+Sun)",
            _I,
        ),
        ("orbit",),
        (
            *("orbit", "began", "braked", "entered", "inserted", "placed", "captured", "went"),
            *("achieved", "reached", "put"),
        ),
    ),
    (
        "atmospheric-entry",
        re.compile(
            r"\b(?:encounter|enter|reach)(?:ed|es|s)?\s+(?:the\s+)?(?:[\w'\u2019]+\s+)?"
            r"atmosphere\b|\batmospheric\s+entry\b|\bentry\s+interface\b|"
            r"\b(?:plunged|dived|dove)\s+into\s+(?:the\s+)?(?:[\w'\u2019]+\s+)?atmosphere\b|"
            r"\bentry\s+into\s+"
            r"the\s+(?:\w+\s+)?atmosphere\b",
            _I,
        ),
        ("atmospher", "interface"),
        ("encounter", "enter", "reach", "atmospheric", "entry", "plunged", "dived", "dove"),
    ),
    (
        "parachute",
        re.compile(
            # The word alone names the event only when a word of KIND_LATER follows it.
            r"(?P<later>\bparachutes?\b)|"
            r"\b(?:deploy|open)\w*\s+(?:its\s+|a\s+|the\s+)?(?:\w+\s+)?"
            r"parachutes?",
            _I,
        ),
        ("parachute",),
        ("parachute", "deploy", "open"),
    ),
    (
        "retro-fire",
        re.compile(
            r"\bretro-?rockets?\s+(?:fired|ignited)\b|\bretro-?fire\b|"
            r"\b(?:braking|landing|descent)\s+(?:engines?|rockets?|motors?)\s+(?:fired|ignited)\b|"
            r"\bretro-?rockets?\b",
            _I,
        ),
        ("retro", "fired", "ignited"),
        ("retro", "braking", "landing", "descent"),
    ),
    (
        "landing",
        re.compile(
            # "the landing site", "its landing legs": a thing for landing, not a landing.
            r"\b(?:landed|touched\s+down|touchdown|soft\s+landing|landing)\b(?!\s+(?:sites?|"
            r"ellipses?|zones?|areas?|gear|legs?|radars?|pads?|platforms?|engines?|points?|"
            r"regions?|targets?|craft|modules?|stages?|systems?)\b)|"
            r"\breached\s+the\s+(?:ground|surface)\b|"
            r"\b(?:slammed|smashed|plunged)\s+into\s+the\s+(?:\w+\s+)?(?:ground|surface)\b|\bimpacted\b(?!\s+(?:the\s+|its\s+)?"
            r"(?:mission|schedule|programme|program|plans?|results?|budget|design|development|"
            r"science|work|team)\b)|"
            r"\bcrash(?:ed|-landed)\s+(?:on|onto|into)\b|\bcrash-?landed\b|"
            # "The impact had been planned for 13:20": the craft's, not a failure's.
            r"\bimpact\b(?!\s+(?:crater|craters|site|velocity|speed|energy|of|on\s+the\s+"
            r"(?:mission|schedule|programme|program)))",
            _I,
        ),
        ("landed", "landing", "touch", "ground", "surface", "impact", "crash"),
        (
            *("landed", "landing", "touch", "soft", "reached", "slammed", "smashed", "plunged"),
            *("impact", "crash"),
        ),
    ),
)

# Starts of the patterns above that begin a match only with a cue of their own: a match of
# the pattern named that begins with the start holds one of these (lowered), so a clause
# that holds none of them is not tried there ("orbit" begins "orbit insertion" alone of
# orbit-insertion's matches, and "was" of HYPOTHETICAL's only "was due to" or "was not").
_NOT = ("not", "n't", "n\u2019t")
_DUE = (
    *("intended", "expected", "planned", "scheduled", "designed", "meant", "about"),
    *("necessary", "supposed", "due", "set"),
)
START_CUES: dict[str, dict[str, tuple[str, ...]]] = {
    "course-correction": {"orbit": ("correction", "trim")},
    "loss-of-contact": {
        **dict.fromkeys(("it", "probe", "spacecraft", "craft", "orbiter", "lander"), ("silent",)),
        **dict.fromkeys(("rover", "bus", "module", "capsule", "transmitter"), ("silent",)),
        "radio": ("silent", "lost"),
        "contact": ("lost",),
        "lost": ("contact",),
        "loss": ("contact", "signal", "communication"),
        "no": ("word", "received", "heard", "arrived", "came"),
        **dict.fromkeys(("kept", "maintained", "sent", "returned", "transmitted"), ("until",)),
        **dict.fromkeys(("relayed", "continued", "heard", "tracked"), ("until",)),
        **dict.fromkeys(("began", "started"), ("ceased", "stopped", "ended")),
    },
    "deactivation": {
        **dict.fromkeys(("was", "were"), ("shut", "turned", "switched", "powered", "retired")),
        "mission": ("ended", "terminated", "concluded"),
        "end": ("mission",),
        **dict.fromkeys(("turned", "switched", "shut"), ("off", "down")),
    },
    "decay": {"orbit": ("decay",)},
    "orbit-insertion": {"orbit": ("insertion",)},
    "separation": {"was": ("released", "ejected"), "were": ("released", "ejected")},
    "HYPOTHETICAL": {
        **dict.fromkeys(("was", "were", "is", "are"), (*_DUE, *_NOT)),
        "in": ("intended", "instead", "preparation"),
        **dict.fromkeys(("did", "do", "could", "would", "had", "has"), _NOT),
    },
}


# A keyword whose pattern matched in its group ``later`` names its kind only when this matches
# somewhere after it in the clause ("the parachute ... deployed").
KIND_LATER = re.compile(r"\b(?:deploy|open|released|jettison)", _I)
KIND_LATER_CUES = ("deploy", "open", "released", "jettison")
"""Words one of which every match of KIND_LATER holds."""

# (outcome tag, pattern, words of which every match holds one, lowered). A sentence's outcome
# lists every tag that matches, in this order.
OUTCOME_PATTERNS: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = (
    ("failed to separate", re.compile(r"\bfail\w*\s+to\s+separate\b", _I), ("separate",)),
    (
        "retrorocket failure",
        re.compile(
            r"\bretro-?rockets?\s+(?:failure|failed|malfunction)|"
            r"\bfailure\s+of\s+(?:the|its)\s+retro-?rockets?",
            _I,
        ),
        ("retro",),
    ),
    (
        "parachute failed",
        re.compile(
            _later(
                r"\bparachutes?\b",
                r"\b(?:tore|torn|ripped|collapsed|failed|"
                r"(?:did|could)\s*(?:not|n['\u2019]t)\s+(?:fully\s+)?(?:open|deploy))\b",
            )
            + r"|\bparachute\s+failure\b",
            _I,
        ),
        ("parachute",),
    ),
    (
        "missed the planet",
        re.compile(
            r"\bmiss(?:ed|ing)\s+(?:the\s+)?(?:planet|atmosphere|"
            r"Mars|Venus|target)",
            _I,
        ),
        ("missed", "missing"),
    ),
    (
        "failed to enter orbit",
        re.compile(r"\bfail\w*\s+to\s+(?:enter|achieve)\s+orbit", _I),
        ("fail",),
    ),
    (
        "contact lost",
        re.compile(
            r"\bcontact\s+(?:[\w']+\s+){0,5}lost\b|\blost\s+(?:all\s+)?contact\b|"
            r"\bloss\s+of\s+(?:contact|signal|communications?)\b|"
            r"\b(?:communications?|telemetry|radio\s+link|signals?)\s+(?:\w+\s+){0,3}"
            r"(?:was|were)\s+lost\b",
            _I,
        ),
        ("lost", "loss"),
    ),
    (
        "chip degraded",
        re.compile(
            _later(r"\b(?:chip|component|transistors?|circuit)\w*\b", r"\bdegraded\b", "[^.]"),
            _I,
        ),
        ("degraded",),
    ),
    (
        "data unusable",
        re.compile(
            _later(r"\bdata\b", r"\b(?:unusable|unreadable|corrupted)\b")
            + r"|\bdata\s+(?:was|were|had\s+been)\s+(?:\w+\s+)?lost\b",
            _I,
        ),
        ("data",),
    ),
    ("crashed", re.compile(r"\bcrash(?:ed|-landed)\b", _I), ("crash",)),
    ("malfunction", re.compile(r"\bmalfunction(?:ed)?\b", _I), ("malfunction",)),
)

# Nouns that name a part, by part; where two start at one word, the first listed wins. Each
# row ends with the lowercase words a match of the row begins with (see PART_STARTS).
PART_WORDS: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = (
    (
        "lander",
        re.compile(
            r"\b(?:lander|(?:descent|landing)\s+(?:module|craft|capsule|vehicle|stage))\b", _I
        ),
        ("lander", "landing", "descent"),
    ),
    (
        "bus",
        re.compile(
            r"\b(?:bus|coast\s+stage|(?:flyby|carrier)\s+(?:bus|stage|module|spacecraft))\b", _I
        ),
        ("bus", "coast", "flyby", "carrier"),
    ),
    ("orbiter", re.compile(r"\borbiter\b", _I), ("orbiter",)),
    (
        "capsule",
        re.compile(r"\b(?:(?:re-?entry|entry|(?:sample[-\s])?return)\s+)?capsule\b", _I),
        # "re-" alone, so that the "entry" of "re-entry" is a place to try as well.
        ("re-", "reentry", "entry", "return", "sample", "capsule"),
    ),
    ("rover", re.compile(r"\brovers?\b", _I), ("rover",)),
    ("penetrator", re.compile(r"\bpenetrators?\b", _I), ("penetrator",)),
)
# The part of each word that a part word may begin with, and a pattern finding them at the
# start of a word of a lowered text: every match of a row of PART_WORDS begins where this
# matches (no word of it runs over the start of a word, so none hides another).
PART_OF_START: dict[str, str] = {w: part for part, _, starts in PART_WORDS for w in starts}
PART_STARTS = re.compile(r"\b(?:" + "|".join(sorted(PART_OF_START, key=len, reverse=True)) + ")")
# Words that join another part to what a clause says of its subject ("flew past along with
# the coast stage", "the lander and the bus"): a part word must follow at once.
COMPANION = re.compile(
    r"\b(?:along\s+with|together\s+with|accompanied\s+by|and)\s+(?:the\s+|its\s+)?", _I
)
# Where a match of COMPANION can begin, in the lowered text.
COMPANION_STARTS = re.compile(r"\b(?:along|together|accompanied|and)")
GENERIC_SELF = re.compile(r"\b(?:the\s+)?(?:spacecraft|probe|craft|vehicle|it|its)\b", _I)
# Where a match of GENERIC_SELF can begin, in the lowered text.
GENERIC_SELF_STARTS = re.compile(r"\b(?:the|spacecraft|probe|craft|vehicle|it)")

# The part an event of a kind concerns when the sentence names only "the spacecraft".
KIND_DEFAULT_PART: dict[str, str] = {
    "atmospheric-entry": "lander",
    "parachute": "lander",
    "retro-fire": "lander",
    "landing": "lander",
    "separation": "lander",
}

# A part's own systems, and the words by which the events speak of them.
# Each row ends with words of which every match holds one (lowered).
SYSTEM_WORDS: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = (
    ("separation", re.compile(r"\bsepara\w+|\breleased\b", _I), ("separa", "released")),
    (
        "propulsion",
        re.compile(
            r"\bcourse\s+correction|\btrajectory\s+correction|\bengine\b|"
            r"\bmain\s+engine|\bpropulsion\b",
            _I,
        ),
        ("correction", "engine", "propulsion"),
    ),
    ("retro-rockets", re.compile(r"\bretro-?rockets?\b|\bretro-?fire\b", _I), ("retro",)),
    ("parachute", re.compile(r"\bparachutes?\b", _I), ("parachute",)),
    (
        "radio link",
        re.compile(
            r"\bcontact\b|\bsignals?\b|\btransmi\w+|\bradio\s+link\b|"
            r"\breturned\s+data\b",
            _I,
        ),
        ("contact", "signal", "transmi", "radio", "returned"),
    ),
    ("data", re.compile(r"\bdata\b", _I), ("data",)),
)

# Spacecraft of the same kind that an article may mention but is not about.
CRAFT_NAME = re.compile(
    r"\b(?:Mars|Venera|Vega|Viking|Phobos|Pioneer|Mariner|Luna|Zond|Voyager|Kosmos|Cosmos|"
    r"Fobos|Lunokhod|Surveyor|Ranger|Galileo|Magellan)\s+\d+[A-Z]?\b"
)

# Verbs after which a sentence lists what a part carried.
CARRIED = re.compile(
    r"\b(?:was|were|is|are)\s+(?:equipped|fitted|outfitted)\s+with\b|\bcarried\b|\bcarries\b|"
    r"\bhoused\b|\bpayload\s+(?:consisted\s+of|included)\b|\binstruments\s+included\b",
    _I,
)
# Singular nouns that end a list item on their own ("thermometer and barometer"), as opposed
# to modifiers that share the next item's head noun ("cosmic ray and micrometeoroid detectors").
INSTRUMENT_HEAD = re.compile(
    r"(?:meter|graph|scope|camera|antenna|antennae|detector|sensor|counter|trap|probe|"
    r"analy[sz]er|radiometer|altimeter|spectrometer|imager|telescope|receiver|transmitter|"
    r"dosimeter|photometer|radar|camera|gauge|drill|arm|sampler|s)$",
    _I,
)

# Infobox keys, by the metadata field they feed.
INFOBOX_KEYS: dict[str, tuple[str, ...]] = {
    "designation": ("spacecraft", "designation", "spacecraft type", "bus", "spacecraft bus"),
    "operator": ("operator",),
    "manufacturer": ("manufacturer", "built by"),
    "launch_vehicle": ("launch rocket", "rocket", "launch vehicle", "carrier rocket"),
    "launch_site": ("launch site", "launch pad", "launch complex"),
    "programme": ("programme", "program"),
    "previous_mission": ("previous mission", "preceded by"),
    "next_mission": ("next mission", "followed by"),
    "mission_type": ("mission type",),
    "cospar_id": ("cospar id", "cospar"),
    "satcat": ("satcat", "satcat no"),
    "launch_contractor": ("launch contractor",),
    "orbit_reference": ("orbit reference", "reference system"),
}
# Infobox keys whose value is a date of an event.
INFOBOX_EVENTS: dict[str, str] = {
    "launch date": "launch",
    "launched": "launch",
    "last contact": "last-contact",
    "last signal": "last-contact",
    "landing date": "landing",
    "landing": "landing",
    "landed": "landing",
    "touchdown": "landing",
    "impact date": "landing",
    "orbital insertion": "orbit-insertion",
    "orbital insertion date": "orbit-insertion",
    "orbit insertion": "orbit-insertion",
    "orbit insertion date": "orbit-insertion",
    "closest approach": "flyby",
    "flyby date": "flyby",
    "flyby": "flyby",
    "separation date": "separation",
    "atmospheric entry": "atmospheric-entry",
    "entry date": "atmospheric-entry",
    "deactivated": "deactivation",
    "deactivation": "deactivation",
    "deactivation date": "deactivation",
    "decommissioned": "deactivation",
    "decay date": "decay",
    "decayed": "decay",
    "orbital decay": "decay",
}
# An infobox value that names its parts ("Orbiter: 14 June 2003 Lander: 2 July 2003"): a
# label of words and a colon, at the start or after a blank or separator. The colon of a
# clock time follows a digit, so it is never a label's.
INFOBOX_LABEL = re.compile(r"(?:^|(?<=[\s;,(]))([A-Za-z][A-Za-z -]{0,30}?)\s*:\s*")
# A date in an infobox that was only due: "5 May 1976 (planned)".
INFOBOX_PLANNED = re.compile(r"\b(?:planned|scheduled|expected|proposed|due)\b", _I)
# Part names an infobox label may use beyond those the prose's part words know, by part.
INFOBOX_PART_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("rover", re.compile(r"\brover\b", _I)),
    ("capsule", re.compile(r"\b(?:capsule|sample\s+return)\b", _I)),
    ("penetrator", re.compile(r"\bpenetrators?\b", _I)),
)

# Words that name a launch site, wherever a launch sentence puts them.
LAUNCH_SITE_WORDS = (
    r"Baikonur|Tyuratam|Plesetsk|Kapustin|Vostochny|Cape\s+Canaveral|Canaveral|Kennedy|"
    r"Vandenberg|Wallops|Kourou|Guiana|Tanegashima|Uchinoura|Kagoshima|Sriharikota|Satish|"
    r"Jiuquan|Xichang|Taiyuan|Wenchang|Cosmodrome|Spaceport|Space\s+(?:Center|Centre)|"
    r"Launch\s+Complex|Air\s+Force\s+Station"
)

# Prose phrases that state metadata: (field, pattern with one group, words of which every
# match holds one: a sentence without any is not searched).
PROSE_METADATA: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = (
    (
        "designation",
        re.compile(r"\balso\s+known\s+as\s+(.+?)(?=,|\s+was\b|\s+is\b|;|\)|$)"),
        ("known",),
    ),
    (
        "manufacturer",
        re.compile(
            r"\b(?:[Bb]uilt|[Mm]anufactured|[Dd]eveloped)\s+by\s+"
            r"((?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)"
        ),
        ("uilt", "anufactured", "eveloped"),
    ),
    (
        "operator",
        re.compile(r"\b[Oo]perated\s+by\s+((?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)"),
        ("perated",),
    ),
    (
        "launch_vehicle",
        re.compile(
            r"\b(?:by|aboard|on|atop)\s+an?\s+([A-Z][\w-]*(?:\s+"
            r"[A-Z0-9][\w-]*)*)\s+(?:carrier\s+rocket|rocket|launch\s+"
            r"vehicle|booster)(?:\s+with\s+an?\s+([A-Z][\w-]*(?:\s+[A-Z0-9]"
            r"[\w-]*)*)\s+upper\s+stage)?"
        ),
        ("rocket", "vehicle", "booster"),
    ),
    (
        "launch_site",
        re.compile(
            r"\b(?:flying|launched|lifting\s+off|lifted\s+off)\s+from\s+"
            r"(?:the\s+)?([A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|\d+(?:/\d+)?))*)"
        ),
        ("flying", "launched", "lifting", "lifted"),
    ),
    (
        # A site named by a word of LAUNCH_SITE_WORDS, in a launch sentence of any wording.
        "launch_site",
        re.compile(
            _later(
                r"\b(?:[Ll]aunch\w*|[Ll]ift(?:ed|ing)?\s+off|[Ff]lying)\b",
                r"\bfrom\s+(?:the\s+)?"
                r"(?=(?:[A-Z][\w-]*\s+){0,3}(?:" + LAUNCH_SITE_WORDS + r"))"
                r"([A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|\d+(?:/\d+)?))*)",
            )
        ),
        ("from",),
    ),
    (
        "programme",
        re.compile(
            r"\b(?:of|under|in)\s+(?:the\s+|[A-Z][\w-]*['\u2019]s\s+)?((?:[A-Z][\w-]*\s+)+"
            r"[Pp]rogram(?:me)?)\b"
        ),
        ("rogram",),
    ),
    (
        "next_mission",
        re.compile(
            r"\b(?:was\s+)?(?:followed|succeeded)\s+by\s+(" + CRAFT_NAME.pattern[2:-2] + r")"
        ),
        ("followed", "succeeded"),
    ),
    (
        "previous_mission",
        re.compile(r"\b(?:preceded\s+by)\s+(" + CRAFT_NAME.pattern[2:-2] + r")"),
        ("preceded",),
    ),
)

METADATA_FIELDS: tuple[str, ...] = (
    "designation",
    "operator",
    "manufacturer",
    "launch_vehicle",
    "launch_site",
    "programme",
    "previous_mission",
    "next_mission",
)
