"""The portable credential: an Open Badges 3.0 credential signed with eddsa-jcs-2022 that anyone
can verify from the document alone; its canonical JSON (RFC 8785), the issuer's key, the
download, the command and the verification page's key."""

import json
import os
import struct
import threading

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from certificates import badges, services
from certificates.badges import canonical_json

from .factories import HOLDER_NAME, completed_enrolment, course_with_template, holder

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_pdf_on_issue(settings, tmp_path):
    settings.CERTIFICATE_RENDER_ON_ISSUE = False
    settings.CERTIFICATE_SIGNING_KEY = ""
    settings.CERTIFICATE_SIGNING_KEY_FILE = str(tmp_path / "keys" / "issuer.pem")


@pytest.fixture
def certificate(demo):
    course = course_with_template(validity_months=12, title="Truyền thông dự thảo chính sách")
    user = holder(username="badge.holder", email="Anh.Nguyen@Example.vn")
    enrolment = completed_enrolment(course=course, user=user, score=90)
    return services.certificate_issue(enrolment_id=enrolment.pk)


# RFC 8785 ----------------------------------------------------------------------------------


def _double(bits: int) -> float:
    return struct.unpack(">d", bits.to_bytes(8, "big"))[0]


@pytest.mark.parametrize(
    ("bits", "expected"),
    [  # RFC 8785, appendix B
        (0x0000000000000000, "0"),
        (0x8000000000000000, "0"),
        (0x0000000000000001, "5e-324"),
        (0x8000000000000001, "-5e-324"),
        (0x7FEFFFFFFFFFFFFF, "1.7976931348623157e+308"),
        (0x4340000000000000, "9007199254740992"),
        (0xC340000000000000, "-9007199254740992"),
        (0x4430000000000000, "295147905179352830000"),
        (0x44B52D02C7E14AF5, "9.999999999999997e+22"),
        (0x44B52D02C7E14AF6, "1e+23"),
        (0x444B1AE4D6E2EF50, "1e+21"),
        (0x444B1AE4D6E2EF4F, "999999999999999900000"),
        (0x3EB0C6F7A0B5ED8D, "0.000001"),
        (0x3EB0C6F7A0B5ED8C, "9.999999999999997e-7"),
        (0x41B3DE4355555553, "333333333.3333332"),
        (0xBECBF647612F3696, "-0.0000033333333333333333"),
        (0x43143FF3C1CB0959, "1424953923781206.2"),
    ],
)
def test_numbers_are_written_as_ecmascript_writes_them(bits, expected):
    assert canonical_json(_double(bits)) == expected


def test_canonical_json_sorts_by_utf16_and_escapes_like_json_stringify():
    # RFC 8785 3.2.3: U+1F600 is the surrogate pair D83D DE00, which sorts before U+FB33.
    keys = {"\u20ac": 1, "\r": 2, "\ufb33": 3, "1": 4, "\U0001f600": 5, "\u0080": 6, "\u00f6": 7}
    assert canonical_json(keys) == (
        '{"\\r":2,"1":4,"\u0080":6,"\u00f6":7,"\u20ac":1,"\U0001f600":5,"\ufb33":3}'
    )
    assert canonical_json({"b": [1.0, True, None], "a": "Hoà\n\x1f/"}) == (
        '{"a":"Hoà\\n\\u001f/","b":[1,true,null]}'
    )
    for bad in (float("nan"), float("inf"), 2**60, {1: "x"}):
        with pytest.raises(ValueError):
            canonical_json(bad)


# The W3C test vector (vc-di-eddsa, TestVectors/eddsa-jcs-2022): same key, same document, same
# proof options give the published hash and signature, byte for byte.
W3C_KEY = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq"  # multicodec 0x8026 + seed
W3C_DOCUMENT = {
    "@context": [
        "https://www.w3.org/ns/credentials/v2",
        "https://www.w3.org/ns/credentials/examples/v2",
    ],
    "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
    "type": ["VerifiableCredential", "AlumniCredential"],
    "name": "Alumni Credential",
    "description": "A minimum viable example of an Alumni Credential.",
    "issuer": "https://vc.example/issuers/5678",
    "validFrom": "2023-01-01T00:00:00Z",
    "credentialSubject": {"id": "did:example:abcdefgh", "alumniOf": "The School of Examples"},
}
W3C_MULTIKEY = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"


def _w3c_options(method: str) -> dict:
    return {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-jcs-2022",
        "created": "2023-02-24T23:36:38Z",
        "verificationMethod": method,
        "proofPurpose": "assertionMethod",
    }


def test_signing_reproduces_the_w3c_eddsa_jcs_2022_test_vector():
    key = Ed25519PrivateKey.from_private_bytes(badges.base58btc_decode(W3C_KEY[1:])[2:])
    assert badges.public_key_multibase(key.public_key()) == W3C_MULTIKEY
    did_method = f"did:key:{W3C_MULTIKEY}#{W3C_MULTIKEY}"
    assert badges._hash_data(W3C_DOCUMENT, _w3c_options(did_method)).hex() == (
        "66ab154f5c2890a140cb8388a22a160454f80575f6eae09e5a097cabe539a1db"
        "59b7cb6251b8991add1ce0bc83107e3db9dbbab5bd2c28f687db1a03abc92f19"
    )
    web_method = f"https://vc.example/issuers/5678#{W3C_MULTIKEY}"
    signature = key.sign(badges._hash_data(W3C_DOCUMENT, _w3c_options(web_method)))
    assert "z" + badges.base58btc_encode(signature) == (
        "z63t83Y53KfzJ5ZosfKTnqfMcKB2dmTrfjSaQjeNNjAD5srBowQfmWqeRb8rRjmeEuCBEsddF9LsVogtuTsijJKh4"
    )
    # A proof that carries its own @context (as the vector's does) verifies too.
    document = {**W3C_DOCUMENT, "issuer": f"did:key:{W3C_MULTIKEY}"}
    options = {**_w3c_options(did_method), "@context": W3C_DOCUMENT["@context"]}
    proof_value = key.sign(badges._hash_data(document, _w3c_options(did_method)))
    signed = {
        **document,
        "proof": {**options, "proofValue": "z" + badges.base58btc_encode(proof_value)},
    }
    assert badges.verify_credential(signed)


# The credential ----------------------------------------------------------------------------


def test_a_certificate_becomes_a_signed_open_badge(certificate):
    credential = badges.credential_for(certificate)

    assert credential["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert credential["@context"][1].startswith("https://purl.imsglobal.org/spec/ob/v3p0/context")
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["issuer"]["name"] == "Sở Tư pháp tỉnh Lạng Sơn"
    assert credential["issuer"]["id"].startswith("did:key:z6Mk")
    assert credential["validFrom"].endswith("Z") and "validUntil" in credential
    subject = credential["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    assert subject["achievement"]["name"] == "Truyền thông dự thảo chính sách"
    assert subject["achievement"]["criteria"]["narrative"]
    assert badges.holder_name(credential) == HOLDER_NAME
    # What anyone may download names the holder as the paper does, and nothing else.
    assert [i["identityType"] for i in subject["identifier"]] == ["name"]
    # The holder's own copy adds their e-mail address, only as a salted hash they can prove.
    own = badges.credential_for(certificate, with_email=True)
    hashed = next(i for i in own["credentialSubject"]["identifier"] if i["hashed"])
    assert "example.vn" not in json.dumps(own).lower()
    assert hashed["identityType"] == "emailAddress"
    assert hashed["identityHash"] == badges._identity_hash("anh.nguyen@example.vn", hashed["salt"])
    assert badges.verify_credential(own)
    proof = credential["proof"]
    assert proof["cryptosuite"] == "eddsa-jcs-2022"
    assert (
        proof["verificationMethod"]
        == f"{credential['issuer']['id']}#{credential['issuer']['id'][8:]}"
    )
    assert badges.verify_credential(credential)
    # Deterministic: the same certificate downloads as the same file.
    assert badges.credential_for(certificate) == credential


def test_anyone_verifies_the_document_alone_and_any_change_breaks_it(certificate):
    text = badges.credential_bytes(certificate).decode()
    document = json.loads(text)  # from here on: no database, no site, only the file
    assert badges.verify_credential(document)
    assert badges.verify_credential(document, document["issuer"]["id"])

    tampered = json.loads(text.replace("Ngọc Ánh", "Ngọc Ảnh"))
    assert badges.holder_name(tampered) != HOLDER_NAME
    assert not badges.verify_credential(tampered)

    later = json.loads(text)
    later["validUntil"] = "2099-01-01T00:00:00Z"
    assert not badges.verify_credential(later)

    other = Ed25519PrivateKey.generate()
    forged = badges.sign(json.loads(text), other, created=certificate.issued_at)
    assert not badges.verify_credential(forged)  # signed by a key that is not the issuer's
    forged["issuer"]["id"] = badges.did_key(other.public_key())
    forged = badges.sign(forged, other, created=certificate.issued_at)
    assert badges.verify_credential(forged)  # a consistent forgery verifies ...
    assert not badges.verify_credential(forged, document["issuer"]["id"])  # ... not as ours

    unsigned = json.loads(text)
    del unsigned["proof"]
    assert not badges.verify_credential(unsigned)
    assert not badges.verify_credential("not a credential")


def test_the_key_is_made_once_private_and_read_back(settings, tmp_path):
    path = tmp_path / "new" / "issuer.pem"
    settings.CERTIFICATE_SIGNING_KEY_FILE = str(path)
    keys = []

    def load():
        keys.append(badges._key_from_file(path))

    threads = [threading.Thread(target=load) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({badges.did_key(key.public_key()) for key in keys}) == 1
    assert os.stat(path).st_mode & 0o777 == 0o600
    assert badges.did_key(badges.issuer_public_key()) == badges.did_key(keys[0].public_key())

    settings.CERTIFICATE_SIGNING_KEY = path.read_text()  # the environment's PEM wins
    settings.CERTIFICATE_SIGNING_KEY_FILE = str(tmp_path / "unused.pem")
    assert badges.did_key(badges.issuer_public_key()) == badges.did_key(keys[0].public_key())
    assert not (tmp_path / "unused.pem").exists()


# Download, page, command -------------------------------------------------------------------


def test_the_credential_downloads_from_the_verification_page(client, certificate):
    page = client.get(reverse("certificates:verify", args=[certificate.code])).content.decode()
    summary = badges.issuer_key_summary()
    assert summary["did"] in page and summary["hex"] in page and summary["multibase"] in page
    url = reverse("certificates:badge", args=[certificate.code])
    assert url in page

    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert badges.verify_credential(json.loads(response.content))

    key = client.get(reverse("certificates:issuer_key")).json()
    assert key["id"] == summary["did"] and key["publicKeyHex"] == summary["hex"]
    assert client.get(reverse("certificates:badge", args=["KHONGCOMA"])).status_code == 404


def test_the_public_credential_holds_no_national_id_nor_any_hash_of_it(client, demo):
    # Twelve digits hashed with a salt printed beside the hash: anyone could try them all.
    from people.models import Profile

    course = course_with_template(title="Khoá không có thư điện tử")
    user = holder(username="khong.thu", email="")
    Profile.objects.filter(user=user).update(national_id="020088001234")
    certificate = services.certificate_issue(
        enrolment_id=completed_enrolment(course=course, user=user).pk
    )
    for document in (
        json.loads(client.get(reverse("certificates:badge", args=[certificate.code])).content),
        badges.credential_for(certificate, with_email=True),
    ):
        identifiers = document["credentialSubject"]["identifier"]
        assert [i["identityType"] for i in identifiers] == ["name"]
        text = json.dumps(document)
        assert "020088001234" not in text and "nationalIdentityNumber" not in text
        assert "sha256$" not in text


def test_the_holder_downloads_a_copy_with_their_hashed_e_mail(client, certificate):
    url = reverse("certificates:holder_badge", args=[certificate.code])
    page_url = reverse("learning:dashboard")
    client.force_login(certificate.user)
    assert url in client.get(page_url).content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    document = json.loads(response.content)
    assert badges.verify_credential(document)
    types = [i["identityType"] for i in document["credentialSubject"]["identifier"]]
    assert types == ["name", "emailAddress"]

    client.force_login(holder(username="nguoi.khac"))
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_a_revoked_certificate_has_no_credential_to_download(client, certificate, demo):
    services.certificate_revoke(certificate_id=certificate.pk, reason="Cấp nhầm", actor=None)
    response = client.get(reverse("certificates:badge", args=[certificate.code]))
    assert response.status_code == 410
    page = client.get(reverse("certificates:verify", args=[certificate.code])).content.decode()
    assert reverse("certificates:badge", args=[certificate.code]) not in page


def test_the_command_checks_a_file_and_says_why_it_fails(certificate, tmp_path, capsys):
    good = tmp_path / "good.json"
    good.write_bytes(badges.credential_bytes(certificate))
    call_command("verify_credential", str(good))
    assert "Hợp lệ" in capsys.readouterr().out

    bad = tmp_path / "bad.json"
    bad.write_text(good.read_text().replace(HOLDER_NAME, "Nguyễn Thị Ngọc Anh"))
    with pytest.raises(CommandError, match="Chữ ký không khớp"):
        call_command("verify_credential", str(bad))
    (tmp_path / "junk.json").write_text("{not json")
    with pytest.raises(CommandError, match="JSON"):
        call_command("verify_credential", str(tmp_path / "junk.json"))
    with pytest.raises(CommandError):
        call_command("verify_credential", str(tmp_path / "missing.json"))
