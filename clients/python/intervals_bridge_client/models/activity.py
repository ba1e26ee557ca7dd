from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.icu_activity_gap_model_type_1 import IcuActivityGapModelType1
from ..models.icu_activity_gap_model_type_2_type_1 import IcuActivityGapModelType2Type1
from ..models.icu_activity_gap_model_type_3_type_1 import IcuActivityGapModelType3Type1
from ..models.icu_activity_hr_load_type_type_1 import IcuActivityHrLoadTypeType1
from ..models.icu_activity_hr_load_type_type_2_type_1 import IcuActivityHrLoadTypeType2Type1
from ..models.icu_activity_hr_load_type_type_3_type_1 import IcuActivityHrLoadTypeType3Type1
from ..models.icu_activity_pace_load_type_type_1 import IcuActivityPaceLoadTypeType1
from ..models.icu_activity_pace_load_type_type_2_type_1 import IcuActivityPaceLoadTypeType2Type1
from ..models.icu_activity_pace_load_type_type_3_type_1 import IcuActivityPaceLoadTypeType3Type1
from ..models.icu_activity_source_type_1 import IcuActivitySourceType1
from ..models.icu_activity_source_type_2_type_1 import IcuActivitySourceType2Type1
from ..models.icu_activity_source_type_3_type_1 import IcuActivitySourceType3Type1
from ..models.icu_activity_sub_type_type_1 import IcuActivitySubTypeType1
from ..models.icu_activity_sub_type_type_2_type_1 import IcuActivitySubTypeType2Type1
from ..models.icu_activity_sub_type_type_3_type_1 import IcuActivitySubTypeType3Type1
from ..models.icu_activity_tiz_order_type_1 import IcuActivityTizOrderType1
from ..models.icu_activity_tiz_order_type_2_type_1 import IcuActivityTizOrderType2Type1
from ..models.icu_activity_tiz_order_type_3_type_1 import IcuActivityTizOrderType3Type1
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.icu_attachment import IcuAttachment
  from ..models.icu_hr_recovery import IcuHRRecovery
  from ..models.icu_icu_achievement import IcuIcuAchievement
  from ..models.icu_ignore import IcuIgnore
  from ..models.icu_strava_gear import IcuStravaGear
  from ..models.icu_zone_set import IcuZoneSet
  from ..models.icu_zone_time import IcuZoneTime





T = TypeVar("T", bound="Activity")



@_attrs_define
class Activity:
    """ An activity summary: Intervals.icu's `Activity`, with this tenant's `external_id`. Activities that came from Strava
    are stubs Intervals.icu cannot share (`stub: true`, with `_note`).

        Attributes:
            analyzed (datetime.datetime | None | Unset):
            athlete_max_hr (int | None | Unset):
            attachments (list[IcuAttachment] | None | Unset):
            average_altitude (float | None | Unset):
            average_cadence (float | None | Unset):
            average_clouds (int | None | Unset):
            average_feels_like (float | None | Unset):
            average_heartrate (int | None | Unset):
            average_speed (float | None | Unset):
            average_stride (float | None | Unset):
            average_temp (float | None | Unset):
            average_weather_temp (float | None | Unset):
            average_wind_gust (float | None | Unset):
            average_wind_speed (float | None | Unset):
            avg_lr_balance (float | None | Unset):
            calories (int | None | Unset):
            carbs_ingested (int | None | Unset):
            carbs_used (int | None | Unset):
            coach_tick (int | None | Unset):
            coasting_time (int | None | Unset):
            commute (bool | None | Unset):
            compliance (float | None | Unset):
            crank_length (float | None | Unset):
            created (datetime.datetime | None | Unset):
            custom_zones (list[IcuZoneSet] | None | Unset):
            decoupling (float | None | Unset):
            description (None | str | Unset):
            device_name (None | str | Unset):
            device_watts (bool | None | Unset):
            distance (float | None | Unset):
            elapsed_time (int | None | Unset):
            external_id (None | str | Unset): This tenant's own `external_id` when it uploaded the activity, else null.
            feel (int | None | Unset):
            file_sport_index (int | None | Unset):
            file_type (None | str | Unset):
            gap (float | None | Unset):
            gap_model (IcuActivityGapModelType1 | IcuActivityGapModelType2Type1 | IcuActivityGapModelType3Type1 | None |
                Unset):
            gap_zone_times (list[int] | None | Unset):
            gear (IcuStravaGear | None | Unset):
            group (None | str | Unset):
            has_heartrate (bool | None | Unset):
            has_segments (bool | None | Unset):
            has_weather (bool | None | Unset):
            headwind_percent (float | None | Unset):
            hr_load (int | None | Unset):
            hr_load_type (IcuActivityHrLoadTypeType1 | IcuActivityHrLoadTypeType2Type1 | IcuActivityHrLoadTypeType3Type1 |
                None | Unset):
            icu_achievements (list[IcuIcuAchievement] | None | Unset):
            icu_athlete_id (None | str | Unset):
            icu_atl (float | None | Unset):
            icu_average_watts (int | None | Unset):
            icu_cadence_z2 (int | None | Unset):
            icu_chat_id (int | None | Unset):
            icu_color (None | str | Unset):
            icu_cooldown_time (int | None | Unset):
            icu_ctl (float | None | Unset):
            icu_distance (float | None | Unset):
            icu_efficiency_factor (float | None | Unset):
            icu_ftp (int | None | Unset):
            icu_hr_zone_times (list[int] | None | Unset):
            icu_hr_zones (list[int] | None | Unset):
            icu_hrr (IcuHRRecovery | None | Unset):
            icu_ignore_hr (bool | None | Unset):
            icu_ignore_power (bool | None | Unset):
            icu_ignore_time (bool | None | Unset):
            icu_intensity (float | None | Unset):
            icu_intervals_edited (bool | None | Unset):
            icu_joules (int | None | Unset):
            icu_joules_above_ftp (int | None | Unset):
            icu_lap_count (int | None | Unset):
            icu_max_wbal_depletion (int | None | Unset):
            icu_median_time_delta (int | None | Unset):
            icu_pm_cp (int | None | Unset):
            icu_pm_ftp (int | None | Unset):
            icu_pm_ftp_secs (int | None | Unset):
            icu_pm_ftp_watts (int | None | Unset):
            icu_pm_p_max (int | None | Unset):
            icu_pm_w_prime (int | None | Unset):
            icu_power_hr (float | None | Unset):
            icu_power_hr_z2 (float | None | Unset):
            icu_power_hr_z2_mins (int | None | Unset):
            icu_power_spike_threshold (int | None | Unset):
            icu_power_zones (list[int] | None | Unset):
            icu_recording_time (int | None | Unset):
            icu_resting_hr (int | None | Unset):
            icu_rolling_cp (float | None | Unset):
            icu_rolling_ftp (int | None | Unset):
            icu_rolling_ftp_delta (int | None | Unset):
            icu_rolling_p_max (float | None | Unset):
            icu_rolling_w_prime (float | None | Unset):
            icu_rpe (int | None | Unset):
            icu_sweet_spot_max (int | None | Unset):
            icu_sweet_spot_min (int | None | Unset):
            icu_sync_date (datetime.datetime | None | Unset):
            icu_sync_error (None | str | Unset):
            icu_training_load (int | None | Unset):
            icu_training_load_data (int | None | Unset):
            icu_variability_index (float | None | Unset):
            icu_w_prime (int | None | Unset):
            icu_warmup_time (int | None | Unset):
            icu_weight (float | None | Unset):
            icu_weighted_avg_watts (int | None | Unset):
            icu_zone_times (list[IcuZoneTime] | None | Unset):
            id (None | str | Unset):
            ignore_pace (bool | None | Unset):
            ignore_parts (list[IcuIgnore] | None | Unset):
            ignore_velocity (bool | None | Unset):
            interval_summary (list[str] | None | Unset):
            kg_lifted (float | None | Unset):
            lengths (int | None | Unset):
            lock_intervals (bool | None | Unset):
            lthr (int | None | Unset):
            max_altitude (float | None | Unset):
            max_feels_like (float | None | Unset):
            max_heartrate (int | None | Unset):
            max_rain (float | None | Unset):
            max_snow (float | None | Unset):
            max_speed (float | None | Unset):
            max_temp (int | None | Unset):
            max_weather_temp (float | None | Unset):
            min_altitude (float | None | Unset):
            min_feels_like (float | None | Unset):
            min_temp (int | None | Unset):
            min_weather_temp (float | None | Unset):
            moving_time (int | None | Unset):
            name (None | str | Unset):
            oauth_client_id (int | None | Unset):
            oauth_client_name (None | str | Unset):
            p30s_exponent (float | None | Unset):
            p_max (int | None | Unset):
            pace (float | None | Unset):
            pace_load (int | None | Unset):
            pace_load_type (IcuActivityPaceLoadTypeType1 | IcuActivityPaceLoadTypeType2Type1 |
                IcuActivityPaceLoadTypeType3Type1 | None | Unset):
            pace_zone_times (list[int] | None | Unset):
            pace_zones (list[float] | None | Unset):
            paired_event_id (int | None | Unset):
            perceived_exertion (float | None | Unset):
            polarization_index (float | None | Unset):
            pool_length (float | None | Unset):
            power_field (None | str | Unset):
            power_field_names (list[str] | None | Unset):
            power_load (int | None | Unset):
            power_meter (None | str | Unset):
            power_meter_battery (None | str | Unset):
            power_meter_serial (None | str | Unset):
            prevailing_wind_deg (int | None | Unset):
            race (bool | None | Unset):
            recording_stops (list[int] | None | Unset):
            route_id (int | None | Unset):
            session_rpe (int | None | Unset):
            skyline_chart_bytes (list[str] | None | Unset):
            source (IcuActivitySourceType1 | IcuActivitySourceType2Type1 | IcuActivitySourceType3Type1 | None | Unset):
            ss_cp (float | None | Unset):
            ss_p_max (float | None | Unset):
            ss_w_prime (float | None | Unset):
            start_date (None | str | Unset):
            start_date_local (None | str | Unset):
            strain_score (float | None | Unset):
            strava_id (None | str | Unset):
            stream_types (list[str] | None | Unset):
            sub_type (IcuActivitySubTypeType1 | IcuActivitySubTypeType2Type1 | IcuActivitySubTypeType3Type1 | None | Unset):
            tags (list[str] | None | Unset):
            tailwind_percent (float | None | Unset):
            threshold_pace (float | None | Unset):
            timezone (None | str | Unset):
            tiz_order (IcuActivityTizOrderType1 | IcuActivityTizOrderType2Type1 | IcuActivityTizOrderType3Type1 | None |
                Unset):
            total_elevation_gain (float | None | Unset):
            total_elevation_loss (float | None | Unset):
            trainer (bool | None | Unset):
            trimp (float | None | Unset):
            type_ (None | str | Unset):
            use_elevation_correction (bool | None | Unset):
            use_gap_zone_times (bool | None | Unset):
            workout_shift_secs (int | None | Unset):
            field_note (None | str | Unset): Intervals.icu's note on a stub.
            stub (bool | Unset): True for an activity from Strava that Intervals.icu cannot share: only `id`,
                `start_date_local`, `source` and `_note` are given.
     """

    analyzed: datetime.datetime | None | Unset = UNSET
    athlete_max_hr: int | None | Unset = UNSET
    attachments: list[IcuAttachment] | None | Unset = UNSET
    average_altitude: float | None | Unset = UNSET
    average_cadence: float | None | Unset = UNSET
    average_clouds: int | None | Unset = UNSET
    average_feels_like: float | None | Unset = UNSET
    average_heartrate: int | None | Unset = UNSET
    average_speed: float | None | Unset = UNSET
    average_stride: float | None | Unset = UNSET
    average_temp: float | None | Unset = UNSET
    average_weather_temp: float | None | Unset = UNSET
    average_wind_gust: float | None | Unset = UNSET
    average_wind_speed: float | None | Unset = UNSET
    avg_lr_balance: float | None | Unset = UNSET
    calories: int | None | Unset = UNSET
    carbs_ingested: int | None | Unset = UNSET
    carbs_used: int | None | Unset = UNSET
    coach_tick: int | None | Unset = UNSET
    coasting_time: int | None | Unset = UNSET
    commute: bool | None | Unset = UNSET
    compliance: float | None | Unset = UNSET
    crank_length: float | None | Unset = UNSET
    created: datetime.datetime | None | Unset = UNSET
    custom_zones: list[IcuZoneSet] | None | Unset = UNSET
    decoupling: float | None | Unset = UNSET
    description: None | str | Unset = UNSET
    device_name: None | str | Unset = UNSET
    device_watts: bool | None | Unset = UNSET
    distance: float | None | Unset = UNSET
    elapsed_time: int | None | Unset = UNSET
    external_id: None | str | Unset = UNSET
    feel: int | None | Unset = UNSET
    file_sport_index: int | None | Unset = UNSET
    file_type: None | str | Unset = UNSET
    gap: float | None | Unset = UNSET
    gap_model: IcuActivityGapModelType1 | IcuActivityGapModelType2Type1 | IcuActivityGapModelType3Type1 | None | Unset = UNSET
    gap_zone_times: list[int] | None | Unset = UNSET
    gear: IcuStravaGear | None | Unset = UNSET
    group: None | str | Unset = UNSET
    has_heartrate: bool | None | Unset = UNSET
    has_segments: bool | None | Unset = UNSET
    has_weather: bool | None | Unset = UNSET
    headwind_percent: float | None | Unset = UNSET
    hr_load: int | None | Unset = UNSET
    hr_load_type: IcuActivityHrLoadTypeType1 | IcuActivityHrLoadTypeType2Type1 | IcuActivityHrLoadTypeType3Type1 | None | Unset = UNSET
    icu_achievements: list[IcuIcuAchievement] | None | Unset = UNSET
    icu_athlete_id: None | str | Unset = UNSET
    icu_atl: float | None | Unset = UNSET
    icu_average_watts: int | None | Unset = UNSET
    icu_cadence_z2: int | None | Unset = UNSET
    icu_chat_id: int | None | Unset = UNSET
    icu_color: None | str | Unset = UNSET
    icu_cooldown_time: int | None | Unset = UNSET
    icu_ctl: float | None | Unset = UNSET
    icu_distance: float | None | Unset = UNSET
    icu_efficiency_factor: float | None | Unset = UNSET
    icu_ftp: int | None | Unset = UNSET
    icu_hr_zone_times: list[int] | None | Unset = UNSET
    icu_hr_zones: list[int] | None | Unset = UNSET
    icu_hrr: IcuHRRecovery | None | Unset = UNSET
    icu_ignore_hr: bool | None | Unset = UNSET
    icu_ignore_power: bool | None | Unset = UNSET
    icu_ignore_time: bool | None | Unset = UNSET
    icu_intensity: float | None | Unset = UNSET
    icu_intervals_edited: bool | None | Unset = UNSET
    icu_joules: int | None | Unset = UNSET
    icu_joules_above_ftp: int | None | Unset = UNSET
    icu_lap_count: int | None | Unset = UNSET
    icu_max_wbal_depletion: int | None | Unset = UNSET
    icu_median_time_delta: int | None | Unset = UNSET
    icu_pm_cp: int | None | Unset = UNSET
    icu_pm_ftp: int | None | Unset = UNSET
    icu_pm_ftp_secs: int | None | Unset = UNSET
    icu_pm_ftp_watts: int | None | Unset = UNSET
    icu_pm_p_max: int | None | Unset = UNSET
    icu_pm_w_prime: int | None | Unset = UNSET
    icu_power_hr: float | None | Unset = UNSET
    icu_power_hr_z2: float | None | Unset = UNSET
    icu_power_hr_z2_mins: int | None | Unset = UNSET
    icu_power_spike_threshold: int | None | Unset = UNSET
    icu_power_zones: list[int] | None | Unset = UNSET
    icu_recording_time: int | None | Unset = UNSET
    icu_resting_hr: int | None | Unset = UNSET
    icu_rolling_cp: float | None | Unset = UNSET
    icu_rolling_ftp: int | None | Unset = UNSET
    icu_rolling_ftp_delta: int | None | Unset = UNSET
    icu_rolling_p_max: float | None | Unset = UNSET
    icu_rolling_w_prime: float | None | Unset = UNSET
    icu_rpe: int | None | Unset = UNSET
    icu_sweet_spot_max: int | None | Unset = UNSET
    icu_sweet_spot_min: int | None | Unset = UNSET
    icu_sync_date: datetime.datetime | None | Unset = UNSET
    icu_sync_error: None | str | Unset = UNSET
    icu_training_load: int | None | Unset = UNSET
    icu_training_load_data: int | None | Unset = UNSET
    icu_variability_index: float | None | Unset = UNSET
    icu_w_prime: int | None | Unset = UNSET
    icu_warmup_time: int | None | Unset = UNSET
    icu_weight: float | None | Unset = UNSET
    icu_weighted_avg_watts: int | None | Unset = UNSET
    icu_zone_times: list[IcuZoneTime] | None | Unset = UNSET
    id: None | str | Unset = UNSET
    ignore_pace: bool | None | Unset = UNSET
    ignore_parts: list[IcuIgnore] | None | Unset = UNSET
    ignore_velocity: bool | None | Unset = UNSET
    interval_summary: list[str] | None | Unset = UNSET
    kg_lifted: float | None | Unset = UNSET
    lengths: int | None | Unset = UNSET
    lock_intervals: bool | None | Unset = UNSET
    lthr: int | None | Unset = UNSET
    max_altitude: float | None | Unset = UNSET
    max_feels_like: float | None | Unset = UNSET
    max_heartrate: int | None | Unset = UNSET
    max_rain: float | None | Unset = UNSET
    max_snow: float | None | Unset = UNSET
    max_speed: float | None | Unset = UNSET
    max_temp: int | None | Unset = UNSET
    max_weather_temp: float | None | Unset = UNSET
    min_altitude: float | None | Unset = UNSET
    min_feels_like: float | None | Unset = UNSET
    min_temp: int | None | Unset = UNSET
    min_weather_temp: float | None | Unset = UNSET
    moving_time: int | None | Unset = UNSET
    name: None | str | Unset = UNSET
    oauth_client_id: int | None | Unset = UNSET
    oauth_client_name: None | str | Unset = UNSET
    p30s_exponent: float | None | Unset = UNSET
    p_max: int | None | Unset = UNSET
    pace: float | None | Unset = UNSET
    pace_load: int | None | Unset = UNSET
    pace_load_type: IcuActivityPaceLoadTypeType1 | IcuActivityPaceLoadTypeType2Type1 | IcuActivityPaceLoadTypeType3Type1 | None | Unset = UNSET
    pace_zone_times: list[int] | None | Unset = UNSET
    pace_zones: list[float] | None | Unset = UNSET
    paired_event_id: int | None | Unset = UNSET
    perceived_exertion: float | None | Unset = UNSET
    polarization_index: float | None | Unset = UNSET
    pool_length: float | None | Unset = UNSET
    power_field: None | str | Unset = UNSET
    power_field_names: list[str] | None | Unset = UNSET
    power_load: int | None | Unset = UNSET
    power_meter: None | str | Unset = UNSET
    power_meter_battery: None | str | Unset = UNSET
    power_meter_serial: None | str | Unset = UNSET
    prevailing_wind_deg: int | None | Unset = UNSET
    race: bool | None | Unset = UNSET
    recording_stops: list[int] | None | Unset = UNSET
    route_id: int | None | Unset = UNSET
    session_rpe: int | None | Unset = UNSET
    skyline_chart_bytes: list[str] | None | Unset = UNSET
    source: IcuActivitySourceType1 | IcuActivitySourceType2Type1 | IcuActivitySourceType3Type1 | None | Unset = UNSET
    ss_cp: float | None | Unset = UNSET
    ss_p_max: float | None | Unset = UNSET
    ss_w_prime: float | None | Unset = UNSET
    start_date: None | str | Unset = UNSET
    start_date_local: None | str | Unset = UNSET
    strain_score: float | None | Unset = UNSET
    strava_id: None | str | Unset = UNSET
    stream_types: list[str] | None | Unset = UNSET
    sub_type: IcuActivitySubTypeType1 | IcuActivitySubTypeType2Type1 | IcuActivitySubTypeType3Type1 | None | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    tailwind_percent: float | None | Unset = UNSET
    threshold_pace: float | None | Unset = UNSET
    timezone: None | str | Unset = UNSET
    tiz_order: IcuActivityTizOrderType1 | IcuActivityTizOrderType2Type1 | IcuActivityTizOrderType3Type1 | None | Unset = UNSET
    total_elevation_gain: float | None | Unset = UNSET
    total_elevation_loss: float | None | Unset = UNSET
    trainer: bool | None | Unset = UNSET
    trimp: float | None | Unset = UNSET
    type_: None | str | Unset = UNSET
    use_elevation_correction: bool | None | Unset = UNSET
    use_gap_zone_times: bool | None | Unset = UNSET
    workout_shift_secs: int | None | Unset = UNSET
    field_note: None | str | Unset = UNSET
    stub: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.icu_attachment import IcuAttachment # noqa: PLC0415
        from ..models.icu_hr_recovery import IcuHRRecovery # noqa: PLC0415
        from ..models.icu_icu_achievement import IcuIcuAchievement # noqa: PLC0415
        from ..models.icu_ignore import IcuIgnore # noqa: PLC0415
        from ..models.icu_strava_gear import IcuStravaGear # noqa: PLC0415
        from ..models.icu_zone_set import IcuZoneSet # noqa: PLC0415
        from ..models.icu_zone_time import IcuZoneTime # noqa: PLC0415
        analyzed: None | str | Unset
        if isinstance(self.analyzed, Unset):
            analyzed = UNSET
        elif isinstance(self.analyzed, datetime.datetime):
            analyzed = self.analyzed.isoformat()
        else:
            analyzed = self.analyzed

        athlete_max_hr: int | None | Unset
        if isinstance(self.athlete_max_hr, Unset):
            athlete_max_hr = UNSET
        else:
            athlete_max_hr = self.athlete_max_hr

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

        average_altitude: float | None | Unset
        if isinstance(self.average_altitude, Unset):
            average_altitude = UNSET
        else:
            average_altitude = self.average_altitude

        average_cadence: float | None | Unset
        if isinstance(self.average_cadence, Unset):
            average_cadence = UNSET
        else:
            average_cadence = self.average_cadence

        average_clouds: int | None | Unset
        if isinstance(self.average_clouds, Unset):
            average_clouds = UNSET
        else:
            average_clouds = self.average_clouds

        average_feels_like: float | None | Unset
        if isinstance(self.average_feels_like, Unset):
            average_feels_like = UNSET
        else:
            average_feels_like = self.average_feels_like

        average_heartrate: int | None | Unset
        if isinstance(self.average_heartrate, Unset):
            average_heartrate = UNSET
        else:
            average_heartrate = self.average_heartrate

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

        avg_lr_balance: float | None | Unset
        if isinstance(self.avg_lr_balance, Unset):
            avg_lr_balance = UNSET
        else:
            avg_lr_balance = self.avg_lr_balance

        calories: int | None | Unset
        if isinstance(self.calories, Unset):
            calories = UNSET
        else:
            calories = self.calories

        carbs_ingested: int | None | Unset
        if isinstance(self.carbs_ingested, Unset):
            carbs_ingested = UNSET
        else:
            carbs_ingested = self.carbs_ingested

        carbs_used: int | None | Unset
        if isinstance(self.carbs_used, Unset):
            carbs_used = UNSET
        else:
            carbs_used = self.carbs_used

        coach_tick: int | None | Unset
        if isinstance(self.coach_tick, Unset):
            coach_tick = UNSET
        else:
            coach_tick = self.coach_tick

        coasting_time: int | None | Unset
        if isinstance(self.coasting_time, Unset):
            coasting_time = UNSET
        else:
            coasting_time = self.coasting_time

        commute: bool | None | Unset
        if isinstance(self.commute, Unset):
            commute = UNSET
        else:
            commute = self.commute

        compliance: float | None | Unset
        if isinstance(self.compliance, Unset):
            compliance = UNSET
        else:
            compliance = self.compliance

        crank_length: float | None | Unset
        if isinstance(self.crank_length, Unset):
            crank_length = UNSET
        else:
            crank_length = self.crank_length

        created: None | str | Unset
        if isinstance(self.created, Unset):
            created = UNSET
        elif isinstance(self.created, datetime.datetime):
            created = self.created.isoformat()
        else:
            created = self.created

        custom_zones: list[dict[str, Any]] | None | Unset
        if isinstance(self.custom_zones, Unset):
            custom_zones = UNSET
        elif isinstance(self.custom_zones, list):
            custom_zones = []
            for custom_zones_type_0_item_data in self.custom_zones:
                custom_zones_type_0_item = custom_zones_type_0_item_data.to_dict()
                custom_zones.append(custom_zones_type_0_item)


        else:
            custom_zones = self.custom_zones

        decoupling: float | None | Unset
        if isinstance(self.decoupling, Unset):
            decoupling = UNSET
        else:
            decoupling = self.decoupling

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        device_name: None | str | Unset
        if isinstance(self.device_name, Unset):
            device_name = UNSET
        else:
            device_name = self.device_name

        device_watts: bool | None | Unset
        if isinstance(self.device_watts, Unset):
            device_watts = UNSET
        else:
            device_watts = self.device_watts

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

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        feel: int | None | Unset
        if isinstance(self.feel, Unset):
            feel = UNSET
        else:
            feel = self.feel

        file_sport_index: int | None | Unset
        if isinstance(self.file_sport_index, Unset):
            file_sport_index = UNSET
        else:
            file_sport_index = self.file_sport_index

        file_type: None | str | Unset
        if isinstance(self.file_type, Unset):
            file_type = UNSET
        else:
            file_type = self.file_type

        gap: float | None | Unset
        if isinstance(self.gap, Unset):
            gap = UNSET
        else:
            gap = self.gap

        gap_model: None | str | Unset
        if isinstance(self.gap_model, Unset):
            gap_model = UNSET
        elif isinstance(self.gap_model, IcuActivityGapModelType1):
            gap_model = self.gap_model.value
        elif isinstance(self.gap_model, IcuActivityGapModelType2Type1):
            gap_model = self.gap_model.value
        elif isinstance(self.gap_model, IcuActivityGapModelType3Type1):
            gap_model = self.gap_model.value
        else:
            gap_model = self.gap_model

        gap_zone_times: list[int] | None | Unset
        if isinstance(self.gap_zone_times, Unset):
            gap_zone_times = UNSET
        elif isinstance(self.gap_zone_times, list):
            gap_zone_times = self.gap_zone_times


        else:
            gap_zone_times = self.gap_zone_times

        gear: dict[str, Any] | None | Unset
        if isinstance(self.gear, Unset):
            gear = UNSET
        elif isinstance(self.gear, IcuStravaGear):
            gear = self.gear.to_dict()
        else:
            gear = self.gear

        group: None | str | Unset
        if isinstance(self.group, Unset):
            group = UNSET
        else:
            group = self.group

        has_heartrate: bool | None | Unset
        if isinstance(self.has_heartrate, Unset):
            has_heartrate = UNSET
        else:
            has_heartrate = self.has_heartrate

        has_segments: bool | None | Unset
        if isinstance(self.has_segments, Unset):
            has_segments = UNSET
        else:
            has_segments = self.has_segments

        has_weather: bool | None | Unset
        if isinstance(self.has_weather, Unset):
            has_weather = UNSET
        else:
            has_weather = self.has_weather

        headwind_percent: float | None | Unset
        if isinstance(self.headwind_percent, Unset):
            headwind_percent = UNSET
        else:
            headwind_percent = self.headwind_percent

        hr_load: int | None | Unset
        if isinstance(self.hr_load, Unset):
            hr_load = UNSET
        else:
            hr_load = self.hr_load

        hr_load_type: None | str | Unset
        if isinstance(self.hr_load_type, Unset):
            hr_load_type = UNSET
        elif isinstance(self.hr_load_type, IcuActivityHrLoadTypeType1):
            hr_load_type = self.hr_load_type.value
        elif isinstance(self.hr_load_type, IcuActivityHrLoadTypeType2Type1):
            hr_load_type = self.hr_load_type.value
        elif isinstance(self.hr_load_type, IcuActivityHrLoadTypeType3Type1):
            hr_load_type = self.hr_load_type.value
        else:
            hr_load_type = self.hr_load_type

        icu_achievements: list[dict[str, Any]] | None | Unset
        if isinstance(self.icu_achievements, Unset):
            icu_achievements = UNSET
        elif isinstance(self.icu_achievements, list):
            icu_achievements = []
            for icu_achievements_type_0_item_data in self.icu_achievements:
                icu_achievements_type_0_item = icu_achievements_type_0_item_data.to_dict()
                icu_achievements.append(icu_achievements_type_0_item)


        else:
            icu_achievements = self.icu_achievements

        icu_athlete_id: None | str | Unset
        if isinstance(self.icu_athlete_id, Unset):
            icu_athlete_id = UNSET
        else:
            icu_athlete_id = self.icu_athlete_id

        icu_atl: float | None | Unset
        if isinstance(self.icu_atl, Unset):
            icu_atl = UNSET
        else:
            icu_atl = self.icu_atl

        icu_average_watts: int | None | Unset
        if isinstance(self.icu_average_watts, Unset):
            icu_average_watts = UNSET
        else:
            icu_average_watts = self.icu_average_watts

        icu_cadence_z2: int | None | Unset
        if isinstance(self.icu_cadence_z2, Unset):
            icu_cadence_z2 = UNSET
        else:
            icu_cadence_z2 = self.icu_cadence_z2

        icu_chat_id: int | None | Unset
        if isinstance(self.icu_chat_id, Unset):
            icu_chat_id = UNSET
        else:
            icu_chat_id = self.icu_chat_id

        icu_color: None | str | Unset
        if isinstance(self.icu_color, Unset):
            icu_color = UNSET
        else:
            icu_color = self.icu_color

        icu_cooldown_time: int | None | Unset
        if isinstance(self.icu_cooldown_time, Unset):
            icu_cooldown_time = UNSET
        else:
            icu_cooldown_time = self.icu_cooldown_time

        icu_ctl: float | None | Unset
        if isinstance(self.icu_ctl, Unset):
            icu_ctl = UNSET
        else:
            icu_ctl = self.icu_ctl

        icu_distance: float | None | Unset
        if isinstance(self.icu_distance, Unset):
            icu_distance = UNSET
        else:
            icu_distance = self.icu_distance

        icu_efficiency_factor: float | None | Unset
        if isinstance(self.icu_efficiency_factor, Unset):
            icu_efficiency_factor = UNSET
        else:
            icu_efficiency_factor = self.icu_efficiency_factor

        icu_ftp: int | None | Unset
        if isinstance(self.icu_ftp, Unset):
            icu_ftp = UNSET
        else:
            icu_ftp = self.icu_ftp

        icu_hr_zone_times: list[int] | None | Unset
        if isinstance(self.icu_hr_zone_times, Unset):
            icu_hr_zone_times = UNSET
        elif isinstance(self.icu_hr_zone_times, list):
            icu_hr_zone_times = self.icu_hr_zone_times


        else:
            icu_hr_zone_times = self.icu_hr_zone_times

        icu_hr_zones: list[int] | None | Unset
        if isinstance(self.icu_hr_zones, Unset):
            icu_hr_zones = UNSET
        elif isinstance(self.icu_hr_zones, list):
            icu_hr_zones = self.icu_hr_zones


        else:
            icu_hr_zones = self.icu_hr_zones

        icu_hrr: dict[str, Any] | None | Unset
        if isinstance(self.icu_hrr, Unset):
            icu_hrr = UNSET
        elif isinstance(self.icu_hrr, IcuHRRecovery):
            icu_hrr = self.icu_hrr.to_dict()
        else:
            icu_hrr = self.icu_hrr

        icu_ignore_hr: bool | None | Unset
        if isinstance(self.icu_ignore_hr, Unset):
            icu_ignore_hr = UNSET
        else:
            icu_ignore_hr = self.icu_ignore_hr

        icu_ignore_power: bool | None | Unset
        if isinstance(self.icu_ignore_power, Unset):
            icu_ignore_power = UNSET
        else:
            icu_ignore_power = self.icu_ignore_power

        icu_ignore_time: bool | None | Unset
        if isinstance(self.icu_ignore_time, Unset):
            icu_ignore_time = UNSET
        else:
            icu_ignore_time = self.icu_ignore_time

        icu_intensity: float | None | Unset
        if isinstance(self.icu_intensity, Unset):
            icu_intensity = UNSET
        else:
            icu_intensity = self.icu_intensity

        icu_intervals_edited: bool | None | Unset
        if isinstance(self.icu_intervals_edited, Unset):
            icu_intervals_edited = UNSET
        else:
            icu_intervals_edited = self.icu_intervals_edited

        icu_joules: int | None | Unset
        if isinstance(self.icu_joules, Unset):
            icu_joules = UNSET
        else:
            icu_joules = self.icu_joules

        icu_joules_above_ftp: int | None | Unset
        if isinstance(self.icu_joules_above_ftp, Unset):
            icu_joules_above_ftp = UNSET
        else:
            icu_joules_above_ftp = self.icu_joules_above_ftp

        icu_lap_count: int | None | Unset
        if isinstance(self.icu_lap_count, Unset):
            icu_lap_count = UNSET
        else:
            icu_lap_count = self.icu_lap_count

        icu_max_wbal_depletion: int | None | Unset
        if isinstance(self.icu_max_wbal_depletion, Unset):
            icu_max_wbal_depletion = UNSET
        else:
            icu_max_wbal_depletion = self.icu_max_wbal_depletion

        icu_median_time_delta: int | None | Unset
        if isinstance(self.icu_median_time_delta, Unset):
            icu_median_time_delta = UNSET
        else:
            icu_median_time_delta = self.icu_median_time_delta

        icu_pm_cp: int | None | Unset
        if isinstance(self.icu_pm_cp, Unset):
            icu_pm_cp = UNSET
        else:
            icu_pm_cp = self.icu_pm_cp

        icu_pm_ftp: int | None | Unset
        if isinstance(self.icu_pm_ftp, Unset):
            icu_pm_ftp = UNSET
        else:
            icu_pm_ftp = self.icu_pm_ftp

        icu_pm_ftp_secs: int | None | Unset
        if isinstance(self.icu_pm_ftp_secs, Unset):
            icu_pm_ftp_secs = UNSET
        else:
            icu_pm_ftp_secs = self.icu_pm_ftp_secs

        icu_pm_ftp_watts: int | None | Unset
        if isinstance(self.icu_pm_ftp_watts, Unset):
            icu_pm_ftp_watts = UNSET
        else:
            icu_pm_ftp_watts = self.icu_pm_ftp_watts

        icu_pm_p_max: int | None | Unset
        if isinstance(self.icu_pm_p_max, Unset):
            icu_pm_p_max = UNSET
        else:
            icu_pm_p_max = self.icu_pm_p_max

        icu_pm_w_prime: int | None | Unset
        if isinstance(self.icu_pm_w_prime, Unset):
            icu_pm_w_prime = UNSET
        else:
            icu_pm_w_prime = self.icu_pm_w_prime

        icu_power_hr: float | None | Unset
        if isinstance(self.icu_power_hr, Unset):
            icu_power_hr = UNSET
        else:
            icu_power_hr = self.icu_power_hr

        icu_power_hr_z2: float | None | Unset
        if isinstance(self.icu_power_hr_z2, Unset):
            icu_power_hr_z2 = UNSET
        else:
            icu_power_hr_z2 = self.icu_power_hr_z2

        icu_power_hr_z2_mins: int | None | Unset
        if isinstance(self.icu_power_hr_z2_mins, Unset):
            icu_power_hr_z2_mins = UNSET
        else:
            icu_power_hr_z2_mins = self.icu_power_hr_z2_mins

        icu_power_spike_threshold: int | None | Unset
        if isinstance(self.icu_power_spike_threshold, Unset):
            icu_power_spike_threshold = UNSET
        else:
            icu_power_spike_threshold = self.icu_power_spike_threshold

        icu_power_zones: list[int] | None | Unset
        if isinstance(self.icu_power_zones, Unset):
            icu_power_zones = UNSET
        elif isinstance(self.icu_power_zones, list):
            icu_power_zones = self.icu_power_zones


        else:
            icu_power_zones = self.icu_power_zones

        icu_recording_time: int | None | Unset
        if isinstance(self.icu_recording_time, Unset):
            icu_recording_time = UNSET
        else:
            icu_recording_time = self.icu_recording_time

        icu_resting_hr: int | None | Unset
        if isinstance(self.icu_resting_hr, Unset):
            icu_resting_hr = UNSET
        else:
            icu_resting_hr = self.icu_resting_hr

        icu_rolling_cp: float | None | Unset
        if isinstance(self.icu_rolling_cp, Unset):
            icu_rolling_cp = UNSET
        else:
            icu_rolling_cp = self.icu_rolling_cp

        icu_rolling_ftp: int | None | Unset
        if isinstance(self.icu_rolling_ftp, Unset):
            icu_rolling_ftp = UNSET
        else:
            icu_rolling_ftp = self.icu_rolling_ftp

        icu_rolling_ftp_delta: int | None | Unset
        if isinstance(self.icu_rolling_ftp_delta, Unset):
            icu_rolling_ftp_delta = UNSET
        else:
            icu_rolling_ftp_delta = self.icu_rolling_ftp_delta

        icu_rolling_p_max: float | None | Unset
        if isinstance(self.icu_rolling_p_max, Unset):
            icu_rolling_p_max = UNSET
        else:
            icu_rolling_p_max = self.icu_rolling_p_max

        icu_rolling_w_prime: float | None | Unset
        if isinstance(self.icu_rolling_w_prime, Unset):
            icu_rolling_w_prime = UNSET
        else:
            icu_rolling_w_prime = self.icu_rolling_w_prime

        icu_rpe: int | None | Unset
        if isinstance(self.icu_rpe, Unset):
            icu_rpe = UNSET
        else:
            icu_rpe = self.icu_rpe

        icu_sweet_spot_max: int | None | Unset
        if isinstance(self.icu_sweet_spot_max, Unset):
            icu_sweet_spot_max = UNSET
        else:
            icu_sweet_spot_max = self.icu_sweet_spot_max

        icu_sweet_spot_min: int | None | Unset
        if isinstance(self.icu_sweet_spot_min, Unset):
            icu_sweet_spot_min = UNSET
        else:
            icu_sweet_spot_min = self.icu_sweet_spot_min

        icu_sync_date: None | str | Unset
        if isinstance(self.icu_sync_date, Unset):
            icu_sync_date = UNSET
        elif isinstance(self.icu_sync_date, datetime.datetime):
            icu_sync_date = self.icu_sync_date.isoformat()
        else:
            icu_sync_date = self.icu_sync_date

        icu_sync_error: None | str | Unset
        if isinstance(self.icu_sync_error, Unset):
            icu_sync_error = UNSET
        else:
            icu_sync_error = self.icu_sync_error

        icu_training_load: int | None | Unset
        if isinstance(self.icu_training_load, Unset):
            icu_training_load = UNSET
        else:
            icu_training_load = self.icu_training_load

        icu_training_load_data: int | None | Unset
        if isinstance(self.icu_training_load_data, Unset):
            icu_training_load_data = UNSET
        else:
            icu_training_load_data = self.icu_training_load_data

        icu_variability_index: float | None | Unset
        if isinstance(self.icu_variability_index, Unset):
            icu_variability_index = UNSET
        else:
            icu_variability_index = self.icu_variability_index

        icu_w_prime: int | None | Unset
        if isinstance(self.icu_w_prime, Unset):
            icu_w_prime = UNSET
        else:
            icu_w_prime = self.icu_w_prime

        icu_warmup_time: int | None | Unset
        if isinstance(self.icu_warmup_time, Unset):
            icu_warmup_time = UNSET
        else:
            icu_warmup_time = self.icu_warmup_time

        icu_weight: float | None | Unset
        if isinstance(self.icu_weight, Unset):
            icu_weight = UNSET
        else:
            icu_weight = self.icu_weight

        icu_weighted_avg_watts: int | None | Unset
        if isinstance(self.icu_weighted_avg_watts, Unset):
            icu_weighted_avg_watts = UNSET
        else:
            icu_weighted_avg_watts = self.icu_weighted_avg_watts

        icu_zone_times: list[dict[str, Any]] | None | Unset
        if isinstance(self.icu_zone_times, Unset):
            icu_zone_times = UNSET
        elif isinstance(self.icu_zone_times, list):
            icu_zone_times = []
            for icu_zone_times_type_0_item_data in self.icu_zone_times:
                icu_zone_times_type_0_item = icu_zone_times_type_0_item_data.to_dict()
                icu_zone_times.append(icu_zone_times_type_0_item)


        else:
            icu_zone_times = self.icu_zone_times

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        ignore_pace: bool | None | Unset
        if isinstance(self.ignore_pace, Unset):
            ignore_pace = UNSET
        else:
            ignore_pace = self.ignore_pace

        ignore_parts: list[dict[str, Any]] | None | Unset
        if isinstance(self.ignore_parts, Unset):
            ignore_parts = UNSET
        elif isinstance(self.ignore_parts, list):
            ignore_parts = []
            for ignore_parts_type_0_item_data in self.ignore_parts:
                ignore_parts_type_0_item = ignore_parts_type_0_item_data.to_dict()
                ignore_parts.append(ignore_parts_type_0_item)


        else:
            ignore_parts = self.ignore_parts

        ignore_velocity: bool | None | Unset
        if isinstance(self.ignore_velocity, Unset):
            ignore_velocity = UNSET
        else:
            ignore_velocity = self.ignore_velocity

        interval_summary: list[str] | None | Unset
        if isinstance(self.interval_summary, Unset):
            interval_summary = UNSET
        elif isinstance(self.interval_summary, list):
            interval_summary = self.interval_summary


        else:
            interval_summary = self.interval_summary

        kg_lifted: float | None | Unset
        if isinstance(self.kg_lifted, Unset):
            kg_lifted = UNSET
        else:
            kg_lifted = self.kg_lifted

        lengths: int | None | Unset
        if isinstance(self.lengths, Unset):
            lengths = UNSET
        else:
            lengths = self.lengths

        lock_intervals: bool | None | Unset
        if isinstance(self.lock_intervals, Unset):
            lock_intervals = UNSET
        else:
            lock_intervals = self.lock_intervals

        lthr: int | None | Unset
        if isinstance(self.lthr, Unset):
            lthr = UNSET
        else:
            lthr = self.lthr

        max_altitude: float | None | Unset
        if isinstance(self.max_altitude, Unset):
            max_altitude = UNSET
        else:
            max_altitude = self.max_altitude

        max_feels_like: float | None | Unset
        if isinstance(self.max_feels_like, Unset):
            max_feels_like = UNSET
        else:
            max_feels_like = self.max_feels_like

        max_heartrate: int | None | Unset
        if isinstance(self.max_heartrate, Unset):
            max_heartrate = UNSET
        else:
            max_heartrate = self.max_heartrate

        max_rain: float | None | Unset
        if isinstance(self.max_rain, Unset):
            max_rain = UNSET
        else:
            max_rain = self.max_rain

        max_snow: float | None | Unset
        if isinstance(self.max_snow, Unset):
            max_snow = UNSET
        else:
            max_snow = self.max_snow

        max_speed: float | None | Unset
        if isinstance(self.max_speed, Unset):
            max_speed = UNSET
        else:
            max_speed = self.max_speed

        max_temp: int | None | Unset
        if isinstance(self.max_temp, Unset):
            max_temp = UNSET
        else:
            max_temp = self.max_temp

        max_weather_temp: float | None | Unset
        if isinstance(self.max_weather_temp, Unset):
            max_weather_temp = UNSET
        else:
            max_weather_temp = self.max_weather_temp

        min_altitude: float | None | Unset
        if isinstance(self.min_altitude, Unset):
            min_altitude = UNSET
        else:
            min_altitude = self.min_altitude

        min_feels_like: float | None | Unset
        if isinstance(self.min_feels_like, Unset):
            min_feels_like = UNSET
        else:
            min_feels_like = self.min_feels_like

        min_temp: int | None | Unset
        if isinstance(self.min_temp, Unset):
            min_temp = UNSET
        else:
            min_temp = self.min_temp

        min_weather_temp: float | None | Unset
        if isinstance(self.min_weather_temp, Unset):
            min_weather_temp = UNSET
        else:
            min_weather_temp = self.min_weather_temp

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

        oauth_client_id: int | None | Unset
        if isinstance(self.oauth_client_id, Unset):
            oauth_client_id = UNSET
        else:
            oauth_client_id = self.oauth_client_id

        oauth_client_name: None | str | Unset
        if isinstance(self.oauth_client_name, Unset):
            oauth_client_name = UNSET
        else:
            oauth_client_name = self.oauth_client_name

        p30s_exponent: float | None | Unset
        if isinstance(self.p30s_exponent, Unset):
            p30s_exponent = UNSET
        else:
            p30s_exponent = self.p30s_exponent

        p_max: int | None | Unset
        if isinstance(self.p_max, Unset):
            p_max = UNSET
        else:
            p_max = self.p_max

        pace: float | None | Unset
        if isinstance(self.pace, Unset):
            pace = UNSET
        else:
            pace = self.pace

        pace_load: int | None | Unset
        if isinstance(self.pace_load, Unset):
            pace_load = UNSET
        else:
            pace_load = self.pace_load

        pace_load_type: None | str | Unset
        if isinstance(self.pace_load_type, Unset):
            pace_load_type = UNSET
        elif isinstance(self.pace_load_type, IcuActivityPaceLoadTypeType1):
            pace_load_type = self.pace_load_type.value
        elif isinstance(self.pace_load_type, IcuActivityPaceLoadTypeType2Type1):
            pace_load_type = self.pace_load_type.value
        elif isinstance(self.pace_load_type, IcuActivityPaceLoadTypeType3Type1):
            pace_load_type = self.pace_load_type.value
        else:
            pace_load_type = self.pace_load_type

        pace_zone_times: list[int] | None | Unset
        if isinstance(self.pace_zone_times, Unset):
            pace_zone_times = UNSET
        elif isinstance(self.pace_zone_times, list):
            pace_zone_times = self.pace_zone_times


        else:
            pace_zone_times = self.pace_zone_times

        pace_zones: list[float] | None | Unset
        if isinstance(self.pace_zones, Unset):
            pace_zones = UNSET
        elif isinstance(self.pace_zones, list):
            pace_zones = self.pace_zones


        else:
            pace_zones = self.pace_zones

        paired_event_id: int | None | Unset
        if isinstance(self.paired_event_id, Unset):
            paired_event_id = UNSET
        else:
            paired_event_id = self.paired_event_id

        perceived_exertion: float | None | Unset
        if isinstance(self.perceived_exertion, Unset):
            perceived_exertion = UNSET
        else:
            perceived_exertion = self.perceived_exertion

        polarization_index: float | None | Unset
        if isinstance(self.polarization_index, Unset):
            polarization_index = UNSET
        else:
            polarization_index = self.polarization_index

        pool_length: float | None | Unset
        if isinstance(self.pool_length, Unset):
            pool_length = UNSET
        else:
            pool_length = self.pool_length

        power_field: None | str | Unset
        if isinstance(self.power_field, Unset):
            power_field = UNSET
        else:
            power_field = self.power_field

        power_field_names: list[str] | None | Unset
        if isinstance(self.power_field_names, Unset):
            power_field_names = UNSET
        elif isinstance(self.power_field_names, list):
            power_field_names = self.power_field_names


        else:
            power_field_names = self.power_field_names

        power_load: int | None | Unset
        if isinstance(self.power_load, Unset):
            power_load = UNSET
        else:
            power_load = self.power_load

        power_meter: None | str | Unset
        if isinstance(self.power_meter, Unset):
            power_meter = UNSET
        else:
            power_meter = self.power_meter

        power_meter_battery: None | str | Unset
        if isinstance(self.power_meter_battery, Unset):
            power_meter_battery = UNSET
        else:
            power_meter_battery = self.power_meter_battery

        power_meter_serial: None | str | Unset
        if isinstance(self.power_meter_serial, Unset):
            power_meter_serial = UNSET
        else:
            power_meter_serial = self.power_meter_serial

        prevailing_wind_deg: int | None | Unset
        if isinstance(self.prevailing_wind_deg, Unset):
            prevailing_wind_deg = UNSET
        else:
            prevailing_wind_deg = self.prevailing_wind_deg

        race: bool | None | Unset
        if isinstance(self.race, Unset):
            race = UNSET
        else:
            race = self.race

        recording_stops: list[int] | None | Unset
        if isinstance(self.recording_stops, Unset):
            recording_stops = UNSET
        elif isinstance(self.recording_stops, list):
            recording_stops = self.recording_stops


        else:
            recording_stops = self.recording_stops

        route_id: int | None | Unset
        if isinstance(self.route_id, Unset):
            route_id = UNSET
        else:
            route_id = self.route_id

        session_rpe: int | None | Unset
        if isinstance(self.session_rpe, Unset):
            session_rpe = UNSET
        else:
            session_rpe = self.session_rpe

        skyline_chart_bytes: list[str] | None | Unset
        if isinstance(self.skyline_chart_bytes, Unset):
            skyline_chart_bytes = UNSET
        elif isinstance(self.skyline_chart_bytes, list):
            skyline_chart_bytes = self.skyline_chart_bytes


        else:
            skyline_chart_bytes = self.skyline_chart_bytes

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        elif isinstance(self.source, IcuActivitySourceType1):
            source = self.source.value
        elif isinstance(self.source, IcuActivitySourceType2Type1):
            source = self.source.value
        elif isinstance(self.source, IcuActivitySourceType3Type1):
            source = self.source.value
        else:
            source = self.source

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

        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        else:
            start_date = self.start_date

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

        strava_id: None | str | Unset
        if isinstance(self.strava_id, Unset):
            strava_id = UNSET
        else:
            strava_id = self.strava_id

        stream_types: list[str] | None | Unset
        if isinstance(self.stream_types, Unset):
            stream_types = UNSET
        elif isinstance(self.stream_types, list):
            stream_types = self.stream_types


        else:
            stream_types = self.stream_types

        sub_type: None | str | Unset
        if isinstance(self.sub_type, Unset):
            sub_type = UNSET
        elif isinstance(self.sub_type, IcuActivitySubTypeType1):
            sub_type = self.sub_type.value
        elif isinstance(self.sub_type, IcuActivitySubTypeType2Type1):
            sub_type = self.sub_type.value
        elif isinstance(self.sub_type, IcuActivitySubTypeType3Type1):
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

        tailwind_percent: float | None | Unset
        if isinstance(self.tailwind_percent, Unset):
            tailwind_percent = UNSET
        else:
            tailwind_percent = self.tailwind_percent

        threshold_pace: float | None | Unset
        if isinstance(self.threshold_pace, Unset):
            threshold_pace = UNSET
        else:
            threshold_pace = self.threshold_pace

        timezone: None | str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        else:
            timezone = self.timezone

        tiz_order: None | str | Unset
        if isinstance(self.tiz_order, Unset):
            tiz_order = UNSET
        elif isinstance(self.tiz_order, IcuActivityTizOrderType1):
            tiz_order = self.tiz_order.value
        elif isinstance(self.tiz_order, IcuActivityTizOrderType2Type1):
            tiz_order = self.tiz_order.value
        elif isinstance(self.tiz_order, IcuActivityTizOrderType3Type1):
            tiz_order = self.tiz_order.value
        else:
            tiz_order = self.tiz_order

        total_elevation_gain: float | None | Unset
        if isinstance(self.total_elevation_gain, Unset):
            total_elevation_gain = UNSET
        else:
            total_elevation_gain = self.total_elevation_gain

        total_elevation_loss: float | None | Unset
        if isinstance(self.total_elevation_loss, Unset):
            total_elevation_loss = UNSET
        else:
            total_elevation_loss = self.total_elevation_loss

        trainer: bool | None | Unset
        if isinstance(self.trainer, Unset):
            trainer = UNSET
        else:
            trainer = self.trainer

        trimp: float | None | Unset
        if isinstance(self.trimp, Unset):
            trimp = UNSET
        else:
            trimp = self.trimp

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
            type_ = self.type_

        use_elevation_correction: bool | None | Unset
        if isinstance(self.use_elevation_correction, Unset):
            use_elevation_correction = UNSET
        else:
            use_elevation_correction = self.use_elevation_correction

        use_gap_zone_times: bool | None | Unset
        if isinstance(self.use_gap_zone_times, Unset):
            use_gap_zone_times = UNSET
        else:
            use_gap_zone_times = self.use_gap_zone_times

        workout_shift_secs: int | None | Unset
        if isinstance(self.workout_shift_secs, Unset):
            workout_shift_secs = UNSET
        else:
            workout_shift_secs = self.workout_shift_secs

        field_note: None | str | Unset
        if isinstance(self.field_note, Unset):
            field_note = UNSET
        else:
            field_note = self.field_note

        stub = self.stub


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if analyzed is not UNSET:
            field_dict["analyzed"] = analyzed
        if athlete_max_hr is not UNSET:
            field_dict["athlete_max_hr"] = athlete_max_hr
        if attachments is not UNSET:
            field_dict["attachments"] = attachments
        if average_altitude is not UNSET:
            field_dict["average_altitude"] = average_altitude
        if average_cadence is not UNSET:
            field_dict["average_cadence"] = average_cadence
        if average_clouds is not UNSET:
            field_dict["average_clouds"] = average_clouds
        if average_feels_like is not UNSET:
            field_dict["average_feels_like"] = average_feels_like
        if average_heartrate is not UNSET:
            field_dict["average_heartrate"] = average_heartrate
        if average_speed is not UNSET:
            field_dict["average_speed"] = average_speed
        if average_stride is not UNSET:
            field_dict["average_stride"] = average_stride
        if average_temp is not UNSET:
            field_dict["average_temp"] = average_temp
        if average_weather_temp is not UNSET:
            field_dict["average_weather_temp"] = average_weather_temp
        if average_wind_gust is not UNSET:
            field_dict["average_wind_gust"] = average_wind_gust
        if average_wind_speed is not UNSET:
            field_dict["average_wind_speed"] = average_wind_speed
        if avg_lr_balance is not UNSET:
            field_dict["avg_lr_balance"] = avg_lr_balance
        if calories is not UNSET:
            field_dict["calories"] = calories
        if carbs_ingested is not UNSET:
            field_dict["carbs_ingested"] = carbs_ingested
        if carbs_used is not UNSET:
            field_dict["carbs_used"] = carbs_used
        if coach_tick is not UNSET:
            field_dict["coach_tick"] = coach_tick
        if coasting_time is not UNSET:
            field_dict["coasting_time"] = coasting_time
        if commute is not UNSET:
            field_dict["commute"] = commute
        if compliance is not UNSET:
            field_dict["compliance"] = compliance
        if crank_length is not UNSET:
            field_dict["crank_length"] = crank_length
        if created is not UNSET:
            field_dict["created"] = created
        if custom_zones is not UNSET:
            field_dict["custom_zones"] = custom_zones
        if decoupling is not UNSET:
            field_dict["decoupling"] = decoupling
        if description is not UNSET:
            field_dict["description"] = description
        if device_name is not UNSET:
            field_dict["device_name"] = device_name
        if device_watts is not UNSET:
            field_dict["device_watts"] = device_watts
        if distance is not UNSET:
            field_dict["distance"] = distance
        if elapsed_time is not UNSET:
            field_dict["elapsed_time"] = elapsed_time
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if feel is not UNSET:
            field_dict["feel"] = feel
        if file_sport_index is not UNSET:
            field_dict["file_sport_index"] = file_sport_index
        if file_type is not UNSET:
            field_dict["file_type"] = file_type
        if gap is not UNSET:
            field_dict["gap"] = gap
        if gap_model is not UNSET:
            field_dict["gap_model"] = gap_model
        if gap_zone_times is not UNSET:
            field_dict["gap_zone_times"] = gap_zone_times
        if gear is not UNSET:
            field_dict["gear"] = gear
        if group is not UNSET:
            field_dict["group"] = group
        if has_heartrate is not UNSET:
            field_dict["has_heartrate"] = has_heartrate
        if has_segments is not UNSET:
            field_dict["has_segments"] = has_segments
        if has_weather is not UNSET:
            field_dict["has_weather"] = has_weather
        if headwind_percent is not UNSET:
            field_dict["headwind_percent"] = headwind_percent
        if hr_load is not UNSET:
            field_dict["hr_load"] = hr_load
        if hr_load_type is not UNSET:
            field_dict["hr_load_type"] = hr_load_type
        if icu_achievements is not UNSET:
            field_dict["icu_achievements"] = icu_achievements
        if icu_athlete_id is not UNSET:
            field_dict["icu_athlete_id"] = icu_athlete_id
        if icu_atl is not UNSET:
            field_dict["icu_atl"] = icu_atl
        if icu_average_watts is not UNSET:
            field_dict["icu_average_watts"] = icu_average_watts
        if icu_cadence_z2 is not UNSET:
            field_dict["icu_cadence_z2"] = icu_cadence_z2
        if icu_chat_id is not UNSET:
            field_dict["icu_chat_id"] = icu_chat_id
        if icu_color is not UNSET:
            field_dict["icu_color"] = icu_color
        if icu_cooldown_time is not UNSET:
            field_dict["icu_cooldown_time"] = icu_cooldown_time
        if icu_ctl is not UNSET:
            field_dict["icu_ctl"] = icu_ctl
        if icu_distance is not UNSET:
            field_dict["icu_distance"] = icu_distance
        if icu_efficiency_factor is not UNSET:
            field_dict["icu_efficiency_factor"] = icu_efficiency_factor
        if icu_ftp is not UNSET:
            field_dict["icu_ftp"] = icu_ftp
        if icu_hr_zone_times is not UNSET:
            field_dict["icu_hr_zone_times"] = icu_hr_zone_times
        if icu_hr_zones is not UNSET:
            field_dict["icu_hr_zones"] = icu_hr_zones
        if icu_hrr is not UNSET:
            field_dict["icu_hrr"] = icu_hrr
        if icu_ignore_hr is not UNSET:
            field_dict["icu_ignore_hr"] = icu_ignore_hr
        if icu_ignore_power is not UNSET:
            field_dict["icu_ignore_power"] = icu_ignore_power
        if icu_ignore_time is not UNSET:
            field_dict["icu_ignore_time"] = icu_ignore_time
        if icu_intensity is not UNSET:
            field_dict["icu_intensity"] = icu_intensity
        if icu_intervals_edited is not UNSET:
            field_dict["icu_intervals_edited"] = icu_intervals_edited
        if icu_joules is not UNSET:
            field_dict["icu_joules"] = icu_joules
        if icu_joules_above_ftp is not UNSET:
            field_dict["icu_joules_above_ftp"] = icu_joules_above_ftp
        if icu_lap_count is not UNSET:
            field_dict["icu_lap_count"] = icu_lap_count
        if icu_max_wbal_depletion is not UNSET:
            field_dict["icu_max_wbal_depletion"] = icu_max_wbal_depletion
        if icu_median_time_delta is not UNSET:
            field_dict["icu_median_time_delta"] = icu_median_time_delta
        if icu_pm_cp is not UNSET:
            field_dict["icu_pm_cp"] = icu_pm_cp
        if icu_pm_ftp is not UNSET:
            field_dict["icu_pm_ftp"] = icu_pm_ftp
        if icu_pm_ftp_secs is not UNSET:
            field_dict["icu_pm_ftp_secs"] = icu_pm_ftp_secs
        if icu_pm_ftp_watts is not UNSET:
            field_dict["icu_pm_ftp_watts"] = icu_pm_ftp_watts
        if icu_pm_p_max is not UNSET:
            field_dict["icu_pm_p_max"] = icu_pm_p_max
        if icu_pm_w_prime is not UNSET:
            field_dict["icu_pm_w_prime"] = icu_pm_w_prime
        if icu_power_hr is not UNSET:
            field_dict["icu_power_hr"] = icu_power_hr
        if icu_power_hr_z2 is not UNSET:
            field_dict["icu_power_hr_z2"] = icu_power_hr_z2
        if icu_power_hr_z2_mins is not UNSET:
            field_dict["icu_power_hr_z2_mins"] = icu_power_hr_z2_mins
        if icu_power_spike_threshold is not UNSET:
            field_dict["icu_power_spike_threshold"] = icu_power_spike_threshold
        if icu_power_zones is not UNSET:
            field_dict["icu_power_zones"] = icu_power_zones
        if icu_recording_time is not UNSET:
            field_dict["icu_recording_time"] = icu_recording_time
        if icu_resting_hr is not UNSET:
            field_dict["icu_resting_hr"] = icu_resting_hr
        if icu_rolling_cp is not UNSET:
            field_dict["icu_rolling_cp"] = icu_rolling_cp
        if icu_rolling_ftp is not UNSET:
            field_dict["icu_rolling_ftp"] = icu_rolling_ftp
        if icu_rolling_ftp_delta is not UNSET:
            field_dict["icu_rolling_ftp_delta"] = icu_rolling_ftp_delta
        if icu_rolling_p_max is not UNSET:
            field_dict["icu_rolling_p_max"] = icu_rolling_p_max
        if icu_rolling_w_prime is not UNSET:
            field_dict["icu_rolling_w_prime"] = icu_rolling_w_prime
        if icu_rpe is not UNSET:
            field_dict["icu_rpe"] = icu_rpe
        if icu_sweet_spot_max is not UNSET:
            field_dict["icu_sweet_spot_max"] = icu_sweet_spot_max
        if icu_sweet_spot_min is not UNSET:
            field_dict["icu_sweet_spot_min"] = icu_sweet_spot_min
        if icu_sync_date is not UNSET:
            field_dict["icu_sync_date"] = icu_sync_date
        if icu_sync_error is not UNSET:
            field_dict["icu_sync_error"] = icu_sync_error
        if icu_training_load is not UNSET:
            field_dict["icu_training_load"] = icu_training_load
        if icu_training_load_data is not UNSET:
            field_dict["icu_training_load_data"] = icu_training_load_data
        if icu_variability_index is not UNSET:
            field_dict["icu_variability_index"] = icu_variability_index
        if icu_w_prime is not UNSET:
            field_dict["icu_w_prime"] = icu_w_prime
        if icu_warmup_time is not UNSET:
            field_dict["icu_warmup_time"] = icu_warmup_time
        if icu_weight is not UNSET:
            field_dict["icu_weight"] = icu_weight
        if icu_weighted_avg_watts is not UNSET:
            field_dict["icu_weighted_avg_watts"] = icu_weighted_avg_watts
        if icu_zone_times is not UNSET:
            field_dict["icu_zone_times"] = icu_zone_times
        if id is not UNSET:
            field_dict["id"] = id
        if ignore_pace is not UNSET:
            field_dict["ignore_pace"] = ignore_pace
        if ignore_parts is not UNSET:
            field_dict["ignore_parts"] = ignore_parts
        if ignore_velocity is not UNSET:
            field_dict["ignore_velocity"] = ignore_velocity
        if interval_summary is not UNSET:
            field_dict["interval_summary"] = interval_summary
        if kg_lifted is not UNSET:
            field_dict["kg_lifted"] = kg_lifted
        if lengths is not UNSET:
            field_dict["lengths"] = lengths
        if lock_intervals is not UNSET:
            field_dict["lock_intervals"] = lock_intervals
        if lthr is not UNSET:
            field_dict["lthr"] = lthr
        if max_altitude is not UNSET:
            field_dict["max_altitude"] = max_altitude
        if max_feels_like is not UNSET:
            field_dict["max_feels_like"] = max_feels_like
        if max_heartrate is not UNSET:
            field_dict["max_heartrate"] = max_heartrate
        if max_rain is not UNSET:
            field_dict["max_rain"] = max_rain
        if max_snow is not UNSET:
            field_dict["max_snow"] = max_snow
        if max_speed is not UNSET:
            field_dict["max_speed"] = max_speed
        if max_temp is not UNSET:
            field_dict["max_temp"] = max_temp
        if max_weather_temp is not UNSET:
            field_dict["max_weather_temp"] = max_weather_temp
        if min_altitude is not UNSET:
            field_dict["min_altitude"] = min_altitude
        if min_feels_like is not UNSET:
            field_dict["min_feels_like"] = min_feels_like
        if min_temp is not UNSET:
            field_dict["min_temp"] = min_temp
        if min_weather_temp is not UNSET:
            field_dict["min_weather_temp"] = min_weather_temp
        if moving_time is not UNSET:
            field_dict["moving_time"] = moving_time
        if name is not UNSET:
            field_dict["name"] = name
        if oauth_client_id is not UNSET:
            field_dict["oauth_client_id"] = oauth_client_id
        if oauth_client_name is not UNSET:
            field_dict["oauth_client_name"] = oauth_client_name
        if p30s_exponent is not UNSET:
            field_dict["p30s_exponent"] = p30s_exponent
        if p_max is not UNSET:
            field_dict["p_max"] = p_max
        if pace is not UNSET:
            field_dict["pace"] = pace
        if pace_load is not UNSET:
            field_dict["pace_load"] = pace_load
        if pace_load_type is not UNSET:
            field_dict["pace_load_type"] = pace_load_type
        if pace_zone_times is not UNSET:
            field_dict["pace_zone_times"] = pace_zone_times
        if pace_zones is not UNSET:
            field_dict["pace_zones"] = pace_zones
        if paired_event_id is not UNSET:
            field_dict["paired_event_id"] = paired_event_id
        if perceived_exertion is not UNSET:
            field_dict["perceived_exertion"] = perceived_exertion
        if polarization_index is not UNSET:
            field_dict["polarization_index"] = polarization_index
        if pool_length is not UNSET:
            field_dict["pool_length"] = pool_length
        if power_field is not UNSET:
            field_dict["power_field"] = power_field
        if power_field_names is not UNSET:
            field_dict["power_field_names"] = power_field_names
        if power_load is not UNSET:
            field_dict["power_load"] = power_load
        if power_meter is not UNSET:
            field_dict["power_meter"] = power_meter
        if power_meter_battery is not UNSET:
            field_dict["power_meter_battery"] = power_meter_battery
        if power_meter_serial is not UNSET:
            field_dict["power_meter_serial"] = power_meter_serial
        if prevailing_wind_deg is not UNSET:
            field_dict["prevailing_wind_deg"] = prevailing_wind_deg
        if race is not UNSET:
            field_dict["race"] = race
        if recording_stops is not UNSET:
            field_dict["recording_stops"] = recording_stops
        if route_id is not UNSET:
            field_dict["route_id"] = route_id
        if session_rpe is not UNSET:
            field_dict["session_rpe"] = session_rpe
        if skyline_chart_bytes is not UNSET:
            field_dict["skyline_chart_bytes"] = skyline_chart_bytes
        if source is not UNSET:
            field_dict["source"] = source
        if ss_cp is not UNSET:
            field_dict["ss_cp"] = ss_cp
        if ss_p_max is not UNSET:
            field_dict["ss_p_max"] = ss_p_max
        if ss_w_prime is not UNSET:
            field_dict["ss_w_prime"] = ss_w_prime
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if start_date_local is not UNSET:
            field_dict["start_date_local"] = start_date_local
        if strain_score is not UNSET:
            field_dict["strain_score"] = strain_score
        if strava_id is not UNSET:
            field_dict["strava_id"] = strava_id
        if stream_types is not UNSET:
            field_dict["stream_types"] = stream_types
        if sub_type is not UNSET:
            field_dict["sub_type"] = sub_type
        if tags is not UNSET:
            field_dict["tags"] = tags
        if tailwind_percent is not UNSET:
            field_dict["tailwind_percent"] = tailwind_percent
        if threshold_pace is not UNSET:
            field_dict["threshold_pace"] = threshold_pace
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if tiz_order is not UNSET:
            field_dict["tiz_order"] = tiz_order
        if total_elevation_gain is not UNSET:
            field_dict["total_elevation_gain"] = total_elevation_gain
        if total_elevation_loss is not UNSET:
            field_dict["total_elevation_loss"] = total_elevation_loss
        if trainer is not UNSET:
            field_dict["trainer"] = trainer
        if trimp is not UNSET:
            field_dict["trimp"] = trimp
        if type_ is not UNSET:
            field_dict["type"] = type_
        if use_elevation_correction is not UNSET:
            field_dict["use_elevation_correction"] = use_elevation_correction
        if use_gap_zone_times is not UNSET:
            field_dict["use_gap_zone_times"] = use_gap_zone_times
        if workout_shift_secs is not UNSET:
            field_dict["workout_shift_secs"] = workout_shift_secs
        if field_note is not UNSET:
            field_dict["_note"] = field_note
        if stub is not UNSET:
            field_dict["stub"] = stub

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.icu_attachment import IcuAttachment # noqa: PLC0415
        from ..models.icu_hr_recovery import IcuHRRecovery # noqa: PLC0415
        from ..models.icu_icu_achievement import IcuIcuAchievement # noqa: PLC0415
        from ..models.icu_ignore import IcuIgnore # noqa: PLC0415
        from ..models.icu_strava_gear import IcuStravaGear # noqa: PLC0415
        from ..models.icu_zone_set import IcuZoneSet # noqa: PLC0415
        from ..models.icu_zone_time import IcuZoneTime # noqa: PLC0415
        d = dict(src_dict)
        def _parse_analyzed(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                analyzed_type_0 = datetime.datetime.fromisoformat(data)



                return analyzed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        analyzed = _parse_analyzed(d.pop("analyzed", UNSET))


        def _parse_athlete_max_hr(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        athlete_max_hr = _parse_athlete_max_hr(d.pop("athlete_max_hr", UNSET))


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


        def _parse_average_altitude(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_altitude = _parse_average_altitude(d.pop("average_altitude", UNSET))


        def _parse_average_cadence(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_cadence = _parse_average_cadence(d.pop("average_cadence", UNSET))


        def _parse_average_clouds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        average_clouds = _parse_average_clouds(d.pop("average_clouds", UNSET))


        def _parse_average_feels_like(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_feels_like = _parse_average_feels_like(d.pop("average_feels_like", UNSET))


        def _parse_average_heartrate(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        average_heartrate = _parse_average_heartrate(d.pop("average_heartrate", UNSET))


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


        def _parse_avg_lr_balance(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        avg_lr_balance = _parse_avg_lr_balance(d.pop("avg_lr_balance", UNSET))


        def _parse_calories(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        calories = _parse_calories(d.pop("calories", UNSET))


        def _parse_carbs_ingested(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        carbs_ingested = _parse_carbs_ingested(d.pop("carbs_ingested", UNSET))


        def _parse_carbs_used(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        carbs_used = _parse_carbs_used(d.pop("carbs_used", UNSET))


        def _parse_coach_tick(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        coach_tick = _parse_coach_tick(d.pop("coach_tick", UNSET))


        def _parse_coasting_time(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        coasting_time = _parse_coasting_time(d.pop("coasting_time", UNSET))


        def _parse_commute(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        commute = _parse_commute(d.pop("commute", UNSET))


        def _parse_compliance(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        compliance = _parse_compliance(d.pop("compliance", UNSET))


        def _parse_crank_length(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        crank_length = _parse_crank_length(d.pop("crank_length", UNSET))


        def _parse_created(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_type_0 = datetime.datetime.fromisoformat(data)



                return created_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created = _parse_created(d.pop("created", UNSET))


        def _parse_custom_zones(data: object) -> list[IcuZoneSet] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                custom_zones_type_0 = []
                _custom_zones_type_0 = data
                for custom_zones_type_0_item_data in (_custom_zones_type_0):
                    custom_zones_type_0_item = IcuZoneSet.from_dict(custom_zones_type_0_item_data)



                    custom_zones_type_0.append(custom_zones_type_0_item)

                return custom_zones_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IcuZoneSet] | None | Unset, data)

        custom_zones = _parse_custom_zones(d.pop("custom_zones", UNSET))


        def _parse_decoupling(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        decoupling = _parse_decoupling(d.pop("decoupling", UNSET))


        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_device_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        device_name = _parse_device_name(d.pop("device_name", UNSET))


        def _parse_device_watts(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        device_watts = _parse_device_watts(d.pop("device_watts", UNSET))


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


        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))


        def _parse_feel(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        feel = _parse_feel(d.pop("feel", UNSET))


        def _parse_file_sport_index(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        file_sport_index = _parse_file_sport_index(d.pop("file_sport_index", UNSET))


        def _parse_file_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        file_type = _parse_file_type(d.pop("file_type", UNSET))


        def _parse_gap(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        gap = _parse_gap(d.pop("gap", UNSET))


        def _parse_gap_model(data: object) -> IcuActivityGapModelType1 | IcuActivityGapModelType2Type1 | IcuActivityGapModelType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gap_model_type_1 = IcuActivityGapModelType1(data)



                return gap_model_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gap_model_type_2_type_1 = IcuActivityGapModelType2Type1(data)



                return gap_model_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gap_model_type_3_type_1 = IcuActivityGapModelType3Type1(data)



                return gap_model_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuActivityGapModelType1 | IcuActivityGapModelType2Type1 | IcuActivityGapModelType3Type1 | None | Unset, data)

        gap_model = _parse_gap_model(d.pop("gap_model", UNSET))


        def _parse_gap_zone_times(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                gap_zone_times_type_0 = cast(list[int], data)

                return gap_zone_times_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        gap_zone_times = _parse_gap_zone_times(d.pop("gap_zone_times", UNSET))


        def _parse_gear(data: object) -> IcuStravaGear | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                gear_type_0 = IcuStravaGear.from_dict(data)



                return gear_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuStravaGear | None | Unset, data)

        gear = _parse_gear(d.pop("gear", UNSET))


        def _parse_group(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        group = _parse_group(d.pop("group", UNSET))


        def _parse_has_heartrate(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        has_heartrate = _parse_has_heartrate(d.pop("has_heartrate", UNSET))


        def _parse_has_segments(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        has_segments = _parse_has_segments(d.pop("has_segments", UNSET))


        def _parse_has_weather(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        has_weather = _parse_has_weather(d.pop("has_weather", UNSET))


        def _parse_headwind_percent(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        headwind_percent = _parse_headwind_percent(d.pop("headwind_percent", UNSET))


        def _parse_hr_load(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        hr_load = _parse_hr_load(d.pop("hr_load", UNSET))


        def _parse_hr_load_type(data: object) -> IcuActivityHrLoadTypeType1 | IcuActivityHrLoadTypeType2Type1 | IcuActivityHrLoadTypeType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hr_load_type_type_1 = IcuActivityHrLoadTypeType1(data)



                return hr_load_type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hr_load_type_type_2_type_1 = IcuActivityHrLoadTypeType2Type1(data)



                return hr_load_type_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hr_load_type_type_3_type_1 = IcuActivityHrLoadTypeType3Type1(data)



                return hr_load_type_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuActivityHrLoadTypeType1 | IcuActivityHrLoadTypeType2Type1 | IcuActivityHrLoadTypeType3Type1 | None | Unset, data)

        hr_load_type = _parse_hr_load_type(d.pop("hr_load_type", UNSET))


        def _parse_icu_achievements(data: object) -> list[IcuIcuAchievement] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                icu_achievements_type_0 = []
                _icu_achievements_type_0 = data
                for icu_achievements_type_0_item_data in (_icu_achievements_type_0):
                    icu_achievements_type_0_item = IcuIcuAchievement.from_dict(icu_achievements_type_0_item_data)



                    icu_achievements_type_0.append(icu_achievements_type_0_item)

                return icu_achievements_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IcuIcuAchievement] | None | Unset, data)

        icu_achievements = _parse_icu_achievements(d.pop("icu_achievements", UNSET))


        def _parse_icu_athlete_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        icu_athlete_id = _parse_icu_athlete_id(d.pop("icu_athlete_id", UNSET))


        def _parse_icu_atl(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        icu_atl = _parse_icu_atl(d.pop("icu_atl", UNSET))


        def _parse_icu_average_watts(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_average_watts = _parse_icu_average_watts(d.pop("icu_average_watts", UNSET))


        def _parse_icu_cadence_z2(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_cadence_z2 = _parse_icu_cadence_z2(d.pop("icu_cadence_z2", UNSET))


        def _parse_icu_chat_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_chat_id = _parse_icu_chat_id(d.pop("icu_chat_id", UNSET))


        def _parse_icu_color(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        icu_color = _parse_icu_color(d.pop("icu_color", UNSET))


        def _parse_icu_cooldown_time(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_cooldown_time = _parse_icu_cooldown_time(d.pop("icu_cooldown_time", UNSET))


        def _parse_icu_ctl(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        icu_ctl = _parse_icu_ctl(d.pop("icu_ctl", UNSET))


        def _parse_icu_distance(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        icu_distance = _parse_icu_distance(d.pop("icu_distance", UNSET))


        def _parse_icu_efficiency_factor(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        icu_efficiency_factor = _parse_icu_efficiency_factor(d.pop("icu_efficiency_factor", UNSET))


        def _parse_icu_ftp(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_ftp = _parse_icu_ftp(d.pop("icu_ftp", UNSET))


        def _parse_icu_hr_zone_times(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                icu_hr_zone_times_type_0 = cast(list[int], data)

                return icu_hr_zone_times_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        icu_hr_zone_times = _parse_icu_hr_zone_times(d.pop("icu_hr_zone_times", UNSET))


        def _parse_icu_hr_zones(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                icu_hr_zones_type_0 = cast(list[int], data)

                return icu_hr_zones_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        icu_hr_zones = _parse_icu_hr_zones(d.pop("icu_hr_zones", UNSET))


        def _parse_icu_hrr(data: object) -> IcuHRRecovery | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                icu_hrr_type_0 = IcuHRRecovery.from_dict(data)



                return icu_hrr_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuHRRecovery | None | Unset, data)

        icu_hrr = _parse_icu_hrr(d.pop("icu_hrr", UNSET))


        def _parse_icu_ignore_hr(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        icu_ignore_hr = _parse_icu_ignore_hr(d.pop("icu_ignore_hr", UNSET))


        def _parse_icu_ignore_power(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        icu_ignore_power = _parse_icu_ignore_power(d.pop("icu_ignore_power", UNSET))


        def _parse_icu_ignore_time(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        icu_ignore_time = _parse_icu_ignore_time(d.pop("icu_ignore_time", UNSET))


        def _parse_icu_intensity(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        icu_intensity = _parse_icu_intensity(d.pop("icu_intensity", UNSET))


        def _parse_icu_intervals_edited(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        icu_intervals_edited = _parse_icu_intervals_edited(d.pop("icu_intervals_edited", UNSET))


        def _parse_icu_joules(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_joules = _parse_icu_joules(d.pop("icu_joules", UNSET))


        def _parse_icu_joules_above_ftp(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_joules_above_ftp = _parse_icu_joules_above_ftp(d.pop("icu_joules_above_ftp", UNSET))


        def _parse_icu_lap_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_lap_count = _parse_icu_lap_count(d.pop("icu_lap_count", UNSET))


        def _parse_icu_max_wbal_depletion(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_max_wbal_depletion = _parse_icu_max_wbal_depletion(d.pop("icu_max_wbal_depletion", UNSET))


        def _parse_icu_median_time_delta(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_median_time_delta = _parse_icu_median_time_delta(d.pop("icu_median_time_delta", UNSET))


        def _parse_icu_pm_cp(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_pm_cp = _parse_icu_pm_cp(d.pop("icu_pm_cp", UNSET))


        def _parse_icu_pm_ftp(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_pm_ftp = _parse_icu_pm_ftp(d.pop("icu_pm_ftp", UNSET))


        def _parse_icu_pm_ftp_secs(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_pm_ftp_secs = _parse_icu_pm_ftp_secs(d.pop("icu_pm_ftp_secs", UNSET))


        def _parse_icu_pm_ftp_watts(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_pm_ftp_watts = _parse_icu_pm_ftp_watts(d.pop("icu_pm_ftp_watts", UNSET))


        def _parse_icu_pm_p_max(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_pm_p_max = _parse_icu_pm_p_max(d.pop("icu_pm_p_max", UNSET))


        def _parse_icu_pm_w_prime(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_pm_w_prime = _parse_icu_pm_w_prime(d.pop("icu_pm_w_prime", UNSET))


        def _parse_icu_power_hr(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        icu_power_hr = _parse_icu_power_hr(d.pop("icu_power_hr", UNSET))


        def _parse_icu_power_hr_z2(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        icu_power_hr_z2 = _parse_icu_power_hr_z2(d.pop("icu_power_hr_z2", UNSET))


        def _parse_icu_power_hr_z2_mins(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_power_hr_z2_mins = _parse_icu_power_hr_z2_mins(d.pop("icu_power_hr_z2_mins", UNSET))


        def _parse_icu_power_spike_threshold(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_power_spike_threshold = _parse_icu_power_spike_threshold(d.pop("icu_power_spike_threshold", UNSET))


        def _parse_icu_power_zones(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                icu_power_zones_type_0 = cast(list[int], data)

                return icu_power_zones_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        icu_power_zones = _parse_icu_power_zones(d.pop("icu_power_zones", UNSET))


        def _parse_icu_recording_time(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_recording_time = _parse_icu_recording_time(d.pop("icu_recording_time", UNSET))


        def _parse_icu_resting_hr(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_resting_hr = _parse_icu_resting_hr(d.pop("icu_resting_hr", UNSET))


        def _parse_icu_rolling_cp(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        icu_rolling_cp = _parse_icu_rolling_cp(d.pop("icu_rolling_cp", UNSET))


        def _parse_icu_rolling_ftp(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_rolling_ftp = _parse_icu_rolling_ftp(d.pop("icu_rolling_ftp", UNSET))


        def _parse_icu_rolling_ftp_delta(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_rolling_ftp_delta = _parse_icu_rolling_ftp_delta(d.pop("icu_rolling_ftp_delta", UNSET))


        def _parse_icu_rolling_p_max(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        icu_rolling_p_max = _parse_icu_rolling_p_max(d.pop("icu_rolling_p_max", UNSET))


        def _parse_icu_rolling_w_prime(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        icu_rolling_w_prime = _parse_icu_rolling_w_prime(d.pop("icu_rolling_w_prime", UNSET))


        def _parse_icu_rpe(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_rpe = _parse_icu_rpe(d.pop("icu_rpe", UNSET))


        def _parse_icu_sweet_spot_max(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_sweet_spot_max = _parse_icu_sweet_spot_max(d.pop("icu_sweet_spot_max", UNSET))


        def _parse_icu_sweet_spot_min(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_sweet_spot_min = _parse_icu_sweet_spot_min(d.pop("icu_sweet_spot_min", UNSET))


        def _parse_icu_sync_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                icu_sync_date_type_0 = datetime.datetime.fromisoformat(data)



                return icu_sync_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        icu_sync_date = _parse_icu_sync_date(d.pop("icu_sync_date", UNSET))


        def _parse_icu_sync_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        icu_sync_error = _parse_icu_sync_error(d.pop("icu_sync_error", UNSET))


        def _parse_icu_training_load(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_training_load = _parse_icu_training_load(d.pop("icu_training_load", UNSET))


        def _parse_icu_training_load_data(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_training_load_data = _parse_icu_training_load_data(d.pop("icu_training_load_data", UNSET))


        def _parse_icu_variability_index(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        icu_variability_index = _parse_icu_variability_index(d.pop("icu_variability_index", UNSET))


        def _parse_icu_w_prime(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_w_prime = _parse_icu_w_prime(d.pop("icu_w_prime", UNSET))


        def _parse_icu_warmup_time(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_warmup_time = _parse_icu_warmup_time(d.pop("icu_warmup_time", UNSET))


        def _parse_icu_weight(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        icu_weight = _parse_icu_weight(d.pop("icu_weight", UNSET))


        def _parse_icu_weighted_avg_watts(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        icu_weighted_avg_watts = _parse_icu_weighted_avg_watts(d.pop("icu_weighted_avg_watts", UNSET))


        def _parse_icu_zone_times(data: object) -> list[IcuZoneTime] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                icu_zone_times_type_0 = []
                _icu_zone_times_type_0 = data
                for icu_zone_times_type_0_item_data in (_icu_zone_times_type_0):
                    icu_zone_times_type_0_item = IcuZoneTime.from_dict(icu_zone_times_type_0_item_data)



                    icu_zone_times_type_0.append(icu_zone_times_type_0_item)

                return icu_zone_times_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IcuZoneTime] | None | Unset, data)

        icu_zone_times = _parse_icu_zone_times(d.pop("icu_zone_times", UNSET))


        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))


        def _parse_ignore_pace(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        ignore_pace = _parse_ignore_pace(d.pop("ignore_pace", UNSET))


        def _parse_ignore_parts(data: object) -> list[IcuIgnore] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                ignore_parts_type_0 = []
                _ignore_parts_type_0 = data
                for ignore_parts_type_0_item_data in (_ignore_parts_type_0):
                    ignore_parts_type_0_item = IcuIgnore.from_dict(ignore_parts_type_0_item_data)



                    ignore_parts_type_0.append(ignore_parts_type_0_item)

                return ignore_parts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IcuIgnore] | None | Unset, data)

        ignore_parts = _parse_ignore_parts(d.pop("ignore_parts", UNSET))


        def _parse_ignore_velocity(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        ignore_velocity = _parse_ignore_velocity(d.pop("ignore_velocity", UNSET))


        def _parse_interval_summary(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                interval_summary_type_0 = cast(list[str], data)

                return interval_summary_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        interval_summary = _parse_interval_summary(d.pop("interval_summary", UNSET))


        def _parse_kg_lifted(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        kg_lifted = _parse_kg_lifted(d.pop("kg_lifted", UNSET))


        def _parse_lengths(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        lengths = _parse_lengths(d.pop("lengths", UNSET))


        def _parse_lock_intervals(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        lock_intervals = _parse_lock_intervals(d.pop("lock_intervals", UNSET))


        def _parse_lthr(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        lthr = _parse_lthr(d.pop("lthr", UNSET))


        def _parse_max_altitude(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_altitude = _parse_max_altitude(d.pop("max_altitude", UNSET))


        def _parse_max_feels_like(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_feels_like = _parse_max_feels_like(d.pop("max_feels_like", UNSET))


        def _parse_max_heartrate(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_heartrate = _parse_max_heartrate(d.pop("max_heartrate", UNSET))


        def _parse_max_rain(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_rain = _parse_max_rain(d.pop("max_rain", UNSET))


        def _parse_max_snow(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_snow = _parse_max_snow(d.pop("max_snow", UNSET))


        def _parse_max_speed(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_speed = _parse_max_speed(d.pop("max_speed", UNSET))


        def _parse_max_temp(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_temp = _parse_max_temp(d.pop("max_temp", UNSET))


        def _parse_max_weather_temp(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_weather_temp = _parse_max_weather_temp(d.pop("max_weather_temp", UNSET))


        def _parse_min_altitude(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        min_altitude = _parse_min_altitude(d.pop("min_altitude", UNSET))


        def _parse_min_feels_like(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        min_feels_like = _parse_min_feels_like(d.pop("min_feels_like", UNSET))


        def _parse_min_temp(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_temp = _parse_min_temp(d.pop("min_temp", UNSET))


        def _parse_min_weather_temp(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        min_weather_temp = _parse_min_weather_temp(d.pop("min_weather_temp", UNSET))


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


        def _parse_oauth_client_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        oauth_client_id = _parse_oauth_client_id(d.pop("oauth_client_id", UNSET))


        def _parse_oauth_client_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        oauth_client_name = _parse_oauth_client_name(d.pop("oauth_client_name", UNSET))


        def _parse_p30s_exponent(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        p30s_exponent = _parse_p30s_exponent(d.pop("p30s_exponent", UNSET))


        def _parse_p_max(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        p_max = _parse_p_max(d.pop("p_max", UNSET))


        def _parse_pace(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        pace = _parse_pace(d.pop("pace", UNSET))


        def _parse_pace_load(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        pace_load = _parse_pace_load(d.pop("pace_load", UNSET))


        def _parse_pace_load_type(data: object) -> IcuActivityPaceLoadTypeType1 | IcuActivityPaceLoadTypeType2Type1 | IcuActivityPaceLoadTypeType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pace_load_type_type_1 = IcuActivityPaceLoadTypeType1(data)



                return pace_load_type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pace_load_type_type_2_type_1 = IcuActivityPaceLoadTypeType2Type1(data)



                return pace_load_type_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pace_load_type_type_3_type_1 = IcuActivityPaceLoadTypeType3Type1(data)



                return pace_load_type_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuActivityPaceLoadTypeType1 | IcuActivityPaceLoadTypeType2Type1 | IcuActivityPaceLoadTypeType3Type1 | None | Unset, data)

        pace_load_type = _parse_pace_load_type(d.pop("pace_load_type", UNSET))


        def _parse_pace_zone_times(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                pace_zone_times_type_0 = cast(list[int], data)

                return pace_zone_times_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        pace_zone_times = _parse_pace_zone_times(d.pop("pace_zone_times", UNSET))


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


        def _parse_paired_event_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        paired_event_id = _parse_paired_event_id(d.pop("paired_event_id", UNSET))


        def _parse_perceived_exertion(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        perceived_exertion = _parse_perceived_exertion(d.pop("perceived_exertion", UNSET))


        def _parse_polarization_index(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        polarization_index = _parse_polarization_index(d.pop("polarization_index", UNSET))


        def _parse_pool_length(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        pool_length = _parse_pool_length(d.pop("pool_length", UNSET))


        def _parse_power_field(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        power_field = _parse_power_field(d.pop("power_field", UNSET))


        def _parse_power_field_names(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                power_field_names_type_0 = cast(list[str], data)

                return power_field_names_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        power_field_names = _parse_power_field_names(d.pop("power_field_names", UNSET))


        def _parse_power_load(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        power_load = _parse_power_load(d.pop("power_load", UNSET))


        def _parse_power_meter(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        power_meter = _parse_power_meter(d.pop("power_meter", UNSET))


        def _parse_power_meter_battery(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        power_meter_battery = _parse_power_meter_battery(d.pop("power_meter_battery", UNSET))


        def _parse_power_meter_serial(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        power_meter_serial = _parse_power_meter_serial(d.pop("power_meter_serial", UNSET))


        def _parse_prevailing_wind_deg(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        prevailing_wind_deg = _parse_prevailing_wind_deg(d.pop("prevailing_wind_deg", UNSET))


        def _parse_race(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        race = _parse_race(d.pop("race", UNSET))


        def _parse_recording_stops(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                recording_stops_type_0 = cast(list[int], data)

                return recording_stops_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        recording_stops = _parse_recording_stops(d.pop("recording_stops", UNSET))


        def _parse_route_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        route_id = _parse_route_id(d.pop("route_id", UNSET))


        def _parse_session_rpe(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        session_rpe = _parse_session_rpe(d.pop("session_rpe", UNSET))


        def _parse_skyline_chart_bytes(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                skyline_chart_bytes_type_0 = cast(list[str], data)

                return skyline_chart_bytes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        skyline_chart_bytes = _parse_skyline_chart_bytes(d.pop("skyline_chart_bytes", UNSET))


        def _parse_source(data: object) -> IcuActivitySourceType1 | IcuActivitySourceType2Type1 | IcuActivitySourceType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                source_type_1 = IcuActivitySourceType1(data)



                return source_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                source_type_2_type_1 = IcuActivitySourceType2Type1(data)



                return source_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                source_type_3_type_1 = IcuActivitySourceType3Type1(data)



                return source_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuActivitySourceType1 | IcuActivitySourceType2Type1 | IcuActivitySourceType3Type1 | None | Unset, data)

        source = _parse_source(d.pop("source", UNSET))


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


        def _parse_start_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        start_date = _parse_start_date(d.pop("start_date", UNSET))


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


        def _parse_strava_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        strava_id = _parse_strava_id(d.pop("strava_id", UNSET))


        def _parse_stream_types(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                stream_types_type_0 = cast(list[str], data)

                return stream_types_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        stream_types = _parse_stream_types(d.pop("stream_types", UNSET))


        def _parse_sub_type(data: object) -> IcuActivitySubTypeType1 | IcuActivitySubTypeType2Type1 | IcuActivitySubTypeType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sub_type_type_1 = IcuActivitySubTypeType1(data)



                return sub_type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sub_type_type_2_type_1 = IcuActivitySubTypeType2Type1(data)



                return sub_type_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sub_type_type_3_type_1 = IcuActivitySubTypeType3Type1(data)



                return sub_type_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuActivitySubTypeType1 | IcuActivitySubTypeType2Type1 | IcuActivitySubTypeType3Type1 | None | Unset, data)

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


        def _parse_tailwind_percent(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        tailwind_percent = _parse_tailwind_percent(d.pop("tailwind_percent", UNSET))


        def _parse_threshold_pace(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        threshold_pace = _parse_threshold_pace(d.pop("threshold_pace", UNSET))


        def _parse_timezone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        timezone = _parse_timezone(d.pop("timezone", UNSET))


        def _parse_tiz_order(data: object) -> IcuActivityTizOrderType1 | IcuActivityTizOrderType2Type1 | IcuActivityTizOrderType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tiz_order_type_1 = IcuActivityTizOrderType1(data)



                return tiz_order_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tiz_order_type_2_type_1 = IcuActivityTizOrderType2Type1(data)



                return tiz_order_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tiz_order_type_3_type_1 = IcuActivityTizOrderType3Type1(data)



                return tiz_order_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuActivityTizOrderType1 | IcuActivityTizOrderType2Type1 | IcuActivityTizOrderType3Type1 | None | Unset, data)

        tiz_order = _parse_tiz_order(d.pop("tiz_order", UNSET))


        def _parse_total_elevation_gain(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        total_elevation_gain = _parse_total_elevation_gain(d.pop("total_elevation_gain", UNSET))


        def _parse_total_elevation_loss(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        total_elevation_loss = _parse_total_elevation_loss(d.pop("total_elevation_loss", UNSET))


        def _parse_trainer(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        trainer = _parse_trainer(d.pop("trainer", UNSET))


        def _parse_trimp(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        trimp = _parse_trimp(d.pop("trimp", UNSET))


        def _parse_type_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))


        def _parse_use_elevation_correction(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        use_elevation_correction = _parse_use_elevation_correction(d.pop("use_elevation_correction", UNSET))


        def _parse_use_gap_zone_times(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        use_gap_zone_times = _parse_use_gap_zone_times(d.pop("use_gap_zone_times", UNSET))


        def _parse_workout_shift_secs(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        workout_shift_secs = _parse_workout_shift_secs(d.pop("workout_shift_secs", UNSET))


        def _parse_field_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        field_note = _parse_field_note(d.pop("_note", UNSET))


        stub = d.pop("stub", UNSET)

        activity = cls(
            analyzed=analyzed,
            athlete_max_hr=athlete_max_hr,
            attachments=attachments,
            average_altitude=average_altitude,
            average_cadence=average_cadence,
            average_clouds=average_clouds,
            average_feels_like=average_feels_like,
            average_heartrate=average_heartrate,
            average_speed=average_speed,
            average_stride=average_stride,
            average_temp=average_temp,
            average_weather_temp=average_weather_temp,
            average_wind_gust=average_wind_gust,
            average_wind_speed=average_wind_speed,
            avg_lr_balance=avg_lr_balance,
            calories=calories,
            carbs_ingested=carbs_ingested,
            carbs_used=carbs_used,
            coach_tick=coach_tick,
            coasting_time=coasting_time,
            commute=commute,
            compliance=compliance,
            crank_length=crank_length,
            created=created,
            custom_zones=custom_zones,
            decoupling=decoupling,
            description=description,
            device_name=device_name,
            device_watts=device_watts,
            distance=distance,
            elapsed_time=elapsed_time,
            external_id=external_id,
            feel=feel,
            file_sport_index=file_sport_index,
            file_type=file_type,
            gap=gap,
            gap_model=gap_model,
            gap_zone_times=gap_zone_times,
            gear=gear,
            group=group,
            has_heartrate=has_heartrate,
            has_segments=has_segments,
            has_weather=has_weather,
            headwind_percent=headwind_percent,
            hr_load=hr_load,
            hr_load_type=hr_load_type,
            icu_achievements=icu_achievements,
            icu_athlete_id=icu_athlete_id,
            icu_atl=icu_atl,
            icu_average_watts=icu_average_watts,
            icu_cadence_z2=icu_cadence_z2,
            icu_chat_id=icu_chat_id,
            icu_color=icu_color,
            icu_cooldown_time=icu_cooldown_time,
            icu_ctl=icu_ctl,
            icu_distance=icu_distance,
            icu_efficiency_factor=icu_efficiency_factor,
            icu_ftp=icu_ftp,
            icu_hr_zone_times=icu_hr_zone_times,
            icu_hr_zones=icu_hr_zones,
            icu_hrr=icu_hrr,
            icu_ignore_hr=icu_ignore_hr,
            icu_ignore_power=icu_ignore_power,
            icu_ignore_time=icu_ignore_time,
            icu_intensity=icu_intensity,
            icu_intervals_edited=icu_intervals_edited,
            icu_joules=icu_joules,
            icu_joules_above_ftp=icu_joules_above_ftp,
            icu_lap_count=icu_lap_count,
            icu_max_wbal_depletion=icu_max_wbal_depletion,
            icu_median_time_delta=icu_median_time_delta,
            icu_pm_cp=icu_pm_cp,
            icu_pm_ftp=icu_pm_ftp,
            icu_pm_ftp_secs=icu_pm_ftp_secs,
            icu_pm_ftp_watts=icu_pm_ftp_watts,
            icu_pm_p_max=icu_pm_p_max,
            icu_pm_w_prime=icu_pm_w_prime,
            icu_power_hr=icu_power_hr,
            icu_power_hr_z2=icu_power_hr_z2,
            icu_power_hr_z2_mins=icu_power_hr_z2_mins,
            icu_power_spike_threshold=icu_power_spike_threshold,
            icu_power_zones=icu_power_zones,
            icu_recording_time=icu_recording_time,
            icu_resting_hr=icu_resting_hr,
            icu_rolling_cp=icu_rolling_cp,
            icu_rolling_ftp=icu_rolling_ftp,
            icu_rolling_ftp_delta=icu_rolling_ftp_delta,
            icu_rolling_p_max=icu_rolling_p_max,
            icu_rolling_w_prime=icu_rolling_w_prime,
            icu_rpe=icu_rpe,
            icu_sweet_spot_max=icu_sweet_spot_max,
            icu_sweet_spot_min=icu_sweet_spot_min,
            icu_sync_date=icu_sync_date,
            icu_sync_error=icu_sync_error,
            icu_training_load=icu_training_load,
            icu_training_load_data=icu_training_load_data,
            icu_variability_index=icu_variability_index,
            icu_w_prime=icu_w_prime,
            icu_warmup_time=icu_warmup_time,
            icu_weight=icu_weight,
            icu_weighted_avg_watts=icu_weighted_avg_watts,
            icu_zone_times=icu_zone_times,
            id=id,
            ignore_pace=ignore_pace,
            ignore_parts=ignore_parts,
            ignore_velocity=ignore_velocity,
            interval_summary=interval_summary,
            kg_lifted=kg_lifted,
            lengths=lengths,
            lock_intervals=lock_intervals,
            lthr=lthr,
            max_altitude=max_altitude,
            max_feels_like=max_feels_like,
            max_heartrate=max_heartrate,
            max_rain=max_rain,
            max_snow=max_snow,
            max_speed=max_speed,
            max_temp=max_temp,
            max_weather_temp=max_weather_temp,
            min_altitude=min_altitude,
            min_feels_like=min_feels_like,
            min_temp=min_temp,
            min_weather_temp=min_weather_temp,
            moving_time=moving_time,
            name=name,
            oauth_client_id=oauth_client_id,
            oauth_client_name=oauth_client_name,
            p30s_exponent=p30s_exponent,
            p_max=p_max,
            pace=pace,
            pace_load=pace_load,
            pace_load_type=pace_load_type,
            pace_zone_times=pace_zone_times,
            pace_zones=pace_zones,
            paired_event_id=paired_event_id,
            perceived_exertion=perceived_exertion,
            polarization_index=polarization_index,
            pool_length=pool_length,
            power_field=power_field,
            power_field_names=power_field_names,
            power_load=power_load,
            power_meter=power_meter,
            power_meter_battery=power_meter_battery,
            power_meter_serial=power_meter_serial,
            prevailing_wind_deg=prevailing_wind_deg,
            race=race,
            recording_stops=recording_stops,
            route_id=route_id,
            session_rpe=session_rpe,
            skyline_chart_bytes=skyline_chart_bytes,
            source=source,
            ss_cp=ss_cp,
            ss_p_max=ss_p_max,
            ss_w_prime=ss_w_prime,
            start_date=start_date,
            start_date_local=start_date_local,
            strain_score=strain_score,
            strava_id=strava_id,
            stream_types=stream_types,
            sub_type=sub_type,
            tags=tags,
            tailwind_percent=tailwind_percent,
            threshold_pace=threshold_pace,
            timezone=timezone,
            tiz_order=tiz_order,
            total_elevation_gain=total_elevation_gain,
            total_elevation_loss=total_elevation_loss,
            trainer=trainer,
            trimp=trimp,
            type_=type_,
            use_elevation_correction=use_elevation_correction,
            use_gap_zone_times=use_gap_zone_times,
            workout_shift_secs=workout_shift_secs,
            field_note=field_note,
            stub=stub,
        )


        activity.additional_properties = d
        return activity

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
