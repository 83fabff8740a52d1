"""Security settings: validated at start-up, never printed, and the same options for every client."""

from __future__ import annotations

import ssl
import subprocess
from pathlib import Path

import faust
import pytest
from pydantic import ValidationError

from streams.kafka.clients import client_options, faust_options, ssl_context
from streams.settings import Settings
from streams.worker.faust_app import create_app


def _sasl(**kw: object) -> Settings:
    values: dict[str, object] = {
        "kafka_bootstrap": "kafka1:9094",
        "security_protocol": "SASL_PLAINTEXT",
        "sasl_mechanism": "SCRAM-SHA-512",
        "sasl_username": "desk",
        "sasl_password": "s3cret-pw",
    }
    values.update(kw)
    return Settings(**values)  # type: ignore[arg-type]


def test_plaintext_by_default() -> None:
    opts = client_options(Settings(kafka_bootstrap="h:1"))
    assert opts == {"bootstrap_servers": "h:1", "security_protocol": "PLAINTEXT"}
    assert faust_options(Settings(kafka_bootstrap="h:1")) == {"broker": "kafka://h:1"}


def test_sasl_options_for_aiokafka_and_faust(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MILESTONES_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
    monkeypatch.setenv("MILESTONES_SASL_MECHANISM", "SCRAM-SHA-256")
    monkeypatch.setenv("MILESTONES_SASL_USERNAME", "alice")
    monkeypatch.setenv("MILESTONES_SASL_PASSWORD", "alice-pw")
    settings = Settings()
    assert client_options(settings) == {
        "bootstrap_servers": "127.0.0.1:9092",
        "security_protocol": "SASL_PLAINTEXT",
        "sasl_mechanism": "SCRAM-SHA-256",
        "sasl_plain_username": "alice",
        "sasl_plain_password": "alice-pw",
    }
    creds = faust_options(settings)["broker_credentials"]
    assert isinstance(creds, faust.SASLCredentials)
    assert (creds.username, creds.password, creds.mechanism.value) == ("alice", "alice-pw", "SCRAM-SHA-256")
    assert creds.protocol.value == "SASL_PLAINTEXT"
    # The Faust app really carries them (its consumer, producer and topic client use them).
    app = create_app(settings.model_copy(update={"data_dir": tmp_path / "app"}))
    on_app = app.conf.broker_credentials
    assert isinstance(on_app, faust.SASLCredentials)
    assert (on_app.username, on_app.password, on_app.mechanism.value) == (
        "alice",
        "alice-pw",
        "SCRAM-SHA-256",
    )


def test_the_password_is_never_printed() -> None:
    settings = _sasl()
    for text in (repr(settings), str(settings), settings.model_dump_json()):
        assert "s3cret-pw" not in text


@pytest.mark.parametrize(
    ("values", "named"),
    [
        ({"sasl_username": None}, "MILESTONES_SASL_USERNAME"),
        ({"sasl_password": None}, "MILESTONES_SASL_PASSWORD"),
        ({"sasl_mechanism": "GSSAPI"}, "sasl_mechanism"),
        ({"security_protocol": "SASL"}, "security_protocol"),
    ],
)
def test_incomplete_sasl_fails_at_start_up_naming_the_setting(values: dict[str, object], named: str) -> None:
    with pytest.raises(ValidationError, match=named):
        _sasl(**values)


def test_tls_files_without_a_tls_protocol_are_rejected(tmp_path: Path) -> None:
    ca = tmp_path / "ca.pem"
    ca.write_text("x")
    with pytest.raises(ValidationError, match="MILESTONES_SSL_CAFILE set but MILESTONES_SECURITY_PROTOCOL"):
        Settings(ssl_cafile=ca)
    with pytest.raises(ValidationError, match="does not exist"):
        Settings(security_protocol="SSL", ssl_cafile=tmp_path / "missing.pem")


def test_topic_map_renames_topics_and_rejects_unknown_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MILESTONES_TOPIC_PREFIX", "t.")
    monkeypatch.setenv("MILESTONES_TOPIC_MAP", '{"alerts": "desk.alerts.v1", "articles": "desk.news"}')
    topics = Settings().topics
    assert (topics.alerts, topics.articles, topics.quotes) == ("desk.alerts.v1", "desk.news", "t.quotes")
    monkeypatch.setenv("MILESTONES_TOPIC_MAP", '{"alert": "desk.alerts.v1"}')
    with pytest.raises(ValidationError, match=r"unknown topic\(s\) 'alert'.*alerts"):
        Settings()
    monkeypatch.setenv("MILESTONES_TOPIC_MAP", "not json")
    with pytest.raises(Exception, match="topic_map"):
        Settings()


def _self_signed(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate and its key, made with the openssl command."""
    folder.mkdir(parents=True, exist_ok=True)
    cert, key = folder / "client.pem", folder / "client.key"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"),
            *("-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=desk-client"),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


def test_ssl_settings_give_a_verifying_context_with_the_client_certificate(tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    settings = Settings(
        security_protocol="SASL_SSL",
        sasl_username="u",
        sasl_password="p",
        ssl_cafile=cert,
        ssl_certfile=cert,
        ssl_keyfile=key,
    )
    context = ssl_context(settings)
    assert context is not None
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert [c["subject"] for c in context.get_ca_certs()] == [((("commonName", "desk-client"),),)]
    opts = client_options(settings)
    assert opts["security_protocol"] == "SASL_SSL" and isinstance(opts["ssl_context"], ssl.SSLContext)
    creds = faust_options(settings)["broker_credentials"]
    assert creds.protocol.value == "SASL_SSL" and creds.ssl_context is not None
    tls_only = Settings(security_protocol="SSL", ssl_cafile=cert)
    assert isinstance(faust_options(tls_only)["broker_credentials"], faust.SSLCredentials)
    assert client_options(tls_only)["security_protocol"] == "SSL"


def test_a_key_that_does_not_match_the_certificate_is_an_error(tmp_path: Path) -> None:
    cert, _ = _self_signed(tmp_path / "a")
    _, other_key = _self_signed(tmp_path / "b")
    settings = Settings(security_protocol="SSL", ssl_certfile=cert, ssl_keyfile=other_key)
    with pytest.raises(ssl.SSLError):
        ssl_context(settings)
