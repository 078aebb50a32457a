"""The term-weight table is cached per chunk store, not per id(): a store created after another was collected
often gets the same id, and must not inherit the old table (a flaky chat answer in the full suite)."""
import gc

from assistant import chat


class _Store:
    generation = 0

    def __init__(self, rows):
        self.rows = rows

    def all_rows(self):
        return [(None, r) for r in self.rows]


class _KB:
    def __init__(self, rows):
        self.store = _Store(rows)


def test_the_table_lives_and_dies_with_its_store():
    kb = _KB(["甲 乙", "甲"])
    assert chat._doc_freqs(kb) == ({"甲": 2, "乙": 1}, 2)
    before = len(chat._IDF_CACHE)
    del kb
    gc.collect()
    # no entry outlives its store, so no later store can be handed it through a reused id
    assert len(chat._IDF_CACHE) == before - 1
    other = _KB(["丙"])
    assert chat._doc_freqs(other) == ({"丙": 1}, 1)


def test_a_new_generation_is_counted_again():
    kb = _KB(["甲"])
    assert chat._doc_freqs(kb)[1] == 1
    kb.store.rows.append("乙")
    kb.store.generation = 1
    assert chat._doc_freqs(kb) == ({"甲": 1, "乙": 1}, 2)
