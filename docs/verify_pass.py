#!/usr/bin/env python3
"""Verify a Kaesong Crossing pass token offline, outside the application.

Needs only Python 3 and the `cryptography` package (Debian: python3-cryptography; pip: cryptography).

    python3 verify_pass.py jwks.json TOKEN [revocations.json]

jwks.json is a copy of /.well-known/jwks.json, revocations.json an optional copy of GET /api/v1/revocations.
Exit code 0 and the claims when the pass is valid now; otherwise exit code 1 and the reason code the checkpoint
would show (MALFORMED, UNKNOWN_KEY, INVALID_SIGNATURE, REVOKED, NOT_YET_VALID, EXPIRED). The claims say which kind
of pass it is: a vehicle pass has "typ": "vehicle" and "plate" instead of the holder's names.
"""
import base64
import binascii
import json
import sys
import time

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


class Refused(Exception):
    pass


def b64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def verify(token, jwks, revoked_ids=(), now=None):
    parts = token.strip().split(".")
    if len(parts) != 3:
        raise Refused("MALFORMED")
    header_b64, payload_b64, signature_b64 = parts
    try:
        header = json.loads(b64url(header_b64))
        signature = b64url(signature_b64)
    except (ValueError, binascii.Error):
        raise Refused("MALFORMED")
    if header.get("alg") != "EdDSA" or "kid" not in header:
        raise Refused("MALFORMED")
    key = next((k for k in jwks["keys"] if k.get("kid") == header["kid"]), None)
    if key is None or key.get("kty") != "OKP" or key.get("crv") != "Ed25519":
        raise Refused("UNKNOWN_KEY")
    public_key = Ed25519PublicKey.from_public_bytes(b64url(key["x"]))
    try:
        # The JWS signing input is the ASCII text "<header>.<payload>" exactly as in the token (RFC 7515, 5.2).
        public_key.verify(signature, (header_b64 + "." + payload_b64).encode("ascii"))
    except InvalidSignature:
        raise Refused("INVALID_SIGNATURE")
    claims = json.loads(b64url(payload_b64))
    if claims.get("typ", "person") not in ("person", "vehicle"):
        raise Refused("MALFORMED")  # a person's pass has no typ (or "person"); a vehicle pass has "vehicle"
    now = time.time() if now is None else now
    if claims["jti"] in set(revoked_ids):
        raise Refused("REVOKED")
    if now < claims["nbf"]:
        raise Refused("NOT_YET_VALID")
    if now >= claims["exp"]:
        raise Refused("EXPIRED")
    return claims


def main(argv):
    if len(argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        jwks = json.load(f)
    revoked = []
    if len(argv) == 4:
        with open(argv[3], encoding="utf-8") as f:
            revoked = [entry["passId"] for entry in json.load(f)["revocations"]]
    try:
        claims = verify(argv[2], jwks, revoked)
    except Refused as refusal:
        print("REFUSED " + str(refusal))
        return 1
    print("VALID " + json.dumps(claims, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
