"""Every error a person can make at the command line: one line naming what and why, exit status 2.

The settings errors name the variable (``MILESTONES_PARTITIONS``), the value and what is expected;
flag values that make no sense are refused by the parser; files that cannot be read are named.
In-process through ``streams.cli.main`` where nothing connects; a broker that cannot be reached
is tried as a subprocess per command (the worker sets a process-wide event loop policy).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from streams.broker.state import BrokerState
from streams.cli import main
from streams.command_settings import kafka_settings
from streams.kafka.admin import ClusterMismatch, replication_warning
from streams.settings import Settings
from streams.subscribe.tail import index_ids
from streams.worker.process import free_port

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No developer's broker state, and no .env for the subprocesses (tests/conftest.py cleans MILESTONES_*)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MILESTONES_BROKER_STATE_DIR", str(tmp_path / "no-broker"))


def _fails(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Run ``milestones argv``; assert exit status 2 and one line on stderr (after the broker line); return it."""
    assert main(argv) == 2
    lines = [line for line in capsys.readouterr().err.splitlines() if " Kafka at " not in line]
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("MILESTONES_PARTITIONS", "abc", "milestones tail: MILESTONES_PARTITIONS='abc': input should be a valid integer"),
        ("MILESTONES_PARTITIONS", "0", "milestones tail: MILESTONES_PARTITIONS='0': input should be greater than or equal to 1"),
        ("MILESTONES_WEB_PORT", "99999", "milestones tail: MILESTONES_WEB_PORT='99999': input should be less than or equal to 65535"),
        ("MILESTONES_LOG_LEVEL", "loud", "milestones tail: MILESTONES_LOG_LEVEL='loud': input should be 'debug', 'info', 'warning', 'error' or 'critical'"),
        ("MILESTONES_KAFKA_BOOTSTRAP", "nohostport", "milestones tail: MILESTONES_KAFKA_BOOTSTRAP='nohostport': entry 'nohostport' is not host:port"),
        ("MILESTONES_TOPIC_MAP", "{bad", "milestones tail: MILESTONES_TOPIC_MAP is not valid JSON: Expecting property name"),
        ("MILESTONES_TOPIC_MAP", '{"alertz": "x"}', "milestones tail: MILESTONES_TOPIC_MAP={\"alertz\": \"x\"}: has unknown topic(s) 'alertz'"),
        ("MILESTONES_ALERT_RULES_PATH", "nope.toml", "milestones tail: MILESTONES_ALERT_RULES_PATH='nope.toml': file 'nope.toml' does not exist"),
        ("MILESTONES_SECURITY_PROTOCOL", "SASL_PLAINTEXT", "milestones tail: MILESTONES_SECURITY_PROTOCOL=SASL_PLAINTEXT needs MILESTONES_SASL_USERNAME and MILESTONES_SASL_PASSWORD"),
    ],
)  # fmt: skip
def test_a_bad_setting_is_one_line_naming_variable_value_and_expectation(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    variable: str,
    value: str,
    expected: str,
) -> None:
    monkeypatch.setenv(variable, value)
    assert _fails(["tail"], capsys).startswith(expected)


@pytest.mark.parametrize(
    "command", [["worker"], ["replay"], ["tail"], ["bridge", "--to", "http://x/"], ["extract", "seeds"]]
)
def test_every_command_reports_a_bad_setting_the_same_way(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    monkeypatch.setenv("MILESTONES_PARTITIONS", "three")
    assert _fails(command, capsys).startswith(f"milestones {command[0]}: MILESTONES_PARTITIONS='three': ")


def test_a_secret_is_never_repeated_in_a_settings_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MILESTONES_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
    monkeypatch.setenv("MILESTONES_SASL_USERNAME", "alice")
    monkeypatch.setenv("MILESTONES_SASL_PASSWORD", "hunter2")
    monkeypatch.setenv("MILESTONES_SASL_MECHANISM", "ROT13")
    line = _fails(["replay"], capsys)
    assert line.startswith("milestones replay: MILESTONES_SASL_MECHANISM='ROT13': input should be 'PLAIN'")
    assert "hunter2" not in line


def test_the_bridge_settings_name_their_own_variables(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MILESTONES_BRIDGE_DELIVERY_TIMEOUT", "soon")
    line = _fails(["bridge", "--to", "http://127.0.0.1:9/hook"], capsys)
    assert line.startswith("milestones bridge: MILESTONES_BRIDGE_DELIVERY_TIMEOUT='soon': input should be")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["replay", "--rate", "0"], "--rate '0' must be a number above 0"),
        (["replay", "--rate", "-1"], "--rate '-1' must be a number above 0"),
        (["replay", "--rate", "fast"], "--rate 'fast' is not a number"),
        (["replay", "--speed", "nan"], "--speed 'nan' must be a number above 0"),
        (["replay", "--loop", "0"], "--loop '0' must be 1 or more"),
        (["tail", "--max", "0"], "--max '0' must be 1 or more"),
        (["tail", "--idle-timeout", "-1"], "--idle-timeout '-1' must be a number above 0"),
        (["worker", "--loglevel", "loud"], "invalid choice: 'loud'"),
    ],
)
def test_flag_values_that_make_no_sense_are_refused(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert expected in err.splitlines()[-1] and "Traceback" not in err


def test_tail_index_takes_any_name_the_registry_knows_in_any_case() -> None:
    assert index_ids(["nikkei225", "Nikkei", "NIKKEI 225", "kospi", "Dow"], None) == {
        "NIKKEI225",
        "KOSPI",
        "DJIA",
    }


def test_tail_refuses_an_index_the_registry_does_not_know(capsys: pytest.CaptureFixture[str]) -> None:
    line = _fails(["tail", "--index", "nikkei225", "--index", "FTSE250X"], capsys)
    assert line.startswith(
        "milestones tail: --index 'FTSE250X': not an index the registry knows; the ids are "
    )
    assert "NIKKEI225" in line


def test_unreadable_offline_files_are_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("x = [\n")
    seeds = str(SEEDS)
    assert _fails(["backtest", "--rules", str(tmp_path / "none.toml"), seeds], capsys) == (
        f"milestones backtest: cannot read alert rules file {tmp_path / 'none.toml'}: No such file or directory"
    )
    assert _fails(["backtest", "--rules", str(bad), seeds], capsys).startswith(
        f"milestones backtest: alert rules file {bad} is not valid TOML"
    )
    assert _fails(["extract", "--indices", str(bad), seeds], capsys).startswith(
        f"milestones extract: index names file {bad} is not valid TOML"
    )
    assert _fails(["schemas", "--out", str(tmp_path / "none")], capsys) == (
        f"milestones schemas: --out '{tmp_path / 'none'}' is not a folder"
    )


@pytest.mark.parametrize(
    "argv",
    [["worker"], ["replay", "--quiet", str(SEEDS)], ["tail"], ["bridge", "--to", "http://127.0.0.1:9/x"]],
)
def test_a_broker_that_cannot_be_reached_is_one_line_and_exit_2(tmp_path: Path, argv: list[str]) -> None:
    port = free_port()  # nothing listens there
    env = {k: v for k, v in os.environ.items() if not k.startswith("MILESTONES_")}
    env |= {"MILESTONES_KAFKA_BOOTSTRAP": f"127.0.0.1:{port}", "MILESTONES_DATA_DIR": str(tmp_path / "w")}
    done = subprocess.run(
        [sys.executable, "-m", "streams.cli", *argv],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith(
        f"milestones {argv[0]}: cannot connect to Kafka at 127.0.0.1:{port} over PLAINTEXT ("
    )
    assert last.endswith(
        "check that it runs and MILESTONES_KAFKA_BOOTSTRAP names it (a local one: `milestones broker start`)"
    )
    assert "Traceback" not in done.stderr and "Unclosed" not in done.stderr


def test_commands_use_the_broker_that_broker_start_left_running(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    running = BrokerState(4242, "127.0.0.1:40404", "/tmp/x", "4.1.2", 0.0)
    monkeypatch.setattr("streams.broker.state.read_state", lambda: running)
    assert kafka_settings("worker").kafka_bootstrap == "127.0.0.1:40404"
    assert capsys.readouterr().err == (
        "milestones worker: Kafka at 127.0.0.1:40404 (the broker `milestones broker start` runs, pid 4242)\n"
    )
    monkeypatch.setenv("MILESTONES_KAFKA_BOOTSTRAP", "desk:9094")  # an explicit setting wins
    assert kafka_settings("tail").kafka_bootstrap == "desk:9094"
    assert capsys.readouterr().err == "milestones tail: Kafka at desk:9094 (MILESTONES_KAFKA_BOOTSTRAP)\n"


def test_with_no_broker_running_the_default_is_used_and_said(capsys: pytest.CaptureFixture[str]) -> None:
    assert kafka_settings("replay").kafka_bootstrap == "127.0.0.1:9092"
    assert "Kafka at 127.0.0.1:9092 (the default; no local broker runs" in capsys.readouterr().err


def test_replication_factor_one_on_a_cluster_of_several_is_warned_about() -> None:
    one = Settings(replication_factor=1)
    assert replication_warning(one, 1) is None
    warning = replication_warning(one, 3)
    assert warning is not None and warning.startswith(
        "MILESTONES_REPLICATION_FACTOR=1 on a cluster of 3 brokers"
    )
    assert replication_warning(Settings(replication_factor=3), 3) is None


def test_replication_factor_above_the_broker_count_is_refused() -> None:
    with pytest.raises(
        ClusterMismatch, match=r"MILESTONES_REPLICATION_FACTOR=3 but the cluster .* has 1 broker"
    ):
        replication_warning(Settings(replication_factor=3), 1)


def test_log_level_setting_is_read_by_the_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MILESTONES_LOG_LEVEL", "WARNING")
    assert Settings().log_level == "warning"
