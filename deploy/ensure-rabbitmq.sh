#!/usr/bin/env bash
# Make sure RabbitMQ answers on 127.0.0.1 (AMQP, and with --management its HTTP API), starting the
# local broker and enabling the management plugin when needed. A remote broker (RABBITMQ_HOST) is only
# waited for.
set -euo pipefail
host=${RABBITMQ_HOST:-127.0.0.1}
amqp_port=${RABBITMQ_PORT:-5672}
api_port=${RABBITMQ_API_PORT:-15672}

open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
wait_for() {
  for _ in $(seq 1 120); do open "$host" "$1" && return 0; sleep 0.5; done
  echo "RabbitMQ did not open port $1 on $host within 60s" >&2; exit 1
}
local_broker() { [[ $host == 127.0.0.1 || $host == localhost ]] && command -v rabbitmq-server >/dev/null; }

# Quorum queues take about three file handles each, and a system declares some 200 of them: a
# broker left at the usual soft limit of 1024 open files (927 for queues) stalls past about 300.
wanted_files=16384
hard_files=$(ulimit -H -n)
[[ $hard_files == unlimited ]] && hard_files=65536
broker_files() {
  local pid
  pid=$(pgrep -u rabbitmq beam.smp | head -1) || return 1
  awk '/^Max open files/ {print $4}' "/proc/$pid/limits"
}
start_local() {
  local files=$((hard_files < 65536 ? hard_files : 65536)) server
  server=$(command -v rabbitmq-server)
  if [[ $(id -u) == 0 ]] && id rabbitmq >/dev/null 2>&1; then
    # su resets the soft limit to PAM's default (1024 here): raise it as the broker's own user
    su rabbitmq -s /bin/sh -c \
      "ulimit -S -n $files; cd /var/lib/rabbitmq; HOME=/var/lib/rabbitmq exec $server -detached"
  else
    ulimit -S -n "$files"
    "$server" -detached
  fi
}

if ! open "$host" "$amqp_port"; then
  if local_broker; then
    echo "starting the local RabbitMQ"
    start_local
  fi
  wait_for "$amqp_port"
elif local_broker && files=$(broker_files) && ((files < wanted_files)) &&
  ((hard_files >= wanted_files)); then
  echo "restarting the local RabbitMQ: it may open $files files, quorum queues need more"
  rabbitmqctl stop >/dev/null
  start_local
  wait_for "$amqp_port"
fi
if [[ ${1:-} == --management ]] && ! open "$host" "$api_port"; then
  if local_broker; then
    echo "enabling the RabbitMQ management plugin (the tests make throw-away vhosts through it)"
    rabbitmq-plugins enable rabbitmq_management >/dev/null
  fi
  wait_for "$api_port"
fi
