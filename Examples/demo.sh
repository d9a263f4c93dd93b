#!/usr/bin/env bash
# The demo: starts bk-holder in the background, waits until it answers, logs in the test
# citizen with the most debts and prints the overview; the holder stops when the demo ends.
set -euo pipefail
BIN="${BIN:?set BIN to the folder with bk and bk-holder}"
state=$(mktemp -d)
log="$state/holder.log"
"$BIN/bk-holder" serve --config Examples/environment.json --port 0 >"$log" 2>&1 &
holder=$!
trap 'kill $holder 2>/dev/null; wait $holder 2>/dev/null; rm -rf "$state"' EXIT
for _ in $(seq 1 100); do
  grep -q '^ready ' "$log" && break
  kill -0 $holder 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
scheme_url=$(sed -n 's/^ready //p' "$log")
[ -n "$scheme_url" ] || { echo "bk-holder did not start:" >&2; cat "$log" >&2; exit 1; }
export BK_SCHEME_URL="$scheme_url" BK_TRUST_ANCHOR=Examples/trust-anchor.jwks.json BK_ENVIRONMENT=test \
  BK_CACERT=Examples/pki/ca.pem BK_STATE_DIR="$state/bk" XDG_CONFIG_HOME="$state/config"
"$BIN/bk" login --test-bsn 999993653
set +e
"$BIN/bk" overview --format table --detail
status=$?
set -e
echo "(bk overview exit code: $status)"
exit $status
