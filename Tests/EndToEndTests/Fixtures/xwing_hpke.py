"""An independent X-Wing HPKE (RFC 9180 base mode, KEM 0x647A, HKDF-SHA256, AES-256-GCM),
written from draft-connolly-cfrg-xwing-kem and RFC 9180 on Python's `cryptography`, to check
bk's swift-crypto implementation against (PROTOCOL §13). Test use only.

  xwing_hpke.py keygen SEED_HEX            -> prints the base64url public key
  xwing_hpke.py seal PK_B64 INFO           -> reads plaintext on stdin, prints the envelope JSON
  xwing_hpke.py open SEED_HEX INFO         -> reads the envelope JSON on stdin, prints plaintext
  xwing_hpke.py kat VECTOR.json            -> checks the X-Wing draft's vector (seed -> pk, ct -> ss)
"""
import base64, hashlib, hmac, json, os, sys
from cryptography.hazmat.primitives.asymmetric import mlkem, x25519
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives import serialization

LABEL = bytes.fromhex("5c2e2f2f5e5c")  # the X-Wing label \.//^\
SUITE = b"HPKE" + (0x647A).to_bytes(2, "big") + (1).to_bytes(2, "big") + (2).to_bytes(2, "big")
RAW = dict(encoding=serialization.Encoding.Raw, format=serialization.PublicFormat.Raw)


def b64(data): return base64.urlsafe_b64encode(data).rstrip(b"=").decode()
def unb64(text): return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def expand(seed):
    wide = hashlib.shake_256(seed).digest(96)
    kem = mlkem.MLKEM768PrivateKey.from_seed_bytes(wide[:64])
    dh = x25519.X25519PrivateKey.from_private_bytes(wide[64:96])
    return kem, dh


def public_key(seed):
    kem, dh = expand(seed)
    return kem.public_key().public_bytes_raw() + dh.public_key().public_bytes(**RAW)


def combine(ss_m, ss_x, ct_x, pk_x):
    return hashlib.sha3_256(ss_m + ss_x + ct_x + pk_x + LABEL).digest()


def encapsulate(pk):
    pk_m, pk_x = pk[:1184], pk[1184:]
    ss_m, ct_m = mlkem.MLKEM768PublicKey.from_public_bytes(pk_m).encapsulate()
    ephemeral = x25519.X25519PrivateKey.generate()
    ct_x = ephemeral.public_key().public_bytes(**RAW)
    ss_x = ephemeral.exchange(x25519.X25519PublicKey.from_public_bytes(pk_x))
    return combine(ss_m, ss_x, ct_x, pk_x), ct_m + ct_x


def decapsulate(seed, enc):
    kem, dh = expand(seed)
    ct_m, ct_x = enc[:1088], enc[1088:]
    ss_m = kem.decapsulate(ct_m)
    ss_x = dh.exchange(x25519.X25519PublicKey.from_public_bytes(ct_x))
    return combine(ss_m, ss_x, ct_x, dh.public_key().public_bytes(**RAW))


def extract(salt, label, ikm):
    return hmac.new(salt or bytes(32), b"HPKE-v1" + SUITE + label + ikm, hashlib.sha256).digest()


def expand_labeled(prk, label, info, length):
    labeled = length.to_bytes(2, "big") + b"HPKE-v1" + SUITE + label + info
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = hmac.new(prk, block + labeled + bytes([counter]), hashlib.sha256).digest()
        out, counter = out + block, counter + 1
    return out[:length]


def schedule(shared_secret, info):
    context = b"\x00" + extract(b"", b"psk_id_hash", b"") + extract(b"", b"info_hash", info)
    secret = extract(shared_secret, b"secret", b"")
    return expand_labeled(secret, b"key", context, 32), expand_labeled(secret, b"base_nonce", context, 12)


def main():
    command = sys.argv[1]
    if command == "keygen":
        print(b64(public_key(bytes.fromhex(sys.argv[2]))))
    elif command == "seal":
        shared, enc = encapsulate(unb64(sys.argv[2]))
        key, nonce = schedule(shared, sys.argv[3].encode())
        ct = AESGCM(key).encrypt(nonce, sys.stdin.buffer.read(), b"")
        print(json.dumps({"kem": "X-Wing", "kdf": "HKDF-SHA256", "aead": "AES-256-GCM", "enc": b64(enc), "ct": b64(ct)}))
    elif command == "kat":
        vector = json.load(open(sys.argv[2]))
        seed = bytes.fromhex(vector["seed"])
        assert public_key(seed).hex() == vector["pk"], "the public key differs from the vector's"
        assert decapsulate(seed, bytes.fromhex(vector["ct"])).hex() == vector["ss"], "the shared secret differs from the vector's"
        print("ok")
    elif command == "open":
        envelope = json.load(sys.stdin)
        shared = decapsulate(bytes.fromhex(sys.argv[2]), unb64(envelope["enc"]))
        key, nonce = schedule(shared, sys.argv[3].encode())
        sys.stdout.buffer.write(AESGCM(key).decrypt(nonce, unb64(envelope["ct"]), b""))


main()
