#!/usr/bin/env bash
# The whole test suite, from a fresh Debian 12 machine with the Rust
# toolchain and gcc: installs the Debian packages the tests compare against
# (the reference lua5.1; liblua5.1-0-dev and valgrind for the C API suite;
# GNU time for the peak-RSS check)
# when they are missing, then runs `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v lua5.1 >/dev/null 2>&1 || need+=(lua5.1)
[ -f /usr/include/lua5.1/lua.h ] || need+=(liblua5.1-0-dev)
command -v valgrind >/dev/null 2>&1 || need+=(valgrind)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi

cargo test --release "$@"
