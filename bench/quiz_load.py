"""Quiz under load: 200 trainees answering and submitting at once, against /healthz in the same run.

    make bench            (or: .venv/bin/python bench/quiz_load.py [--users 200] [--run-time 60])

Builds a throwaway PostgreSQL database (lms_bench_quiz, dropped and made again), migrates it,
seeds the demo, puts a quiz in a lesson and enrols the trainees in its course, each with a
session made on the server (no log-in step). Then starts gunicorn on a free loopback port and
drives it with Locust (bench/locustfile_quiz.py), headless, twice at the same concurrency and
think time: first the baseline, users that only GET /healthz (one query, the full middleware);
then the trainees, each looping over lesson -> start -> attempt page -> save once or twice ->
submit -> result. Prints each endpoint's requests, failures, median and p95 latency,
throughput and p95 against /healthz, then checks the database against what the trainees were
told: one attempt per successful start, at most one in progress each, every submitted attempt
graded with the score its answers earn, every accepted answer stored exactly (none lost, none
doubled), no refused post, and no HTTP error. Exits 1 when a check fails. Gunicorn is stopped
and the database dropped at the end.

PostgreSQL is reached at BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres).
Locust, gunicorn and PostgreSQL share the machine, so the figures are for this machine only.
"""

import argparse
import csv
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, setup_django  # noqa: E402

BIN = Path(sys.executable).parent
DB_NAME = "lms_bench_quiz"
LOCUSTFILE = ROOT / "bench" / "locustfile_quiz.py"
FLOW = ["GET lesson", "POST start", "GET attempt", "POST save", "POST submit", "GET result"]


# --- Database and server ------------------------------------------------------------------------


def database_urls() -> tuple[str, str]:
    """(the server's maintenance database, the bench database) URLs."""
    server = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    parts = urlsplit(server)
    return server, urlunsplit(parts._replace(path=f"/{DB_NAME}"))


def recreate_database(server_url: str, *, create: bool) -> None:
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        if create:
            conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise SystemExit(f"gunicorn did not answer {url} within {seconds:.0f} s")
        time.sleep(0.3)


def get_as(url: str, sessionid: str) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Cookie": f"sessionid={sessionid}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.read().decode()


# --- Data ---------------------------------------------------------------------------------------


def build(users: int) -> tuple[object, object, list[dict]]:
    """The demo, a quiz in a lesson, and `users` enrolled trainees with a session each."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.urls import reverse

    from courses.services import enrolments_create
    from lms.demo.seed import seed_demo
    from tests.assessments.factories import quiz_in_lesson

    seed_demo()
    quiz, lesson, course, _bank = quiz_in_lesson()
    trainees = [
        get_user_model().objects.create_user(
            f"bench.quiz.{n:03d}", email=f"bench.quiz.{n:03d}@example.vn", password=None
        )
        for n in range(users)
    ]
    enrolments_create(users=trainees, courses=[course])
    store = import_module(settings.SESSION_ENGINE).SessionStore
    lesson_path = urlsplit(lesson.get_url()).path
    start_path = reverse("assessments:start", args=[quiz.pk, lesson.pk])
    accounts = []
    for user in trainees:
        session = store()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        accounts.append(
            {
                "username": user.username,
                "sessionid": session.session_key,
                "lesson": lesson_path,
                "start": start_path,
            }
        )
    return quiz, lesson, accounts


# --- Load ---------------------------------------------------------------------------------------


def run_locust(user_class: str, prefix: Path, args, host: str, env: dict) -> dict[str, dict]:
    """Run Locust headless; {request name: stats row} from its CSV (with "Aggregated")."""
    log = prefix.with_suffix(".log")
    command = [
        str(BIN / "locust"),
        "-f",
        str(LOCUSTFILE),
        "--headless",
        "--users",
        str(args.users),
        "--spawn-rate",
        str(args.spawn_rate),
        "--run-time",
        f"{args.run_time}s",
        # Trainees finish the attempt in hand when time is up: none is cut off mid-request.
        "--stop-timeout",
        "90",
        "--host",
        host,
        "--csv",
        str(prefix),
        "--only-summary",
        "--loglevel",
        "WARNING",
        user_class,
    ]
    with open(log, "w") as out:
        subprocess.run(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, timeout=args.run_time + 300
        )
    stats = Path(f"{prefix}_stats.csv")
    if not stats.exists():
        sys.stdout.write(log.read_text()[-3000:])
        raise SystemExit(f"Locust wrote no statistics ({user_class}); its log is above")
    for line in log.read_text().splitlines():
        if "CPU usage" in line:
            print(f"  note ({user_class}): {line.split(': ', 1)[-1].strip()}")
            break
    with open(stats, newline="") as f:
        return {row["Name"]: row for row in csv.DictReader(f)}


def print_table(baseline: dict, quiz: dict) -> None:
    base_p95 = float(baseline["GET /healthz"]["95%"])
    print(
        f"{'endpoint':<26}{'requests':>9}{'failures':>9}{'median ms':>10}{'p95 ms':>8}"
        f"{'req/s':>8}{'p95 x healthz':>14}"
    )
    rows = [("GET /healthz (baseline)", baseline["GET /healthz"])]
    rows += [(name, quiz[name]) for name in FLOW if name in quiz]
    rows += [(name, row) for name, row in quiz.items() if name not in FLOW and name != "Aggregated"]
    rows.append(("quiz run, all requests", quiz["Aggregated"]))
    for name, row in rows:
        p95 = float(row["95%"])
        print(
            f"{name:<26}{int(row['Request Count']):>9}{int(row['Failure Count']):>9}"
            f"{float(row['Median Response Time']):>10.0f}{p95:>8.0f}"
            f"{float(row['Requests/s']):>8.1f}{p95 / base_p95 if base_p95 else 0:>14.1f}"
        )


# --- Checks -------------------------------------------------------------------------------------


def expected_score(answers: dict, questions: dict) -> Decimal:
    """What the answers earn, worked out here from the bank (not by the server's code)."""
    total = Decimal(0)
    for qid, answer in answers.items():
        question = questions[int(qid)]
        weights = {c.pk: c.weight for c in question.choices.all()}
        if question.kind == "short":
            accepted = {c.text for c in question.choices.all()}
            share = Decimal(100) if answer["text"] in accepted else Decimal(0)
        else:
            share = sum((weights[c] for c in answer["choices"]), Decimal(0))
        share = min(max(share, Decimal(0)), Decimal(100))
        total += (question.points * share / 100).quantize(Decimal("0.01"))
    return total


def integrity_checks(quiz, lesson, users: int, ledger: dict, failures: int) -> list[tuple]:
    from django.db.models import Count

    from assessments.models import (
        Answer,
        Attempt,
        AttemptQuestion,
        Question,
        SelectedChoice,
        TamperingEvent,
    )
    from courses.models import ActivityResult

    checks = []
    checks.append(("no HTTP errors (Locust failures)", failures == 0, f"{failures} failures"))
    started = [name for name, record in ledger.items() if record["starts"]]
    checks.append(
        ("every trainee started", len(started) == users, f"{len(started)} of {users} trainees")
    )

    told = {
        int(aid): (name, record)
        for name, trainee in ledger.items()
        for aid, record in trainee["attempts"].items()
    }
    starts = sum(trainee["starts"] for trainee in ledger.values())
    resumed = sum(record["starts"] - 1 for _name, record in told.values())
    attempts = {a.pk: a for a in Attempt.objects.filter(quiz=quiz).select_related("user", "lesson")}
    wrong_owner = [
        pk
        for pk, (name, _record) in told.items()
        if pk in attempts and attempts[pk].user.username != name
    ]
    checks.append(
        (
            "one attempt per successful start",
            set(attempts) == set(told) and not wrong_owner and len(attempts) == starts - resumed,
            f"{starts} starts ({resumed} resumed), {len(told)} attempts seen by trainees, "
            f"{len(attempts)} in the database, {len(wrong_owner)} of another trainee",
        )
    )
    open_twice = (
        Attempt.objects.filter(quiz=quiz, state=Attempt.State.IN_PROGRESS)
        .values("user", "lesson")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .count()
    )
    left_open = sum(a.state == Attempt.State.IN_PROGRESS for a in attempts.values())
    unsubmitted = sum(not record["submitted"] for _name, record in told.values())
    checks.append(
        (
            "at most one attempt in progress per trainee",
            open_twice == 0 and left_open == unsubmitted,
            f"{open_twice} trainees with two; {left_open} left in progress, "
            f"{unsubmitted} not submitted by the trainees",
        )
    )
    gaps = 0
    by_user: dict[int, list[int]] = {}
    for a in attempts.values():
        by_user.setdefault(a.user_id, []).append(a.number)
    for nums in by_user.values():
        gaps += sorted(nums) != list(range(1, len(nums) + 1))
    checks.append(("attempt numbers 1..n, no gap or repeat", gaps == 0, f"{gaps} trainees off"))

    questions = {q.pk: q for q in Question.objects.prefetch_related("choices")}
    submitted = [pk for pk, (_n, record) in told.items() if record["submitted"]]
    ungraded = [
        pk
        for pk in submitted
        if attempts[pk].state != Attempt.State.GRADED
        or attempts[pk].submitted_at is None
        or attempts[pk].score is None
    ]
    graded_unsent = sum(
        a.state != Attempt.State.IN_PROGRESS and not told[pk][1]["submitted"]
        for pk, a in attempts.items()
        if pk in told
    )
    checks.append(
        (
            "every submitted attempt graded",
            not ungraded and graded_unsent == 0,
            f"{len(submitted)} submitted, {len(ungraded)} not graded, "
            f"{graded_unsent} closed without a submission",
        )
    )
    wrong_score = [
        pk
        for pk in submitted
        if pk not in ungraded
        and attempts[pk].score != expected_score(told[pk][1]["answers"], questions)
    ]
    checks.append(("scores match the answers given", not wrong_score, f"{len(wrong_score)} differ"))

    stored: dict[int, dict[int, dict]] = {}
    for answer in Answer.objects.filter(paper_question__attempt__quiz=quiz).select_related(
        "paper_question"
    ):
        paper = answer.paper_question
        stored.setdefault(paper.attempt_id, {})[paper.question_id] = {
            "pk": answer.pk,
            "text": answer.text,
            "choices": set(),
        }
    answer_keys = {
        row["pk"]: row for by_question in stored.values() for row in by_question.values()
    }
    for answer_id, choice_id in SelectedChoice.objects.filter(
        answer_id__in=answer_keys
    ).values_list("answer_id", "choice_id"):
        answer_keys[answer_id]["choices"].add(choice_id)
    given = lost = wrong = extra = 0
    for pk, (_name, record) in told.items():
        sent = record["answers"] or {}
        have = stored.get(pk, {})
        given += len(sent)
        extra += len(set(have) - {int(q) for q in sent})
        for qid, answer in sent.items():
            row = have.get(int(qid))
            if row is None:
                lost += 1
            elif row["choices"] != set(answer["choices"]) or row["text"] != answer["text"]:
                wrong += 1
    stored_count = sum(len(v) for v in stored.values())
    checks.append(
        (
            "answers stored == answers given",
            lost == wrong == extra == 0 and stored_count == given,
            f"{given} given, {stored_count} stored, {lost} lost, {wrong} changed, {extra} extra",
        )
    )
    papers = AttemptQuestion.objects.filter(attempt__quiz=quiz).count()
    checks.append(
        (
            "one paper per attempt (4 questions)",
            papers == 4 * len(attempts),
            f"{papers} paper rows for {len(attempts)} attempts",
        )
    )
    refused = TamperingEvent.objects.count()
    checks.append(("no refused post", refused == 0, f"{refused} refused"))
    results = ActivityResult.objects.filter(lesson=lesson, key=f"quiz:{quiz.pk}").count()
    who = len({told[pk][0] for pk in submitted})
    checks.append(
        (
            "one quiz result per trainee who submitted",
            results == who,
            f"{results} results, {who} trainees",
        )
    )
    return checks


# --- Main ---------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--spawn-rate", type=int, default=50)
    parser.add_argument("--run-time", type=int, default=60, help="seconds, for each of the runs")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn (sync) workers")
    parser.add_argument("--think", default="1,3", help="seconds between a user's requests: min,max")
    args = parser.parse_args()

    server_url, bench_url = database_urls()
    work = Path(tempfile.mkdtemp(prefix="lms-bench-quiz-"))
    os.environ.update(
        DATABASE_URL=bench_url,
        DJANGO_SETTINGS_MODULE="lms.settings.test",  # DEBUG off, static files by whitenoise
        LMS_VAR_DIR=str(work / "var"),
        SECRET_KEY=secrets.token_urlsafe(50),  # the sessions made here must be valid in gunicorn
    )
    os.environ.setdefault("LOG_LEVEL", "WARNING")  # not every page the demo seed publishes
    recreate_database(server_url, create=True)
    gunicorn = None
    try:
        setup_django()
        from django.db import connections

        quiz, lesson, accounts = build(args.users)
        users_file, ledger_file = work / "users.json", work / "ledger.json"
        users_file.write_text(json.dumps(accounts))
        connections.close_all()

        port = free_port()
        host = f"http://127.0.0.1:{port}"
        gunicorn_log = open(work / "gunicorn.log", "w")  # noqa: SIM115 - closed below
        gunicorn = subprocess.Popen(
            [str(BIN / "gunicorn"), "lms.wsgi", "--workers", str(args.workers)]
            + ["--bind", f"127.0.0.1:{port}", "--timeout", "120", "--log-level", "warning"],
            cwd=ROOT,
            stdout=gunicorn_log,
            stderr=subprocess.STDOUT,
        )
        wait_for(f"{host}/healthz")
        status, html = get_as(f"{host}{accounts[0]['lesson']}", accounts[0]["sessionid"])
        if status != 200 or accounts[0]["start"] not in html:
            raise SystemExit(f"preflight: the lesson answered {status} without its start form")

        env = dict(
            os.environ,
            QUIZ_BENCH_USERS=str(users_file),
            QUIZ_BENCH_LEDGER=str(ledger_file),
            QUIZ_BENCH_THINK=args.think,
        )
        print(
            f"PostgreSQL {DB_NAME}; gunicorn {args.workers} sync workers on 127.0.0.1:{port}; "
            f"Locust {locust_version()}, {args.users} users (+{args.spawn_rate}/s), "
            f"{args.run_time} s per run, {args.think.replace(',', '-')} s between requests; "
            f"{os.cpu_count()} CPUs shared by all three"
        )
        baseline = run_locust("HealthzUser", work / "healthz", args, host, env)
        quiz_stats = run_locust("QuizTrainee", work / "quiz", args, host, env)
        print()
        print_table(baseline, quiz_stats)

        if not ledger_file.exists():
            raise SystemExit("the trainees wrote no ledger")
        ledger = json.loads(ledger_file.read_text())
        failures = int(baseline["Aggregated"]["Failure Count"]) + int(
            quiz_stats["Aggregated"]["Failure Count"]
        )
        checks = integrity_checks(quiz, lesson, args.users, ledger, failures)
        print()
        print("integrity checks")
        for name, ok, detail in checks:
            print(f"  {'ok  ' if ok else 'FAIL'} {name}: {detail}")
        errors = re.findall(r"^.*(?:Error|Traceback).*$", (work / "gunicorn.log").read_text(), re.M)
        if errors:
            print(f"  gunicorn log: {len(errors)} error lines, first: {errors[0][:200]}")
        failed = [name for name, ok, _detail in checks if not ok]
        if failed:
            for failures_csv in work.glob("*_failures.csv"):
                sys.stdout.write(failures_csv.read_text()[:2000])
            print("FAILED:", ", ".join(failed), f"(Locust and gunicorn logs kept in {work})")
            sys.exit(1)
        print("all integrity checks passed")
        shutil.rmtree(work, ignore_errors=True)
    finally:
        if gunicorn is not None:
            gunicorn.terminate()
            try:
                gunicorn.wait(timeout=30)
            except subprocess.TimeoutExpired:
                gunicorn.kill()
                gunicorn.wait()
        if "django" in sys.modules:
            from django.db import connections

            connections.close_all()
        recreate_database(server_url, create=False)


def locust_version() -> str:
    from importlib.metadata import version

    return version("locust")


if __name__ == "__main__":
    main()
