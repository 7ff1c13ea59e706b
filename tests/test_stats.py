"""One statistics type that adds up: per thread, per file and per batch are the same figures."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import DEMO
from tests.fakes import FakeEngine
from translator.models import QA_CODES
from translator.pipeline import PipelineOptions, translate_threads
from translator.readers import read_thread
from translator.stats import TranslationStats, unit_issue_counts

counts = st.integers(min_value=0, max_value=10**6)
any_stats = st.builds(
    TranslationStats,
    blocks=counts,
    copied=counts,
    sentences=counts,
    from_memory=counts,
    translated=counts,
    issues=st.dictionaries(st.sampled_from(QA_CODES), st.integers(min_value=1, max_value=100), max_size=4),
    missing_pairs=st.lists(st.sampled_from(["de-en", "fr-ja", "uk-en"]), unique=True).map(lambda p: tuple(sorted(p))),
)


@settings(max_examples=60)
@given(any_stats, any_stats, any_stats)
def test_addition_is_a_sum(a: TranslationStats, b: TranslationStats, c: TranslationStats) -> None:
    assert a + TranslationStats() == a == TranslationStats() + a  # zero adds nothing
    assert (a + b) + c == a + (b + c)  # grouping does not matter
    assert a + b == b + a  # nor order
    total = sum((a, b, c), TranslationStats())
    assert total.blocks == a.blocks + b.blocks + c.blocks
    assert total.issue_total == a.issue_total + b.issue_total + c.issue_total
    assert set(total.missing_pairs) == {*a.missing_pairs, *b.missing_pairs, *c.missing_pairs}


def test_threads_translated_together_add_up_to_the_whole() -> None:
    demo = read_thread(DEMO).thread
    engine = FakeEngine()
    results, per_thread = translate_threads([demo, demo], PipelineOptions(target="en"), engine)
    total = sum(per_thread, TranslationStats())
    # The second copy needs nothing new: each distinct sentence counts once, for the first thread.
    assert per_thread[1].translated == 0 and per_thread[0].translated > 0
    assert total.translated == len({sentence for _, _, sentences in engine.calls for sentence in sentences})
    assert total.blocks == sum(len(result.units) for result in results)
    assert total.issues == unit_issue_counts(unit for result in results for unit in result.units)
