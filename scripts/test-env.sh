#!/usr/bin/env bash
# Makes this machine ready for the test suite: PostgreSQL running on 127.0.0.1:5432 and Debian's
# Chromium for the browser tests. Safe to run again; it changes nothing that is already in place.
set -euo pipefail

# The storage and multi-instance tests create (and drop) their own tessera_test_* databases on
# this server, so all it needs is to be up and to let the postgres role in over loopback.
postgres_ready() { pg_isready -q -h 127.0.0.1 -p 5432 -U postgres -d postgres 2>/dev/null; }

if ! postgres_ready; then
  if ! command -v pg_lsclusters >/dev/null; then
    echo "test-env: PostgreSQL is not running on 127.0.0.1:5432 and is not installed here" >&2
    exit 1
  fi
  # The cluster that owns port 5432, whatever its version and name.
  read -r version cluster < <(pg_lsclusters -h | awk '$3 == 5432 { print $1, $2; exit }') || true
  if [ -z "${version:-}" ]; then
    echo "test-env: no PostgreSQL cluster is configured for port 5432 (see pg_lsclusters)" >&2
    exit 1
  fi

  echo "test-env: starting PostgreSQL $version/$cluster"
  # A cluster stopped uncleanly may need a moment; a second start after a failed one is harmless.
  pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start ||
    { sleep 2; pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start || true; }
  for _ in $(seq 1 30); do postgres_ready && break; sleep 1; done
  if ! postgres_ready; then
    echo "test-env: PostgreSQL did not come up; see /var/log/postgresql/" >&2
    exit 1
  fi
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "test-env: installing Debian's chromium for the browser tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
