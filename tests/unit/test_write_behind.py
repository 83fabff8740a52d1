"""The alert agent's view of its state table: reads are current, the table is written only when
the outbox says the records sent before are acknowledged (streams/write_behind.py)."""

from __future__ import annotations

from streams.write_behind import WriteBehindTable


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
