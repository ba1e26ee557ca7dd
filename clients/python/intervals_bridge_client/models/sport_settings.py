from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SportSettings")



@_attrs_define
class SportSettings:
    """ One group of sports that share thresholds and zones (Intervals.icu's `SportSettings`, the
    fields a partner needs). Units as Intervals.icu keeps them: watts, bpm, metres per second.

        Attributes:
            types (list[str]): The activity types these settings apply to, e.g. `["Ride", "VirtualRide"]`.
            ftp (float | None | Unset): Functional threshold power, watts.
            hr_zone_names (list[str] | None | Unset):
            hr_zones (list[float] | None | Unset): Upper bounds of the heart-rate zones, bpm.
            indoor_ftp (float | None | Unset): FTP for indoor rides, watts.
            lthr (float | None | Unset): Threshold heart rate, bpm.
            max_hr (float | None | Unset):
            pace_units (None | str | Unset): How Intervals.icu shows pace for this sport, e.g. `MINS_KM`.
            pace_zone_names (list[str] | None | Unset):
            pace_zones (list[float] | None | Unset): Upper bounds of the pace zones, percent of threshold pace.
            power_zone_names (list[str] | None | Unset):
            power_zones (list[float] | None | Unset): Upper bounds of the power zones, percent of FTP.
            threshold_pace (float | None | Unset): Threshold pace, metres per second.
            w_prime (float | None | Unset): W′, joules.
     """

    types: list[str]
    ftp: float | None | Unset = UNSET
    hr_zone_names: list[str] | None | Unset = UNSET
    hr_zones: list[float] | None | Unset = UNSET
    indoor_ftp: float | None | Unset = UNSET
    lthr: float | None | Unset = UNSET
    max_hr: float | None | Unset = UNSET
    pace_units: None | str | Unset = UNSET
    pace_zone_names: list[str] | None | Unset = UNSET
    pace_zones: list[float] | None | Unset = UNSET
    power_zone_names: list[str] | None | Unset = UNSET
    power_zones: list[float] | None | Unset = UNSET
    threshold_pace: float | None | Unset = UNSET
    w_prime: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        types = self.types



        ftp: float | None | Unset
        if isinstance(self.ftp, Unset):
            ftp = UNSET
        else:
            ftp = self.ftp

        hr_zone_names: list[str] | None | Unset
        if isinstance(self.hr_zone_names, Unset):
            hr_zone_names = UNSET
        elif isinstance(self.hr_zone_names, list):
            hr_zone_names = self.hr_zone_names


        else:
            hr_zone_names = self.hr_zone_names

        hr_zones: list[float] | None | Unset
        if isinstance(self.hr_zones, Unset):
            hr_zones = UNSET
        elif isinstance(self.hr_zones, list):
            hr_zones = self.hr_zones


        else:
            hr_zones = self.hr_zones

        indoor_ftp: float | None | Unset
        if isinstance(self.indoor_ftp, Unset):
            indoor_ftp = UNSET
        else:
            indoor_ftp = self.indoor_ftp

        lthr: float | None | Unset
        if isinstance(self.lthr, Unset):
            lthr = UNSET
        else:
            lthr = self.lthr

        max_hr: float | None | Unset
        if isinstance(self.max_hr, Unset):
            max_hr = UNSET
        else:
            max_hr = self.max_hr

        pace_units: None | str | Unset
        if isinstance(self.pace_units, Unset):
            pace_units = UNSET
        else:
            pace_units = self.pace_units

        pace_zone_names: list[str] | None | Unset
        if isinstance(self.pace_zone_names, Unset):
            pace_zone_names = UNSET
        elif isinstance(self.pace_zone_names, list):
            pace_zone_names = self.pace_zone_names


        else:
            pace_zone_names = self.pace_zone_names

        pace_zones: list[float] | None | Unset
        if isinstance(self.pace_zones, Unset):
            pace_zones = UNSET
        elif isinstance(self.pace_zones, list):
            pace_zones = self.pace_zones


        else:
            pace_zones = self.pace_zones

        power_zone_names: list[str] | None | Unset
        if isinstance(self.power_zone_names, Unset):
            power_zone_names = UNSET
        elif isinstance(self.power_zone_names, list):
            power_zone_names = self.power_zone_names


        else:
            power_zone_names = self.power_zone_names

        power_zones: list[float] | None | Unset
        if isinstance(self.power_zones, Unset):
            power_zones = UNSET
        elif isinstance(self.power_zones, list):
            power_zones = self.power_zones


        else:
            power_zones = self.power_zones

        threshold_pace: float | None | Unset
        if isinstance(self.threshold_pace, Unset):
            threshold_pace = UNSET
        else:
            threshold_pace = self.threshold_pace

        w_prime: float | None | Unset
        if isinstance(self.w_prime, Unset):
            w_prime = UNSET
        else:
            w_prime = self.w_prime


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "types": types,
        })
        if ftp is not UNSET:
            field_dict["ftp"] = ftp
        if hr_zone_names is not UNSET:
            field_dict["hr_zone_names"] = hr_zone_names
        if hr_zones is not UNSET:
            field_dict["hr_zones"] = hr_zones
        if indoor_ftp is not UNSET:
            field_dict["indoor_ftp"] = indoor_ftp
        if lthr is not UNSET:
            field_dict["lthr"] = lthr
        if max_hr is not UNSET:
            field_dict["max_hr"] = max_hr
        if pace_units is not UNSET:
            field_dict["pace_units"] = pace_units
        if pace_zone_names is not UNSET:
            field_dict["pace_zone_names"] = pace_zone_names
        if pace_zones is not UNSET:
            field_dict["pace_zones"] = pace_zones
        if power_zone_names is not UNSET:
            field_dict["power_zone_names"] = power_zone_names
        if power_zones is not UNSET:
            field_dict["power_zones"] = power_zones
        if threshold_pace is not UNSET:
            field_dict["threshold_pace"] = threshold_pace
        if w_prime is not UNSET:
            field_dict["w_prime"] = w_prime

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        types = cast(list[str], d.pop("types"))


        def _parse_ftp(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ftp = _parse_ftp(d.pop("ftp", UNSET))


        def _parse_hr_zone_names(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                hr_zone_names_type_0 = cast(list[str], data)

                return hr_zone_names_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        hr_zone_names = _parse_hr_zone_names(d.pop("hr_zone_names", UNSET))


        def _parse_hr_zones(data: object) -> list[float] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                hr_zones_type_0 = cast(list[float], data)

                return hr_zones_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None | Unset, data)

        hr_zones = _parse_hr_zones(d.pop("hr_zones", UNSET))


        def _parse_indoor_ftp(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        indoor_ftp = _parse_indoor_ftp(d.pop("indoor_ftp", UNSET))


        def _parse_lthr(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        lthr = _parse_lthr(d.pop("lthr", UNSET))


        def _parse_max_hr(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_hr = _parse_max_hr(d.pop("max_hr", UNSET))


        def _parse_pace_units(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pace_units = _parse_pace_units(d.pop("pace_units", UNSET))


        def _parse_pace_zone_names(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                pace_zone_names_type_0 = cast(list[str], data)

                return pace_zone_names_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        pace_zone_names = _parse_pace_zone_names(d.pop("pace_zone_names", UNSET))


        def _parse_pace_zones(data: object) -> list[float] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                pace_zones_type_0 = cast(list[float], data)

                return pace_zones_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None | Unset, data)

        pace_zones = _parse_pace_zones(d.pop("pace_zones", UNSET))


        def _parse_power_zone_names(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                power_zone_names_type_0 = cast(list[str], data)

                return power_zone_names_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        power_zone_names = _parse_power_zone_names(d.pop("power_zone_names", UNSET))


        def _parse_power_zones(data: object) -> list[float] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                power_zones_type_0 = cast(list[float], data)

                return power_zones_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None | Unset, data)

        power_zones = _parse_power_zones(d.pop("power_zones", UNSET))


        def _parse_threshold_pace(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        threshold_pace = _parse_threshold_pace(d.pop("threshold_pace", UNSET))


        def _parse_w_prime(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        w_prime = _parse_w_prime(d.pop("w_prime", UNSET))


        sport_settings = cls(
            types=types,
            ftp=ftp,
            hr_zone_names=hr_zone_names,
            hr_zones=hr_zones,
            indoor_ftp=indoor_ftp,
            lthr=lthr,
            max_hr=max_hr,
            pace_units=pace_units,
            pace_zone_names=pace_zone_names,
            pace_zones=pace_zones,
            power_zone_names=power_zone_names,
            power_zones=power_zones,
            threshold_pace=threshold_pace,
            w_prime=w_prime,
        )


        sport_settings.additional_properties = d
        return sport_settings

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
