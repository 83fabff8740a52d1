"""The alert agent's view of its state table: reads are current, the table is written only when
the outbox says the records sent before are acknowledged (streams/worker/commit.py)."""

from __future__ import annotations

from streams.worker.commit import WriteBehindTable


def test_reads_see_the_latest_value_before_the_table_does() -> None:
    table: dict[str, object] = {"DJIA": {"last_level": 46000}}
    states = WriteBehindTable(table)
    assert states.get("DJIA") == {"last_level": 46000}  # from the table
    states.put("DJIA", {"last_level": 47100})
    assert states.get("DJIA") == {"last_level": 47100}
    assert table["DJIA"] == {"last_level": 46000} and states.unwritten == 1


def test_take_writes_what_was_put_before_it_and_nothing_after() -> None:
    table: dict[str, object] = {}
    states = WriteBehindTable(table)
    states.put("NIKKEI225", 1)
    states.put("NIKKEI225", 2)  # one write per key and confirmation: the latest value
    write = states.take()
    states.put("NIKKEI225", 3)  # after the take: belongs to the next confirmation
    states.put("KOSPI", 4)
    assert table == {}  # nothing before the acks
    write()
    assert table == {"NIKKEI225": 2}
    assert states.get("NIKKEI225") == 3 and states.unwritten == 2
    states.take()()
    assert table == {"NIKKEI225": 3, "KOSPI": 4}


def test_forget_after_a_rebalance_reads_the_table_again() -> None:
    table: dict[str, object] = {"HSI": "recovered"}
    states = WriteBehindTable(table)
    states.put("HSI", "ours, not written")
    states.forget()
    assert states.get("HSI") == "recovered" and states.unwritten == 0
    states.take()()
    assert table == {"HSI": "recovered"}


def test_without_keep_written_the_view_holds_only_what_is_not_written_yet() -> None:
    """The processed-articles ids (rule 9): millions of keys must not pile up in memory."""
    table: dict[str, object] = {}
    seen = WriteBehindTable(table, keep_written=False)
    seen.put("a1", 100)
    write = seen.take()
    seen.put("a2", 101)
    assert seen.get("a1") == 100 and table == {}  # still read from the view before the acks
    write()
    assert table == {"a1": 100} and seen.get("a1") == 100  # now read from the table
    assert seen._latest == {"a2": 101}
    seen.take()()
    assert seen._latest == {} and table == {"a1": 100, "a2": 101}


def test_a_value_put_again_before_its_write_is_kept_until_that_one_is_written() -> None:
    table: dict[str, object] = {}
    seen = WriteBehindTable(table, keep_written=False)
    seen.put("a1", 1)
    write = seen.take()
    seen.put("a1", 2)  # put again meanwhile: the view must keep the newer value
    write()
    assert table == {"a1": 1} and seen.get("a1") == 2
