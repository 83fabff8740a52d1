# The market-milestones worker and replay producer, for docker-compose.yml (Kafka runs in its own
# container, apache/kafka). Settings come from MILESTONES_* variables, e.g. MILESTONES_KAFKA_BOOTSTRAP.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Dependencies and package first, seeds last: editing a seed does not reinstall everything.
COPY pyproject.toml README.md ./
COPY schemas ./schemas
COPY streams ./streams
COPY setup.py mypyc.ini ./
# gcc: pip compiles the extraction core with mypyc (setup.py); MILESTONES_PURE_PYTHON=1 skips it.
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev \
    && rm -rf /var/lib/apt/lists/* \
    && pip install . \
    && useradd --create-home --uid 10001 app \
    && mkdir -p /app/.cache/worker \
    && chown -R app /app/.cache
COPY seeds ./seeds

USER app
ENV MILESTONES_DATA_DIR=/app/.cache/worker

ENTRYPOINT ["milestones"]
CMD ["worker"]
