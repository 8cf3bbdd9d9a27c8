"""The passphrase strength estimate: honest about common, short and repetitive choices."""

from __future__ import annotations

import pytest

from peerdesk.data.keys import Passphrase
from peerdesk.errors import ValidationError
from peerdesk.services.safety.security import check_new_passphrase, estimate_strength


@pytest.mark.parametrize(
    "weak", ["", "password", "Password1!", "qwerty123", "12345678", "aaaaaaaaaaaa", "abcdefgh"]
)
def test_common_and_patterned_choices_are_very_weak(weak: str) -> None:
    assert estimate_strength(weak).score == 0
    assert not estimate_strength(weak).acceptable


def test_longer_is_stronger_and_mixing_helps() -> None:
    scores = [
        estimate_strength(text).score
        for text in ("tiger lamp", "tiger lamp orbit", "tiger lamp orbit paper kettle")
    ]
    assert scores == sorted(scores) and scores[0] < scores[-1]
    assert estimate_strength("Tr0ub4dor&3").bits > estimate_strength("troubadorx3").bits
    assert estimate_strength("kettle orbit paper lantern").acceptable


def test_a_short_password_is_not_judged_by_its_symbols_alone() -> None:
    strength = estimate_strength("X9!k")
    assert strength.score == 0 and "at least 8" in strength.advice


def test_check_refuses_weak_mistyped_and_padded_passphrases() -> None:
    with pytest.raises(ValidationError, match="Very weak"):
        check_new_passphrase("letmein")
    with pytest.raises(ValidationError, match="not the same"):
        check_new_passphrase("kettle orbit paper lantern", "kettle orbit paper lanter")
    with pytest.raises(ValidationError, match="space"):
        check_new_passphrase(" kettle orbit paper lantern")
    assert check_new_passphrase("kettle orbit paper lantern", "kettle orbit paper lantern")


def test_the_passphrase_never_shows_in_a_repr() -> None:
    secret = Passphrase("kettle orbit paper lantern")
    assert "kettle" not in repr(secret) and "kettle" not in f"{secret!r} {[secret]}"
    assert secret.same_as("kettle orbit paper lantern") and not secret.same_as("kettle")


def test_the_derived_key_matches_sqlcipher_defaults() -> None:
    import hashlib

    salt = bytes(range(16))
    expected = hashlib.pbkdf2_hmac("sha512", b"pass", salt, 256_000, 32)
    assert Passphrase("pass").raw_key(salt) == expected
