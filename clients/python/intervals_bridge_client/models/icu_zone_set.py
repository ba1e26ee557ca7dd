from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.icu_zone_info import IcuZoneInfo





T = TypeVar("T", bound="IcuZoneSet")



@_attrs_define
class IcuZoneSet:
    """ Intervals.icu's `ZoneSet`, as its OpenAPI document has it (any field may be absent or null).

        Attributes:
            code (None | str | Unset):
            zones (list[IcuZoneInfo] | None | Unset):
     """

    code: None | str | Unset = UNSET
    zones: list[IcuZoneInfo] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.icu_zone_info import IcuZoneInfo # noqa: PLC0415
        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        zones: list[dict[str, Any]] | None | Unset
        if isinstance(self.zones, Unset):
            zones = UNSET
        elif isinstance(self.zones, list):
            zones = []
            for zones_type_0_item_data in self.zones:
                zones_type_0_item = zones_type_0_item_data.to_dict()
                zones.append(zones_type_0_item)


        else:
            zones = self.zones


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if code is not UNSET:
            field_dict["code"] = code
        if zones is not UNSET:
            field_dict["zones"] = zones

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.icu_zone_info import IcuZoneInfo # noqa: PLC0415
        d = dict(src_dict)
        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))


        def _parse_zones(data: object) -> list[IcuZoneInfo] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                zones_type_0 = []
                _zones_type_0 = data
                for zones_type_0_item_data in (_zones_type_0):
                    zones_type_0_item = IcuZoneInfo.from_dict(zones_type_0_item_data)



                    zones_type_0.append(zones_type_0_item)

                return zones_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IcuZoneInfo] | None | Unset, data)

        zones = _parse_zones(d.pop("zones", UNSET))


        icu_zone_set = cls(
            code=code,
            zones=zones,
        )


        icu_zone_set.additional_properties = d
        return icu_zone_set

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
