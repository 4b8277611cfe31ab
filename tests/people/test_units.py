"""Administrative units: the current list from vietnam-provinces, former units mapped to it."""

import pytest
from django.core.management import CommandError, call_command

from people.models import AdministrativeUnit

pytestmark = pytest.mark.django_db


def test_the_2025_list_is_loaded():
    current = AdministrativeUnit.objects.filter(is_current=True)
    assert current.filter(level="province").count() == 34
    assert current.filter(level="commune").count() == 3321
    assert current.get(level="commune", code="05983").parent.name == "Lạng Sơn"


def test_former_provinces_roll_up_to_the_province_that_absorbed_them():
    def successor(name):
        return AdministrativeUnit.objects.get(name=name, is_current=False).current().name

    assert successor("Đắk Nông") == "Lâm Đồng"
    assert successor("Hà Giang") == "Tuyên Quang"
    assert successor("Thừa Thiên Huế") == "Thành phố Huế"
    assert AdministrativeUnit.objects.filter(level="province", is_current=False).count() == 63


def test_former_communes_load_from_a_file_under_their_district(tmp_path):
    mapping = tmp_path / "units.csv"
    mapping.write_text(
        "level,code,name,division_type,parent_code,successor_level,successor_code,valid_until\n"
        "commune,24616,Phường Nghĩa Thành,phường,660,commune,24611,2025-06-30\n",
        encoding="utf-8",
    )
    call_command("load_units", old=mapping)
    call_command("load_units", old=mapping)  # a second run changes nothing
    old = AdministrativeUnit.objects.get(level="commune", code="24616", is_current=False)
    assert old.parent.name == "Thành phố Gia Nghĩa"
    assert old.current().name == "Phường Bắc Gia Nghĩa"
    assert old.current_province().name == "Lâm Đồng"
    assert (
        AdministrativeUnit.objects.filter(level="commune", code="24616", is_current=False).count()
        == 1
    )


def test_a_mapping_to_an_unknown_unit_is_refused_in_one_line(tmp_path):
    mapping = tmp_path / "units.csv"
    mapping.write_text(
        "level,code,name,division_type,parent_code,successor_level,successor_code,valid_until\n"
        "province,99,Tỉnh Không Có,tỉnh,,province,00,2025-06-30\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as error:
        call_command("load_units", old=mapping)
    assert "units.csv" in str(error.value) and "\n" not in str(error.value)
