"""Which figures a user may see: the jurisdiction of a report, checked before anything is counted.

Policy (consistent with `people.permissions`):
- an admin (superuser) may ask for any jurisdiction, national included;
- a statistician whose `Jurisdiction` has no province (the Ministry) may too;
- a statistician with a province may ask for that province or one of its communes; asking for
  nothing gives their province;
- anyone else, and a statistician without a `Jurisdiction`, may see no figures.

Unknown codes raise `ValueError` (shown as 400, before any permission is looked at, so a typo
gets a helpful answer); a jurisdiction the user does not hold raises `PermissionDenied` (403).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from people.models import AdministrativeUnit, Jurisdiction
from people.roles import is_admin, is_statistician


@dataclass(frozen=True)
class Scope:
    """A jurisdiction: national (both codes None), a province, or a commune (with its province)."""

    province_code: str | None = None
    commune_code: str | None = None
    label: str = ""

    @property
    def is_national(self) -> bool:
        return self.province_code is None and self.commune_code is None

    def query_kwargs(self) -> dict:
        """The jurisdiction arguments of `reports.figures.ReportQuery`."""
        return {"province_code": self.province_code, "commune_code": self.commune_code}


def _current(level: str, code: str) -> AdministrativeUnit:
    code = (code or "").strip()
    unit = (
        AdministrativeUnit.objects.filter(level=level, code=code)
        .select_related("parent", "successor")
        .order_by("-is_current")
        .first()
    )
    if unit is None:
        if level == AdministrativeUnit.Level.PROVINCE:
            raise ValueError(_("Unknown province code: %(code)s.") % {"code": code})
        raise ValueError(_("Unknown commune code: %(code)s.") % {"code": code})
    if not unit.is_current:
        now = unit.current()
        raise ValueError(
            _("%(name)s (code %(code)s) no longer exists; use %(new)s (code %(new_code)s).")
            % {"name": unit.name, "code": code, "new": now.name, "new_code": now.code}
        )
    return unit


def national_scope() -> Scope:
    return Scope(label=_("National"))


def resolve_jurisdiction(user, province_code=None, commune_code=None) -> Scope:
    """The scope `user` asked for, once checked against what they hold (see module docstring)."""
    province = _current("province", province_code) if province_code else None
    commune = _current("commune", commune_code) if commune_code else None
    if commune is not None:
        commune_province = commune.current_province()
        if province is not None and commune_province != province:
            raise ValueError(
                _("The commune %(commune)s is not in %(province)s.")
                % {"commune": commune.name, "province": province.name}
            )
        province = commune_province

    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied(_("Log in to see training figures."))
    holds_national = is_admin(user)
    held_province = None
    if not holds_national:
        if not is_statistician(user):
            raise PermissionDenied(_("Only statisticians see training figures."))
        jurisdiction = Jurisdiction.objects.filter(user=user).select_related("province").first()
        if jurisdiction is None:
            raise PermissionDenied(_("You have no jurisdiction yet: ask an administrator."))
        if jurisdiction.province_id is None:
            holds_national = True
        else:
            held_province = jurisdiction.province

    if commune is not None:
        if not holds_national and province != held_province:
            raise PermissionDenied(_("This commune is outside your jurisdiction."))
        return Scope(
            province_code=province.code if province else None,
            commune_code=commune.code,
            label=commune.name,
        )
    if province is not None:
        if not holds_national and province != held_province:
            raise PermissionDenied(_("This province is outside your jurisdiction."))
        return Scope(province_code=province.code, label=province.name)
    if holds_national:
        return national_scope()
    return Scope(province_code=held_province.code, label=held_province.name)


def tables_outside(user) -> frozenset:
    """The tables of a report that `user` may see only with small cells hidden: those that can
    show people outside their jurisdiction. A national statistician (or an admin) holds every
    figure. A provincial statistician, who can ask for nothing wider than their province, still
    sees in "origin" the provinces of the people who came to their province's classes; every
    other table counts their province's classes and people only (reports.figures)."""
    if is_admin(user):
        return frozenset()
    jurisdiction = Jurisdiction.objects.filter(user=user).only("province_id").first()
    if jurisdiction is None or jurisdiction.province_id is None:
        return frozenset()
    return frozenset({"origin"})
