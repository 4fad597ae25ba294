#!/usr/bin/env bash
# Make sure PostgreSQL answers on 127.0.0.1:5432, starting the local cluster when needed.
set -euo pipefail
host=${POSTGRES_HOST:-127.0.0.1}
port=${POSTGRES_PORT:-5432}

open() { (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; }

if ! open; then
  if command -v pg_ctlcluster >/dev/null && [[ -d /etc/postgresql ]]; then
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    echo "starting the local PostgreSQL $version cluster"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
  fi
  for _ in $(seq 1 60); do open && exit 0; sleep 0.5; done
  echo "PostgreSQL did not answer on $host:$port within 30s" >&2
  exit 1
fi
