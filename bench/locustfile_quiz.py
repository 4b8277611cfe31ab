"""Locust users for bench/quiz_load.py: trainees taking a quiz, and the /healthz baseline.

Not run on its own: bench/quiz_load.py builds the database, starts gunicorn and names the files
below in the environment.

    QUIZ_BENCH_USERS   JSON list of {"username", "sessionid", "lesson", "start"}: one per trainee
    QUIZ_BENCH_LEDGER  where every trainee's record is written when Locust stops: the attempts
                       it started and the answers the server accepted, for the database checks
    QUIZ_BENCH_THINK   "min,max" seconds a trainee (or a /healthz user) waits between requests

Each trainee, in a loop: opens the lesson, presses "start", reads the attempt page, saves answers
once or twice (checking that the page shows them back), then submits and opens the result. Every
POST is timed alone (redirects are not followed); a wrong status or a page that lost an answer is
a Locust failure.
"""

import itertools
import json
import os
import random
import re
from http.cookiejar import Cookie
from urllib.parse import urlencode, urlsplit

import gevent
from locust import constant, events, task
from locust.contrib.fasthttp import FastHttpUser

THINK = tuple(float(s) for s in os.environ.get("QUIZ_BENCH_THINK", "1,3").split(","))
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
SHORT_ANSWERS = ("407", "408")

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
QUESTION = re.compile(r'name="questions" value="(\d+)"')
CHOICE = re.compile(r'<input type="(radio|checkbox)" name="q-(\d+)" value="(\d+)"( checked)?>')
TEXT = re.compile(r'name="q-(\d+)-text" value="([^"]*)"')
ATTEMPT_URL = re.compile(r"^/kiem-tra/lan-lam/(\d+)/$")

_accounts: list[dict] = []
_next_account = itertools.count()
# username -> {"starts": n, "attempts": {attempt id: record}}; written to QUIZ_BENCH_LEDGER.
LEDGER: dict[str, dict] = {}


def _load_accounts() -> list[dict]:
    if not _accounts:
        with open(os.environ["QUIZ_BENCH_USERS"], encoding="utf-8") as f:
            _accounts.extend(json.load(f))
    return _accounts


@events.quitting.add_listener
def _write_ledger(environment, **_kwargs):
    path = os.environ.get("QUIZ_BENCH_LEDGER")
    if path and LEDGER:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(LEDGER, f)


def think() -> None:
    gevent.sleep(random.uniform(*THINK))


class Paper:
    """What the attempt page shows: its questions, their choices and the form's token."""

    def __init__(self, html: str):
        found = CSRF.search(html)
        self.csrf = found.group(1) if found else None
        self.questions = [int(q) for q in QUESTION.findall(html)]
        self.choices: dict[int, tuple[str, list[int]]] = {}
        self.checked: dict[int, set[int]] = {}
        for kind, qid, cid, checked in CHOICE.findall(html):
            entry = self.choices.setdefault(int(qid), (kind, []))
            entry[1].append(int(cid))
            if checked:
                self.checked.setdefault(int(qid), set()).add(int(cid))
        self.texts = {int(qid): value for qid, value in TEXT.findall(html)}

    def random_answers(self) -> dict[int, dict]:
        """An answer to every question, as a trainee might give it: one choice for a radio
        question, one or more for checkboxes (now and then none), a short text otherwise."""
        answers = {}
        for qid in self.questions:
            if qid in self.choices:
                kind, ids = self.choices[qid]
                if kind == "radio":
                    picked = [random.choice(ids)]
                else:
                    picked = random.sample(ids, random.randint(0, len(ids)))
                answers[qid] = {"choices": sorted(picked), "text": ""}
            else:
                answers[qid] = {"choices": [], "text": random.choice(SHORT_ANSWERS)}
        return answers

    def shows(self, answers: dict[int, dict]) -> bool:
        """Whether the page shows exactly these answers back."""
        for qid, answer in answers.items():
            if qid in self.choices:
                if self.checked.get(qid, set()) != set(answer["choices"]):
                    return False
            elif self.texts.get(qid) != answer["text"]:
                return False
        return True


def form(csrf: str, action: str, answers: dict[int, dict]) -> str:
    fields = [("csrfmiddlewaretoken", csrf), ("action", action)]
    for qid, answer in answers.items():
        fields.append(("questions", qid))
        fields += [(f"q-{qid}", c) for c in answer["choices"]]
        if answer["text"]:
            fields.append((f"q-{qid}-text", answer["text"]))
    return urlencode(fields)


class QuizTrainee(FastHttpUser):
    """An enrolled trainee who takes the quiz again and again until the run ends."""

    wait_time = constant(0)  # the thinking happens between the steps of the task

    def on_start(self):
        accounts = _load_accounts()
        self.account = accounts[next(_next_account) % len(accounts)]
        host = urlsplit(self.host).hostname
        self.client.cookiejar.set_cookie(
            Cookie(0, "sessionid", self.account["sessionid"], None, False, host, False, False,
                   "/", True, False, None, False, None, None, {})
        )  # fmt: skip
        self.record = LEDGER.setdefault(self.account["username"], {"starts": 0, "attempts": {}})

    @task
    def take_quiz(self):
        # The lesson, with its quiz panel and "start" form.
        with self.client.get(
            self.account["lesson"], name="GET lesson", catch_response=True
        ) as response:
            html = response.text or ""
            token = CSRF.search(html)
            if response.status_code != 200 or token is None or self.account["start"] not in html:
                response.failure(f"lesson: {response.status_code}, no start form")
                return
        think()

        # Start (or resume): a redirect to the attempt page.
        with self.client.post(
            self.account["start"],
            data=urlencode({"csrfmiddlewaretoken": token.group(1)}),
            headers=FORM,
            name="POST start",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            location = urlsplit((response.headers or {}).get("Location") or "").path
            found = ATTEMPT_URL.match(location)
            if response.status_code != 302 or found is None:
                response.failure(f"start: {response.status_code} -> {location!r}")
                return
        attempt_url = location
        self.record["starts"] += 1
        attempt = self.record["attempts"].setdefault(
            found.group(1), {"starts": 0, "questions": [], "answers": None, "submitted": False}
        )
        attempt["starts"] += 1

        paper = self.open_attempt(attempt_url)
        if paper is None:
            return
        attempt["questions"] = paper.questions

        # Save once or twice, each time checking that the page shows the answers back.
        for _ in range(random.randint(1, 2)):
            think()
            answers = paper.random_answers()
            if not self.post_answers(attempt_url, paper.csrf, "save", answers, attempt):
                return
            paper = self.open_attempt(attempt_url, expect=answers)
            if paper is None:
                return

        think()
        answers = paper.random_answers()
        if not self.post_answers(attempt_url, paper.csrf, "submit", answers, attempt):
            return
        attempt["submitted"] = True
        with self.client.get(
            f"{attempt_url}ket-qua/", name="GET result", catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"result: {response.status_code}")
        think()

    def open_attempt(self, url: str, expect: dict | None = None) -> Paper | None:
        with self.client.get(url, name="GET attempt", catch_response=True) as response:
            paper = Paper(response.text or "")
            if response.status_code != 200 or not paper.questions or paper.csrf is None:
                response.failure(f"attempt page: {response.status_code}, no paper")
                return None
            if expect is not None and not paper.shows(expect):
                response.failure("attempt page does not show the answers just saved")
                return None
        return paper

    def post_answers(self, url: str, csrf: str, action: str, answers: dict, attempt: dict) -> bool:
        expected = f"{url}ket-qua/" if action == "submit" else url
        with self.client.post(
            url,
            data=form(csrf, action, answers),
            headers=FORM,
            name=f"POST {action}",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            location = urlsplit((response.headers or {}).get("Location") or "").path
            if response.status_code != 302 or location != expected:
                response.failure(f"{action}: {response.status_code} -> {location!r}")
                return False
        attempt["answers"] = {str(qid): answer for qid, answer in answers.items()}
        return True


class HealthzUser(FastHttpUser):
    """The trivial baseline: one /healthz request per think time, like a trainee's step."""

    wait_time = constant(0)

    @task
    def health(self):
        self.client.get("/healthz", name="GET /healthz")
        think()
