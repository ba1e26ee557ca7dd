from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="IcuHRRecovery")



@_attrs_define
class IcuHRRecovery:
    """ Intervals.icu's `HRRecovery`, as its OpenAPI document has it (any field may be absent or null).

        Attributes:
            average_watts (int | None | Unset):
            end_bpm (int | None | Unset):
            end_index (int | None | Unset):
            end_time (int | None | Unset):
            hrr (int | None | Unset):
            start_bpm (int | None | Unset):
            start_index (int | None | Unset):
            start_time (int | None | Unset):
     """

    average_watts: int | None | Unset = UNSET
    end_bpm: int | None | Unset = UNSET
    end_index: int | None | Unset = UNSET
    end_time: int | None | Unset = UNSET
    hrr: int | None | Unset = UNSET
    start_bpm: int | None | Unset = UNSET
    start_index: int | None | Unset = UNSET
    start_time: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        average_watts: int | None | Unset
        if isinstance(self.average_watts, Unset):
            average_watts = UNSET
        else:
            average_watts = self.average_watts

        end_bpm: int | None | Unset
        if isinstance(self.end_bpm, Unset):
            end_bpm = UNSET
        else:
            end_bpm = self.end_bpm

        end_index: int | None | Unset
        if isinstance(self.end_index, Unset):
            end_index = UNSET
        else:
            end_index = self.end_index

        end_time: int | None | Unset
        if isinstance(self.end_time, Unset):
            end_time = UNSET
        else:
            end_time = self.end_time

        hrr: int | None | Unset
        if isinstance(self.hrr, Unset):
            hrr = UNSET
        else:
            hrr = self.hrr

        start_bpm: int | None | Unset
        if isinstance(self.start_bpm, Unset):
            start_bpm = UNSET
        else:
            start_bpm = self.start_bpm

        start_index: int | None | Unset
        if isinstance(self.start_index, Unset):
            start_index = UNSET
        else:
            start_index = self.start_index

        start_time: int | None | Unset
        if isinstance(self.start_time, Unset):
            start_time = UNSET
        else:
            start_time = self.start_time


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if average_watts is not UNSET:
            field_dict["average_watts"] = average_watts
        if end_bpm is not UNSET:
            field_dict["end_bpm"] = end_bpm
        if end_index is not UNSET:
            field_dict["end_index"] = end_index
        if end_time is not UNSET:
            field_dict["end_time"] = end_time
        if hrr is not UNSET:
            field_dict["hrr"] = hrr
        if start_bpm is not UNSET:
            field_dict["start_bpm"] = start_bpm
        if start_index is not UNSET:
            field_dict["start_index"] = start_index
        if start_time is not UNSET:
            field_dict["start_time"] = start_time

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_average_watts(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        average_watts = _parse_average_watts(d.pop("average_watts", UNSET))


        def _parse_end_bpm(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        end_bpm = _parse_end_bpm(d.pop("end_bpm", UNSET))


        def _parse_end_index(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        end_index = _parse_end_index(d.pop("end_index", UNSET))


        def _parse_end_time(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        end_time = _parse_end_time(d.pop("end_time", UNSET))


        def _parse_hrr(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        hrr = _parse_hrr(d.pop("hrr", UNSET))


        def _parse_start_bpm(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        start_bpm = _parse_start_bpm(d.pop("start_bpm", UNSET))


        def _parse_start_index(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        start_index = _parse_start_index(d.pop("start_index", UNSET))


        def _parse_start_time(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        start_time = _parse_start_time(d.pop("start_time", UNSET))


        icu_hr_recovery = cls(
            average_watts=average_watts,
            end_bpm=end_bpm,
            end_index=end_index,
            end_time=end_time,
            hrr=hrr,
            start_bpm=start_bpm,
            start_index=start_index,
            start_time=start_time,
        )


        icu_hr_recovery.additional_properties = d
        return icu_hr_recovery

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
