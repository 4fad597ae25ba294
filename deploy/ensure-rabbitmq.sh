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

if ! open "$host" "$amqp_port"; then
  if local_broker; then
    echo "starting the local RabbitMQ"
    rabbitmq-server -detached
  fi
  wait_for "$amqp_port"
fi
if [[ ${1:-} == --management ]] && ! open "$host" "$api_port"; then
  if local_broker; then
    echo "enabling the RabbitMQ management plugin (the tests make throw-away vhosts through it)"
    rabbitmq-plugins enable rabbitmq_management >/dev/null
  fi
  wait_for "$api_port"
fi
