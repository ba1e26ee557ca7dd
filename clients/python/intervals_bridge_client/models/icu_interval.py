from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.icu_interval_type_type_1 import IcuIntervalTypeType1
from ..models.icu_interval_type_type_2_type_1 import IcuIntervalTypeType2Type1
from ..models.icu_interval_type_type_3_type_1 import IcuIntervalTypeType3Type1
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="IcuInterval")



@_attrs_define
class IcuInterval:
    """ Intervals.icu's `Interval`, as its OpenAPI document has it (any field may be absent or null).

        Attributes:
            average_cadence (float | None | Unset):
            average_dfa_a1 (float | None | Unset):
            average_epoc (float | None | Unset):
            average_feels_like (float | None | Unset):
            average_gradient (float | None | Unset):
            average_heartrate (int | None | Unset):
            average_lactate (float | None | Unset):
            average_respiration (float | None | Unset):
            average_smo2 (float | None | Unset):
            average_smo2_2 (float | None | Unset):
            average_speed (float | None | Unset):
            average_stride (float | None | Unset):
            average_temp (float | None | Unset):
            average_thb (float | None | Unset):
            average_thb_2 (float | None | Unset):
            average_tidal_volume (float | None | Unset):
            average_tidal_volume_min (float | None | Unset):
            average_torque (float | None | Unset):
            average_watts (int | None | Unset):
            average_watts_alt (int | None | Unset):
            average_watts_alt_acc (int | None | Unset):
            average_watts_kg (float | None | Unset):
            average_weather_temp (float | None | Unset):
            average_wind_gust (float | None | Unset):
            average_wind_speed (float | None | Unset):
            average_yaw (float | None | Unset):
            avg_lr_balance (float | None | Unset):
            decoupling (float | None | Unset):
            distance (float | None | Unset):
            elapsed_time (int | None | Unset):
            end_index (int | None | Unset):
            end_time (int | None | Unset):
            gap (float | None | Unset):
            group_id (None | str | Unset):
            headwind_percent (float | None | Unset):
            id (int | None | Unset):
            intensity (int | None | Unset):
            joules (int | None | Unset):
            joules_above_ftp (int | None | Unset):
            label (None | str | Unset):
            max_altitude (float | None | Unset):
            max_cadence (int | None | Unset):
            max_heartrate (int | None | Unset):
            max_lactate (float | None | Unset):
            max_speed (float | None | Unset):
            max_torque (float | None | Unset):
            max_watts (int | None | Unset):
            max_watts_kg (float | None | Unset):
            min_altitude (float | None | Unset):
            min_cadence (int | None | Unset):
            min_heartrate (int | None | Unset):
            min_lactate (float | None | Unset):
            min_speed (float | None | Unset):
            min_torque (float | None | Unset):
            min_watts (int | None | Unset):
            moving_time (int | None | Unset):
            prevailing_wind_deg (int | None | Unset):
            segment_effort_ids (list[int] | None | Unset):
            ss_cp (float | None | Unset):
            ss_p_max (float | None | Unset):
            ss_w_prime (float | None | Unset):
            start_index (int | None | Unset):
            start_time (int | None | Unset):
            strain_score (float | None | Unset):
            tailwind_percent (float | None | Unset):
            total_elevation_gain (float | None | Unset):
            training_load (float | None | Unset):
            type_ (IcuIntervalTypeType1 | IcuIntervalTypeType2Type1 | IcuIntervalTypeType3Type1 | None | Unset):
            w5s_variability (float | None | Unset):
            wbal_end (int | None | Unset):
            wbal_start (int | None | Unset):
            weighted_average_watts (int | None | Unset):
            zone (int | None | Unset):
            zone_max_watts (int | None | Unset):
            zone_min_watts (int | None | Unset):
     """

    average_cadence: float | None | Unset = UNSET
    average_dfa_a1: float | None | Unset = UNSET
    average_epoc: float | None | Unset = UNSET
    average_feels_like: float | None | Unset = UNSET
    average_gradient: float | None | Unset = UNSET
    average_heartrate: int | None | Unset = UNSET
    average_lactate: float | None | Unset = UNSET
    average_respiration: float | None | Unset = UNSET
    average_smo2: float | None | Unset = UNSET
    average_smo2_2: float | None | Unset = UNSET
    average_speed: float | None | Unset = UNSET
    average_stride: float | None | Unset = UNSET
    average_temp: float | None | Unset = UNSET
    average_thb: float | None | Unset = UNSET
    average_thb_2: float | None | Unset = UNSET
    average_tidal_volume: float | None | Unset = UNSET
    average_tidal_volume_min: float | None | Unset = UNSET
    average_torque: float | None | Unset = UNSET
    average_watts: int | None | Unset = UNSET
    average_watts_alt: int | None | Unset = UNSET
    average_watts_alt_acc: int | None | Unset = UNSET
    average_watts_kg: float | None | Unset = UNSET
    average_weather_temp: float | None | Unset = UNSET
    average_wind_gust: float | None | Unset = UNSET
    average_wind_speed: float | None | Unset = UNSET
    average_yaw: float | None | Unset = UNSET
    avg_lr_balance: float | None | Unset = UNSET
    decoupling: float | None | Unset = UNSET
    distance: float | None | Unset = UNSET
    elapsed_time: int | None | Unset = UNSET
    end_index: int | None | Unset = UNSET
    end_time: int | None | Unset = UNSET
    gap: float | None | Unset = UNSET
    group_id: None | str | Unset = UNSET
    headwind_percent: float | None | Unset = UNSET
    id: int | None | Unset = UNSET
    intensity: int | None | Unset = UNSET
    joules: int | None | Unset = UNSET
    joules_above_ftp: int | None | Unset = UNSET
    label: None | str | Unset = UNSET
    max_altitude: float | None | Unset = UNSET
    max_cadence: int | None | Unset = UNSET
    max_heartrate: int | None | Unset = UNSET
    max_lactate: float | None | Unset = UNSET
    max_speed: float | None | Unset = UNSET
    max_torque: float | None | Unset = UNSET
    max_watts: int | None | Unset = UNSET
    max_watts_kg: float | None | Unset = UNSET
    min_altitude: float | None | Unset = UNSET
    min_cadence: int | None | Unset = UNSET
    min_heartrate: int | None | Unset = UNSET
    min_lactate: float | None | Unset = UNSET
    min_speed: float | None | Unset = UNSET
    min_torque: float | None | Unset = UNSET
    min_watts: int | None | Unset = UNSET
    moving_time: int | None | Unset = UNSET
    prevailing_wind_deg: int | None | Unset = UNSET
    segment_effort_ids: list[int] | None | Unset = UNSET
    ss_cp: float | None | Unset = UNSET
    ss_p_max: float | None | Unset = UNSET
    ss_w_prime: float | None | Unset = UNSET
    start_index: int | None | Unset = UNSET
    start_time: int | None | Unset = UNSET
    strain_score: float | None | Unset = UNSET
    tailwind_percent: float | None | Unset = UNSET
    total_elevation_gain: float | None | Unset = UNSET
    training_load: float | None | Unset = UNSET
    type_: IcuIntervalTypeType1 | IcuIntervalTypeType2Type1 | IcuIntervalTypeType3Type1 | None | Unset = UNSET
    w5s_variability: float | None | Unset = UNSET
    wbal_end: int | None | Unset = UNSET
    wbal_start: int | None | Unset = UNSET
    weighted_average_watts: int | None | Unset = UNSET
    zone: int | None | Unset = UNSET
    zone_max_watts: int | None | Unset = UNSET
    zone_min_watts: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        average_cadence: float | None | Unset
        if isinstance(self.average_cadence, Unset):
            average_cadence = UNSET
        else:
            average_cadence = self.average_cadence

        average_dfa_a1: float | None | Unset
        if isinstance(self.average_dfa_a1, Unset):
            average_dfa_a1 = UNSET
        else:
            average_dfa_a1 = self.average_dfa_a1

        average_epoc: float | None | Unset
        if isinstance(self.average_epoc, Unset):
            average_epoc = UNSET
        else:
            average_epoc = self.average_epoc

        average_feels_like: float | None | Unset
        if isinstance(self.average_feels_like, Unset):
            average_feels_like = UNSET
        else:
            average_feels_like = self.average_feels_like

        average_gradient: float | None | Unset
        if isinstance(self.average_gradient, Unset):
            average_gradient = UNSET
        else:
            average_gradient = self.average_gradient

        average_heartrate: int | None | Unset
        if isinstance(self.average_heartrate, Unset):
            average_heartrate = UNSET
        else:
            average_heartrate = self.average_heartrate

        average_lactate: float | None | Unset
        if isinstance(self.average_lactate, Unset):
            average_lactate = UNSET
        else:
            average_lactate = self.average_lactate

        average_respiration: float | None | Unset
        if isinstance(self.average_respiration, Unset):
            average_respiration = UNSET
        else:
            average_respiration = self.average_respiration

        average_smo2: float | None | Unset
        if isinstance(self.average_smo2, Unset):
            average_smo2 = UNSET
        else:
            average_smo2 = self.average_smo2

        average_smo2_2: float | None | Unset
        if isinstance(self.average_smo2_2, Unset):
            average_smo2_2 = UNSET
        else:
            average_smo2_2 = self.average_smo2_2

        average_speed: float | None | Unset
        if isinstance(self.average_speed, Unset):
            average_speed = UNSET
        else:
            average_speed = self.average_speed

        average_stride: float | None | Unset
        if isinstance(self.average_stride, Unset):
            average_stride = UNSET
        else:
            average_stride = self.average_stride

        average_temp: float | None | Unset
        if isinstance(self.average_temp, Unset):
            average_temp = UNSET
        else:
            average_temp = self.average_temp

        average_thb: float | None | Unset
        if isinstance(self.average_thb, Unset):
            average_thb = UNSET
        else:
            average_thb = self.average_thb

        average_thb_2: float | None | Unset
        if isinstance(self.average_thb_2, Unset):
            average_thb_2 = UNSET
        else:
            average_thb_2 = self.average_thb_2

        average_tidal_volume: float | None | Unset
        if isinstance(self.average_tidal_volume, Unset):
            average_tidal_volume = UNSET
        else:
            average_tidal_volume = self.average_tidal_volume

        average_tidal_volume_min: float | None | Unset
        if isinstance(self.average_tidal_volume_min, Unset):
            average_tidal_volume_min = UNSET
        else:
            average_tidal_volume_min = self.average_tidal_volume_min

        average_torque: float | None | Unset
        if isinstance(self.average_torque, Unset):
            average_torque = UNSET
        else:
            average_torque = self.average_torque

        average_watts: int | None | Unset
        if isinstance(self.average_watts, Unset):
            average_watts = UNSET
        else:
            average_watts = self.average_watts

        average_watts_alt: int | None | Unset
        if isinstance(self.average_watts_alt, Unset):
            average_watts_alt = UNSET
        else:
            average_watts_alt = self.average_watts_alt

        average_watts_alt_acc: int | None | Unset
        if isinstance(self.average_watts_alt_acc, Unset):
            average_watts_alt_acc = UNSET
        else:
            average_watts_alt_acc = self.average_watts_alt_acc

        average_watts_kg: float | None | Unset
        if isinstance(self.average_watts_kg, Unset):
            average_watts_kg = UNSET
        else:
            average_watts_kg = self.average_watts_kg

        average_weather_temp: float | None | Unset
        if isinstance(self.average_weather_temp, Unset):
            average_weather_temp = UNSET
        else:
            average_weather_temp = self.average_weather_temp

        average_wind_gust: float | None | Unset
        if isinstance(self.average_wind_gust, Unset):
            average_wind_gust = UNSET
        else:
            average_wind_gust = self.average_wind_gust

        average_wind_speed: float | None | Unset
        if isinstance(self.average_wind_speed, Unset):
            average_wind_speed = UNSET
        else:
            average_wind_speed = self.average_wind_speed

        average_yaw: float | None | Unset
        if isinstance(self.average_yaw, Unset):
            average_yaw = UNSET
        else:
            average_yaw = self.average_yaw

        avg_lr_balance: float | None | Unset
        if isinstance(self.avg_lr_balance, Unset):
            avg_lr_balance = UNSET
        else:
            avg_lr_balance = self.avg_lr_balance

        decoupling: float | None | Unset
        if isinstance(self.decoupling, Unset):
            decoupling = UNSET
        else:
            decoupling = self.decoupling

        distance: float | None | Unset
        if isinstance(self.distance, Unset):
            distance = UNSET
        else:
            distance = self.distance

        elapsed_time: int | None | Unset
        if isinstance(self.elapsed_time, Unset):
            elapsed_time = UNSET
        else:
            elapsed_time = self.elapsed_time

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

        gap: float | None | Unset
        if isinstance(self.gap, Unset):
            gap = UNSET
        else:
            gap = self.gap

        group_id: None | str | Unset
        if isinstance(self.group_id, Unset):
            group_id = UNSET
        else:
            group_id = self.group_id

        headwind_percent: float | None | Unset
        if isinstance(self.headwind_percent, Unset):
            headwind_percent = UNSET
        else:
            headwind_percent = self.headwind_percent

        id: int | None | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        intensity: int | None | Unset
        if isinstance(self.intensity, Unset):
            intensity = UNSET
        else:
            intensity = self.intensity

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

        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label

        max_altitude: float | None | Unset
        if isinstance(self.max_altitude, Unset):
            max_altitude = UNSET
        else:
            max_altitude = self.max_altitude

        max_cadence: int | None | Unset
        if isinstance(self.max_cadence, Unset):
            max_cadence = UNSET
        else:
            max_cadence = self.max_cadence

        max_heartrate: int | None | Unset
        if isinstance(self.max_heartrate, Unset):
            max_heartrate = UNSET
        else:
            max_heartrate = self.max_heartrate

        max_lactate: float | None | Unset
        if isinstance(self.max_lactate, Unset):
            max_lactate = UNSET
        else:
            max_lactate = self.max_lactate

        max_speed: float | None | Unset
        if isinstance(self.max_speed, Unset):
            max_speed = UNSET
        else:
            max_speed = self.max_speed

        max_torque: float | None | Unset
        if isinstance(self.max_torque, Unset):
            max_torque = UNSET
        else:
            max_torque = self.max_torque

        max_watts: int | None | Unset
        if isinstance(self.max_watts, Unset):
            max_watts = UNSET
        else:
            max_watts = self.max_watts

        max_watts_kg: float | None | Unset
        if isinstance(self.max_watts_kg, Unset):
            max_watts_kg = UNSET
        else:
            max_watts_kg = self.max_watts_kg

        min_altitude: float | None | Unset
        if isinstance(self.min_altitude, Unset):
            min_altitude = UNSET
        else:
            min_altitude = self.min_altitude

        min_cadence: int | None | Unset
        if isinstance(self.min_cadence, Unset):
            min_cadence = UNSET
        else:
            min_cadence = self.min_cadence

        min_heartrate: int | None | Unset
        if isinstance(self.min_heartrate, Unset):
            min_heartrate = UNSET
        else:
            min_heartrate = self.min_heartrate

        min_lactate: float | None | Unset
        if isinstance(self.min_lactate, Unset):
            min_lactate = UNSET
        else:
            min_lactate = self.min_lactate

        min_speed: float | None | Unset
        if isinstance(self.min_speed, Unset):
            min_speed = UNSET
        else:
            min_speed = self.min_speed

        min_torque: float | None | Unset
        if isinstance(self.min_torque, Unset):
            min_torque = UNSET
        else:
            min_torque = self.min_torque

        min_watts: int | None | Unset
        if isinstance(self.min_watts, Unset):
            min_watts = UNSET
        else:
            min_watts = self.min_watts

        moving_time: int | None | Unset
        if isinstance(self.moving_time, Unset):
            moving_time = UNSET
        else:
            moving_time = self.moving_time

        prevailing_wind_deg: int | None | Unset
        if isinstance(self.prevailing_wind_deg, Unset):
            prevailing_wind_deg = UNSET
        else:
            prevailing_wind_deg = self.prevailing_wind_deg

        segment_effort_ids: list[int] | None | Unset
        if isinstance(self.segment_effort_ids, Unset):
            segment_effort_ids = UNSET
        elif isinstance(self.segment_effort_ids, list):
            segment_effort_ids = self.segment_effort_ids


        else:
            segment_effort_ids = self.segment_effort_ids

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

        strain_score: float | None | Unset
        if isinstance(self.strain_score, Unset):
            strain_score = UNSET
        else:
            strain_score = self.strain_score

        tailwind_percent: float | None | Unset
        if isinstance(self.tailwind_percent, Unset):
            tailwind_percent = UNSET
        else:
            tailwind_percent = self.tailwind_percent

        total_elevation_gain: float | None | Unset
        if isinstance(self.total_elevation_gain, Unset):
            total_elevation_gain = UNSET
        else:
            total_elevation_gain = self.total_elevation_gain

        training_load: float | None | Unset
        if isinstance(self.training_load, Unset):
            training_load = UNSET
        else:
            training_load = self.training_load

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, IcuIntervalTypeType1):
            type_ = self.type_.value
        elif isinstance(self.type_, IcuIntervalTypeType2Type1):
            type_ = self.type_.value
        elif isinstance(self.type_, IcuIntervalTypeType3Type1):
            type_ = self.type_.value
        else:
            type_ = self.type_

        w5s_variability: float | None | Unset
        if isinstance(self.w5s_variability, Unset):
            w5s_variability = UNSET
        else:
            w5s_variability = self.w5s_variability

        wbal_end: int | None | Unset
        if isinstance(self.wbal_end, Unset):
            wbal_end = UNSET
        else:
            wbal_end = self.wbal_end

        wbal_start: int | None | Unset
        if isinstance(self.wbal_start, Unset):
            wbal_start = UNSET
        else:
            wbal_start = self.wbal_start

        weighted_average_watts: int | None | Unset
        if isinstance(self.weighted_average_watts, Unset):
            weighted_average_watts = UNSET
        else:
            weighted_average_watts = self.weighted_average_watts

        zone: int | None | Unset
        if isinstance(self.zone, Unset):
            zone = UNSET
        else:
            zone = self.zone

        zone_max_watts: int | None | Unset
        if isinstance(self.zone_max_watts, Unset):
            zone_max_watts = UNSET
        else:
            zone_max_watts = self.zone_max_watts

        zone_min_watts: int | None | Unset
        if isinstance(self.zone_min_watts, Unset):
            zone_min_watts = UNSET
        else:
            zone_min_watts = self.zone_min_watts


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if average_cadence is not UNSET:
            field_dict["average_cadence"] = average_cadence
        if average_dfa_a1 is not UNSET:
            field_dict["average_dfa_a1"] = average_dfa_a1
        if average_epoc is not UNSET:
            field_dict["average_epoc"] = average_epoc
        if average_feels_like is not UNSET:
            field_dict["average_feels_like"] = average_feels_like
        if average_gradient is not UNSET:
            field_dict["average_gradient"] = average_gradient
        if average_heartrate is not UNSET:
            field_dict["average_heartrate"] = average_heartrate
        if average_lactate is not UNSET:
            field_dict["average_lactate"] = average_lactate
        if average_respiration is not UNSET:
            field_dict["average_respiration"] = average_respiration
        if average_smo2 is not UNSET:
            field_dict["average_smo2"] = average_smo2
        if average_smo2_2 is not UNSET:
            field_dict["average_smo2_2"] = average_smo2_2
        if average_speed is not UNSET:
            field_dict["average_speed"] = average_speed
        if average_stride is not UNSET:
            field_dict["average_stride"] = average_stride
        if average_temp is not UNSET:
            field_dict["average_temp"] = average_temp
        if average_thb is not UNSET:
            field_dict["average_thb"] = average_thb
        if average_thb_2 is not UNSET:
            field_dict["average_thb_2"] = average_thb_2
        if average_tidal_volume is not UNSET:
            field_dict["average_tidal_volume"] = average_tidal_volume
        if average_tidal_volume_min is not UNSET:
            field_dict["average_tidal_volume_min"] = average_tidal_volume_min
        if average_torque is not UNSET:
            field_dict["average_torque"] = average_torque
        if average_watts is not UNSET:
            field_dict["average_watts"] = average_watts
        if average_watts_alt is not UNSET:
            field_dict["average_watts_alt"] = average_watts_alt
        if average_watts_alt_acc is not UNSET:
            field_dict["average_watts_alt_acc"] = average_watts_alt_acc
        if average_watts_kg is not UNSET:
            field_dict["average_watts_kg"] = average_watts_kg
        if average_weather_temp is not UNSET:
            field_dict["average_weather_temp"] = average_weather_temp
        if average_wind_gust is not UNSET:
            field_dict["average_wind_gust"] = average_wind_gust
        if average_wind_speed is not UNSET:
            field_dict["average_wind_speed"] = average_wind_speed
        if average_yaw is not UNSET:
            field_dict["average_yaw"] = average_yaw
        if avg_lr_balance is not UNSET:
            field_dict["avg_lr_balance"] = avg_lr_balance
        if decoupling is not UNSET:
            field_dict["decoupling"] = decoupling
        if distance is not UNSET:
            field_dict["distance"] = distance
        if elapsed_time is not UNSET:
            field_dict["elapsed_time"] = elapsed_time
        if end_index is not UNSET:
            field_dict["end_index"] = end_index
        if end_time is not UNSET:
            field_dict["end_time"] = end_time
        if gap is not UNSET:
            field_dict["gap"] = gap
        if group_id is not UNSET:
            field_dict["group_id"] = group_id
        if headwind_percent is not UNSET:
            field_dict["headwind_percent"] = headwind_percent
        if id is not UNSET:
            field_dict["id"] = id
        if intensity is not UNSET:
            field_dict["intensity"] = intensity
        if joules is not UNSET:
            field_dict["joules"] = joules
        if joules_above_ftp is not UNSET:
            field_dict["joules_above_ftp"] = joules_above_ftp
        if label is not UNSET:
            field_dict["label"] = label
        if max_altitude is not UNSET:
            field_dict["max_altitude"] = max_altitude
        if max_cadence is not UNSET:
            field_dict["max_cadence"] = max_cadence
        if max_heartrate is not UNSET:
            field_dict["max_heartrate"] = max_heartrate
        if max_lactate is not UNSET:
            field_dict["max_lactate"] = max_lactate
        if max_speed is not UNSET:
            field_dict["max_speed"] = max_speed
        if max_torque is not UNSET:
            field_dict["max_torque"] = max_torque
        if max_watts is not UNSET:
            field_dict["max_watts"] = max_watts
        if max_watts_kg is not UNSET:
            field_dict["max_watts_kg"] = max_watts_kg
        if min_altitude is not UNSET:
            field_dict["min_altitude"] = min_altitude
        if min_cadence is not UNSET:
            field_dict["min_cadence"] = min_cadence
        if min_heartrate is not UNSET:
            field_dict["min_heartrate"] = min_heartrate
        if min_lactate is not UNSET:
            field_dict["min_lactate"] = min_lactate
        if min_speed is not UNSET:
            field_dict["min_speed"] = min_speed
        if min_torque is not UNSET:
            field_dict["min_torque"] = min_torque
        if min_watts is not UNSET:
            field_dict["min_watts"] = min_watts
        if moving_time is not UNSET:
            field_dict["moving_time"] = moving_time
        if prevailing_wind_deg is not UNSET:
            field_dict["prevailing_wind_deg"] = prevailing_wind_deg
        if segment_effort_ids is not UNSET:
            field_dict["segment_effort_ids"] = segment_effort_ids
        if ss_cp is not UNSET:
            field_dict["ss_cp"] = ss_cp
        if ss_p_max is not UNSET:
            field_dict["ss_p_max"] = ss_p_max
        if ss_w_prime is not UNSET:
            field_dict["ss_w_prime"] = ss_w_prime
        if start_index is not UNSET:
            field_dict["start_index"] = start_index
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if strain_score is not UNSET:
            field_dict["strain_score"] = strain_score
        if tailwind_percent is not UNSET:
            field_dict["tailwind_percent"] = tailwind_percent
        if total_elevation_gain is not UNSET:
            field_dict["total_elevation_gain"] = total_elevation_gain
        if training_load is not UNSET:
            field_dict["training_load"] = training_load
        if type_ is not UNSET:
            field_dict["type"] = type_
        if w5s_variability is not UNSET:
            field_dict["w5s_variability"] = w5s_variability
        if wbal_end is not UNSET:
            field_dict["wbal_end"] = wbal_end
        if wbal_start is not UNSET:
            field_dict["wbal_start"] = wbal_start
        if weighted_average_watts is not UNSET:
            field_dict["weighted_average_watts"] = weighted_average_watts
        if zone is not UNSET:
            field_dict["zone"] = zone
        if zone_max_watts is not UNSET:
            field_dict["zone_max_watts"] = zone_max_watts
        if zone_min_watts is not UNSET:
            field_dict["zone_min_watts"] = zone_min_watts

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_average_cadence(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_cadence = _parse_average_cadence(d.pop("average_cadence", UNSET))


        def _parse_average_dfa_a1(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_dfa_a1 = _parse_average_dfa_a1(d.pop("average_dfa_a1", UNSET))


        def _parse_average_epoc(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_epoc = _parse_average_epoc(d.pop("average_epoc", UNSET))


        def _parse_average_feels_like(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_feels_like = _parse_average_feels_like(d.pop("average_feels_like", UNSET))


        def _parse_average_gradient(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_gradient = _parse_average_gradient(d.pop("average_gradient", UNSET))


        def _parse_average_heartrate(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        average_heartrate = _parse_average_heartrate(d.pop("average_heartrate", UNSET))


        def _parse_average_lactate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_lactate = _parse_average_lactate(d.pop("average_lactate", UNSET))


        def _parse_average_respiration(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_respiration = _parse_average_respiration(d.pop("average_respiration", UNSET))


        def _parse_average_smo2(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_smo2 = _parse_average_smo2(d.pop("average_smo2", UNSET))


        def _parse_average_smo2_2(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_smo2_2 = _parse_average_smo2_2(d.pop("average_smo2_2", UNSET))


        def _parse_average_speed(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_speed = _parse_average_speed(d.pop("average_speed", UNSET))


        def _parse_average_stride(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_stride = _parse_average_stride(d.pop("average_stride", UNSET))


        def _parse_average_temp(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_temp = _parse_average_temp(d.pop("average_temp", UNSET))


        def _parse_average_thb(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_thb = _parse_average_thb(d.pop("average_thb", UNSET))


        def _parse_average_thb_2(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_thb_2 = _parse_average_thb_2(d.pop("average_thb_2", UNSET))


        def _parse_average_tidal_volume(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_tidal_volume = _parse_average_tidal_volume(d.pop("average_tidal_volume", UNSET))


        def _parse_average_tidal_volume_min(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_tidal_volume_min = _parse_average_tidal_volume_min(d.pop("average_tidal_volume_min", UNSET))


        def _parse_average_torque(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_torque = _parse_average_torque(d.pop("average_torque", UNSET))


        def _parse_average_watts(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        average_watts = _parse_average_watts(d.pop("average_watts", UNSET))


        def _parse_average_watts_alt(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        average_watts_alt = _parse_average_watts_alt(d.pop("average_watts_alt", UNSET))


        def _parse_average_watts_alt_acc(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        average_watts_alt_acc = _parse_average_watts_alt_acc(d.pop("average_watts_alt_acc", UNSET))


        def _parse_average_watts_kg(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_watts_kg = _parse_average_watts_kg(d.pop("average_watts_kg", UNSET))


        def _parse_average_weather_temp(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_weather_temp = _parse_average_weather_temp(d.pop("average_weather_temp", UNSET))


        def _parse_average_wind_gust(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_wind_gust = _parse_average_wind_gust(d.pop("average_wind_gust", UNSET))


        def _parse_average_wind_speed(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_wind_speed = _parse_average_wind_speed(d.pop("average_wind_speed", UNSET))


        def _parse_average_yaw(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_yaw = _parse_average_yaw(d.pop("average_yaw", UNSET))


        def _parse_avg_lr_balance(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        avg_lr_balance = _parse_avg_lr_balance(d.pop("avg_lr_balance", UNSET))


        def _parse_decoupling(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        decoupling = _parse_decoupling(d.pop("decoupling", UNSET))


        def _parse_distance(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        distance = _parse_distance(d.pop("distance", UNSET))


        def _parse_elapsed_time(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        elapsed_time = _parse_elapsed_time(d.pop("elapsed_time", UNSET))


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


        def _parse_gap(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        gap = _parse_gap(d.pop("gap", UNSET))


        def _parse_group_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        group_id = _parse_group_id(d.pop("group_id", UNSET))


        def _parse_headwind_percent(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        headwind_percent = _parse_headwind_percent(d.pop("headwind_percent", UNSET))


        def _parse_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        id = _parse_id(d.pop("id", UNSET))


        def _parse_intensity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        intensity = _parse_intensity(d.pop("intensity", UNSET))


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


        def _parse_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        label = _parse_label(d.pop("label", UNSET))


        def _parse_max_altitude(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_altitude = _parse_max_altitude(d.pop("max_altitude", UNSET))


        def _parse_max_cadence(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_cadence = _parse_max_cadence(d.pop("max_cadence", UNSET))


        def _parse_max_heartrate(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_heartrate = _parse_max_heartrate(d.pop("max_heartrate", UNSET))


        def _parse_max_lactate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_lactate = _parse_max_lactate(d.pop("max_lactate", UNSET))


        def _parse_max_speed(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_speed = _parse_max_speed(d.pop("max_speed", UNSET))


        def _parse_max_torque(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_torque = _parse_max_torque(d.pop("max_torque", UNSET))


        def _parse_max_watts(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_watts = _parse_max_watts(d.pop("max_watts", UNSET))


        def _parse_max_watts_kg(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_watts_kg = _parse_max_watts_kg(d.pop("max_watts_kg", UNSET))


        def _parse_min_altitude(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        min_altitude = _parse_min_altitude(d.pop("min_altitude", UNSET))


        def _parse_min_cadence(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_cadence = _parse_min_cadence(d.pop("min_cadence", UNSET))


        def _parse_min_heartrate(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_heartrate = _parse_min_heartrate(d.pop("min_heartrate", UNSET))


        def _parse_min_lactate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        min_lactate = _parse_min_lactate(d.pop("min_lactate", UNSET))


        def _parse_min_speed(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        min_speed = _parse_min_speed(d.pop("min_speed", UNSET))


        def _parse_min_torque(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        min_torque = _parse_min_torque(d.pop("min_torque", UNSET))


        def _parse_min_watts(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_watts = _parse_min_watts(d.pop("min_watts", UNSET))


        def _parse_moving_time(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        moving_time = _parse_moving_time(d.pop("moving_time", UNSET))


        def _parse_prevailing_wind_deg(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        prevailing_wind_deg = _parse_prevailing_wind_deg(d.pop("prevailing_wind_deg", UNSET))


        def _parse_segment_effort_ids(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                segment_effort_ids_type_0 = cast(list[int], data)

                return segment_effort_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        segment_effort_ids = _parse_segment_effort_ids(d.pop("segment_effort_ids", UNSET))


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


        def _parse_strain_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        strain_score = _parse_strain_score(d.pop("strain_score", UNSET))


        def _parse_tailwind_percent(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        tailwind_percent = _parse_tailwind_percent(d.pop("tailwind_percent", UNSET))


        def _parse_total_elevation_gain(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        total_elevation_gain = _parse_total_elevation_gain(d.pop("total_elevation_gain", UNSET))


        def _parse_training_load(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        training_load = _parse_training_load(d.pop("training_load", UNSET))


        def _parse_type_(data: object) -> IcuIntervalTypeType1 | IcuIntervalTypeType2Type1 | IcuIntervalTypeType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_1 = IcuIntervalTypeType1(data)



                return type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_2_type_1 = IcuIntervalTypeType2Type1(data)



                return type_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_3_type_1 = IcuIntervalTypeType3Type1(data)



                return type_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuIntervalTypeType1 | IcuIntervalTypeType2Type1 | IcuIntervalTypeType3Type1 | None | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))


        def _parse_w5s_variability(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        w5s_variability = _parse_w5s_variability(d.pop("w5s_variability", UNSET))


        def _parse_wbal_end(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        wbal_end = _parse_wbal_end(d.pop("wbal_end", UNSET))


        def _parse_wbal_start(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        wbal_start = _parse_wbal_start(d.pop("wbal_start", UNSET))


        def _parse_weighted_average_watts(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        weighted_average_watts = _parse_weighted_average_watts(d.pop("weighted_average_watts", UNSET))


        def _parse_zone(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        zone = _parse_zone(d.pop("zone", UNSET))


        def _parse_zone_max_watts(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        zone_max_watts = _parse_zone_max_watts(d.pop("zone_max_watts", UNSET))


        def _parse_zone_min_watts(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        zone_min_watts = _parse_zone_min_watts(d.pop("zone_min_watts", UNSET))


        icu_interval = cls(
            average_cadence=average_cadence,
            average_dfa_a1=average_dfa_a1,
            average_epoc=average_epoc,
            average_feels_like=average_feels_like,
            average_gradient=average_gradient,
            average_heartrate=average_heartrate,
            average_lactate=average_lactate,
            average_respiration=average_respiration,
            average_smo2=average_smo2,
            average_smo2_2=average_smo2_2,
            average_speed=average_speed,
            average_stride=average_stride,
            average_temp=average_temp,
            average_thb=average_thb,
            average_thb_2=average_thb_2,
            average_tidal_volume=average_tidal_volume,
            average_tidal_volume_min=average_tidal_volume_min,
            average_torque=average_torque,
            average_watts=average_watts,
            average_watts_alt=average_watts_alt,
            average_watts_alt_acc=average_watts_alt_acc,
            average_watts_kg=average_watts_kg,
            average_weather_temp=average_weather_temp,
            average_wind_gust=average_wind_gust,
            average_wind_speed=average_wind_speed,
            average_yaw=average_yaw,
            avg_lr_balance=avg_lr_balance,
            decoupling=decoupling,
            distance=distance,
            elapsed_time=elapsed_time,
            end_index=end_index,
            end_time=end_time,
            gap=gap,
            group_id=group_id,
            headwind_percent=headwind_percent,
            id=id,
            intensity=intensity,
            joules=joules,
            joules_above_ftp=joules_above_ftp,
            label=label,
            max_altitude=max_altitude,
            max_cadence=max_cadence,
            max_heartrate=max_heartrate,
            max_lactate=max_lactate,
            max_speed=max_speed,
            max_torque=max_torque,
            max_watts=max_watts,
            max_watts_kg=max_watts_kg,
            min_altitude=min_altitude,
            min_cadence=min_cadence,
            min_heartrate=min_heartrate,
            min_lactate=min_lactate,
            min_speed=min_speed,
            min_torque=min_torque,
            min_watts=min_watts,
            moving_time=moving_time,
            prevailing_wind_deg=prevailing_wind_deg,
            segment_effort_ids=segment_effort_ids,
            ss_cp=ss_cp,
            ss_p_max=ss_p_max,
            ss_w_prime=ss_w_prime,
            start_index=start_index,
            start_time=start_time,
            strain_score=strain_score,
            tailwind_percent=tailwind_percent,
            total_elevation_gain=total_elevation_gain,
            training_load=training_load,
            type_=type_,
            w5s_variability=w5s_variability,
            wbal_end=wbal_end,
            wbal_start=wbal_start,
            weighted_average_watts=weighted_average_watts,
            zone=zone,
            zone_max_watts=zone_max_watts,
            zone_min_watts=zone_min_watts,
        )


        icu_interval.additional_properties = d
        return icu_interval

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
