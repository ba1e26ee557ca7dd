from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.icu_pos import IcuPos





T = TypeVar("T", bound="IcuActivityCharts")



@_attrs_define
class IcuActivityCharts:
    """ Intervals.icu's `ActivityCharts`, as its OpenAPI document has it (any field may be absent or null).

        Attributes:
            data (list[IcuPos] | None | Unset):
            home (list[IcuPos] | None | Unset):
            hr (list[IcuPos] | None | Unset):
            pace (list[IcuPos] | None | Unset):
            power (list[IcuPos] | None | Unset):
     """

    data: list[IcuPos] | None | Unset = UNSET
    home: list[IcuPos] | None | Unset = UNSET
    hr: list[IcuPos] | None | Unset = UNSET
    pace: list[IcuPos] | None | Unset = UNSET
    power: list[IcuPos] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.icu_pos import IcuPos # noqa: PLC0415
        data: list[dict[str, Any]] | None | Unset
        if isinstance(self.data, Unset):
            data = UNSET
        elif isinstance(self.data, list):
            data = []
            for data_type_0_item_data in self.data:
                data_type_0_item = data_type_0_item_data.to_dict()
                data.append(data_type_0_item)


        else:
            data = self.data

        home: list[dict[str, Any]] | None | Unset
        if isinstance(self.home, Unset):
            home = UNSET
        elif isinstance(self.home, list):
            home = []
            for home_type_0_item_data in self.home:
                home_type_0_item = home_type_0_item_data.to_dict()
                home.append(home_type_0_item)


        else:
            home = self.home

        hr: list[dict[str, Any]] | None | Unset
        if isinstance(self.hr, Unset):
            hr = UNSET
        elif isinstance(self.hr, list):
            hr = []
            for hr_type_0_item_data in self.hr:
                hr_type_0_item = hr_type_0_item_data.to_dict()
                hr.append(hr_type_0_item)


        else:
            hr = self.hr

        pace: list[dict[str, Any]] | None | Unset
        if isinstance(self.pace, Unset):
            pace = UNSET
        elif isinstance(self.pace, list):
            pace = []
            for pace_type_0_item_data in self.pace:
                pace_type_0_item = pace_type_0_item_data.to_dict()
                pace.append(pace_type_0_item)


        else:
            pace = self.pace

        power: list[dict[str, Any]] | None | Unset
        if isinstance(self.power, Unset):
            power = UNSET
        elif isinstance(self.power, list):
            power = []
            for power_type_0_item_data in self.power:
                power_type_0_item = power_type_0_item_data.to_dict()
                power.append(power_type_0_item)


        else:
            power = self.power


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if data is not UNSET:
            field_dict["data"] = data
        if home is not UNSET:
            field_dict["home"] = home
        if hr is not UNSET:
            field_dict["hr"] = hr
        if pace is not UNSET:
            field_dict["pace"] = pace
        if power is not UNSET:
            field_dict["power"] = power

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.icu_pos import IcuPos # noqa: PLC0415
        d = dict(src_dict)
        def _parse_data(data: object) -> list[IcuPos] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                data_type_0 = []
                _data_type_0 = data
                for data_type_0_item_data in (_data_type_0):
                    data_type_0_item = IcuPos.from_dict(data_type_0_item_data)



                    data_type_0.append(data_type_0_item)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IcuPos] | None | Unset, data)

        data = _parse_data(d.pop("data", UNSET))


        def _parse_home(data: object) -> list[IcuPos] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                home_type_0 = []
                _home_type_0 = data
                for home_type_0_item_data in (_home_type_0):
                    home_type_0_item = IcuPos.from_dict(home_type_0_item_data)



                    home_type_0.append(home_type_0_item)

                return home_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IcuPos] | None | Unset, data)

        home = _parse_home(d.pop("home", UNSET))


        def _parse_hr(data: object) -> list[IcuPos] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                hr_type_0 = []
                _hr_type_0 = data
                for hr_type_0_item_data in (_hr_type_0):
                    hr_type_0_item = IcuPos.from_dict(hr_type_0_item_data)



                    hr_type_0.append(hr_type_0_item)

                return hr_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IcuPos] | None | Unset, data)

        hr = _parse_hr(d.pop("hr", UNSET))


        def _parse_pace(data: object) -> list[IcuPos] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                pace_type_0 = []
                _pace_type_0 = data
                for pace_type_0_item_data in (_pace_type_0):
                    pace_type_0_item = IcuPos.from_dict(pace_type_0_item_data)



                    pace_type_0.append(pace_type_0_item)

                return pace_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IcuPos] | None | Unset, data)

        pace = _parse_pace(d.pop("pace", UNSET))


        def _parse_power(data: object) -> list[IcuPos] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                power_type_0 = []
                _power_type_0 = data
                for power_type_0_item_data in (_power_type_0):
                    power_type_0_item = IcuPos.from_dict(power_type_0_item_data)



                    power_type_0.append(power_type_0_item)

                return power_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IcuPos] | None | Unset, data)

        power = _parse_power(d.pop("power", UNSET))


        icu_activity_charts = cls(
            data=data,
            home=home,
            hr=hr,
            pace=pace,
            power=power,
        )


        icu_activity_charts.additional_properties = d
        return icu_activity_charts

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
