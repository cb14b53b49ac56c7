"""Writes cosignature-v1.json: cosignature/v1 lines computed independently of pingshen.

Follows c2sp.org/tlog-cosignature with Python's `cryptography` package, from the spec text:
key ID = SHA-256(name || "\n" || 0x04 || 32-byte public key)[:4]; signed message =
"cosignature/v1\ntime <timestamp>\n" || checkpoint note text; line = "— <name> " ||
base64(key ID || u64 big-endian timestamp || Ed25519 signature) || "\n".
"""
import base64, hashlib, json, struct
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives import serialization

seed = hashlib.sha256(b"pingshen witness cosignature test vector").digest()
key = Ed25519PrivateKey.from_private_bytes(seed)
public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
root = base64.b64encode(hashlib.sha256(b"root").digest()).decode()
cases = [
    ("pingshen.witness.0123456789abcdef", 1764115200, f"pingshen.session/2026-07\n42\n{root}\n"),
    ("pingshen.witness.0123456789abcdef", 0, f"pingshen.session/2026-07\n0\n{base64.b64encode(hashlib.sha256(b'').digest()).decode()}\n"),
    ("witness.example.com/w1", 2**63 - 1, f"pingshen.session/评审-7\n18446744073709551615\n{root}\nextension line\n"),
]
out = []
for name, timestamp, text in cases:
    key_id = hashlib.sha256(name.encode() + b"\n" + b"\x04" + public).digest()[:4]
    message = b"cosignature/v1\ntime " + str(timestamp).encode() + b"\n" + text.encode()
    signature = key.sign(message)
    line = "\u2014 " + name + " " + base64.b64encode(key_id + struct.pack(">Q", timestamp) + signature).decode() + "\n"
    out.append({"name": name, "timestamp": timestamp, "checkpointText": text,
                "keyID": key_id.hex(), "message": message.decode(), "line": line})
json.dump({"source": "computed by make_vectors.py (Python cryptography) from c2sp.org/tlog-cosignature",
           "privateKey": seed.hex(), "publicKey": public.hex(), "cases": out},
          open("cosignature-v1.json", "w"), ensure_ascii=False, indent=2)
