from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.icu_power_model_type_type_1 import IcuPowerModelTypeType1
from ..models.icu_power_model_type_type_2_type_1 import IcuPowerModelTypeType2Type1
from ..models.icu_power_model_type_type_3_type_1 import IcuPowerModelTypeType3Type1
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="IcuPowerModel")



@_attrs_define
class IcuPowerModel:
    """ Intervals.icu's `PowerModel`, as its OpenAPI document has it (any field may be absent or null).

        Attributes:
            critical_power (int | None | Unset):
            ftp (int | None | Unset):
            input_point_indexes (list[int] | None | Unset):
            p_max (int | None | Unset):
            type_ (IcuPowerModelTypeType1 | IcuPowerModelTypeType2Type1 | IcuPowerModelTypeType3Type1 | None | Unset):
            w_prime (int | None | Unset):
     """

    critical_power: int | None | Unset = UNSET
    ftp: int | None | Unset = UNSET
    input_point_indexes: list[int] | None | Unset = UNSET
    p_max: int | None | Unset = UNSET
    type_: IcuPowerModelTypeType1 | IcuPowerModelTypeType2Type1 | IcuPowerModelTypeType3Type1 | None | Unset = UNSET
    w_prime: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        critical_power: int | None | Unset
        if isinstance(self.critical_power, Unset):
            critical_power = UNSET
        else:
            critical_power = self.critical_power

        ftp: int | None | Unset
        if isinstance(self.ftp, Unset):
            ftp = UNSET
        else:
            ftp = self.ftp

        input_point_indexes: list[int] | None | Unset
        if isinstance(self.input_point_indexes, Unset):
            input_point_indexes = UNSET
        elif isinstance(self.input_point_indexes, list):
            input_point_indexes = self.input_point_indexes


        else:
            input_point_indexes = self.input_point_indexes

        p_max: int | None | Unset
        if isinstance(self.p_max, Unset):
            p_max = UNSET
        else:
            p_max = self.p_max

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, IcuPowerModelTypeType1):
            type_ = self.type_.value
        elif isinstance(self.type_, IcuPowerModelTypeType2Type1):
            type_ = self.type_.value
        elif isinstance(self.type_, IcuPowerModelTypeType3Type1):
            type_ = self.type_.value
        else:
            type_ = self.type_

        w_prime: int | None | Unset
        if isinstance(self.w_prime, Unset):
            w_prime = UNSET
        else:
            w_prime = self.w_prime


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if critical_power is not UNSET:
            field_dict["criticalPower"] = critical_power
        if ftp is not UNSET:
            field_dict["ftp"] = ftp
        if input_point_indexes is not UNSET:
            field_dict["inputPointIndexes"] = input_point_indexes
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
        def _parse_critical_power(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        critical_power = _parse_critical_power(d.pop("criticalPower", UNSET))


        def _parse_ftp(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        ftp = _parse_ftp(d.pop("ftp", UNSET))


        def _parse_input_point_indexes(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                input_point_indexes_type_0 = cast(list[int], data)

                return input_point_indexes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        input_point_indexes = _parse_input_point_indexes(d.pop("inputPointIndexes", UNSET))


        def _parse_p_max(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        p_max = _parse_p_max(d.pop("pMax", UNSET))


        def _parse_type_(data: object) -> IcuPowerModelTypeType1 | IcuPowerModelTypeType2Type1 | IcuPowerModelTypeType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_1 = IcuPowerModelTypeType1(data)



                return type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_2_type_1 = IcuPowerModelTypeType2Type1(data)



                return type_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_3_type_1 = IcuPowerModelTypeType3Type1(data)



                return type_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuPowerModelTypeType1 | IcuPowerModelTypeType2Type1 | IcuPowerModelTypeType3Type1 | None | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))


        def _parse_w_prime(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        w_prime = _parse_w_prime(d.pop("wPrime", UNSET))


        icu_power_model = cls(
            critical_power=critical_power,
            ftp=ftp,
            input_point_indexes=input_point_indexes,
            p_max=p_max,
            type_=type_,
            w_prime=w_prime,
        )


        icu_power_model.additional_properties = d
        return icu_power_model

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
