#!/usr/bin/env bash
# Regenerate the C headers in include/ from the Rust declarations in
# src/capi/ (cbindgen, driven by build.rs), then run the header tests.
#
# build.rs always generates the headers into its OUT_DIR; with
# CELLUA_WRITE_HEADERS set it also writes them into include/. A fresh value
# each time makes cargo re-run the build script even when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
CELLUA_WRITE_HEADERS="$(date +%s%N)" cargo build --release --lib
git status --short -- include/
cargo test --release --test headers
