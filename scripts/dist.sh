#!/usr/bin/env bash
# Build and install market-milestones as a user gets it: the Docker image runs exactly these two
# steps (Dockerfile), and the tests run them outside Docker (tests/packaging), so what CI checks
# is what the image does.
#
#   scripts/dist.sh build OUT     sdist, then the wheel built from that sdist (mypyc: needs gcc),
#                                 and OUT/requirements.txt: the runtime dependencies from uv.lock,
#                                 with hashes. Uses $UV, else uv on PATH, else installs uv with pip
#                                 (the version pinned in scripts/uv-requirements.txt).
#   scripts/dist.sh install DIST  into the Python of $PYTHON (default: python on PATH): the locked
#                                 dependencies (hashes required, nothing resolved), then the wheel.
#                                 Needs no compiler and no uv.
set -euo pipefail

usage() {
  echo "usage: scripts/dist.sh build OUT | install DIST" >&2
  exit 2
}

[ $# -eq 2 ] || usage
here="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-python}"

case "$1" in
build)
  out="$(mkdir -p "$2" && cd "$2" && pwd)"
  uv="${UV:-$(command -v uv || true)}"
  if [ -z "$uv" ] || [ ! -x "$uv" ]; then
    "$python" -m pip install --quiet -r "$here/scripts/uv-requirements.txt"
    uv="$(command -v uv)"
  fi
  cd "$here"
  "$uv" build --quiet --sdist --out-dir "$out"
  sdist="$(ls "$out"/market_milestones-*.tar.gz)"
  "$uv" build --quiet --wheel --out-dir "$out" "$sdist"
  "$uv" export --quiet --locked --no-dev --no-emit-project --format requirements.txt \
    --output-file "$out/requirements.txt"
  ls "$out"
  ;;
install)
  dist="$(cd "$2" && pwd)"
  "$python" -m pip install --quiet --no-deps --require-hashes -r "$dist/requirements.txt"
  "$python" -m pip install --quiet --no-deps "$dist"/market_milestones-*.whl
  ;;
*)
  usage
  ;;
esac
