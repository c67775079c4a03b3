#!/usr/bin/env bash
# C API boundary benchmark: builds bench/capi_boundary.c once against
# Debian's liblua5.1 and once against cellua (target/release/libcellua.so),
# runs each RUNS times (default 3) and prints the median timings and the
# cellua/lua5.1 ratio per direction. Needs liblua5.1-0-dev.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-10000000}
RUNS=${RUNS:-3}
cargo build --release --lib -q
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gcc -O2 -I/usr/include/lua5.1 bench/capi_boundary.c -llua5.1 -o "$tmp/ref"
gcc -O2 -Iinclude bench/capi_boundary.c -Ltarget/release -lcellua \
  -Wl,-rpath,"$PWD/target/release" -o "$tmp/ours"
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for who in ref ours; do
  : > "$tmp/$who.c2l"; : > "$tmp/$who.l2c"
  for _ in $(seq "$RUNS"); do
    out=$("$tmp/$who" "$N")
    echo "$out" | awk '{print $2}' >> "$tmp/$who.c2l"
    echo "$out" | awk '{print $5}' >> "$tmp/$who.l2c"
  done
done
rc=$(median < "$tmp/ref.c2l"); oc=$(median < "$tmp/ours.c2l")
rl=$(median < "$tmp/ref.l2c"); ol=$(median < "$tmp/ours.l2c")
printf '| direction | lua5.1 (s) | cellua (s) | cellua / lua5.1 |\n|---|---:|---:|---:|\n'
printf '| C -> Lua (push, lua_call, tonumber, pop) x %s | %s | %s | %.2f |\n' "$N" "$rc" "$oc" "$(echo "$oc / $rc" | bc -l)"
printf '| Lua -> C (call of a C function) x %s | %s | %s | %.2f |\n' "$N" "$rl" "$ol" "$(echo "$ol / $rl" | bc -l)"
