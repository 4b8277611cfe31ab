"""Portable credentials: each certificate as an Open Badges 3.0 credential (a W3C Verifiable
Credential, data model 2.0) signed with the issuer's Ed25519 key.

Anyone can check a credential without our site: the proof is a Data Integrity proof with the
cryptosuite "eddsa-jcs-2022" (the document and the proof options canonicalised with JCS,
RFC 8785, each hashed with SHA-256, the two hashes signed with Ed25519), and its
`verificationMethod` is a `did:key`, which *is* the public key (multibase base58btc of the
multicodec prefix 0xed01 followed by the 32 key bytes). The issuer's `id` is the same did:key,
so the proof also says who issued the credential.

The credential anyone may download (from the public verification page) carries the holder's
name as the paper certificate prints it, and nothing else about them. The copy the holder
downloads when logged in also carries their e-mail address as a salted SHA-256 hash, so they can
prove to a platform that knows their address that the credential is theirs. A national ID
number is never put in, not even hashed: twelve digits with the salt printed beside the hash
are found by trying them all. Signing is deterministic (Ed25519, `created` = the issue time), so a certificate downloads as the same
file every time while the key stays the same.

A credential is a copy: once downloaded it cannot be recalled. Its `id` is the public
verification page, which always tells the live status (valid, revoked, expired); revoked
certificates are no longer offered for download.

The key: settings.CERTIFICATE_SIGNING_KEY (a PEM in the environment) or the PEM file
settings.CERTIFICATE_SIGNING_KEY_FILE, written on first use (under a file lock, mode 0600).
Every machine of a deployment must share one key: set CERTIFICATE_SIGNING_KEY in production.
"""

from __future__ import annotations

import base64
import fcntl
import hashlib
import json
import math
import os
import re
import uuid
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
CRYPTOSUITE = "eddsa-jcs-2022"
ED25519_MULTICODEC = b"\xed\x01"


# JSON Canonicalization Scheme (RFC 8785) -----------------------------------------------------


def canonical_json(value) -> str:
    """`value` serialised as RFC 8785 says: object keys sorted by their UTF-16 code units, no
    whitespace, strings escaped as ECMAScript's JSON.stringify does, numbers as ECMAScript
    prints an IEEE double. Raises ValueError for what JSON cannot hold (NaN, huge integers)."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return _jcs_string(value)
    if isinstance(value, int | float):
        return _jcs_number(value)
    if isinstance(value, list | tuple):
        return "[" + ",".join(canonical_json(item) for item in value) + "]"
    if isinstance(value, dict):
        if not all(isinstance(key, str) for key in value):
            raise ValueError("JSON object keys must be strings")
        keys = sorted(value, key=lambda key: key.encode("utf-16-be"))
        return "{" + ",".join(f"{_jcs_string(k)}:{canonical_json(value[k])}" for k in keys) + "}"
    raise ValueError(f"not JSON: {type(value).__name__}")


def _jcs_string(text: str) -> str:
    # Python escapes exactly what JSON.stringify does (", \, the controls below U+0020, with the
    # short forms \b \f \n \r \t and lowercase \u00xx) once ensure_ascii is off.
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in text):
        raise ValueError("lone surrogate in a string")
    return json.dumps(text, ensure_ascii=False)


def _jcs_number(number: int | float) -> str:
    if isinstance(number, int):
        if abs(number) > 2**53:
            raise ValueError("integer too large for an IEEE double")
        number = float(number)
    if not math.isfinite(number):
        raise ValueError("NaN and infinity are not JSON")
    if number == 0:
        return "0"  # also for -0
    sign = "-" if number < 0 else ""
    # repr() gives the shortest digits that read back as the same double, as ECMAScript does;
    # only the layout differs.
    digits_tuple = Decimal(repr(abs(number))).normalize().as_tuple()
    digits = "".join(map(str, digits_tuple.digits))
    k = len(digits)
    n = digits_tuple.exponent + k  # value = 0.digits * 10**n
    if k <= n <= 21:
        text = digits + "0" * (n - k)
    elif 0 < n <= 21:
        text = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        text = "0." + "0" * (-n) + digits
    else:
        exponent = n - 1
        mantissa = digits if k == 1 else digits[0] + "." + digits[1:]
        text = f"{mantissa}e{'+' if exponent >= 0 else '-'}{abs(exponent)}"
    return sign + text


# Base58btc and did:key ----------------------------------------------------------------------

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_INDEX = {ch: i for i, ch in enumerate(_B58)}


def base58btc_encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    out = []
    while number:
        number, rest = divmod(number, 58)
        out.append(_B58[rest])
    zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * zeros + "".join(reversed(out))


def base58btc_decode(text: str) -> bytes:
    number = 0
    for ch in text:
        if ch not in _B58_INDEX:
            raise ValueError("not base58btc")
        number = number * 58 + _B58_INDEX[ch]
    zeros = len(text) - len(text.lstrip("1"))
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * zeros + body


def public_key_bytes(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_key_multibase(public_key: Ed25519PublicKey) -> str:
    """The key as a Multikey: "z" + base58btc(0xed01 + key), which starts with "z6Mk"."""
    return "z" + base58btc_encode(ED25519_MULTICODEC + public_key_bytes(public_key))


def did_key(public_key: Ed25519PublicKey) -> str:
    return "did:key:" + public_key_multibase(public_key)


def verification_method(public_key: Ed25519PublicKey) -> str:
    multibase = public_key_multibase(public_key)
    return f"did:key:{multibase}#{multibase}"


def public_key_from_did(did: str) -> Ed25519PublicKey:
    """Resolve a did:key (or a did:key URL with its fragment) to an Ed25519 public key.
    Raises ValueError when it is not an Ed25519 did:key."""
    match = re.fullmatch(r"did:key:(z[1-9A-HJ-NP-Za-km-z]+)(?:#(z[1-9A-HJ-NP-Za-km-z]+))?", did)
    if match is None:
        raise ValueError("not a did:key")
    multibase, fragment = match.groups()
    if fragment is not None and fragment != multibase:
        raise ValueError("the did:key fragment names another key")
    raw = base58btc_decode(multibase[1:])
    if not raw.startswith(ED25519_MULTICODEC) or len(raw) != 34:
        raise ValueError("not an Ed25519 did:key")
    return Ed25519PublicKey.from_public_bytes(raw[2:])


# The issuer's key ---------------------------------------------------------------------------

_loaded: dict[tuple[str, str], Ed25519PrivateKey] = {}


def _key_file() -> Path:
    configured = getattr(settings, "CERTIFICATE_SIGNING_KEY_FILE", "")
    return Path(configured or Path(settings.VAR_DIR) / "keys" / "issuer-ed25519.pem")


class SigningKeyUnavailable(RuntimeError):
    """The issuer's key cannot be loaded (a malformed PEM, an unreadable or unwritable key
    file): pages go on without the credential, and the message says what to fix."""


def signing_key() -> Ed25519PrivateKey:
    """The issuer's private key: from CERTIFICATE_SIGNING_KEY, else from the key file, which is
    created (once, whatever the number of processes starting together) when it is missing.
    Raises SigningKeyUnavailable when neither can be used."""
    pem = getattr(settings, "CERTIFICATE_SIGNING_KEY", "") or ""
    path = _key_file()
    cache_key = (pem, str(path))
    if cache_key not in _loaded:
        try:
            key = _key_from_pem(pem.encode()) if pem else _key_from_file(path)
        except (ValueError, OSError) as error:
            source = "CERTIFICATE_SIGNING_KEY" if pem else f"CERTIFICATE_SIGNING_KEY_FILE {path}"
            raise SigningKeyUnavailable(f"{source} cannot be used: {error}") from error
        _loaded[cache_key] = key
    return _loaded[cache_key]


def _key_from_pem(data: bytes) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as error:
        raise ValueError(f"the certificate signing key is not a readable PEM: {error}") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("the certificate signing key is not an Ed25519 key")
    return key


def _key_from_file(path: Path) -> Ed25519PrivateKey:
    if path.exists():
        return _key_from_pem(path.read_bytes())
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if path.exists():  # another process wrote it while we waited
            return _key_from_pem(path.read_bytes())
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(pem)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
        return key


def issuer_public_key() -> Ed25519PublicKey:
    return signing_key().public_key()


def issuer_key_summary() -> dict:
    """What the verification page and the key's JSON publish about the issuer's key."""
    public_key = issuer_public_key()
    return {
        "did": did_key(public_key),
        "verification_method": verification_method(public_key),
        "multibase": public_key_multibase(public_key),
        "hex": public_key_bytes(public_key).hex(),
    }


# The credential -----------------------------------------------------------------------------


def _timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _identity_hash(value: str, salt: str) -> str:
    """As Open Badges hashes identifiers: "sha256$" + hex(SHA-256(identifier + salt))."""
    return "sha256$" + hashlib.sha256((value + salt).encode()).hexdigest()


def _identifiers(certificate, name: str, *, with_email: bool) -> list[dict]:
    """The holder: their name as printed (plain) and, in the holder's own copy, their e-mail
    address hashed with a salt of this certificate (so two credentials cannot be linked by it)."""
    identifiers = [
        {"type": "IdentityObject", "identityType": "name", "hashed": False, "identityHash": name}
    ]
    email = certificate.user.email.strip().lower() if with_email else ""
    if not email:
        return identifiers
    salt = hashlib.sha256(f"{certificate.code}:identity".encode()).hexdigest()[:24]
    identifiers.append(
        {
            "type": "IdentityObject",
            "identityType": "emailAddress",
            "hashed": True,
            "identityHash": _identity_hash(email, salt),
            "salt": salt,
        }
    )
    return identifiers


def _site_url() -> str:
    base = getattr(settings, "CERTIFICATE_BASE_URL", "") or settings.WAGTAILADMIN_BASE_URL
    return base.rstrip("/")


def _achievement_id(course_id: int) -> str:
    """A stable URI for "completed this course" on this site (page addresses change with slugs)."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{_site_url()}/course/{course_id}')}"


def unsigned_credential(certificate, *, with_email: bool = False) -> dict:
    """The credential of a certificate before signing, from its snapshot (what is printed);
    `with_email` for the holder's own copy only."""
    from .services import verify_url

    snapshot = certificate.snapshot or {}
    course = snapshot.get("course_title", "")
    name = snapshot.get("holder_name", "")
    issuer = snapshot.get("issuer_name", "")
    with translation.override("vi"):
        credential_name = _("Certificate: %(course)s") % {"course": course}
        description = _("%(text)s %(course)s") % {
            "text": snapshot.get("body_text") or _("Completed the training course"),
            "course": course,
        }
        criteria = _(
            "Completed every required lesson of the course %(course)s on the training platform "
            "and passed its quizzes."
        ) % {"course": course}
        if snapshot.get("result"):
            criteria += " " + _("Result: %(result)s.") % {"result": snapshot["result"]}
    credential = {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": snapshot.get("verify_url") or verify_url(certificate.code),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": credential_name,
        "issuer": {
            "id": did_key(issuer_public_key()),
            "type": ["Profile"],
            "name": issuer,
            "url": _site_url() + "/",
        },
        "validFrom": _timestamp(certificate.issued_at),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": _identifiers(certificate, name, with_email=with_email),
            "achievement": {
                "id": _achievement_id(certificate.course_id),
                "type": ["Achievement"],
                "achievementType": "CertificateOfCompletion",
                "name": course,
                "description": description.strip(),
                "criteria": {"narrative": criteria},
                "inLanguage": "vi",
            },
        },
    }
    if certificate.expires_at:
        credential["validUntil"] = _timestamp(certificate.expires_at)
    return credential


def _hash_data(document: dict, proof_options: dict) -> bytes:
    """eddsa-jcs-2022: SHA-256(JCS(proof options with the document's @context)) followed by
    SHA-256(JCS(document without its proof))."""
    config = dict(proof_options)
    if "@context" in document:
        config["@context"] = document["@context"]
    config_hash = hashlib.sha256(canonical_json(config).encode()).digest()
    document_hash = hashlib.sha256(canonical_json(document).encode()).digest()
    return config_hash + document_hash


def sign(document: dict, private_key: Ed25519PrivateKey, *, created: datetime) -> dict:
    """A copy of `document` with an eddsa-jcs-2022 Data Integrity proof by `private_key`."""
    unsigned = {key: value for key, value in document.items() if key != "proof"}
    proof = {
        "type": "DataIntegrityProof",
        "cryptosuite": CRYPTOSUITE,
        "created": _timestamp(created),
        "verificationMethod": verification_method(private_key.public_key()),
        "proofPurpose": "assertionMethod",
    }
    signature = private_key.sign(_hash_data(unsigned, proof))
    return {**unsigned, "proof": {**proof, "proofValue": "z" + base58btc_encode(signature)}}


def credential_for(certificate, *, with_email: bool = False) -> dict:
    """The signed Open Badges 3.0 credential of a certificate (the public copy, or with
    `with_email` the holder's own)."""
    document = unsigned_credential(certificate, with_email=with_email)
    return sign(document, signing_key(), created=certificate.issued_at)


def credential_bytes(certificate, *, with_email: bool = False) -> bytes:
    document = credential_for(certificate, with_email=with_email)
    return json.dumps(document, ensure_ascii=False, indent=2).encode()


# Verifying ----------------------------------------------------------------------------------


class CredentialInvalid(ValueError):
    """Why a credential does not verify (one line)."""


def _issuer_id(document: dict) -> str | None:
    issuer = document.get("issuer")
    return issuer.get("id") if isinstance(issuer, dict) else issuer


def credential_check(doc, public_key: Ed25519PublicKey | str | None = None) -> None:
    """Check a credential's proof from the document alone; raise CredentialInvalid with the
    reason when it fails. With `public_key` (a key or a did:key) the proof must also be that
    key's. Dates are not checked here: see `credential_expired`."""
    if not isinstance(doc, dict):
        raise CredentialInvalid(_("The file is not a credential (a JSON object)."))
    proof = doc.get("proof")
    if not isinstance(proof, dict):
        raise CredentialInvalid(_("The credential has no proof (it is not signed)."))
    if proof.get("type") != "DataIntegrityProof" or proof.get("cryptosuite") != CRYPTOSUITE:
        raise CredentialInvalid(_("The proof is not an eddsa-jcs-2022 Data Integrity proof."))
    if proof.get("proofPurpose") != "assertionMethod":
        raise CredentialInvalid(_("The proof is not made for asserting a credential."))
    method = proof.get("verificationMethod")
    try:
        key = public_key_from_did(method if isinstance(method, str) else "")
        signature = base58btc_decode(str(proof.get("proofValue", "z"))[1:])
    except ValueError:
        raise CredentialInvalid(_("The proof's key or signature is malformed.")) from None
    if not str(proof.get("proofValue", "")).startswith("z") or len(signature) != 64:
        raise CredentialInvalid(_("The proof's key or signature is malformed."))
    did = method.split("#", 1)[0]
    if _issuer_id(doc) != did:
        raise CredentialInvalid(_("The credential was signed by someone other than its issuer."))
    if public_key is not None:
        expected = public_key if isinstance(public_key, str) else did_key(public_key)
        if expected.split("#", 1)[0] != did:
            raise CredentialInvalid(_("The credential was not signed with the expected key."))
    options = {key: value for key, value in proof.items() if key != "proofValue"}
    unsigned = {key: value for key, value in doc.items() if key != "proof"}
    if "@context" in options:
        context = unsigned.get("@context") or []
        if list(context[: len(options["@context"])]) != list(options["@context"]):
            raise CredentialInvalid(_("The proof's context does not match the credential's."))
        unsigned["@context"] = options.pop("@context")
    try:
        key.verify(signature, _hash_data(unsigned, options))
    except (InvalidSignature, ValueError):
        raise CredentialInvalid(
            _("The signature does not match: the credential was changed after it was signed.")
        ) from None


def verify_credential(doc, public_key: Ed25519PublicKey | str | None = None) -> bool:
    """True when the credential's proof verifies (see `credential_check`)."""
    try:
        credential_check(doc, public_key)
    except CredentialInvalid:
        return False
    return True


def credential_expired(doc: dict, now: datetime | None = None) -> str | None:
    """The credential's validUntil when it has passed, else None."""
    until = doc.get("validUntil")
    if not isinstance(until, str):
        return None
    try:
        moment = datetime.fromisoformat(until.replace("Z", "+00:00"))
    except ValueError:
        return until
    return until if moment <= (now or datetime.now(UTC)) else None


def holder_name(doc: dict) -> str:
    subject = doc.get("credentialSubject") or {}
    for identifier in subject.get("identifier") or []:
        if identifier.get("identityType") == "name" and not identifier.get("hashed"):
            return identifier.get("identityHash", "")
    return ""


def public_key_pem(public_key: Ed25519PublicKey) -> str:
    return public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode()


def public_key_jwk(public_key: Ed25519PublicKey) -> dict:
    raw = base64.urlsafe_b64encode(public_key_bytes(public_key)).rstrip(b"=").decode()
    return {"kty": "OKP", "crv": "Ed25519", "x": raw}
