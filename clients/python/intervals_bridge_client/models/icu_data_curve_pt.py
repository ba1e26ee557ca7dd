from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="IcuDataCurvePt")



@_attrs_define
class IcuDataCurvePt:
    """ Intervals.icu's `DataCurvePt`, as its OpenAPI document has it (any field may be absent or null).

        Attributes:
            end_index (int | None | Unset):
            secs (int | None | Unset):
            start_index (int | None | Unset):
            value (int | None | Unset):
     """

    end_index: int | None | Unset = UNSET
    secs: int | None | Unset = UNSET
    start_index: int | None | Unset = UNSET
    value: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        end_index: int | None | Unset
        if isinstance(self.end_index, Unset):
            end_index = UNSET
        else:
            end_index = self.end_index

        secs: int | None | Unset
        if isinstance(self.secs, Unset):
            secs = UNSET
        else:
            secs = self.secs

        start_index: int | None | Unset
        if isinstance(self.start_index, Unset):
            start_index = UNSET
        else:
            start_index = self.start_index

        value: int | None | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if end_index is not UNSET:
            field_dict["end_index"] = end_index
        if secs is not UNSET:
            field_dict["secs"] = secs
        if start_index is not UNSET:
            field_dict["start_index"] = start_index
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_end_index(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        end_index = _parse_end_index(d.pop("end_index", UNSET))


        def _parse_secs(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        secs = _parse_secs(d.pop("secs", UNSET))


        def _parse_start_index(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        start_index = _parse_start_index(d.pop("start_index", UNSET))


        def _parse_value(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        value = _parse_value(d.pop("value", UNSET))


        icu_data_curve_pt = cls(
            end_index=end_index,
            secs=secs,
            start_index=start_index,
            value=value,
        )


        icu_data_curve_pt.additional_properties = d
        return icu_data_curve_pt

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
