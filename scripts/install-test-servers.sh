#!/usr/bin/env bash
# Installs the desk-bus servers the bridge tests run against (RabbitMQ, NATS) from Debian's
# packages, only when their binaries are missing: safe to run again, quiet when nothing to do.
# The tests start their own instances on free loopback ports; a service apt may have started
# is stopped so it holds no ports.
set -euo pipefail

missing=()
command -v rabbitmq-server >/dev/null 2>&1 || [ -x /usr/sbin/rabbitmq-server ] || missing+=(rabbitmq-server)
command -v nats-server >/dev/null 2>&1 || missing+=(nats-server)
# The README's shell examples (tests/integration/test_readme_examples.py) pipe into jq and curl.
command -v jq >/dev/null 2>&1 || missing+=(jq)
command -v curl >/dev/null 2>&1 || missing+=(curl)
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

echo "installing test servers: ${missing[*]}"
$SUDO apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null

# Debian starts the broker as a service on install where it can: stop it, the tests run their own.
$SUDO service rabbitmq-server stop >/dev/null 2>&1 || true
