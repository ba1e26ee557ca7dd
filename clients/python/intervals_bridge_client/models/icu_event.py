from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.icu_event_can_train_sports_type_0_item import IcuEventCanTrainSportsType0Item
from ..models.icu_event_category_type_1 import IcuEventCategoryType1
from ..models.icu_event_category_type_2_type_1 import IcuEventCategoryType2Type1
from ..models.icu_event_category_type_3_type_1 import IcuEventCategoryType3Type1
from ..models.icu_event_sub_type_type_1 import IcuEventSubTypeType1
from ..models.icu_event_sub_type_type_2_type_1 import IcuEventSubTypeType2Type1
from ..models.icu_event_sub_type_type_3_type_1 import IcuEventSubTypeType3Type1
from ..models.icu_event_target_type_1 import IcuEventTargetType1
from ..models.icu_event_target_type_2_type_1 import IcuEventTargetType2Type1
from ..models.icu_event_target_type_3_type_1 import IcuEventTargetType3Type1
from ..models.icu_event_training_availability_type_1 import IcuEventTrainingAvailabilityType1
from ..models.icu_event_training_availability_type_2_type_1 import IcuEventTrainingAvailabilityType2Type1
from ..models.icu_event_training_availability_type_3_type_1 import IcuEventTrainingAvailabilityType3Type1
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.icu_attachment import IcuAttachment
  from ..models.icu_event_workout_doc_type_0 import IcuEventWorkoutDocType0
  from ..models.icu_push_error import IcuPushError





T = TypeVar("T", bound="IcuEvent")



@_attrs_define
class IcuEvent:
    """ Intervals.icu's `Event`, as its OpenAPI document has it (any field may be absent or null).

        Attributes:
            athlete_cannot_edit (bool | None | Unset):
            athlete_id (None | str | Unset):
            atl_days (int | None | Unset):
            attachments (list[IcuAttachment] | None | Unset):
            calendar_id (int | None | Unset):
            can_train_sports (list[IcuEventCanTrainSportsType0Item] | None | Unset):
            carbs_per_hour (int | None | Unset):
            carbs_used (int | None | Unset):
            category (IcuEventCategoryType1 | IcuEventCategoryType2Type1 | IcuEventCategoryType3Type1 | None | Unset):
            color (None | str | Unset):
            created_by_id (None | str | Unset):
            ctl_days (int | None | Unset):
            description (None | str | Unset):
            distance (float | None | Unset):
            distance_target (float | None | Unset):
            end_date_local (None | str | Unset):
            entered (bool | None | Unset):
            external_id (None | str | Unset):
            for_week (bool | None | Unset):
            hide_from_athlete (bool | None | Unset):
            icu_atl (float | None | Unset):
            icu_ctl (float | None | Unset):
            icu_ftp (int | None | Unset):
            icu_intensity (float | None | Unset):
            icu_training_load (int | None | Unset):
            id (int | None | Unset):
            indoor (bool | None | Unset):
            joules (int | None | Unset):
            joules_above_ftp (int | None | Unset):
            load_target (int | None | Unset):
            max_training_time (int | None | Unset):
            moving_time (int | None | Unset):
            name (None | str | Unset):
            not_on_fitness_chart (bool | None | Unset):
            oauth_client_id (int | None | Unset):
            p_max (int | None | Unset):
            plan_applied (datetime.datetime | None | Unset):
            plan_athlete_id (None | str | Unset):
            plan_folder_id (int | None | Unset):
            plan_workout_id (int | None | Unset):
            push_errors (list[IcuPushError] | None | Unset):
            shared_event_id (int | None | Unset):
            show_as_note (bool | None | Unset):
            show_on_ctl_line (bool | None | Unset):
            ss_cp (float | None | Unset):
            ss_p_max (float | None | Unset):
            ss_w_prime (float | None | Unset):
            start_date_local (None | str | Unset):
            strain_score (float | None | Unset):
            structure_read_only (bool | None | Unset):
            sub_type (IcuEventSubTypeType1 | IcuEventSubTypeType2Type1 | IcuEventSubTypeType3Type1 | None | Unset):
            tags (list[str] | None | Unset):
            target (IcuEventTargetType1 | IcuEventTargetType2Type1 | IcuEventTargetType3Type1 | None | Unset):
            time_target (int | None | Unset):
            training_availability (IcuEventTrainingAvailabilityType1 | IcuEventTrainingAvailabilityType2Type1 |
                IcuEventTrainingAvailabilityType3Type1 | None | Unset):
            type_ (None | str | Unset):
            uid (None | str | Unset):
            updated (datetime.datetime | None | Unset):
            w_prime (int | None | Unset):
            workout_doc (IcuEventWorkoutDocType0 | None | Unset):
     """

    athlete_cannot_edit: bool | None | Unset = UNSET
    athlete_id: None | str | Unset = UNSET
    atl_days: int | None | Unset = UNSET
    attachments: list[IcuAttachment] | None | Unset = UNSET
    calendar_id: int | None | Unset = UNSET
    can_train_sports: list[IcuEventCanTrainSportsType0Item] | None | Unset = UNSET
    carbs_per_hour: int | None | Unset = UNSET
    carbs_used: int | None | Unset = UNSET
    category: IcuEventCategoryType1 | IcuEventCategoryType2Type1 | IcuEventCategoryType3Type1 | None | Unset = UNSET
    color: None | str | Unset = UNSET
    created_by_id: None | str | Unset = UNSET
    ctl_days: int | None | Unset = UNSET
    description: None | str | Unset = UNSET
    distance: float | None | Unset = UNSET
    distance_target: float | None | Unset = UNSET
    end_date_local: None | str | Unset = UNSET
    entered: bool | None | Unset = UNSET
    external_id: None | str | Unset = UNSET
    for_week: bool | None | Unset = UNSET
    hide_from_athlete: bool | None | Unset = UNSET
    icu_atl: float | None | Unset = UNSET
    icu_ctl: float | None | Unset = UNSET
    icu_ftp: int | None | Unset = UNSET
    icu_intensity: float | None | Unset = UNSET
    icu_training_load: int | None | Unset = UNSET
    id: int | None | Unset = UNSET
    indoor: bool | None | Unset = UNSET
    joules: int | None | Unset = UNSET
    joules_above_ftp: int | None | Unset = UNSET
    load_target: int | None | Unset = UNSET
    max_training_time: int | None | Unset = UNSET
    moving_time: int | None | Unset = UNSET
    name: None | str | Unset = UNSET
    not_on_fitness_chart: bool | None | Unset = UNSET
    oauth_client_id: int | None | Unset = UNSET
    p_max: int | None | Unset = UNSET
    plan_applied: datetime.datetime | None | Unset = UNSET
    plan_athlete_id: None | str | Unset = UNSET
    plan_folder_id: int | None | Unset = UNSET
    plan_workout_id: int | None | Unset = UNSET
    push_errors: list[IcuPushError] | None | Unset = UNSET
    shared_event_id: int | None | Unset = UNSET
    show_as_note: bool | None | Unset = UNSET
    show_on_ctl_line: bool | None | Unset = UNSET
    ss_cp: float | None | Unset = UNSET
    ss_p_max: float | None | Unset = UNSET
    ss_w_prime: float | None | Unset = UNSET
    start_date_local: None | str | Unset = UNSET
    strain_score: float | None | Unset = UNSET
    structure_read_only: bool | None | Unset = UNSET
    sub_type: IcuEventSubTypeType1 | IcuEventSubTypeType2Type1 | IcuEventSubTypeType3Type1 | None | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    target: IcuEventTargetType1 | IcuEventTargetType2Type1 | IcuEventTargetType3Type1 | None | Unset = UNSET
    time_target: int | None | Unset = UNSET
    training_availability: IcuEventTrainingAvailabilityType1 | IcuEventTrainingAvailabilityType2Type1 | IcuEventTrainingAvailabilityType3Type1 | None | Unset = UNSET
    type_: None | str | Unset = UNSET
    uid: None | str | Unset = UNSET
    updated: datetime.datetime | None | Unset = UNSET
    w_prime: int | None | Unset = UNSET
    workout_doc: IcuEventWorkoutDocType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.icu_attachment import IcuAttachment # noqa: PLC0415
        from ..models.icu_event_workout_doc_type_0 import IcuEventWorkoutDocType0 # noqa: PLC0415
        from ..models.icu_push_error import IcuPushError # noqa: PLC0415
        athlete_cannot_edit: bool | None | Unset
        if isinstance(self.athlete_cannot_edit, Unset):
            athlete_cannot_edit = UNSET
        else:
            athlete_cannot_edit = self.athlete_cannot_edit

        athlete_id: None | str | Unset
        if isinstance(self.athlete_id, Unset):
            athlete_id = UNSET
        else:
            athlete_id = self.athlete_id

        atl_days: int | None | Unset
        if isinstance(self.atl_days, Unset):
            atl_days = UNSET
        else:
            atl_days = self.atl_days

        attachments: list[dict[str, Any]] | None | Unset
        if isinstance(self.attachments, Unset):
            attachments = UNSET
        elif isinstance(self.attachments, list):
            attachments = []
            for attachments_type_0_item_data in self.attachments:
                attachments_type_0_item = attachments_type_0_item_data.to_dict()
                attachments.append(attachments_type_0_item)


        else:
            attachments = self.attachments

        calendar_id: int | None | Unset
        if isinstance(self.calendar_id, Unset):
            calendar_id = UNSET
        else:
            calendar_id = self.calendar_id

        can_train_sports: list[str] | None | Unset
        if isinstance(self.can_train_sports, Unset):
            can_train_sports = UNSET
        elif isinstance(self.can_train_sports, list):
            can_train_sports = []
            for can_train_sports_type_0_item_data in self.can_train_sports:
                can_train_sports_type_0_item = can_train_sports_type_0_item_data.value
                can_train_sports.append(can_train_sports_type_0_item)


        else:
            can_train_sports = self.can_train_sports

        carbs_per_hour: int | None | Unset
        if isinstance(self.carbs_per_hour, Unset):
            carbs_per_hour = UNSET
        else:
            carbs_per_hour = self.carbs_per_hour

        carbs_used: int | None | Unset
        if isinstance(self.carbs_used, Unset):
            carbs_used = UNSET
        else:
            carbs_used = self.carbs_used

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        elif isinstance(self.category, IcuEventCategoryType1):
            category = self.category.value
        elif isinstance(self.category, IcuEventCategoryType2Type1):
            category = self.category.value
        elif isinstance(self.category, IcuEventCategoryType3Type1):
            category = self.category.value
        else:
            category = self.category

        color: None | str | Unset
        if isinstance(self.color, Unset):
            color = UNSET
        else:
            color = self.color

        created_by_id: None | str | Unset
        if isinstance(self.created_by_id, Unset):
            created_by_id = UNSET
        else:
            created_by_id = self.created_by_id

        ctl_days: int | None | Unset
        if isinstance(self.ctl_days, Unset):
            ctl_days = UNSET
        else:
            ctl_days = self.ctl_days

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        distance: float | None | Unset
        if isinstance(self.distance, Unset):
            distance = UNSET
        else:
            distance = self.distance

        distance_target: float | None | Unset
        if isinstance(self.distance_target, Unset):
            distance_target = UNSET
        else:
            distance_target = self.distance_target

        end_date_local: None | str | Unset
        if isinstance(self.end_date_local, Unset):
            end_date_local = UNSET
        else:
            end_date_local = self.end_date_local

        entered: bool | None | Unset
        if isinstance(self.entered, Unset):
            entered = UNSET
        else:
            entered = self.entered

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        for_week: bool | None | Unset
        if isinstance(self.for_week, Unset):
            for_week = UNSET
        else:
            for_week = self.for_week

        hide_from_athlete: bool | None | Unset
        if isinstance(self.hide_from_athlete, Unset):
            hide_from_athlete = UNSET
        else:
            hide_from_athlete = self.hide_from_athlete

        icu_atl: float | None | Unset
        if isinstance(self.icu_atl, Unset):
            icu_atl = UNSET
        else:
            icu_atl = self.icu_atl

        icu_ctl: float | None | Unset
        if isinstance(self.icu_ctl, Unset):
            icu_ctl = UNSET
        else:
            icu_ctl = self.icu_ctl

        icu_ftp: int | None | Unset
        if isinstance(self.icu_ftp, Unset):
            icu_ftp = UNSET
        else:
            icu_ftp = self.icu_ftp

        icu_intensity: float | None | Unset
        if isinstance(self.icu_intensity, Unset):
            icu_intensity = UNSET
        else:
            icu_intensity = self.icu_intensity

        icu_training_load: int | None | Unset
        if isinstance(self.icu_training_load, Unset):
            icu_training_load = UNSET
        else:
            icu_training_load = self.icu_training_load

        id: int | None | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        indoor: bool | None | Unset
        if isinstance(self.indoor, Unset):
            indoor = UNSET
        else:
            indoor = self.indoor

        joules: int | None | Unset
        if isinstance(self.joules, Unset):
            joules = UNSET
        else:
            joules = self.joules

        joules_above_ftp: int | None | Unset
        if isinstance(self.joules_above_ftp, Unset):
            joules_above_ftp = UNSET
        else:
            joules_above_ftp = self.joules_above_ftp

        load_target: int | None | Unset
        if isinstance(self.load_target, Unset):
            load_target = UNSET
        else:
            load_target = self.load_target

        max_training_time: int | None | Unset
        if isinstance(self.max_training_time, Unset):
            max_training_time = UNSET
        else:
            max_training_time = self.max_training_time

        moving_time: int | None | Unset
        if isinstance(self.moving_time, Unset):
            moving_time = UNSET
        else:
            moving_time = self.moving_time

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        not_on_fitness_chart: bool | None | Unset
        if isinstance(self.not_on_fitness_chart, Unset):
            not_on_fitness_chart = UNSET
        else:
            not_on_fitness_chart = self.not_on_fitness_chart

        oauth_client_id: int | None | Unset
        if isinstance(self.oauth_client_id, Unset):
            oauth_client_id = UNSET
        else:
            oauth_client_id = self.oauth_client_id

        p_max: int | None | Unset
        if isinstance(self.p_max, Unset):
            p_max = UNSET
        else:
            p_max = self.p_max

        plan_applied: None | str | Unset
        if isinstance(self.plan_applied, Unset):
            plan_applied = UNSET
        elif isinstance(self.plan_applied, datetime.datetime):
            plan_applied = self.plan_applied.isoformat()
        else:
            plan_applied = self.plan_applied

        plan_athlete_id: None | str | Unset
        if isinstance(self.plan_athlete_id, Unset):
            plan_athlete_id = UNSET
        else:
            plan_athlete_id = self.plan_athlete_id

        plan_folder_id: int | None | Unset
        if isinstance(self.plan_folder_id, Unset):
            plan_folder_id = UNSET
        else:
            plan_folder_id = self.plan_folder_id

        plan_workout_id: int | None | Unset
        if isinstance(self.plan_workout_id, Unset):
            plan_workout_id = UNSET
        else:
            plan_workout_id = self.plan_workout_id

        push_errors: list[dict[str, Any]] | None | Unset
        if isinstance(self.push_errors, Unset):
            push_errors = UNSET
        elif isinstance(self.push_errors, list):
            push_errors = []
            for push_errors_type_0_item_data in self.push_errors:
                push_errors_type_0_item = push_errors_type_0_item_data.to_dict()
                push_errors.append(push_errors_type_0_item)


        else:
            push_errors = self.push_errors

        shared_event_id: int | None | Unset
        if isinstance(self.shared_event_id, Unset):
            shared_event_id = UNSET
        else:
            shared_event_id = self.shared_event_id

        show_as_note: bool | None | Unset
        if isinstance(self.show_as_note, Unset):
            show_as_note = UNSET
        else:
            show_as_note = self.show_as_note

        show_on_ctl_line: bool | None | Unset
        if isinstance(self.show_on_ctl_line, Unset):
            show_on_ctl_line = UNSET
        else:
            show_on_ctl_line = self.show_on_ctl_line

        ss_cp: float | None | Unset
        if isinstance(self.ss_cp, Unset):
            ss_cp = UNSET
        else:
            ss_cp = self.ss_cp

        ss_p_max: float | None | Unset
        if isinstance(self.ss_p_max, Unset):
            ss_p_max = UNSET
        else:
            ss_p_max = self.ss_p_max

        ss_w_prime: float | None | Unset
        if isinstance(self.ss_w_prime, Unset):
            ss_w_prime = UNSET
        else:
            ss_w_prime = self.ss_w_prime

        start_date_local: None | str | Unset
        if isinstance(self.start_date_local, Unset):
            start_date_local = UNSET
        else:
            start_date_local = self.start_date_local

        strain_score: float | None | Unset
        if isinstance(self.strain_score, Unset):
            strain_score = UNSET
        else:
            strain_score = self.strain_score

        structure_read_only: bool | None | Unset
        if isinstance(self.structure_read_only, Unset):
            structure_read_only = UNSET
        else:
            structure_read_only = self.structure_read_only

        sub_type: None | str | Unset
        if isinstance(self.sub_type, Unset):
            sub_type = UNSET
        elif isinstance(self.sub_type, IcuEventSubTypeType1):
            sub_type = self.sub_type.value
        elif isinstance(self.sub_type, IcuEventSubTypeType2Type1):
            sub_type = self.sub_type.value
        elif isinstance(self.sub_type, IcuEventSubTypeType3Type1):
            sub_type = self.sub_type.value
        else:
            sub_type = self.sub_type

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags


        else:
            tags = self.tags

        target: None | str | Unset
        if isinstance(self.target, Unset):
            target = UNSET
        elif isinstance(self.target, IcuEventTargetType1):
            target = self.target.value
        elif isinstance(self.target, IcuEventTargetType2Type1):
            target = self.target.value
        elif isinstance(self.target, IcuEventTargetType3Type1):
            target = self.target.value
        else:
            target = self.target

        time_target: int | None | Unset
        if isinstance(self.time_target, Unset):
            time_target = UNSET
        else:
            time_target = self.time_target

        training_availability: None | str | Unset
        if isinstance(self.training_availability, Unset):
            training_availability = UNSET
        elif isinstance(self.training_availability, IcuEventTrainingAvailabilityType1):
            training_availability = self.training_availability.value
        elif isinstance(self.training_availability, IcuEventTrainingAvailabilityType2Type1):
            training_availability = self.training_availability.value
        elif isinstance(self.training_availability, IcuEventTrainingAvailabilityType3Type1):
            training_availability = self.training_availability.value
        else:
            training_availability = self.training_availability

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
            type_ = self.type_

        uid: None | str | Unset
        if isinstance(self.uid, Unset):
            uid = UNSET
        else:
            uid = self.uid

        updated: None | str | Unset
        if isinstance(self.updated, Unset):
            updated = UNSET
        elif isinstance(self.updated, datetime.datetime):
            updated = self.updated.isoformat()
        else:
            updated = self.updated

        w_prime: int | None | Unset
        if isinstance(self.w_prime, Unset):
            w_prime = UNSET
        else:
            w_prime = self.w_prime

        workout_doc: dict[str, Any] | None | Unset
        if isinstance(self.workout_doc, Unset):
            workout_doc = UNSET
        elif isinstance(self.workout_doc, IcuEventWorkoutDocType0):
            workout_doc = self.workout_doc.to_dict()
        else:
            workout_doc = self.workout_doc


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if athlete_cannot_edit is not UNSET:
            field_dict["athlete_cannot_edit"] = athlete_cannot_edit
        if athlete_id is not UNSET:
            field_dict["athlete_id"] = athlete_id
        if atl_days is not UNSET:
            field_dict["atl_days"] = atl_days
        if attachments is not UNSET:
            field_dict["attachments"] = attachments
        if calendar_id is not UNSET:
            field_dict["calendar_id"] = calendar_id
        if can_train_sports is not UNSET:
            field_dict["can_train_sports"] = can_train_sports
        if carbs_per_hour is not UNSET:
            field_dict["carbs_per_hour"] = carbs_per_hour
        if carbs_used is not UNSET:
            field_dict["carbs_used"] = carbs_used
        if category is not UNSET:
            field_dict["category"] = category
        if color is not UNSET:
            field_dict["color"] = color
        if created_by_id is not UNSET:
            field_dict["created_by_id"] = created_by_id
        if ctl_days is not UNSET:
            field_dict["ctl_days"] = ctl_days
        if description is not UNSET:
            field_dict["description"] = description
        if distance is not UNSET:
            field_dict["distance"] = distance
        if distance_target is not UNSET:
            field_dict["distance_target"] = distance_target
        if end_date_local is not UNSET:
            field_dict["end_date_local"] = end_date_local
        if entered is not UNSET:
            field_dict["entered"] = entered
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if for_week is not UNSET:
            field_dict["for_week"] = for_week
        if hide_from_athlete is not UNSET:
            field_dict["hide_from_athlete"] = hide_from_athlete
        if icu_atl is not UNSET:
            field_dict["icu_atl"] = icu_atl
        if icu_ctl is not UNSET:
            field_dict["icu_ctl"] = icu_ctl
        if icu_ftp is not UNSET:
            field_dict["icu_ftp"] = icu_ftp
        if icu_intensity is not UNSET:
            field_dict["icu_intensity"] = icu_intensity
        if icu_training_load is not UNSET:
            field_dict["icu_training_load"] = icu_training_load
        if id is not UNSET:
            field_dict["id"] = id
        if indoor is not UNSET:
            field_dict["indoor"] = indoor
        if joules is not UNSET:
            field_dict["joules"] = joules
        if joules_above_ftp is not UNSET:
            field_dict["joules_above_ftp"] = joules_above_ftp
        if load_target is not UNSET:
            field_dict["load_target"] = load_target
        if max_training_time is not UNSET:
            field_dict["max_training_time"] = max_training_time
        if moving_time is not UNSET:
            field_dict["moving_time"] = moving_time
        if name is not UNSET:
            field_dict["name"] = name
        if not_on_fitness_chart is not UNSET:
            field_dict["not_on_fitness_chart"] = not_on_fitness_chart
        if oauth_client_id is not UNSET:
            field_dict["oauth_client_id"] = oauth_client_id
        if p_max is not UNSET:
            field_dict["p_max"] = p_max
        if plan_applied is not UNSET:
            field_dict["plan_applied"] = plan_applied
        if plan_athlete_id is not UNSET:
            field_dict["plan_athlete_id"] = plan_athlete_id
        if plan_folder_id is not UNSET:
            field_dict["plan_folder_id"] = plan_folder_id
        if plan_workout_id is not UNSET:
            field_dict["plan_workout_id"] = plan_workout_id
        if push_errors is not UNSET:
            field_dict["push_errors"] = push_errors
        if shared_event_id is not UNSET:
            field_dict["shared_event_id"] = shared_event_id
        if show_as_note is not UNSET:
            field_dict["show_as_note"] = show_as_note
        if show_on_ctl_line is not UNSET:
            field_dict["show_on_ctl_line"] = show_on_ctl_line
        if ss_cp is not UNSET:
            field_dict["ss_cp"] = ss_cp
        if ss_p_max is not UNSET:
            field_dict["ss_p_max"] = ss_p_max
        if ss_w_prime is not UNSET:
            field_dict["ss_w_prime"] = ss_w_prime
        if start_date_local is not UNSET:
            field_dict["start_date_local"] = start_date_local
        if strain_score is not UNSET:
            field_dict["strain_score"] = strain_score
        if structure_read_only is not UNSET:
            field_dict["structure_read_only"] = structure_read_only
        if sub_type is not UNSET:
            field_dict["sub_type"] = sub_type
        if tags is not UNSET:
            field_dict["tags"] = tags
        if target is not UNSET:
            field_dict["target"] = target
        if time_target is not UNSET:
            field_dict["time_target"] = time_target
        if training_availability is not UNSET:
            field_dict["training_availability"] = training_availability
        if type_ is not UNSET:
            field_dict["type"] = type_
        if uid is not UNSET:
            field_dict["uid"] = uid
        if updated is not UNSET:
            field_dict["updated"] = updated
        if w_prime is not UNSET:
            field_dict["w_prime"] = w_prime
        if workout_doc is not UNSET:
            field_dict["workout_doc"] = workout_doc

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.icu_attachment import IcuAttachment # noqa: PLC0415
        from ..models.icu_event_workout_doc_type_0 import IcuEventWorkoutDocType0 # noqa: PLC0415
        from ..models.icu_push_error import IcuPushError # noqa: PLC0415
        d = dict(src_dict)
        def _parse_athlete_cannot_edit(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        athlete_cannot_edit = _parse_athlete_cannot_edit(d.pop("athlete_cannot_edit", UNSET))


        def _parse_athlete_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        athlete_id = _parse_athlete_id(d.pop("athlete_id", UNSET))


        def _parse_atl_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        atl_days = _parse_atl_days(d.pop("atl_days", UNSET))


        def _parse_attachments(data: object) -> list[IcuAttachment] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                attachments_type_0 = []
                _attachments_type_0 = data
                for attachments_type_0_item_data in (_attachments_type_0):
                    attachments_type_0_item = IcuAttachment.from_dict(attachments_type_0_item_data)



                    attachments_type_0.append(attachments_type_0_item)

                return attachments_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IcuAttachment] | None | Unset, data)

        attachments = _parse_attachments(d.pop("attachments", UNSET))


        def _parse_calendar_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        calendar_id = _parse_calendar_id(d.pop("calendar_id", UNSET))


        def _parse_can_train_sports(data: object) -> list[IcuEventCanTrainSportsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                can_train_sports_type_0 = []
                _can_train_sports_type_0 = data
                for can_train_sports_type_0_item_data in (_can_train_sports_type_0):
                    can_train_sports_type_0_item = IcuEventCanTrainSportsType0Item(can_train_sports_type_0_item_data)



                    can_train_sports_type_0.append(can_train_sports_type_0_item)

                return can_train_sports_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IcuEventCanTrainSportsType0Item] | None | Unset, data)

        can_train_sports = _parse_can_train_sports(d.pop("can_train_sports", UNSET))


        def _parse_carbs_per_hour(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        carbs_per_hour = _parse_carbs_per_hour(d.pop("carbs_per_hour", UNSET))


        def _parse_carbs_used(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        carbs_used = _parse_carbs_used(d.pop("carbs_used", UNSET))


        def _parse_category(data: object) -> IcuEventCategoryType1 | IcuEventCategoryType2Type1 | IcuEventCategoryType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_1 = IcuEventCategoryType1(data)



                return category_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_2_type_1 = IcuEventCategoryType2Type1(data)



                return category_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_3_type_1 = IcuEventCategoryType3Type1(data)



                return category_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuEventCategoryType1 | IcuEventCategoryType2Type1 | IcuEventCategoryType3Type1 | None | Unset, data)

        category = _parse_category(d.pop("category", UNSET))


        def _parse_color(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        color = _parse_color(d.pop("color", UNSET))


        def _parse_created_by_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_by_id = _parse_created_by_id(d.pop("created_by_id", UNSET))


        def _parse_ctl_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        ctl_days = _parse_ctl_days(d.pop("ctl_days", UNSET))


        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_distance(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        distance = _parse_distance(d.pop("distance", UNSET))


        def _parse_distance_target(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        distance_target = _parse_distance_target(d.pop("distance_target", UNSET))


        def _parse_end_date_local(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end_date_local = _parse_end_date_local(d.pop("end_date_local", UNSET))


        def _parse_entered(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        entered = _parse_entered(d.pop("entered", UNSET))


        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))


        def _parse_for_week(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        for_week = _parse_for_week(d.pop("for_week", UNSET))


        def _parse_hide_from_athlete(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        hide_from_athlete = _parse_hide_from_athlete(d.pop("hide_from_athlete", UNSET))


        def _parse_icu_atl(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        icu_atl = _parse_icu_atl(d.pop("icu_atl", UNSET))


        def _parse_icu_ctl(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        icu_ctl = _parse_icu_ctl(d.pop("icu_ctl", UNSET))


        def _parse_icu_ftp(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_ftp = _parse_icu_ftp(d.pop("icu_ftp", UNSET))


        def _parse_icu_intensity(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        icu_intensity = _parse_icu_intensity(d.pop("icu_intensity", UNSET))


        def _parse_icu_training_load(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_training_load = _parse_icu_training_load(d.pop("icu_training_load", UNSET))


        def _parse_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        id = _parse_id(d.pop("id", UNSET))


        def _parse_indoor(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        indoor = _parse_indoor(d.pop("indoor", UNSET))


        def _parse_joules(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        joules = _parse_joules(d.pop("joules", UNSET))


        def _parse_joules_above_ftp(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        joules_above_ftp = _parse_joules_above_ftp(d.pop("joules_above_ftp", UNSET))


        def _parse_load_target(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        load_target = _parse_load_target(d.pop("load_target", UNSET))


        def _parse_max_training_time(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_training_time = _parse_max_training_time(d.pop("max_training_time", UNSET))


        def _parse_moving_time(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        moving_time = _parse_moving_time(d.pop("moving_time", UNSET))


        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_not_on_fitness_chart(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        not_on_fitness_chart = _parse_not_on_fitness_chart(d.pop("not_on_fitness_chart", UNSET))


        def _parse_oauth_client_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        oauth_client_id = _parse_oauth_client_id(d.pop("oauth_client_id", UNSET))


        def _parse_p_max(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        p_max = _parse_p_max(d.pop("p_max", UNSET))


        def _parse_plan_applied(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                plan_applied_type_0 = datetime.datetime.fromisoformat(data)



                return plan_applied_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        plan_applied = _parse_plan_applied(d.pop("plan_applied", UNSET))


        def _parse_plan_athlete_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        plan_athlete_id = _parse_plan_athlete_id(d.pop("plan_athlete_id", UNSET))


        def _parse_plan_folder_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        plan_folder_id = _parse_plan_folder_id(d.pop("plan_folder_id", UNSET))


        def _parse_plan_workout_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        plan_workout_id = _parse_plan_workout_id(d.pop("plan_workout_id", UNSET))


        def _parse_push_errors(data: object) -> list[IcuPushError] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                push_errors_type_0 = []
                _push_errors_type_0 = data
                for push_errors_type_0_item_data in (_push_errors_type_0):
                    push_errors_type_0_item = IcuPushError.from_dict(push_errors_type_0_item_data)



                    push_errors_type_0.append(push_errors_type_0_item)

                return push_errors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IcuPushError] | None | Unset, data)

        push_errors = _parse_push_errors(d.pop("push_errors", UNSET))


        def _parse_shared_event_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        shared_event_id = _parse_shared_event_id(d.pop("shared_event_id", UNSET))


        def _parse_show_as_note(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        show_as_note = _parse_show_as_note(d.pop("show_as_note", UNSET))


        def _parse_show_on_ctl_line(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        show_on_ctl_line = _parse_show_on_ctl_line(d.pop("show_on_ctl_line", UNSET))


        def _parse_ss_cp(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ss_cp = _parse_ss_cp(d.pop("ss_cp", UNSET))


        def _parse_ss_p_max(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ss_p_max = _parse_ss_p_max(d.pop("ss_p_max", UNSET))


        def _parse_ss_w_prime(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ss_w_prime = _parse_ss_w_prime(d.pop("ss_w_prime", UNSET))


        def _parse_start_date_local(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        start_date_local = _parse_start_date_local(d.pop("start_date_local", UNSET))


        def _parse_strain_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        strain_score = _parse_strain_score(d.pop("strain_score", UNSET))


        def _parse_structure_read_only(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        structure_read_only = _parse_structure_read_only(d.pop("structure_read_only", UNSET))


        def _parse_sub_type(data: object) -> IcuEventSubTypeType1 | IcuEventSubTypeType2Type1 | IcuEventSubTypeType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sub_type_type_1 = IcuEventSubTypeType1(data)



                return sub_type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sub_type_type_2_type_1 = IcuEventSubTypeType2Type1(data)



                return sub_type_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sub_type_type_3_type_1 = IcuEventSubTypeType3Type1(data)



                return sub_type_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuEventSubTypeType1 | IcuEventSubTypeType2Type1 | IcuEventSubTypeType3Type1 | None | Unset, data)

        sub_type = _parse_sub_type(d.pop("sub_type", UNSET))


        def _parse_tags(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = cast(list[str], data)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))


        def _parse_target(data: object) -> IcuEventTargetType1 | IcuEventTargetType2Type1 | IcuEventTargetType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_type_1 = IcuEventTargetType1(data)



                return target_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_type_2_type_1 = IcuEventTargetType2Type1(data)



                return target_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_type_3_type_1 = IcuEventTargetType3Type1(data)



                return target_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuEventTargetType1 | IcuEventTargetType2Type1 | IcuEventTargetType3Type1 | None | Unset, data)

        target = _parse_target(d.pop("target", UNSET))


        def _parse_time_target(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        time_target = _parse_time_target(d.pop("time_target", UNSET))


        def _parse_training_availability(data: object) -> IcuEventTrainingAvailabilityType1 | IcuEventTrainingAvailabilityType2Type1 | IcuEventTrainingAvailabilityType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                training_availability_type_1 = IcuEventTrainingAvailabilityType1(data)



                return training_availability_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                training_availability_type_2_type_1 = IcuEventTrainingAvailabilityType2Type1(data)



                return training_availability_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                training_availability_type_3_type_1 = IcuEventTrainingAvailabilityType3Type1(data)



                return training_availability_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuEventTrainingAvailabilityType1 | IcuEventTrainingAvailabilityType2Type1 | IcuEventTrainingAvailabilityType3Type1 | None | Unset, data)

        training_availability = _parse_training_availability(d.pop("training_availability", UNSET))


        def _parse_type_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))


        def _parse_uid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        uid = _parse_uid(d.pop("uid", UNSET))


        def _parse_updated(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_type_0 = datetime.datetime.fromisoformat(data)



                return updated_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated = _parse_updated(d.pop("updated", UNSET))


        def _parse_w_prime(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        w_prime = _parse_w_prime(d.pop("w_prime", UNSET))


        def _parse_workout_doc(data: object) -> IcuEventWorkoutDocType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                workout_doc_type_0 = IcuEventWorkoutDocType0.from_dict(data)



                return workout_doc_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuEventWorkoutDocType0 | None | Unset, data)

        workout_doc = _parse_workout_doc(d.pop("workout_doc", UNSET))


        icu_event = cls(
            athlete_cannot_edit=athlete_cannot_edit,
            athlete_id=athlete_id,
            atl_days=atl_days,
            attachments=attachments,
            calendar_id=calendar_id,
            can_train_sports=can_train_sports,
            carbs_per_hour=carbs_per_hour,
            carbs_used=carbs_used,
            category=category,
            color=color,
            created_by_id=created_by_id,
            ctl_days=ctl_days,
            description=description,
            distance=distance,
            distance_target=distance_target,
            end_date_local=end_date_local,
            entered=entered,
            external_id=external_id,
            for_week=for_week,
            hide_from_athlete=hide_from_athlete,
            icu_atl=icu_atl,
            icu_ctl=icu_ctl,
            icu_ftp=icu_ftp,
            icu_intensity=icu_intensity,
            icu_training_load=icu_training_load,
            id=id,
            indoor=indoor,
            joules=joules,
            joules_above_ftp=joules_above_ftp,
            load_target=load_target,
            max_training_time=max_training_time,
            moving_time=moving_time,
            name=name,
            not_on_fitness_chart=not_on_fitness_chart,
            oauth_client_id=oauth_client_id,
            p_max=p_max,
            plan_applied=plan_applied,
            plan_athlete_id=plan_athlete_id,
            plan_folder_id=plan_folder_id,
            plan_workout_id=plan_workout_id,
            push_errors=push_errors,
            shared_event_id=shared_event_id,
            show_as_note=show_as_note,
            show_on_ctl_line=show_on_ctl_line,
            ss_cp=ss_cp,
            ss_p_max=ss_p_max,
            ss_w_prime=ss_w_prime,
            start_date_local=start_date_local,
            strain_score=strain_score,
            structure_read_only=structure_read_only,
            sub_type=sub_type,
            tags=tags,
            target=target,
            time_target=time_target,
            training_availability=training_availability,
            type_=type_,
            uid=uid,
            updated=updated,
            w_prime=w_prime,
            workout_doc=workout_doc,
        )


        icu_event.additional_properties = d
        return icu_event

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
