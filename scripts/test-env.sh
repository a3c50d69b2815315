#!/usr/bin/env bash
# Makes this machine ready for the test suite: PostgreSQL running on 127.0.0.1:5432 and Debian's
# Chromium for the browser tests. Safe to run again; it changes nothing that is already in place.
set -euo pipefail

if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  echo "test-env: starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "test-env: installing Debian's chromium for the browser tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
