"""The Splink model of the sweep: comparisons, blocking rules, training and prediction on DuckDB.

A Fellegi-Sunter model learns from the registry itself how much each kind of agreement counts:
``u`` (how often two different people agree by chance) by random sampling, ``m`` (how often two
records of one person agree) by expectation maximisation on blocked pairs, and term frequencies
for names, so two "Smith"s count for less than two "Zelazny"s. The same settings run on Splink's
Spark backend at national scale; only the ``DuckDBAPI`` below changes.

What EM and string distance get wrong about people is encoded, not learned:

* given names of the other sex (Daniel/Danielle) are a level of their own, with a fixed, tiny
  ``m``: clerks do not turn Danielle into Daniel, twins are common (see ``givennames``);
* a birth date counts as a slip only for what keyboards do (two adjacent digits swapped, day and
  month swapped, one part wrong, the year's last digit); the same day and month decades apart is a
  parent and a child, and falls to "different", whose ``m`` is fixed small;
* address and phone are one comparison, since a household shares both;
* a SIN or health number (their blind indexes) is unique to a person: the same one is as good as
  proof, and a different SIN says two people (see ``_identifier`` for what is fixed and why).
"""

from __future__ import annotations

import copy
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, cast

import duckdb
import pyarrow as pa
import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on
from splink.blocking_rule_library import CustomRule
from splink.internals.exceptions import SplinkException

from onestop.registry.givennames import FEMININE_ENDINGS, NOT_PAIRS, OTHER_SEX_PAIRS

logger = logging.getLogger(__name__)

Progress = Callable[[str, float], None]  # (step, fraction of the whole sweep done)

#: How often one person's two records carry the given name in each sex's form: as good as never.
#: Fixed, not learned (EM would see twins as duplicates), and small enough to outweigh everything
#: a household shares (birth date, family name, address, phone): Daniel and Danielle born the
#: same day at the same address are twins.
OTHER_SEX_M = 1e-15
#: Fixed too: a small registry may hold no random pair of such names, and an unobserved u would
#: silently weigh nothing.
OTHER_SEX_U = 1e-3

#: The fields of the evidence, in the order officers read them.
FIELDS = ("identifier", "given", "family", "birth_date", "sex", "household", "email")

#: How often one person's two records have wholly different birth dates (not a slip): rarely.
#: Fixed, not learned: EM takes a parent and a child of the same name at one address for one person.
DIFFERENT_BIRTH_DATE_M = 0.002

#: How often two different people hold the same SIN or health number: only by a keying error that
#: passed the check digit. Fixed: random sampling of a million people never meets such a pair, and
#: an unobserved u would fall back to a default that makes the same SIN weigh little.
SAME_IDENTIFIER_U = 1e-7
#: How often one person's two records hold different SINs: a temporary (900) SIN replaced, a slip
#: that passed the check digit. Fixed: EM would learn it from twins and spouses as well.
DIFFERENT_SIN_M = 0.01
#: ... and different health numbers with no SIN to compare: a person who moved to another province
#: gets a new number, so this says much less than a different SIN.
DIFFERENT_HEALTH_NUMBER_M = 0.1


@dataclass(frozen=True)
class Tuning:
    """Sizes of the training samples; the defaults suit 10,000 to 1,000,000 people."""

    u_pairs: float = 3e6
    em_pairs: float = 1.5e6
    seed: int = 16
    threshold: float = 0.8
    threads: int | None = None


@dataclass(frozen=True)
class Pair:
    """One suggested pair: ids (smaller first), probability, weight, and per-field evidence."""

    a: str
    b: str
    probability: float
    match_weight: float
    evidence: list[dict[str, Any]]


@dataclass
class SweepResult:
    """What a run found and how long each step took."""

    people: int
    pairs: list[Pair]
    seconds: dict[str, float] = field(default_factory=dict)
    m_estimated: int = 0  # EM sessions that converged (of 2); otherwise the starting m values stand


def _quoted(values: Iterator[str] | list[str] | tuple[str, ...]) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)


def _other_sex_sql() -> str:
    """SQL for ``givennames.other_sex_forms`` on the given-name columns."""
    known = _quoted(sorted("|".join(sorted(p)) for p in OTHER_SEX_PAIRS))
    excluded = _quoted(sorted("|".join(sorted(p)) for p in NOT_PAIRS))
    endings = _quoted(FEMININE_ENDINGS)
    pair = "least(given_l, given_r) || '|' || greatest(given_l, given_r)"

    def added(short: str, long: str) -> str:
        return (
            f"(length({short}) >= 3 AND starts_with({long}, {short}) "
            f"AND substr({long}, length({short}) + 1) IN ({endings}))"
        )

    return (
        f"given_l <> given_r AND {pair} NOT IN ({excluded}) AND ({pair} IN ({known}) "
        f"OR {added('given_l', 'given_r')} OR {added('given_r', 'given_l')})"
    )


#: Given and family names written the other way round, every token of each (Marie-Claude Walker
#: registered as Walker Marie-Claude): the first given name alone misses compound names.
_SWAPPED_NAMES = "given_all_l = family_r AND family_l = given_all_r"


def _given() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="given",
        comparison_levels=[
            cll.NullLevel("given").configure(label_for_charts="missing"),
            cll.ExactMatchLevel("given").configure(
                tf_adjustment_column="given", m_probability=0.85, label_for_charts="the same"
            ),
            cll.CustomLevel(_SWAPPED_NAMES, "given and family names swapped").configure(m_probability=0.02),
            cll.CustomLevel("given_key_l = given_key_r", "a name and its short form").configure(
                m_probability=0.04
            ),
            cll.CustomLevel(_other_sex_sql(), "the same name for the other sex").configure(
                m_probability=OTHER_SEX_M,
                fix_m_probability=True,
                u_probability=OTHER_SEX_U,
                fix_u_probability=True,
            ),
            cll.JaroWinklerLevel("given", 0.92).configure(
                m_probability=0.04, label_for_charts="nearly the same spelling"
            ),
            cll.CustomLevel("given_phon_l = given_phon_r", "sounds the same").configure(m_probability=0.02),
            cll.JaroWinklerLevel("given", 0.8).configure(
                m_probability=0.01, label_for_charts="a similar spelling"
            ),
            cll.ElseLevel().configure(m_probability=0.02, label_for_charts="different"),
        ],
    )


#: A married name: one record's family name is among the other's former family names (their folded
#: list "|gagnon|roy|", see ``features``). Its m and u are estimated like the other levels'.
_FORMER_NAME = (
    "contains(coalesce(former_r, ''), '|' || family_l || '|')"
    " OR contains(coalesce(former_l, ''), '|' || family_r || '|')"
)


def _family() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="family",
        comparison_levels=[
            cll.NullLevel("family").configure(label_for_charts="missing"),
            cll.ExactMatchLevel("family").configure(
                tf_adjustment_column="family", m_probability=0.8, label_for_charts="the same"
            ),
            cll.CustomLevel(_SWAPPED_NAMES, "given and family names swapped").configure(m_probability=0.02),
            cll.CustomLevel(
                _FORMER_NAME, "the family name of one is a former family name of the other"
            ).configure(m_probability=0.03),
            cll.CustomLevel(
                "list_has_any(string_split(family_l, ' '), string_split(family_r, ' '))",
                "one family name in common",
            ).configure(m_probability=0.06),
            cll.CustomLevel(
                "family_phon_l = family_phon_r OR jaro_winkler_similarity(family_l, family_r) >= 0.92",
                "sounds the same or nearly the same spelling",
            ).configure(m_probability=0.06),
            cll.JaroWinklerLevel("family", 0.8).configure(
                m_probability=0.02, label_for_charts="a similar spelling"
            ),
            cll.ElseLevel().configure(m_probability=0.04, label_for_charts="different"),
        ],
    )


_SWAPPED_DIGITS = (
    "(damerau_levenshtein(birth_text_l, birth_text_r) = 1 AND levenshtein(birth_text_l, birth_text_r) = 2)"
    " OR (year(birth_date_l) = year(birth_date_r) AND month(birth_date_l) = day(birth_date_r)"
    " AND day(birth_date_l) = month(birth_date_r))"
)
_ONE_PART = (
    "(year(birth_date_l) = year(birth_date_r) AND (month(birth_date_l) = month(birth_date_r)"
    " OR day(birth_date_l) = day(birth_date_r)))"
    " OR (month(birth_date_l) = month(birth_date_r) AND day(birth_date_l) = day(birth_date_r)"
    " AND year(birth_date_l) // 10 = year(birth_date_r) // 10)"
)


def _birth_date() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="birth_date",
        comparison_levels=[
            cll.NullLevel("birth_date").configure(label_for_charts="missing"),
            cll.ExactMatchLevel("birth_date").configure(m_probability=0.9, label_for_charts="the same"),
            cll.CustomLevel(_SWAPPED_DIGITS, "two digits or day and month swapped").configure(
                m_probability=0.04
            ),
            cll.CustomLevel(_ONE_PART, "one part different (day, month or last digit of the year)").configure(
                m_probability=0.04
            ),
            cll.ElseLevel().configure(
                m_probability=DIFFERENT_BIRTH_DATE_M, fix_m_probability=True, label_for_charts="different"
            ),
        ],
    )


def _sex() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="sex",
        comparison_levels=[
            cll.NullLevel("sex").configure(label_for_charts="missing"),
            cll.ExactMatchLevel("sex").configure(
                m_probability=0.98, fix_m_probability=True, label_for_charts="the same"
            ),
            cll.ElseLevel().configure(
                m_probability=0.02, fix_m_probability=True, label_for_charts="different"
            ),
        ],
    )


_SAME_PHONE = "phone_l = phone_r"
_SAME_POSTAL = "postal_code_l = postal_code_r"


def _household() -> cl.CustomComparison:
    """Address and phone as one comparison: a household shares both, and counting them as two
    independent agreements would make any two namesakes of one home the same person."""
    return cl.CustomComparison(
        output_column_name="household",
        comparison_levels=[
            cll.CustomLevel(
                "(postal_code_l IS NULL OR postal_code_r IS NULL) AND (phone_l IS NULL OR phone_r IS NULL)",
                "missing",
            ).configure(is_null_level=True),
            cll.CustomLevel(f"{_SAME_POSTAL} AND {_SAME_PHONE}", "same postal code and phone").configure(
                m_probability=0.45
            ),
            cll.CustomLevel(_SAME_PHONE, "same phone").configure(m_probability=0.15),
            cll.CustomLevel(_SAME_POSTAL, "same postal code").configure(m_probability=0.15),
            cll.CustomLevel(
                "substr(postal_code_l, 1, 3) = substr(postal_code_r, 1, 3)", "same area"
            ).configure(m_probability=0.1),
            cll.ElseLevel().configure(m_probability=0.15, label_for_charts="different"),
        ],
    )


_BOTH_SIN = "sin_l IS NOT NULL AND sin_r IS NOT NULL"
_BOTH_HEALTH = "health_number_l IS NOT NULL AND health_number_r IS NOT NULL"


def _identifier() -> cl.CustomComparison:
    """SIN and health number (blind indexes) as one comparison: either one the same is the same
    person; a different SIN outweighs a different health number (people move between provinces)."""
    return cl.CustomComparison(
        output_column_name="identifier",
        comparison_levels=[
            cll.CustomLevel(f"NOT ({_BOTH_SIN}) AND NOT ({_BOTH_HEALTH})", "missing").configure(
                is_null_level=True
            ),
            cll.CustomLevel(
                "sin_l = sin_r OR health_number_l = health_number_r", "same SIN or health number"
            ).configure(m_probability=0.9, u_probability=SAME_IDENTIFIER_U, fix_u_probability=True),
            cll.CustomLevel(_BOTH_SIN, "different SIN").configure(
                m_probability=DIFFERENT_SIN_M, fix_m_probability=True
            ),
            cll.ElseLevel().configure(
                m_probability=DIFFERENT_HEALTH_NUMBER_M,
                fix_m_probability=True,
                label_for_charts="different health number",
            ),
        ],
    )


def _exact(column: str, *, m: float) -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name=column,
        comparison_levels=[
            cll.NullLevel(column).configure(label_for_charts="missing"),
            cll.ExactMatchLevel(column).configure(m_probability=m, label_for_charts="the same"),
            cll.ElseLevel().configure(m_probability=1 - m, label_for_charts="different"),
        ],
    )


def settings() -> SettingsCreator:
    """The model: comparisons and the blocking rules that keep a million people tractable.

    Each rule pairs only people who share two rare things, so the pairs scored grow with the
    number of duplicates, not with the square of the registry: birth date with a family-name sound
    (typos, nicknames, accents), birth date with a given name (married names), birth date with the
    given name where the family name is (name order), the two name sounds with the birth year or
    with the birth day and month (a slip in the date), a shared phone or e-mail, and a shared SIN
    or health number (whatever the names say: a married name, a new spelling).
    """
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=[
            _identifier(),
            _given(),
            _family(),
            _birth_date(),
            _sex(),
            _household(),
            _exact("email", m=0.5),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("birth_date", "family_phon"),
            block_on("birth_date", "given_key"),
            CustomRule("l.birth_date = r.birth_date AND l.given_all_phon = r.family_phon"),
            CustomRule("l.birth_date = r.birth_date AND l.family_phon = r.given_all_phon"),  # ids are random
            CustomRule(
                "l.family_phon = r.family_phon AND l.given_key = r.given_key"
                " AND year(l.birth_date) = year(r.birth_date)"
            ),
            CustomRule(
                "l.family_phon = r.family_phon AND l.given_key = r.given_key"
                " AND month(l.birth_date) = month(r.birth_date) AND day(l.birth_date) = day(r.birth_date)"
            ),
            block_on("phone", "given_key"),
            block_on("email"),
            block_on("sin"),
            block_on("health_number"),
        ],
        retain_intermediate_calculation_columns=True,
        retain_matching_columns=True,  # Splink returns the level of each field (gamma_) only with them
        probability_two_random_records_match=1e-6,
        em_convergence=0.001,
        max_iterations=20,
    )


def _step(progress: Progress | None, name: str, done: float) -> None:
    if progress is not None:
        progress(name, done)


def run(people: pa.Table, tuning: Tuning = Tuning(), progress: Progress | None = None) -> SweepResult:
    """Train the model on ``people`` (columns of ``features.COLUMNS``) and score the blocked pairs.

    Returns the pairs at or above ``tuning.threshold``, best first.
    """
    seconds: dict[str, float] = {}
    count = people.num_rows
    if count < 2:
        return SweepResult(people=count, pairs=[], seconds=seconds)
    con = duckdb.connect(":memory:")
    if tuning.threads:
        con.execute(f"SET threads TO {int(tuning.threads)}")
    try:
        db_api = DuckDBAPI(connection=con)
        linker = Linker(db_api.register(people, table_name="people"), settings(), log_level=logging.ERROR)
        started = time.perf_counter()
        _step(progress, "prior", 0.05)
        _prior(linker, count)
        _step(progress, "u by random sampling", 0.1)
        u_pairs = min(tuning.u_pairs, max(1.0, count * (count - 1) / 2))
        linker.training.estimate_u_using_random_sampling(
            max_pairs=u_pairs, seed=tuning.seed, min_count_per_level=None, num_chunks=1
        )
        seconds["u"] = time.perf_counter() - started
        started = time.perf_counter()
        _step(progress, "m by EM on birth date", 0.3)
        trained = _em(linker, block_on("birth_date"), tuning)
        _step(progress, "m by EM on names", 0.45)
        trained += _em(linker, block_on("family_phon", "given_key"), tuning)
        seconds["m"] = time.perf_counter() - started
        started = time.perf_counter()
        _step(progress, "scoring the blocked pairs", 0.6)
        predictions = linker.inference.predict(threshold_match_probability=tuning.threshold)
        seconds["predict"] = time.perf_counter() - started
        _step(progress, "reading the pairs", 0.9)
        table = cast(Any, predictions).as_pyarrow_table()  # untyped in Splink
        pairs = _pairs(table, _labels(linker))
        return SweepResult(people=count, pairs=pairs, seconds=seconds, m_estimated=trained)
    finally:
        con.close()


def _prior(linker: Linker, count: int) -> None:
    """The prior: exact matches on names and birth date, assumed to be 70 % of the duplicates.

    At least one duplicate pair is assumed, so a small registry without an exact match still has a
    prior (Splink's estimate would be 0, and every weight infinitely negative).
    """
    floor = 1 / (count * (count - 1) / 2)
    try:
        linker.training.estimate_probability_two_random_records_match(
            [block_on("birth_date", "given", "family")], recall=0.7
        )
    except ValueError:  # more exact matches than a recall of 0.7 allows: keep the floor below
        logger.info("the prior could not be estimated; one duplicate pair is assumed")
    settings = linker._settings_obj
    settings._probability_two_random_records_match = max(
        settings._probability_two_random_records_match, floor
    )


def _em(linker: Linker, rule: Any, tuning: Tuning) -> int:
    """One EM session; 1 if it estimated m, 0 if the registry is too small for it.

    A small registry has blocks in which some level never occurs, and EM cannot estimate an m of
    zero: the model then keeps its starting m values, which are ordinary for people's records.
    """
    kept = copy.deepcopy(linker._settings_obj)  # a failed session leaves the settings half-changed
    try:
        linker.training.estimate_parameters_using_expectation_maximisation(
            rule, max_pairs=tuning.em_pairs, record_sample_proportion=0.05
        )
    except (ValueError, SplinkException):
        logger.info("EM on %s could not estimate every m; the starting values stand", rule)
        linker._settings_obj = kept
        return 0
    return 1


def _labels(linker: Linker) -> dict[str, dict[int, str]]:
    """Comparison vector value -> level label, per field (Splink numbers levels from the top down)."""
    model = linker.misc.save_model_to_json()
    out: dict[str, dict[int, str]] = {}
    for comparison in model["comparisons"]:
        levels = comparison["comparison_levels"]
        real = [lv for lv in levels if not lv.get("is_null_level")]
        labels = {-1: "missing"}
        for i, level in enumerate(real):
            labels[len(real) - 1 - i] = str(level.get("label_for_charts") or level["sql_condition"])
        out[comparison["output_column_name"]] = labels
    return out


def _pairs(table: pa.Table, labels: dict[str, dict[int, str]]) -> list[Pair]:
    wanted = ["unique_id_l", "unique_id_r", "match_probability", "match_weight"]
    for name in FIELDS:
        wanted += [c for c in (f"gamma_{name}", f"mw_{name}", f"mw_tf_adj_{name}") if c in table.column_names]
    pairs = []
    for rec in table.select(wanted).to_pylist():
        evidence = []
        for name in FIELDS:
            if f"gamma_{name}" not in rec:
                continue
            gamma = int(rec[f"gamma_{name}"])
            weight = float(rec.get(f"mw_{name}") or 0.0) + float(rec.get(f"mw_tf_adj_{name}") or 0.0)
            level = labels[name].get(gamma, str(gamma))
            evidence.append({"field": name, "level": level, "weight": round(weight, 2)})
        a, b = sorted((str(rec["unique_id_l"]), str(rec["unique_id_r"])))
        pairs.append(Pair(a, b, float(rec["match_probability"]), float(rec["match_weight"]), evidence))
    pairs.sort(key=lambda p: (-p.probability, p.a, p.b))
    return pairs
