from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.icu_sport_info_type_type_1 import IcuSportInfoTypeType1
from ..models.icu_sport_info_type_type_2_type_1 import IcuSportInfoTypeType2Type1
from ..models.icu_sport_info_type_type_3_type_1 import IcuSportInfoTypeType3Type1
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="IcuSportInfo")



@_attrs_define
class IcuSportInfo:
    """ Intervals.icu's `SportInfo`, as its OpenAPI document has it (any field may be absent or null).

        Attributes:
            eftp (float | None | Unset):
            p_max (float | None | Unset):
            type_ (IcuSportInfoTypeType1 | IcuSportInfoTypeType2Type1 | IcuSportInfoTypeType3Type1 | None | Unset):
            w_prime (float | None | Unset):
     """

    eftp: float | None | Unset = UNSET
    p_max: float | None | Unset = UNSET
    type_: IcuSportInfoTypeType1 | IcuSportInfoTypeType2Type1 | IcuSportInfoTypeType3Type1 | None | Unset = UNSET
    w_prime: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        eftp: float | None | Unset
        if isinstance(self.eftp, Unset):
            eftp = UNSET
        else:
            eftp = self.eftp

        p_max: float | None | Unset
        if isinstance(self.p_max, Unset):
            p_max = UNSET
        else:
            p_max = self.p_max

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, IcuSportInfoTypeType1):
            type_ = self.type_.value
        elif isinstance(self.type_, IcuSportInfoTypeType2Type1):
            type_ = self.type_.value
        elif isinstance(self.type_, IcuSportInfoTypeType3Type1):
            type_ = self.type_.value
        else:
            type_ = self.type_

        w_prime: float | None | Unset
        if isinstance(self.w_prime, Unset):
            w_prime = UNSET
        else:
            w_prime = self.w_prime


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if eftp is not UNSET:
            field_dict["eftp"] = eftp
        if p_max is not UNSET:
            field_dict["pMax"] = p_max
        if type_ is not UNSET:
            field_dict["type"] = type_
        if w_prime is not UNSET:
            field_dict["wPrime"] = w_prime

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_eftp(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        eftp = _parse_eftp(d.pop("eftp", UNSET))


        def _parse_p_max(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        p_max = _parse_p_max(d.pop("pMax", UNSET))


        def _parse_type_(data: object) -> IcuSportInfoTypeType1 | IcuSportInfoTypeType2Type1 | IcuSportInfoTypeType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_1 = IcuSportInfoTypeType1(data)



                return type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_2_type_1 = IcuSportInfoTypeType2Type1(data)



                return type_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_3_type_1 = IcuSportInfoTypeType3Type1(data)



                return type_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuSportInfoTypeType1 | IcuSportInfoTypeType2Type1 | IcuSportInfoTypeType3Type1 | None | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))


        def _parse_w_prime(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        w_prime = _parse_w_prime(d.pop("wPrime", UNSET))


        icu_sport_info = cls(
            eftp=eftp,
            p_max=p_max,
            type_=type_,
            w_prime=w_prime,
        )


        icu_sport_info.additional_properties = d
        return icu_sport_info

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
