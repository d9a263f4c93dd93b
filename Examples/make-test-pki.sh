#!/usr/bin/env bash
# Creates the test PKI for bk-holder when it is missing: a test CA and one server certificate
# valid for localhost and the loopback addresses 127.0.0.1–127.0.0.16 (few names, like a real
# certificate: every extra name costs the client CPU on every handshake).
# These are TEST keys for loopback only; they are generated per machine and never committed.
set -euo pipefail
dir="${1:-Examples/pki}"
[ -f "$dir/ca.pem" ] && [ -f "$dir/server.pem" ] && [ -f "$dir/server.key" ] && [ -f "$dir/server-expired.pem" ] && [ -f "$dir/server-other-ca.pem" ] && [ -f "$dir/server-wrong-name.pem" ] && exit 0
rm -rf "$dir"
mkdir -p "$dir"
umask 077
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/ca.key" 2>/dev/null
openssl req -x509 -new -key "$dir/ca.key" -sha256 -days 3650 -subj "/CN=bk test CA (loopback only)" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" -out "$dir/ca.pem"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/server.key" 2>/dev/null
{
  printf 'subjectAltName=DNS:localhost'
  for i in $(seq 1 16); do printf ',IP:127.0.0.%d' "$i"; done
  printf '\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n'
} > "$dir/server.ext"
openssl req -new -key "$dir/server.key" -subj "/CN=bk-holder test server" -out "$dir/server.csr"
openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial -days 825 -sha256 \
  -extfile "$dir/server.ext" -out "$dir/server.pem" 2>/dev/null
# An expired certificate for the same key, for tests of expired-certificate handling:
# `openssl ca` is the 3.0 tool that can set a validity period in the past.
mkdir -p "$dir/ca-db"
: > "$dir/ca-db/index.txt"
cat > "$dir/ca-db/ca.cnf" <<CNF
[ca]
default_ca = test
[test]
database = $dir/ca-db/index.txt
new_certs_dir = $dir/ca-db
serial = $dir/ca-db/serial
default_md = sha256
policy = anything
copy_extensions = none
[anything]
commonName = supplied
CNF
echo 01 > "$dir/ca-db/serial"
openssl ca -batch -config "$dir/ca-db/ca.cnf" -cert "$dir/ca.pem" -keyfile "$dir/ca.key" -in "$dir/server.csr" \
  -startdate 20200101000000Z -enddate 20200201000000Z -extfile "$dir/server.ext" -notext -out "$dir/server-expired.pem" 2>/dev/null
# The same key certified by a CA nobody trusts, and by the test CA for another host name.
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/ca-db/other-ca.key" 2>/dev/null
openssl req -x509 -new -key "$dir/ca-db/other-ca.key" -sha256 -days 3650 -subj "/CN=untrusted test CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" -out "$dir/ca-db/other-ca.pem"
openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca-db/other-ca.pem" -CAkey "$dir/ca-db/other-ca.key" -CAcreateserial -days 825 -sha256 \
  -extfile "$dir/server.ext" -out "$dir/server-other-ca.pem" 2>/dev/null
printf 'subjectAltName=DNS:wrong-name.invalid\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' > "$dir/ca-db/wrong.ext"
openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial -days 825 -sha256 \
  -extfile "$dir/ca-db/wrong.ext" -out "$dir/server-wrong-name.pem" 2>/dev/null
rm -rf "$dir/server.csr" "$dir/server.ext" "$dir/ca.srl" "$dir/ca-db"
chmod 644 "$dir/ca.pem" "$dir/server.pem" "$dir/server-expired.pem" "$dir/server-other-ca.pem" "$dir/server-wrong-name.pem"
echo "test PKI created in $dir"
