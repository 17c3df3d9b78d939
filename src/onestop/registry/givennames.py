"""What given names say beyond their spelling: nicknames, and forms of the other sex. Pure.

String similarity alone is wrong about given names in two ways. "Bob" and "Robert" share few
letters yet are one person's names; "Daniel" and "Danielle" differ by two letters yet are, almost
always, a brother and a sister (twins share a birth date, a family name and a phone). Both the
registration check (``matching``) and the registry-wide sweep (``sweep``) ask these questions.
Tokens are folded (``namekeys.tokens``): lower case, no accents.
"""

from __future__ import annotations

import functools

# One name per line: the usual short forms. Symmetric look-up is built below.
_NICKNAMES: dict[str, tuple[str, ...]] = {
    "alexander": ("alex", "sandy"),
    "alexandre": ("alex",),
    "andrew": ("andy", "drew"),
    "anthony": ("tony",),
    "benjamin": ("ben",),
    "catherine": ("cathy", "kate", "katie"),
    "charles": ("charlie", "chuck"),
    "christopher": ("chris",),
    "daniel": ("dan", "danny"),
    "david": ("dave",),
    "edward": ("ed", "ted", "eddie"),
    "elizabeth": ("beth", "liz", "betty", "eliza"),
    "francois": ("frank",),
    "james": ("jim", "jimmy", "jamie"),
    "jennifer": ("jenny", "jen"),
    "john": ("jack", "johnny"),
    "jonathan": ("jon",),
    "joseph": ("joe", "joey"),
    "joshua": ("josh",),
    "katherine": ("kathy", "kate", "katie"),
    "kathryn": ("kathy", "kate"),
    "margaret": ("maggie", "peggy", "meg"),
    "matthew": ("matt",),
    "michael": ("mike", "mick"),
    "nicholas": ("nick",),
    "patrick": ("pat",),
    "rebecca": ("becky",),
    "richard": ("rick", "dick", "rich"),
    "robert": ("bob", "rob", "bobby"),
    "samuel": ("sam",),
    "stephane": ("steph",),
    "susan": ("sue", "suzie"),
    "thomas": ("tom", "tommy"),
    "william": ("bill", "will", "billy"),
}

# Endings that turn a man's name into a woman's (Daniel/Danielle, Paul/Pauline, Jean/Jeanne).
FEMININE_ENDINGS = ("e", "a", "ne", "le", "te", "ette", "ine", "ienne", "enne")
# Pairs that are not a plain added ending.
OTHER_SEX_PAIRS = frozenset(
    {
        frozenset({"francis", "frances"}),
        frozenset({"jesse", "jessie"}),
        frozenset({"stephen", "stephanie"}),
        frozenset({"stephane", "stephanie"}),
        frozenset({"dominic", "dominique"}),
        frozenset({"frederic", "frederique"}),
        frozenset({"christian", "christine"}),
        frozenset({"jacques", "jacqueline"}),
        frozenset({"patrick", "patricia"}),
        frozenset({"eric", "erika"}),
        frozenset({"carl", "karla"}),
        frozenset({"gabriel", "gabrielle"}),
    }
)
# Names that end like a feminine form of another but are not one (Mari/Marie is a spelling slip).
NOT_PAIRS = frozenset(
    {
        frozenset({"mari", "marie"}),
        frozenset({"ann", "anne"}),
        frozenset({"ann", "anna"}),
        frozenset({"emil", "emile"}),
    }
)


def _nickname_groups() -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for full, shorts in _NICKNAMES.items():
        for name in (full, *shorts):
            groups.setdefault(name, set()).update((full, *shorts))
    return {name: frozenset(group) for name, group in groups.items()}


_GROUPS = _nickname_groups()


def nickname_of(a: str, b: str) -> bool:
    """Whether two different folded given names are a name and its usual short form (Bob, Robert)."""
    return a != b and b in _GROUPS.get(a, frozenset())


def nickname_key(token: str) -> str:
    """The full name a short form stands for (the token itself when it is none): Bob -> robert.

    A short form of several names (Kate) keys to the first in alphabetical order, so it is stable.
    """
    group = _GROUPS.get(token)
    if not group:
        return token
    fulls = sorted(name for name in group if name in _NICKNAMES)
    return fulls[0] if fulls else token


@functools.lru_cache(maxsize=65536)
def other_sex_forms(a: str, b: str) -> bool:
    """Whether two folded given names are one name's forms for a man and a woman (Daniel/Danielle).

    True when one is the other plus a feminine ending, or for a known pair (Francis/Frances). Such
    names are close as strings, so string similarity alone calls them the same; they are not.
    """
    if not a or not b or a == b:
        return False
    pair = frozenset({a, b})
    if pair in OTHER_SEX_PAIRS:
        return True
    if pair in NOT_PAIRS:
        return False
    short, long = sorted((a, b), key=len)
    if len(short) < 3 or not long.startswith(short):
        return False
    return long[len(short) :] in FEMININE_ENDINGS
