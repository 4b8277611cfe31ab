"""All valid certificates of a class as one ZIP of PDFs, built in the background.

`certificates_zip_build` streams each stored PDF into a temporary ZIP (PDFs are compressed
already: stored, not deflated), renders the missing ones through the core service first, and
saves the archive to default_storage under a name fixed per class, replacing the last one.
Progress (done/total) is kept in the cache for the admin page's progress bar; a build asked
for is "queued" (written before the task is enqueued, so the page the trainer lands on already
shows it and polls) until a worker starts it and makes it "running". Safe to run twice:
a second run while one is under way returns at once (a cache lock); a second run afterwards
writes the same archive again, byte for byte (fixed entry names, dates and order).
"""

import hashlib
import logging
import shutil
import tempfile
import uuid
import zipfile

from celery import shared_task
from django.core.cache import cache
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import OperationalError, transaction
from django.utils import timezone
from django.utils.text import slugify

from people.text import fold

from .models import Certificate

PROGRESS_TIMEOUT = 7 * 24 * 60 * 60  # seconds: the page remembers the last build for a week
LOCK_TIMEOUT = 60 * 60  # a build that died holds the lock at most this long
CHUNK = 1024 * 1024

logger = logging.getLogger(__name__)


def progress_key(training_class_id: int) -> str:
    return f"certificates:zip:{training_class_id}"


def _lock_key(training_class_id: int) -> str:
    return f"certificates:zip-lock:{training_class_id}"


def zip_storage_name(training_class_id: int) -> str:
    return f"certificates/zip/lop-{training_class_id}/giay-chung-nhan-lop-{training_class_id}.zip"


def class_certificates(training_class_id: int):
    """The valid certificates of a class, in serial order."""
    return (
        Certificate.objects.filter(
            training_class_id=training_class_id, status=Certificate.Status.VALID
        )
        .only(
            "pk",
            "code",
            "issuing_agency_id",
            "serial_suffix",
            "serial_year",
            "serial_number",
            "snapshot",
            "pdf",
            "issued_at",
        )
        .order_by("issuing_agency_id", "serial_suffix", "serial_year", "serial_number", "pk")
    )


def fingerprint(training_class_id: int) -> str:
    """Changes whenever a certificate of the class is issued or revoked."""
    ids = Certificate.objects.filter(
        training_class_id=training_class_id, status=Certificate.Status.VALID
    ).values_list("pk", flat=True)
    return hashlib.sha256(",".join(map(str, sorted(ids))).encode()).hexdigest()[:16]


def entry_name(certificate: Certificate) -> str:
    """ "125-GCN-STP-nguyen-thi-hoa.pdf": the serial (slash replaced) and the holder's name."""
    holder = slugify(fold((certificate.snapshot or {}).get("holder_name", ""))) or "hoc-vien"
    return f"{certificate.serial.replace('/', '-')}-{holder}.pdf"


def progress(training_class_id: int) -> dict:
    """What the page shows: {"state": "none" | "queued" | "running" | "done" | "failed", "done",
    "total",
    ...}. A built archive whose progress the cache forgot is still offered."""
    state = cache.get(progress_key(training_class_id))
    if state:
        return state
    if default_storage.exists(zip_storage_name(training_class_id)):
        return {"state": "done", "done": None, "total": None, "fingerprint": None}
    return {"state": "none", "done": 0, "total": 0}


def _report(training_class_id: int, **state) -> None:
    cache.set(progress_key(training_class_id), state, PROGRESS_TIMEOUT)


def _pdf_stream(certificate: Certificate):
    from .services import certificate_pdf_render

    if not certificate.pdf or not certificate.pdf.storage.exists(certificate.pdf.name):
        certificate = certificate_pdf_render(certificate_id=certificate.pk)
    return certificate.pdf.open("rb")


def _unique(name: str, used: set[str]) -> str:
    """`name`, or "name-2.pdf", "name-3.pdf"... when the archive has it already (two agencies,
    or two years, may give one holder the same serial)."""
    stem, candidate, n = name.removesuffix(".pdf"), name, 1
    while candidate in used:
        n += 1
        candidate = f"{stem}-{n}.pdf"
    used.add(candidate)
    return candidate


def _write_archive(handle, certificates: list[Certificate], training_class_id: int) -> None:
    total = len(certificates)
    used: set[str] = set()
    with zipfile.ZipFile(handle, "w", zipfile.ZIP_STORED) as archive:
        for done, certificate in enumerate(certificates, 1):
            info = zipfile.ZipInfo(
                _unique(entry_name(certificate), used),
                date_time=timezone.localtime(certificate.issued_at).timetuple()[:6],
            )
            info.external_attr = 0o644 << 16
            with _pdf_stream(certificate) as source, archive.open(info, "w") as target:
                shutil.copyfileobj(source, target, CHUNK)
            _report(training_class_id, state="running", done=done, total=total)


def certificates_zip_queue(*, training_class_id: int) -> None:
    """Ask for the class's ZIP: "queued" at once, the build task enqueued when the caller's
    transaction commits. A build already under way keeps its progress (the queued task finds it
    running and leaves it)."""
    if not cache.get(_lock_key(training_class_id)):
        total = class_certificates(training_class_id).count()
        _report(training_class_id, state="queued", done=0, total=total)
    transaction.on_commit(lambda: certificates_zip_task.delay(training_class_id))


def certificates_zip_build(*, training_class_id: int) -> dict:
    """Build the class's ZIP into default_storage and return the final progress state."""
    token = uuid.uuid4().hex
    if not cache.add(_lock_key(training_class_id), token, LOCK_TIMEOUT):
        return progress(training_class_id)  # a build is under way
    try:
        stamp = fingerprint(training_class_id)
        certificates = list(class_certificates(training_class_id))
        _report(training_class_id, state="running", done=0, total=len(certificates))
        name = zip_storage_name(training_class_id)
        with tempfile.TemporaryFile() as handle:
            _write_archive(handle, certificates, training_class_id)
            handle.seek(0)
            if default_storage.exists(name):
                default_storage.delete(name)
            saved = default_storage.save(name, File(handle, name=name))
        state = {
            "state": "done",
            "done": len(certificates),
            "total": len(certificates),
            "name": saved,
            "fingerprint": stamp,
            "built_at": timezone.now().isoformat(),
        }
        _report(training_class_id, **state)
        return state
    except Exception:
        _report(training_class_id, state="failed", done=0, total=0)
        raise
    finally:
        if cache.get(_lock_key(training_class_id)) == token:
            cache.delete(_lock_key(training_class_id))


@shared_task(
    name="certificates.bulk.certificates_zip_task",
    autoretry_for=(OperationalError,),
    retry_backoff=5,
    max_retries=3,
)
def certificates_zip_task(training_class_id: int) -> str | None:
    """Build the ZIP of a class's certificates (enqueued from the class's admin page)."""
    return certificates_zip_build(training_class_id=training_class_id).get("name")
