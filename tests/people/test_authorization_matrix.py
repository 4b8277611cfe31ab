"""Who sees what: every staff and learner URL requested as each kind of person.

Actors: anonymous; two trainees (one per class); the trainers of two classes; statisticians of
two provinces (Lạng Sơn, Lâm Đồng); an admin. The Lâm Đồng class has members recorded under
the former Đắk Nông province: the Lâm Đồng statistician must see them (roll-up to current units).
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from people.models import AdministrativeUnit, Jurisdiction, Profile, TrainingClass
from people.roles import STATISTICIANS_GROUP, TRAINERS_GROUP
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LS_CLASS, LD_CLASS = "ls-bao-cao-vien-2026", "ld-tuyen-truyen-vien-2026"
LS_MEMBER, LD_MEMBER, LD_OLD_UNIT_MEMBER = "Hoàng Thị Hoa", "Phạm Ngọc Lan", "Trần Thị Thảo"
LS_NON_MEMBER = "Trần Văn Minh"  # the Lạng Sơn statistician's own profile: in Lạng Sơn, in no class

ACTORS = [
    "anonymous",
    "trainee_ls",
    "trainee_ld",
    "trainer_ls",
    "trainer_ld",
    "stat_ls",
    "stat_ld",
    "admin",
]


@pytest.fixture
def actors(demo):
    User = get_user_model()
    ls_class = TrainingClass.objects.get(slug=LS_CLASS)
    ld_class = TrainingClass.objects.get(slug=LD_CLASS)
    trainer_ld = UserFactory(username="giangvien.ld")
    trainer_ld.groups.add(Group.objects.get(name=TRAINERS_GROUP))
    ld_class.trainers.set([trainer_ld])  # the demo trainer keeps only the Lạng Sơn class
    stat_ld = UserFactory(username="thongke.ld")
    stat_ld.groups.add(Group.objects.get(name=STATISTICIANS_GROUP))
    Jurisdiction.objects.create(
        user=stat_ld,
        province=AdministrativeUnit.objects.get(level="province", code="68", is_current=True),
    )
    for username in ("ls.hoa", "ld.lan"):
        user = User.objects.get(username=username)
        user.set_password("Demo@407")
        user.save()
    return {
        "anonymous": None,
        "trainee_ls": User.objects.get(username="ls.hoa"),
        "trainee_ld": User.objects.get(username="ld.lan"),
        "trainer_ls": User.objects.get(username="giangvien"),
        "trainer_ld": trainer_ld,
        "stat_ls": User.objects.get(username="thongke"),
        "stat_ld": stat_ld,
        "admin": User.objects.get(username="admin"),
        "classes": {"ls": ls_class, "ld": ld_class},
    }


def as_actor(client, actors, actor):
    client.logout()
    if actors[actor] is not None:
        client.force_login(actors[actor])
    return client


def denied(response) -> bool:
    """Refused: a 403, or a redirect to a log-in page or away from the admin screen."""
    return response.status_code in (302, 403, 404)


# (actor, names that must appear, names that must not appear); None = refused outright
CLASS_LIST = {
    "anonymous": None,
    "trainee_ls": None,
    "trainee_ld": None,
    "trainer_ls": (["Lạng Sơn"], ["Lâm Đồng"]),
    "trainer_ld": (["Lâm Đồng"], ["Lạng Sơn năm 2026"]),
    "stat_ls": (["Lạng Sơn"], ["Lâm Đồng"]),
    "stat_ld": (["Lâm Đồng"], ["Lạng Sơn năm 2026"]),
    "admin": (["Lạng Sơn", "Lâm Đồng"], []),
}

PEOPLE_LIST = {
    "anonymous": None,
    "trainee_ls": None,
    "trainee_ld": None,
    "trainer_ls": ([LS_MEMBER], [LD_MEMBER, LD_OLD_UNIT_MEMBER, LS_NON_MEMBER]),
    "trainer_ld": ([LD_MEMBER, LD_OLD_UNIT_MEMBER], [LS_MEMBER, LS_NON_MEMBER]),
    "stat_ls": ([LS_MEMBER, LS_NON_MEMBER], [LD_MEMBER, LD_OLD_UNIT_MEMBER]),
    "stat_ld": ([LD_MEMBER, LD_OLD_UNIT_MEMBER], [LS_MEMBER, LS_NON_MEMBER]),
    "admin": ([LS_MEMBER, LD_MEMBER, LD_OLD_UNIT_MEMBER, LS_NON_MEMBER], []),
}


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize(
    "url, expectations",
    [
        ("/admin/snippets/people/trainingclass/", CLASS_LIST),
        ("/admin/snippets/people/profile/", PEOPLE_LIST),
    ],
    ids=["class-list", "people-list"],
)
def test_staff_lists_show_exactly_the_actors_scope(client, actors, actor, url, expectations):
    response = as_actor(client, actors, actor).get(url)
    expected = expectations[actor]
    if expected is None:
        assert denied(response), f"{actor} reached {url}"
        return
    assert response.status_code == 200, f"{actor}: {response.status_code}"
    html = response.content.decode()
    shown, hidden = expected
    for text in shown:
        assert text in html, f"{actor} should see {text!r} at {url}"
    for text in hidden:
        assert text not in html, f"{actor} must not see {text!r} at {url}"


EDIT_CLASS = {  # may change the class?
    "anonymous": {"ls": False, "ld": False},
    "trainee_ls": {"ls": False, "ld": False},
    "trainee_ld": {"ls": False, "ld": False},
    "trainer_ls": {"ls": True, "ld": False},
    "trainer_ld": {"ls": False, "ld": True},
    "stat_ls": {"ls": False, "ld": False},
    "stat_ld": {"ls": False, "ld": False},
    "admin": {"ls": True, "ld": True},
}


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("which", ["ls", "ld"])
def test_only_a_classs_own_trainers_and_admins_edit_it(client, actors, actor, which):
    training_class = actors["classes"][which]
    url = f"/admin/snippets/people/trainingclass/edit/{training_class.pk}/"
    response = as_actor(client, actors, actor).get(url)
    if EDIT_CLASS[actor][which]:
        assert response.status_code == 200, f"{actor} cannot edit {which}"
    else:
        assert denied(response), f"{actor} can open the edit form of {which}"
        post = client.post(url, {"title": "Đổi tên trái phép"})
        assert denied(post)
        training_class.refresh_from_db()
        assert training_class.title != "Đổi tên trái phép"


OWN_ACCOUNT = {"trainee_ls": LS_MEMBER, "trainee_ld": LD_MEMBER}


@pytest.mark.parametrize("actor", ACTORS)
def test_the_account_page_shows_only_ones_own_record(client, actors, actor):
    response = as_actor(client, actors, actor).get("/tai-khoan/")
    if actor == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        return
    assert response.status_code == 200
    html = response.content.decode()
    own = Profile.objects.filter(user=actors[actor]).values_list("full_name", flat=True).first()
    if own:
        assert own in html
    for name in {LS_MEMBER, LD_MEMBER, LD_OLD_UNIT_MEMBER} - {own}:
        assert name not in html


@pytest.mark.parametrize("actor", ACTORS)
def test_a_copy_of_my_data_holds_only_my_data(client, actors, actor):
    response = as_actor(client, actors, actor).get("/tai-khoan/du-lieu-ca-nhan/tai-ve.json")
    if actor == "anonymous":
        assert response.status_code == 302
        return
    assert response.status_code == 200
    body = response.content.decode()
    own = Profile.objects.filter(user=actors[actor]).values_list("full_name", flat=True).first()
    if own:
        assert own in body
    for name in {LS_MEMBER, LD_MEMBER, LD_OLD_UNIT_MEMBER, LS_NON_MEMBER} - {own}:
        assert name not in body, f"{actor}'s data export contains {name}"


@pytest.mark.parametrize("actor", ACTORS)
def test_only_admins_handle_data_requests(client, actors, actor):
    response = as_actor(client, actors, actor).get("/admin/people/data-requests/")
    if actor == "admin":
        assert response.status_code == 200
    else:
        assert denied(response), f"{actor} reached the data requests"


# The class screens of /admin/lop-hoc/: who may manage (M) or only read (R) each class.
CLASS_SCREENS = {
    "anonymous": {"ls": "", "ld": ""},
    "trainee_ls": {"ls": "", "ld": ""},
    "trainee_ld": {"ls": "", "ld": ""},
    "trainer_ls": {"ls": "M", "ld": ""},
    "trainer_ld": {"ls": "", "ld": "M"},
    "stat_ls": {"ls": "R", "ld": ""},
    "stat_ld": {"ls": "", "ld": "R"},
    "admin": {"ls": "M", "ld": "M"},
}
MANAGE_SCREENS = ["", "diem-danh/", "diem-danh/nhap/"]
READ_SCREENS = ["in/danh-sach/", "in/diem-danh/"]


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("which", ["ls", "ld"])
def test_class_screens_follow_the_class_policy(client, actors, actor, which):
    training_class = actors["classes"][which]
    access = CLASS_SCREENS[actor][which]
    as_actor(client, actors, actor)
    for screen in MANAGE_SCREENS + READ_SCREENS:
        response = client.get(f"/admin/lop-hoc/{training_class.pk}/{screen}")
        allowed = access == "M" or (access == "R" and screen in READ_SCREENS)
        if allowed:
            assert response.status_code == 200, (
                f"{actor} cannot open {screen or 'the class page'} of {which}"
            )
        else:
            assert denied(response), f"{actor} opened {screen or 'the class page'} of {which}"
    session = training_class.sessions.first()
    member = training_class.memberships.first().user
    response = client.post(
        f"/admin/lop-hoc/{training_class.pk}/diem-danh/",
        {f"a-{session.pk}-{member.pk}": "absent"},
    )
    changed = session.attendances.filter(user=member, status="absent").exists()
    if access == "M":
        assert changed, f"{actor} could not take attendance in {which}"
    else:
        assert denied(response)
        assert not changed, f"{actor} changed attendance in {which}"


STAFF_TOOLS = {  # the import upload and the audit log: who may open them
    "/admin/people/imports/": {"trainer_ls", "trainer_ld", "admin"},
    "/admin/snippets/people/auditevent/": {"admin"},
}


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("url", list(STAFF_TOOLS))
def test_staff_tools_open_only_to_their_roles(client, actors, actor, url):
    response = as_actor(client, actors, actor).get(url)
    if actor in STAFF_TOOLS[url]:
        assert response.status_code == 200, f"{actor} cannot open {url}"
    else:
        assert denied(response), f"{actor} opened {url}"


def test_a_trainer_imports_only_into_their_own_classes(client, actors):
    as_actor(client, actors, "trainer_ls")
    html = client.get("/admin/people/imports/").content.decode()
    assert actors["classes"]["ls"].title in html
    assert actors["classes"]["ld"].title not in html
