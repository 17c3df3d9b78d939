"""Field-level encryption (AES-256-GCM) and keyed blind indexes (HMAC-SHA256) for identifiers.

A social insurance number is stored as ciphertext (never readable from a database dump) plus a
keyed hash, so an officer can still find a person by exact SIN without decrypting every row.
Both keys are derived from one master key with HKDF, so the operator keeps one secret.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

_VERSION = b"\x01"  # ciphertext format/key version, so keys can be rotated later


def _derive(master: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"onestop:" + purpose).derive(master)


class FieldCipher:
    """Encrypts and indexes sensitive fields with keys derived from one 32-byte master key."""

    def __init__(self, master_key: bytes) -> None:
        if len(master_key) != 32:
            raise ValueError("the field-encryption master key must be 32 bytes")
        self._aead = AESGCM(_derive(master_key, b"field-encryption"))
        self._index_key = _derive(master_key, b"blind-index")

    @classmethod
    def from_text(cls, text: str) -> FieldCipher:
        """Build from the urlsafe-base64 form used in settings and key files."""
        return cls(base64.urlsafe_b64decode(text.strip().encode()))

    @staticmethod
    def generate_key_text() -> str:
        """A new random master key in its text form."""
        return base64.urlsafe_b64encode(os.urandom(32)).decode()

    def encrypt(self, plaintext: str, *, context: str) -> bytes:
        """Encrypt, binding ``context`` ("person.sin") as associated data so ciphertexts cannot be swapped."""
        nonce = os.urandom(12)
        return _VERSION + nonce + self._aead.encrypt(nonce, plaintext.encode(), context.encode())

    def decrypt(self, blob: bytes, *, context: str) -> str:
        """Decrypt a value produced by ``encrypt`` with the same context."""
        if blob[:1] != _VERSION:
            raise ValueError("unknown ciphertext version")
        return self._aead.decrypt(blob[1:13], blob[13:], context.encode()).decode()

    def blind_index(self, normalised: str, *, context: str) -> str:
        """Keyed hash for exact-match lookup; equal inputs give equal indexes, nothing else leaks."""
        mac = hmac.new(self._index_key, context.encode() + b"\x00" + normalised.encode(), hashlib.sha256)
        return mac.hexdigest()


def mask(value: str, *, visible: int = 3) -> str:
    """Mask all but the last ``visible`` characters: '046 454 286' -> '*** *** 286'."""
    keep = 0
    out = []
    for ch in reversed(value):
        if ch.isalnum():
            out.append(ch if keep < visible else "*")
            keep += 1
        else:
            out.append(ch)
    return "".join(reversed(out))
