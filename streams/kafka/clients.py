"""How every Kafka client of ours connects: one place for bootstrap, TLS and SASL.

Why one place: on a desk's own cluster every client (the Faust worker, replay, the admin that
creates topics, lag checks, subscribers, ``tail``, the demo) must present the same credentials;
a client built anywhere else would connect in plain text and hang or fail on a secured listener.

- :func:`client_options` gives the keyword arguments of aiokafka's producer, consumer and admin
  client (``bootstrap_servers``, ``security_protocol``, ``sasl_*``, ``ssl_context``);
- :func:`faust_options` gives the same for ``faust.App`` (``broker_credentials``);
- :func:`ssl_context` builds the TLS context from the CA file and client certificate.

The password is read from its ``SecretStr`` only here, at the moment a client is made.
"""

from __future__ import annotations

import contextlib
import logging
import ssl
from collections.abc import Iterator
from typing import Any

from streams.failures import CommandFailed
from streams.settings import Settings

__all__ = [
    "KafkaConnectFailed",
    "client_options",
    "explain_connect_errors",
    "faust_options",
    "ssl_context",
]


def ssl_context(settings: Settings) -> ssl.SSLContext | None:
    """The TLS context for SSL / SASL_SSL (verifying the brokers; a client certificate if given)."""
    if not settings.security_protocol.endswith("SSL"):
        return None
    context = ssl.create_default_context(
        purpose=ssl.Purpose.SERVER_AUTH,
        cafile=str(settings.ssl_cafile) if settings.ssl_cafile else None,
    )
    if settings.ssl_certfile is not None:
        context.load_cert_chain(
            certfile=str(settings.ssl_certfile),
            keyfile=str(settings.ssl_keyfile) if settings.ssl_keyfile else None,
        )
    return context


def _sasl(settings: Settings) -> tuple[str, str]:
    password = settings.sasl_password.get_secret_value() if settings.sasl_password else ""
    return settings.sasl_username or "", password


def client_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for ``AIOKafkaProducer`` / ``AIOKafkaConsumer`` / ``AIOKafkaAdminClient``."""
    options: dict[str, Any] = {
        "bootstrap_servers": settings.kafka_bootstrap,
        "security_protocol": settings.security_protocol,
    }
    context = ssl_context(settings)
    if context is not None:
        options["ssl_context"] = context
    if settings.security_protocol.startswith("SASL_"):
        username, password = _sasl(settings)
        options.update(
            sasl_mechanism=settings.sasl_mechanism,
            sasl_plain_username=username,
            sasl_plain_password=password,
        )
    return options


def faust_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for ``faust.App``: the broker URL and, when secured, its credentials.

    Faust turns ``broker_credentials`` into the same aiokafka options as :func:`client_options`
    (``faust.transport.drivers.aiokafka.credentials_to_aiokafka_auth``), for its consumer,
    producer and topic-creating client alike.
    """
    import faust

    options: dict[str, Any] = {"broker": settings.faust_broker_url}
    context = ssl_context(settings)
    if settings.security_protocol.startswith("SASL_"):
        username, password = _sasl(settings)
        options["broker_credentials"] = faust.SASLCredentials(
            username=username,
            password=password,
            mechanism=settings.sasl_mechanism,
            ssl_context=context,
        )
    elif context is not None:
        options["broker_credentials"] = faust.SSLCredentials(context)
    return options


class KafkaConnectFailed(CommandFailed, RuntimeError):
    """A client could not connect: the broker is unreachable or refused our credentials."""


class _ConnectErrors(logging.Handler):
    """Keeps aiokafka's "Unable connect to ...: <reason>" lines: the only place the reason is told.

    aiokafka raises a bare ``KafkaConnectionError("Unable to bootstrap from ...")`` and only logs
    why (e.g. ``SaslAuthenticationFailed``), so we listen to its log while a client starts.
    """

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.reasons: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(Exception):
            self.reasons.append(record.getMessage())


@contextlib.contextmanager
def explain_connect_errors(settings: Settings) -> Iterator[None]:
    """Turn a failed connection into :class:`KafkaConnectFailed` with a message a person can act on.

    Wrong credentials read as "Kafka authentication failed for user 'alice' with SCRAM-SHA-256
    ...", not as a stack trace or a hang.
    """
    from aiokafka.errors import KafkaConnectionError, SaslAuthenticationFailed

    handler = _ConnectErrors()
    logger = logging.getLogger("aiokafka")
    logger.addHandler(handler)
    # Kept here, not also logged: the reason is in the one line raised below.
    propagate, logger.propagate = logger.propagate, False
    try:
        yield
    except (KafkaConnectionError, SaslAuthenticationFailed) as error:
        where = f"{settings.kafka_bootstrap} over {settings.security_protocol}"
        auth = [r for r in handler.reasons if "Authentication" in r or "SaslAuthentication" in r]
        if isinstance(error, SaslAuthenticationFailed) or auth:
            who = settings.sasl_username or "(no user)"
            detail = auth[-1] if auth else str(error)
            raise KafkaConnectFailed(
                f"Kafka authentication failed for user {who!r} with {settings.sasl_mechanism} at {where}; "
                f"check MILESTONES_SASL_USERNAME / MILESTONES_SASL_PASSWORD / MILESTONES_SASL_MECHANISM "
                f"({detail})"
            ) from error
        detail = handler.reasons[-1] if handler.reasons else str(error)
        raise KafkaConnectFailed(
            f"cannot connect to Kafka at {where} ({detail}); check that it runs and "
            "MILESTONES_KAFKA_BOOTSTRAP names it (a local one: `milestones broker start`)"
        ) from error
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
