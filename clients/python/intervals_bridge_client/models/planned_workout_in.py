from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.planned_workout_in_category_type_1 import PlannedWorkoutInCategoryType1
from ..models.planned_workout_in_category_type_2_type_1 import PlannedWorkoutInCategoryType2Type1
from ..models.planned_workout_in_category_type_3_type_1 import PlannedWorkoutInCategoryType3Type1
from ..models.planned_workout_in_target_type_1 import PlannedWorkoutInTargetType1
from ..models.planned_workout_in_target_type_2_type_1 import PlannedWorkoutInTargetType2Type1
from ..models.planned_workout_in_target_type_3_type_1 import PlannedWorkoutInTargetType3Type1
from ..models.planned_workout_in_type_type_1 import PlannedWorkoutInTypeType1
from ..models.planned_workout_in_type_type_2_type_1 import PlannedWorkoutInTypeType2Type1
from ..models.planned_workout_in_type_type_3_type_1 import PlannedWorkoutInTypeType3Type1
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.workout_file_in import WorkoutFileIn





T = TypeVar("T", bound="PlannedWorkoutIn")



@_attrs_define
class PlannedWorkoutIn:
    """ One planned workout to write (documentation of the request body; the handler checks the JSON
    itself so that every problem is named with its index).

        Attributes:
            external_id (str): Your own id for it (1 to 128 URL-safe characters): writing it again replaces the event.
            name (str): At most 80 characters.
            start_date_local (str): `YYYY-MM-DD` (midnight) or a local date-time `YYYY-MM-DDTHH:MM:SS`.
            category (None | PlannedWorkoutInCategoryType1 | PlannedWorkoutInCategoryType2Type1 |
                PlannedWorkoutInCategoryType3Type1 | Unset): `WORKOUT` (default), `NOTE`, `RACE_A`, `RACE_B` or `RACE_C`.
            description (None | str | Unset): The steps in Intervals.icu's workout text (`- 10m 60%`, `3x`, …). Send this or
                `file`.
            file (None | Unset | WorkoutFileIn):
            icu_training_load (int | None | Unset):
            indoor (bool | None | Unset):
            moving_time (int | None | Unset): Planned duration, seconds.
            target (None | PlannedWorkoutInTargetType1 | PlannedWorkoutInTargetType2Type1 | PlannedWorkoutInTargetType3Type1
                | Unset): `AUTO`, `POWER`, `HR` or `PACE`.
            type_ (None | PlannedWorkoutInTypeType1 | PlannedWorkoutInTypeType2Type1 | PlannedWorkoutInTypeType3Type1 |
                Unset): An Intervals.icu activity type (`Ride`, `Run`, `Swim`, `VirtualRide`, …); required for a
                WORKOUT.
     """

    external_id: str
    name: str
    start_date_local: str
    category: None | PlannedWorkoutInCategoryType1 | PlannedWorkoutInCategoryType2Type1 | PlannedWorkoutInCategoryType3Type1 | Unset = UNSET
    description: None | str | Unset = UNSET
    file: None | Unset | WorkoutFileIn = UNSET
    icu_training_load: int | None | Unset = UNSET
    indoor: bool | None | Unset = UNSET
    moving_time: int | None | Unset = UNSET
    target: None | PlannedWorkoutInTargetType1 | PlannedWorkoutInTargetType2Type1 | PlannedWorkoutInTargetType3Type1 | Unset = UNSET
    type_: None | PlannedWorkoutInTypeType1 | PlannedWorkoutInTypeType2Type1 | PlannedWorkoutInTypeType3Type1 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.workout_file_in import WorkoutFileIn # noqa: PLC0415
        external_id = self.external_id

        name = self.name

        start_date_local = self.start_date_local

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        elif isinstance(self.category, PlannedWorkoutInCategoryType1):
            category = self.category.value
        elif isinstance(self.category, PlannedWorkoutInCategoryType2Type1):
            category = self.category.value
        elif isinstance(self.category, PlannedWorkoutInCategoryType3Type1):
            category = self.category.value
        else:
            category = self.category

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        file: dict[str, Any] | None | Unset
        if isinstance(self.file, Unset):
            file = UNSET
        elif isinstance(self.file, WorkoutFileIn):
            file = self.file.to_dict()
        else:
            file = self.file

        icu_training_load: int | None | Unset
        if isinstance(self.icu_training_load, Unset):
            icu_training_load = UNSET
        else:
            icu_training_load = self.icu_training_load

        indoor: bool | None | Unset
        if isinstance(self.indoor, Unset):
            indoor = UNSET
        else:
            indoor = self.indoor

        moving_time: int | None | Unset
        if isinstance(self.moving_time, Unset):
            moving_time = UNSET
        else:
            moving_time = self.moving_time

        target: None | str | Unset
        if isinstance(self.target, Unset):
            target = UNSET
        elif isinstance(self.target, PlannedWorkoutInTargetType1):
            target = self.target.value
        elif isinstance(self.target, PlannedWorkoutInTargetType2Type1):
            target = self.target.value
        elif isinstance(self.target, PlannedWorkoutInTargetType3Type1):
            target = self.target.value
        else:
            target = self.target

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, PlannedWorkoutInTypeType1):
            type_ = self.type_.value
        elif isinstance(self.type_, PlannedWorkoutInTypeType2Type1):
            type_ = self.type_.value
        elif isinstance(self.type_, PlannedWorkoutInTypeType3Type1):
            type_ = self.type_.value
        else:
            type_ = self.type_


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "external_id": external_id,
            "name": name,
            "start_date_local": start_date_local,
        })
        if category is not UNSET:
            field_dict["category"] = category
        if description is not UNSET:
            field_dict["description"] = description
        if file is not UNSET:
            field_dict["file"] = file
        if icu_training_load is not UNSET:
            field_dict["icu_training_load"] = icu_training_load
        if indoor is not UNSET:
            field_dict["indoor"] = indoor
        if moving_time is not UNSET:
            field_dict["moving_time"] = moving_time
        if target is not UNSET:
            field_dict["target"] = target
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.workout_file_in import WorkoutFileIn # noqa: PLC0415
        d = dict(src_dict)
        external_id = d.pop("external_id")

        name = d.pop("name")

        start_date_local = d.pop("start_date_local")

        def _parse_category(data: object) -> None | PlannedWorkoutInCategoryType1 | PlannedWorkoutInCategoryType2Type1 | PlannedWorkoutInCategoryType3Type1 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_1 = PlannedWorkoutInCategoryType1(data)



                return category_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_2_type_1 = PlannedWorkoutInCategoryType2Type1(data)



                return category_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_3_type_1 = PlannedWorkoutInCategoryType3Type1(data)



                return category_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlannedWorkoutInCategoryType1 | PlannedWorkoutInCategoryType2Type1 | PlannedWorkoutInCategoryType3Type1 | Unset, data)

        category = _parse_category(d.pop("category", UNSET))


        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_file(data: object) -> None | Unset | WorkoutFileIn:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                file_type_1 = WorkoutFileIn.from_dict(data)



                return file_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WorkoutFileIn, data)

        file = _parse_file(d.pop("file", UNSET))


        def _parse_icu_training_load(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_training_load = _parse_icu_training_load(d.pop("icu_training_load", UNSET))


        def _parse_indoor(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        indoor = _parse_indoor(d.pop("indoor", UNSET))


        def _parse_moving_time(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        moving_time = _parse_moving_time(d.pop("moving_time", UNSET))


        def _parse_target(data: object) -> None | PlannedWorkoutInTargetType1 | PlannedWorkoutInTargetType2Type1 | PlannedWorkoutInTargetType3Type1 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_type_1 = PlannedWorkoutInTargetType1(data)



                return target_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_type_2_type_1 = PlannedWorkoutInTargetType2Type1(data)



                return target_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_type_3_type_1 = PlannedWorkoutInTargetType3Type1(data)



                return target_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlannedWorkoutInTargetType1 | PlannedWorkoutInTargetType2Type1 | PlannedWorkoutInTargetType3Type1 | Unset, data)

        target = _parse_target(d.pop("target", UNSET))


        def _parse_type_(data: object) -> None | PlannedWorkoutInTypeType1 | PlannedWorkoutInTypeType2Type1 | PlannedWorkoutInTypeType3Type1 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_1 = PlannedWorkoutInTypeType1(data)



                return type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_2_type_1 = PlannedWorkoutInTypeType2Type1(data)



                return type_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_3_type_1 = PlannedWorkoutInTypeType3Type1(data)



                return type_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlannedWorkoutInTypeType1 | PlannedWorkoutInTypeType2Type1 | PlannedWorkoutInTypeType3Type1 | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))


        planned_workout_in = cls(
            external_id=external_id,
            name=name,
            start_date_local=start_date_local,
            category=category,
            description=description,
            file=file,
            icu_training_load=icu_training_load,
            indoor=indoor,
            moving_time=moving_time,
            target=target,
            type_=type_,
        )


        planned_workout_in.additional_properties = d
        return planned_workout_in

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
