# The market-milestones worker and replay producer, for docker-compose.yml (Kafka runs in its own
# container, apache/kafka). Settings come from MILESTONES_* variables, e.g. MILESTONES_KAFKA_BOOTSTRAP.
#
# Two stages: `build` has the C compiler and uv, and makes the sdist, the wheel built from it
# (the extraction core compiled with mypyc) and the runtime requirements locked in uv.lock;
# the runtime stage installs those with pip (hashes required) and has no compiler. Both steps are
# scripts/dist.sh, which tests/packaging runs outside Docker on every `make test`.

FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 UV_PYTHON_DOWNLOADS=never
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY scripts/uv-requirements.txt scripts/dist.sh ./scripts/
RUN pip install -r scripts/uv-requirements.txt
COPY pyproject.toml uv.lock setup.py mypyc.ini MANIFEST.in README.md ./
COPY schemas ./schemas
COPY streams ./streams
RUN scripts/dist.sh build /dist

FROM python:3.11-slim AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
COPY --from=build /src/scripts/dist.sh /tmp/dist.sh
COPY --from=build /dist /tmp/dist
RUN /tmp/dist.sh install /tmp/dist \
    && rm -rf /tmp/dist /tmp/dist.sh \
    && useradd --create-home --uid 10001 app \
    && mkdir -p /app/.cache/worker \
    && chown -R app /app

WORKDIR /app
COPY seeds ./seeds
USER app
ENV MILESTONES_DATA_DIR=/app/.cache/worker

ENTRYPOINT ["milestones"]
CMD ["worker"]
