#!/bin/sh
# Runs a project script on the project's own Node (the `node` package from the npm registry), so the README
# commands work where the system Node is older. Installs the dependencies first when they are missing or stale.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if [ ! -x node_modules/.bin/node ] || [ ! -f node_modules/.package-lock.json ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "meshscope: installing npm dependencies (npm ci)..." >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi

node="$root/node_modules/.bin/node"
PATH="$root/node_modules/.bin:$PATH"
export PATH

case "${1:-}" in
  *.ts) exec "$node" --import tsx "$@" ;;
  *) exec "$node" "$@" ;;
esac
