from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.icu_icu_achievement_type_type_1 import IcuIcuAchievementTypeType1
from ..models.icu_icu_achievement_type_type_2_type_1 import IcuIcuAchievementTypeType2Type1
from ..models.icu_icu_achievement_type_type_3_type_1 import IcuIcuAchievementTypeType3Type1
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.icu_data_curve_pt import IcuDataCurvePt





T = TypeVar("T", bound="IcuIcuAchievement")



@_attrs_define
class IcuIcuAchievement:
    """ Intervals.icu's `IcuAchievement`, as its OpenAPI document has it (any field may be absent or null).

        Attributes:
            distance (float | None | Unset):
            id (None | str | Unset):
            message (None | str | Unset):
            pace (float | None | Unset):
            point (IcuDataCurvePt | None | Unset):
            secs (int | None | Unset):
            type_ (IcuIcuAchievementTypeType1 | IcuIcuAchievementTypeType2Type1 | IcuIcuAchievementTypeType3Type1 | None |
                Unset):
            value (int | None | Unset):
            watts (int | None | Unset):
     """

    distance: float | None | Unset = UNSET
    id: None | str | Unset = UNSET
    message: None | str | Unset = UNSET
    pace: float | None | Unset = UNSET
    point: IcuDataCurvePt | None | Unset = UNSET
    secs: int | None | Unset = UNSET
    type_: IcuIcuAchievementTypeType1 | IcuIcuAchievementTypeType2Type1 | IcuIcuAchievementTypeType3Type1 | None | Unset = UNSET
    value: int | None | Unset = UNSET
    watts: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.icu_data_curve_pt import IcuDataCurvePt # noqa: PLC0415
        distance: float | None | Unset
        if isinstance(self.distance, Unset):
            distance = UNSET
        else:
            distance = self.distance

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        pace: float | None | Unset
        if isinstance(self.pace, Unset):
            pace = UNSET
        else:
            pace = self.pace

        point: dict[str, Any] | None | Unset
        if isinstance(self.point, Unset):
            point = UNSET
        elif isinstance(self.point, IcuDataCurvePt):
            point = self.point.to_dict()
        else:
            point = self.point

        secs: int | None | Unset
        if isinstance(self.secs, Unset):
            secs = UNSET
        else:
            secs = self.secs

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, IcuIcuAchievementTypeType1):
            type_ = self.type_.value
        elif isinstance(self.type_, IcuIcuAchievementTypeType2Type1):
            type_ = self.type_.value
        elif isinstance(self.type_, IcuIcuAchievementTypeType3Type1):
            type_ = self.type_.value
        else:
            type_ = self.type_

        value: int | None | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        watts: int | None | Unset
        if isinstance(self.watts, Unset):
            watts = UNSET
        else:
            watts = self.watts


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if distance is not UNSET:
            field_dict["distance"] = distance
        if id is not UNSET:
            field_dict["id"] = id
        if message is not UNSET:
            field_dict["message"] = message
        if pace is not UNSET:
            field_dict["pace"] = pace
        if point is not UNSET:
            field_dict["point"] = point
        if secs is not UNSET:
            field_dict["secs"] = secs
        if type_ is not UNSET:
            field_dict["type"] = type_
        if value is not UNSET:
            field_dict["value"] = value
        if watts is not UNSET:
            field_dict["watts"] = watts

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.icu_data_curve_pt import IcuDataCurvePt # noqa: PLC0415
        d = dict(src_dict)
        def _parse_distance(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        distance = _parse_distance(d.pop("distance", UNSET))


        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))


        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))


        def _parse_pace(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        pace = _parse_pace(d.pop("pace", UNSET))


        def _parse_point(data: object) -> IcuDataCurvePt | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                point_type_0 = IcuDataCurvePt.from_dict(data)



                return point_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuDataCurvePt | None | Unset, data)

        point = _parse_point(d.pop("point", UNSET))


        def _parse_secs(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        secs = _parse_secs(d.pop("secs", UNSET))


        def _parse_type_(data: object) -> IcuIcuAchievementTypeType1 | IcuIcuAchievementTypeType2Type1 | IcuIcuAchievementTypeType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_1 = IcuIcuAchievementTypeType1(data)



                return type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_2_type_1 = IcuIcuAchievementTypeType2Type1(data)



                return type_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_3_type_1 = IcuIcuAchievementTypeType3Type1(data)



                return type_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuIcuAchievementTypeType1 | IcuIcuAchievementTypeType2Type1 | IcuIcuAchievementTypeType3Type1 | None | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))


        def _parse_value(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        value = _parse_value(d.pop("value", UNSET))


        def _parse_watts(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        watts = _parse_watts(d.pop("watts", UNSET))


        icu_icu_achievement = cls(
            distance=distance,
            id=id,
            message=message,
            pace=pace,
            point=point,
            secs=secs,
            type_=type_,
            value=value,
            watts=watts,
        )


        icu_icu_achievement.additional_properties = d
        return icu_icu_achievement

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
