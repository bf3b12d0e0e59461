"""The lexical similarity: what raises and what lowers a score."""

import pytest

from app.matching.analysis import analyse
from app.matching.analysis import content_words
from app.matching.lexical import LexicalMatcher
from app.matching.lexical import signals

matcher = LexicalMatcher()


def sim(a: str, b: str, a_claimant: str | None = None, b_claimant: str | None = None) -> float:
    return matcher.similarity(a, b, a_claimant=a_claimant, b_claimant=b_claimant)


def test_the_same_claim_scores_1_and_scores_are_symmetric() -> None:
    text = "The central bank raised interest rates to 5%."
    assert sim(text, text) == 1.0
    assert sim(text, "the Central Bank  raised interest-rates to 5 %") == 1.0
    other = "The central bank raised rates to 5% on Tuesday."
    assert sim(text, other) == sim(other, text)
    assert 0 < sim(text, other) < 1


def test_unrelated_claims_score_near_zero() -> None:
    assert sim("The mayor resigned.", "Rents rose sharply in Lisbon.") == 0.0
    assert sim("", "Anything") == 0.0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Russia demands an end to NATO enlargement.", "Russia wants NATO expansion halted."),
        ("The WHO declared an emergency.", "The World Health Organization declared an emergency."),
        ("Zelenskiy visited Washington.", "Zelensky visited Washington."),
        ("Twelve people died in the flood.", "12 people died in the flood."),
        ("Putin wants a resolution of the assets question.", "Putin wants the assets resolved."),
    ],
)
def test_equivalent_wordings_score_high(a: str, b: str) -> None:
    assert sim(a, b) >= 0.75


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        ("Twelve people died in the flood.", "Twenty people died in the flood.", "numbers"),
        ("The minister resigned.", "The minister did not resign.", "negation"),
        ("The minister resigned.", "The minister denied he resigned.", "denial"),
        ("The court declined to overturn the ban.", "The court overturned the ban.", "declined to"),
        ("The EU imposed sanctions on Iran.", "The EU lifted sanctions on Iran.", "direction"),
        ("The bank kept rates unchanged.", "The bank raised rates.", "staying vs moving"),
        ("Apple opened a store in Paris.", "Apple opened a store in Berlin.", "names"),
        ("The Senate passed the defence bill.", "The Senate passed the budget bill.", "words"),
        ("Rates will rise, Lagarde says.", "Rates will rise, Powell says.", "claimant"),
    ],
)
def test_near_misses_are_below_the_link_threshold(a: str, b: str, why: str) -> None:
    claimants = ("Christine Lagarde", "Jerome Powell") if why == "claimant" else (None, None)
    assert sim(a, b, *claimants) < 0.75, why


def test_a_name_in_the_claimant_does_not_outweigh_the_claim() -> None:
    text = "Vladimir Putin demands a halt to NATO enlargement."
    assert sim(text, "Putin demands a halt to NATO enlargement.", "Vladimir Putin", "Putin") == 1.0
    assert analyse(text, "Vladimir Putin").weights["putin"] < analyse(text).weights["putin"]


def test_search_words_put_numbers_and_names_first_and_drop_stop_words() -> None:
    assert content_words("The Kremlin said on Monday that 3 drones were downed") == [
        "3",
        "Kremlin",
        "Monday",
        "drones",
        "downed",
    ]


def vetoes(a: str, b: str) -> set[str]:
    return {veto.name for veto in signals(analyse(a), analyse(b)).vetoes}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A name both mention is a first name only where the other ends a name with it.
        ("The Bank of Japan ended negative rates.", "The Swiss National Bank ended them."),
        ("The WHO declared mpox an emergency.", "The United States declared mpox an emergency."),
        ("A missile fell into the Sea of Japan.", "A missile fell into the Yellow Sea."),
    ],
)
def test_another_institution_or_place_is_a_different_name(a: str, b: str) -> None:
    assert "names" in vetoes(a, b)


def test_a_first_name_both_share_the_last_of_is_no_different_name() -> None:
    assert "names" not in vetoes("Donald Trump was convicted.", "Trump was convicted.")


def test_ordinals_and_zero_are_numbers() -> None:
    assert "numbers" in vetoes("Spain won a fourth title.", "Spain won a third title.")
    assert "numbers" in vetoes("The bank cut its rate to zero.", "The bank cut its rate to 0.25%.")


def test_the_same_numbers_and_names_are_agreements() -> None:
    same = signals(
        analyse("Meta will pay $725 million to settle the Cambridge Analytica lawsuit."),
        analyse("Meta settles Cambridge Analytica privacy lawsuit for $725 million."),
    )
    assert same.agreements == {"numbers", "names"}
    other = signals(analyse("Apple hired 500 people."), analyse("Samsung hired 400 people."))
    assert other.agreements == frozenset()
