"""How a word cloud counts: an answer normalised to the form it is counted by.

Case and spaces do not make a word different ("Samen  Werken" is "samen werken"); punctuation at
either end goes ("vertrouwen!"); stop words (Dutch and English: de, het, een, the, a, ...) are left
out, so that "de samenwerking" and "samenwerking" count as one. An answer of stop words alone
counts as nothing and is refused.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Short lists on purpose: the words that carry no meaning of their own in a one-to-three-word
# answer. A longer list would swallow answers ("niet", "samen" and "goed" stay).
STOP_WORDS_NL = frozenset("""
de het een en of van in op aan met voor naar bij om te tot uit over door als dat die dit deze
er is zijn was ben wordt worden ik je jij u we wij ze zij hij het mijn jouw onze ook nog al dan
maar want zo heel erg wel
""".split())
STOP_WORDS_EN = frozenset("""
a an the and or of in on at to for with by from as that this these those is are was be been
i you we they he she it my your our its so very just also but
""".split())
STOP_WORDS = STOP_WORDS_NL | STOP_WORDS_EN

_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def normalise(text: str) -> str:
    """The form a word cloud counts ``text`` by; "" when nothing but stop words is left."""
    # A room repeats its words, and a word taken back comes as it was counted: the short ones are
    # remembered (at most 4,096 of at most 64 characters: a long text is not kept, whoever sent it).
    return _normalise_short(text) if len(text) <= 64 else _normalise(text)


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    words = (_EDGE.sub("", w) for w in text.split())
    return " ".join(w for w in words if w and w not in STOP_WORDS)


_normalise_short = lru_cache(maxsize=4096)(_normalise)
