"""Who may see which figures: resolve_jurisdiction, checked before anything is counted."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.core.exceptions import PermissionDenied

from people.models import AdministrativeUnit, Jurisdiction
from people.roles import STATISTICIANS_GROUP, TRAINERS_GROUP
from reports.access import resolve_jurisdiction
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def unit(level, code):
    return AdministrativeUnit.objects.get(level=level, code=code, is_current=True)


def statistician(name, province_code=None, jurisdiction=True):
    user = UserFactory(username=name)
    user.groups.add(Group.objects.get(name=STATISTICIANS_GROUP))
    if jurisdiction:
        Jurisdiction.objects.create(
            user=user, province=unit("province", province_code) if province_code else None
        )
    return user


@pytest.fixture
def people(db):
    admin = UserFactory(username="rep-admin", is_superuser=True, is_staff=True)
    trainer = UserFactory(username="rep-trainer")
    trainer.groups.add(Group.objects.get(name=TRAINERS_GROUP))
    lang_son_commune = AdministrativeUnit.objects.filter(
        level="commune", is_current=True, parent=unit("province", "20")
    ).first()
    return {
        "admin": admin,
        "ministry": statistician("rep-bo"),
        "lang_son": statistician("rep-ls", "20"),
        "no_jurisdiction": statistician("rep-none", jurisdiction=False),
        "trainer": trainer,
        "commune": lang_son_commune,
    }


def test_national_figures_only_for_admins_and_national_statisticians(people):
    assert resolve_jurisdiction(people["admin"]).is_national
    assert resolve_jurisdiction(people["ministry"]).is_national
    # A provincial statistician asking for nothing gets their own province, never the nation.
    own = resolve_jurisdiction(people["lang_son"])
    assert (own.province_code, own.commune_code) == ("20", None)


def test_a_provincial_statistician_sees_their_province_and_its_communes_only(people):
    commune = people["commune"]
    scope = resolve_jurisdiction(people["lang_son"], commune_code=commune.code)
    assert (scope.province_code, scope.commune_code) == ("20", commune.code)
    assert resolve_jurisdiction(people["lang_son"], province_code="20").province_code == "20"
    with pytest.raises(PermissionDenied):
        resolve_jurisdiction(people["lang_son"], province_code="68")
    lam_dong_commune = AdministrativeUnit.objects.filter(
        level="commune", is_current=True, parent=unit("province", "68")
    ).first()
    with pytest.raises(PermissionDenied):
        resolve_jurisdiction(people["lang_son"], commune_code=lam_dong_commune.code)
    # The ministry and admins may look at any province.
    assert resolve_jurisdiction(people["ministry"], province_code="68").province_code == "68"


@pytest.mark.parametrize("who", ["trainer", "no_jurisdiction", "anonymous"])
def test_others_see_no_figures(people, who):
    user = AnonymousUser() if who == "anonymous" else people[who]
    with pytest.raises(PermissionDenied):
        resolve_jurisdiction(user)
    with pytest.raises(PermissionDenied):
        resolve_jurisdiction(user, province_code="20")


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"province_code": "99"}, "Không có tỉnh, thành phố mang mã 99"),
        ({"commune_code": "nope"}, "Không có xã, phường, đặc khu mang mã nope"),
        ({"province_code": "67"}, "không còn là đơn vị hành chính hiện hành"),
    ],
)
def test_unknown_codes_are_a_bad_request_whoever_asks(people, kwargs, message):
    for who in ("admin", "lang_son"):
        with pytest.raises(ValueError, match=message):
            resolve_jurisdiction(people[who], **kwargs)


def test_a_commune_outside_the_named_province_is_refused(people):
    with pytest.raises(ValueError, match="không thuộc"):
        resolve_jurisdiction(
            people["admin"], province_code="68", commune_code=people["commune"].code
        )
