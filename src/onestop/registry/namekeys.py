"""Search keys for names: folding, Mac/Mc, phonetic and transposition-tolerant keys. Pure.

Fuzzy name search at a million people cannot compare the query with every name. Instead each person
gets a handful of short *keys*, stored in an indexed table; a query computes the same keys and
fetches candidates by index equality. A key pairs something about the family name with something
about a given name, so each posting list stays small even for common surnames:

* ``p`` phonetic family : phonetic given       (Jon/John, Smyth/Smith, Catherine/Kathryn)
* ``s`` sorted letters of the family's first 5 : phonetic given   (John Smtih)
* ``e`` exact family    : given initial         (typos anywhere in the given name)
* ``q`` phonetic family : given initial         (a typo in each: Jhon Smyth)
* ``g`` exact given     : family initial        (typos in the family name)
* ``t`` sorted letters of the family's first 5 : given initial   (Smtih/Smith)
* ``f`` phonetic family alone                   (one-word queries and one-word names)

``p`` and ``s`` are *narrow* (a few hundred people even for John Smith among a million) and are
looked up first; the others are *broad* and are looked up only when the narrow ones find no close
name. Candidates are then scored precisely in Python (see ``matching``).
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

import jellyfish

# Letters that NFKD does not decompose into a base letter plus accents.
_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "þ": "th", "ı": "i"})
_SEPARATORS = str.maketrans({"-": " ", "‐": " ", "–": " ", ".": " ", ",": " ", "/": " "})
_ABBREVIATIONS = {"st": "saint", "ste": "sainte"}
MAX_FAMILY_TOKENS = 3
MAX_GIVEN_TOKENS = 2


@functools.lru_cache(maxsize=65536)  # names repeat: a bulk load folds the same few thousand
def fold(text: str) -> str:
    """Lower-case, strip accents and keep letters and spaces only: "D'Amours-Hélène" -> "damours helene"."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_SPECIAL).translate(_SEPARATORS))
    kept = [ch for ch in decomposed if ch.isalpha() or ch.isspace()]
    letters = "".join(ch for ch in kept if not unicodedata.combining(ch))
    return " ".join(letters.split())


def canonical_token(token: str) -> str:
    """Spelling variants that mean the same name: Mac/Mc, St/Saint."""
    if token in _ABBREVIATIONS:
        return _ABBREVIATIONS[token]
    if token.startswith("mac") and len(token) >= 6:
        return "mc" + token[3:]
    return token


def tokens(text: str | None) -> list[str]:
    """Folded, canonical name tokens."""
    return [canonical_token(t) for t in fold(text or "").split()]


def phonetic(token: str) -> str:
    """Metaphone of a folded token (empty for an empty token)."""
    return jellyfish.metaphone(token) if token else ""


def transposition_key(token: str) -> str:
    """Sorted letters of the first five: the same for 'smith' and 'smtih'."""
    return "".join(sorted(token[:5]))


@dataclass(frozen=True)
class NameParts:
    """Folded tokens of a family name and of given/preferred names."""

    family: tuple[str, ...]
    given: tuple[str, ...]

    @classmethod
    def of(
        cls, given_names: str | None, family_name: str | None, preferred_name: str | None = None
    ) -> NameParts:
        """Tokens used for keys: family tokens (plus the joined form of a compound) and first given names."""
        fam = tokens(family_name)
        family = fam[:MAX_FAMILY_TOKENS] + (["".join(fam)] if len(fam) > 1 else [])
        given = tokens(given_names)[:MAX_GIVEN_TOKENS] + tokens(preferred_name)[:1]
        return cls(tuple(dict.fromkeys(family)), tuple(dict.fromkeys(given)))


def keys_for(parts: NameParts) -> set[str]:
    """Every key of a name (stored for a person, or looked up for a query)."""
    keys: set[str] = set()
    for fam in parts.family:
        keys.add("f" + phonetic(fam))
        for giv in parts.given:
            keys.add(f"p{phonetic(fam)}:{phonetic(giv)}")
            keys.add(f"s{transposition_key(fam)}:{phonetic(giv)}")
            keys.add(f"e{fam}:{giv[0]}")
            keys.add(f"q{phonetic(fam)}:{giv[0]}")
            keys.add(f"g{giv}:{fam[0]}")
            keys.add(f"t{transposition_key(fam)}:{giv[0]}")
    return {k[:80] for k in keys}


NARROW = frozenset("ps")  # selective: tried first
BROAD = frozenset("eqgt")  # a given initial only: tried when the narrow keys find no close name


def query_keys(parts: NameParts, *, broad: bool = False) -> set[str]:
    """Keys to look up for a query: the narrow pair keys, or the broad ones; a lone family key for one word.

    At a million people the broad keys of "John Smith" reach thousands of people, the narrow ones a
    few hundred; most searches never need the broad ones.
    """
    if not parts.given:
        return set() if broad else {("f" + phonetic(fam))[:80] for fam in parts.family}
    kinds = BROAD if broad else NARROW
    return {k for k in keys_for(parts) if k[0] in kinds}


def parse_query(text: str) -> list[NameParts]:
    """Read a typed name: "Family, Given" or "Given ... Family"; also try it the other way round."""
    if "," in text:
        family, _, given = text.partition(",")
        return [NameParts.of(given, family)]
    words = text.split()
    if len(words) <= 1:
        return [NameParts.of(None, text)]
    as_typed = NameParts.of(" ".join(words[:-1]), words[-1])
    swapped = NameParts.of(" ".join(words[1:]), words[0])
    return [as_typed, swapped]
