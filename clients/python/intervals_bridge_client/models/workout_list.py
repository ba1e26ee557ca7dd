from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.planned_workout import PlannedWorkout





T = TypeVar("T", bound="WorkoutList")



@_attrs_define
class WorkoutList:
    """ 
        Example:
            {'data': [{'athlete_id': 'i317960', 'category': 'WORKOUT', 'created_by_this_tenant': True, 'description': '- 10m
                60%\\n3x\\n- 12m 90%\\n- 4m 55%\\n\\n- 10m 50%', 'end_date_local': '2026-03-03T00:00:00', 'external_id':
                'plan-42', 'file': {'content_base64':
                'PHdvcmtvdXRfZmlsZT4KICAgIDxuYW1lPlN3ZWV0IHNwb3QgM3gxMjwvbmFtZT4KPC93b3Jrb3V0X2ZpbGU+Cg==', 'content_type':
                'application/xml', 'filename': 'Sweet spot 3x12.zwo'}, 'icu_intensity': 75.6, 'icu_training_load': 65, 'id':
                100001, 'indoor': False, 'moving_time': 4080, 'name': 'Sweet spot 3x12', 'start_date_local':
                '2026-03-03T00:00:00', 'target': 'POWER', 'type': 'Ride', 'workout_doc': {'duration': 4080, 'ftp': 250, 'lthr':
                170, 'max_hr': 190, 'steps': [{'_power': {'value': 150}, 'duration': 600, 'power': {'units': '%ftp', 'value':
                60.0}}, {'duration': 2880, 'reps': 3, 'steps': [{'_power': {'value': 225}, 'duration': 720, 'power': {'units':
                '%ftp', 'value': 90.0}}, {'_power': {'value': 138}, 'duration': 240, 'power': {'units': '%ftp', 'value':
                55.0}}]}, {'_power': {'value': 125}, 'duration': 600, 'power': {'units': '%ftp', 'value': 50.0}}], 'target':
                'POWER', 'threshold_pace': 3.7037}}]}

        Attributes:
            data (list[PlannedWorkout]): WORKOUT events as Intervals.icu has them (`id`, `start_date_local`, `type`, `name`,
                `description`, `workout_doc` with `_power`/`_hr`/`_pace` absolute targets, …), with
                `external_id` (this tenant's own id when it wrote the event, else null),
                `created_by_this_tenant` and, when a `format` was asked for, `file`.
     """

    data: list[PlannedWorkout]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.planned_workout import PlannedWorkout # noqa: PLC0415
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "data": data,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.planned_workout import PlannedWorkout # noqa: PLC0415
        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in (_data):
            data_item = PlannedWorkout.from_dict(data_item_data)



            data.append(data_item)


        workout_list = cls(
            data=data,
        )


        workout_list.additional_properties = d
        return workout_list

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
