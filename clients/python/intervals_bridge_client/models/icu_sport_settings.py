from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.icu_sport_settings_elevation_correction_type_1 import IcuSportSettingsElevationCorrectionType1
from ..models.icu_sport_settings_elevation_correction_type_2_type_1 import IcuSportSettingsElevationCorrectionType2Type1
from ..models.icu_sport_settings_elevation_correction_type_3_type_1 import IcuSportSettingsElevationCorrectionType3Type1
from ..models.icu_sport_settings_gap_model_type_1 import IcuSportSettingsGapModelType1
from ..models.icu_sport_settings_gap_model_type_2_type_1 import IcuSportSettingsGapModelType2Type1
from ..models.icu_sport_settings_gap_model_type_3_type_1 import IcuSportSettingsGapModelType3Type1
from ..models.icu_sport_settings_hr_load_type_type_1 import IcuSportSettingsHrLoadTypeType1
from ..models.icu_sport_settings_hr_load_type_type_2_type_1 import IcuSportSettingsHrLoadTypeType2Type1
from ..models.icu_sport_settings_hr_load_type_type_3_type_1 import IcuSportSettingsHrLoadTypeType3Type1
from ..models.icu_sport_settings_interval_display_type_1 import IcuSportSettingsIntervalDisplayType1
from ..models.icu_sport_settings_interval_display_type_2_type_1 import IcuSportSettingsIntervalDisplayType2Type1
from ..models.icu_sport_settings_interval_display_type_3_type_1 import IcuSportSettingsIntervalDisplayType3Type1
from ..models.icu_sport_settings_load_order_type_1 import IcuSportSettingsLoadOrderType1
from ..models.icu_sport_settings_load_order_type_2_type_1 import IcuSportSettingsLoadOrderType2Type1
from ..models.icu_sport_settings_load_order_type_3_type_1 import IcuSportSettingsLoadOrderType3Type1
from ..models.icu_sport_settings_pace_load_type_type_1 import IcuSportSettingsPaceLoadTypeType1
from ..models.icu_sport_settings_pace_load_type_type_2_type_1 import IcuSportSettingsPaceLoadTypeType2Type1
from ..models.icu_sport_settings_pace_load_type_type_3_type_1 import IcuSportSettingsPaceLoadTypeType3Type1
from ..models.icu_sport_settings_pace_units_type_1 import IcuSportSettingsPaceUnitsType1
from ..models.icu_sport_settings_pace_units_type_2_type_1 import IcuSportSettingsPaceUnitsType2Type1
from ..models.icu_sport_settings_pace_units_type_3_type_1 import IcuSportSettingsPaceUnitsType3Type1
from ..models.icu_sport_settings_tiz_order_type_1 import IcuSportSettingsTizOrderType1
from ..models.icu_sport_settings_tiz_order_type_2_type_1 import IcuSportSettingsTizOrderType2Type1
from ..models.icu_sport_settings_tiz_order_type_3_type_1 import IcuSportSettingsTizOrderType3Type1
from ..models.icu_sport_settings_types_type_0_item import IcuSportSettingsTypesType0Item
from ..models.icu_sport_settings_workout_order_type_1 import IcuSportSettingsWorkoutOrderType1
from ..models.icu_sport_settings_workout_order_type_2_type_1 import IcuSportSettingsWorkoutOrderType2Type1
from ..models.icu_sport_settings_workout_order_type_3_type_1 import IcuSportSettingsWorkoutOrderType3Type1
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.icu_activity_charts import IcuActivityCharts
  from ..models.icu_display import IcuDisplay
  from ..models.icu_power_model import IcuPowerModel
  from ..models.icu_sport_settings_custom_field_values_type_0 import IcuSportSettingsCustomFieldValuesType0





T = TypeVar("T", bound="IcuSportSettings")



@_attrs_define
class IcuSportSettings:
    """ Intervals.icu's `SportSettings`, as its OpenAPI document has it (any field may be absent or null).

        Attributes:
            activity_charts (IcuActivityCharts | None | Unset):
            activity_field_ids (list[int] | None | Unset):
            after_kj0 (int | None | Unset):
            after_kj1 (int | None | Unset):
            athlete_id (None | str | Unset):
            best_effort_distances (list[float] | None | Unset):
            calendar_tile_activity_panel_id (int | None | Unset):
            cooldown_time (int | None | Unset):
            created (datetime.datetime | None | Unset):
            custom_field_ids (list[int] | None | Unset):
            custom_field_values (IcuSportSettingsCustomFieldValuesType0 | None | Unset):
            custom_zones_ids (list[int] | None | Unset):
            default_gear_id (None | str | Unset):
            default_indoor_gear_id (None | str | Unset):
            default_workout_time (None | str | Unset):
            display (IcuDisplay | None | Unset):
            elevation_correction (IcuSportSettingsElevationCorrectionType1 | IcuSportSettingsElevationCorrectionType2Type1 |
                IcuSportSettingsElevationCorrectionType3Type1 | None | Unset):
            extract_workouts (bool | None | Unset):
            ftp (int | None | Unset):
            ftp_est_min_secs (int | None | Unset):
            gap_model (IcuSportSettingsGapModelType1 | IcuSportSettingsGapModelType2Type1 |
                IcuSportSettingsGapModelType3Type1 | None | Unset):
            hr_load_type (IcuSportSettingsHrLoadTypeType1 | IcuSportSettingsHrLoadTypeType2Type1 |
                IcuSportSettingsHrLoadTypeType3Type1 | None | Unset):
            hr_zone_names (list[str] | None | Unset):
            hr_zones (list[int] | None | Unset):
            hrrc_min_percent (float | None | Unset):
            id (int | None | Unset):
            ignore_velocity (bool | None | Unset):
            indoor_ftp (int | None | Unset):
            interval_display (IcuSportSettingsIntervalDisplayType1 | IcuSportSettingsIntervalDisplayType2Type1 |
                IcuSportSettingsIntervalDisplayType3Type1 | None | Unset):
            ise_ftp_supported (bool | None | Unset):
            keep_all_laps_for_power_intervals (bool | None | Unset):
            load_order (IcuSportSettingsLoadOrderType1 | IcuSportSettingsLoadOrderType2Type1 |
                IcuSportSettingsLoadOrderType3Type1 | None | Unset):
            lthr (int | None | Unset):
            max_hr (int | None | Unset):
            mmp_model (IcuPowerModel | None | Unset):
            other (bool | None | Unset):
            p_max (int | None | Unset):
            pace_curve_start (float | None | Unset):
            pace_load_type (IcuSportSettingsPaceLoadTypeType1 | IcuSportSettingsPaceLoadTypeType2Type1 |
                IcuSportSettingsPaceLoadTypeType3Type1 | None | Unset):
            pace_units (IcuSportSettingsPaceUnitsType1 | IcuSportSettingsPaceUnitsType2Type1 |
                IcuSportSettingsPaceUnitsType3Type1 | None | Unset):
            pace_zone_names (list[str] | None | Unset):
            pace_zones (list[float] | None | Unset):
            power_field (None | str | Unset):
            power_intervals_start_locked (bool | None | Unset):
            power_spike_threshold (int | None | Unset):
            power_zone_names (list[str] | None | Unset):
            power_zones (list[int] | None | Unset):
            show_pauses (int | None | Unset):
            sweet_spot_max (int | None | Unset):
            sweet_spot_min (int | None | Unset):
            threshold_pace (float | None | Unset):
            tiz_order (IcuSportSettingsTizOrderType1 | IcuSportSettingsTizOrderType2Type1 |
                IcuSportSettingsTizOrderType3Type1 | None | Unset):
            types (list[IcuSportSettingsTypesType0Item] | None | Unset):
            update_activity_name_from_workout (bool | None | Unset):
            updated (datetime.datetime | None | Unset):
            use_distance_for_intervals (bool | None | Unset):
            use_gap_zone_times (bool | None | Unset):
            use_laps_for_power_intervals (bool | None | Unset):
            w_prime (int | None | Unset):
            warmup_time (int | None | Unset):
            workout_order (IcuSportSettingsWorkoutOrderType1 | IcuSportSettingsWorkoutOrderType2Type1 |
                IcuSportSettingsWorkoutOrderType3Type1 | None | Unset):
     """

    activity_charts: IcuActivityCharts | None | Unset = UNSET
    activity_field_ids: list[int] | None | Unset = UNSET
    after_kj0: int | None | Unset = UNSET
    after_kj1: int | None | Unset = UNSET
    athlete_id: None | str | Unset = UNSET
    best_effort_distances: list[float] | None | Unset = UNSET
    calendar_tile_activity_panel_id: int | None | Unset = UNSET
    cooldown_time: int | None | Unset = UNSET
    created: datetime.datetime | None | Unset = UNSET
    custom_field_ids: list[int] | None | Unset = UNSET
    custom_field_values: IcuSportSettingsCustomFieldValuesType0 | None | Unset = UNSET
    custom_zones_ids: list[int] | None | Unset = UNSET
    default_gear_id: None | str | Unset = UNSET
    default_indoor_gear_id: None | str | Unset = UNSET
    default_workout_time: None | str | Unset = UNSET
    display: IcuDisplay | None | Unset = UNSET
    elevation_correction: IcuSportSettingsElevationCorrectionType1 | IcuSportSettingsElevationCorrectionType2Type1 | IcuSportSettingsElevationCorrectionType3Type1 | None | Unset = UNSET
    extract_workouts: bool | None | Unset = UNSET
    ftp: int | None | Unset = UNSET
    ftp_est_min_secs: int | None | Unset = UNSET
    gap_model: IcuSportSettingsGapModelType1 | IcuSportSettingsGapModelType2Type1 | IcuSportSettingsGapModelType3Type1 | None | Unset = UNSET
    hr_load_type: IcuSportSettingsHrLoadTypeType1 | IcuSportSettingsHrLoadTypeType2Type1 | IcuSportSettingsHrLoadTypeType3Type1 | None | Unset = UNSET
    hr_zone_names: list[str] | None | Unset = UNSET
    hr_zones: list[int] | None | Unset = UNSET
    hrrc_min_percent: float | None | Unset = UNSET
    id: int | None | Unset = UNSET
    ignore_velocity: bool | None | Unset = UNSET
    indoor_ftp: int | None | Unset = UNSET
    interval_display: IcuSportSettingsIntervalDisplayType1 | IcuSportSettingsIntervalDisplayType2Type1 | IcuSportSettingsIntervalDisplayType3Type1 | None | Unset = UNSET
    ise_ftp_supported: bool | None | Unset = UNSET
    keep_all_laps_for_power_intervals: bool | None | Unset = UNSET
    load_order: IcuSportSettingsLoadOrderType1 | IcuSportSettingsLoadOrderType2Type1 | IcuSportSettingsLoadOrderType3Type1 | None | Unset = UNSET
    lthr: int | None | Unset = UNSET
    max_hr: int | None | Unset = UNSET
    mmp_model: IcuPowerModel | None | Unset = UNSET
    other: bool | None | Unset = UNSET
    p_max: int | None | Unset = UNSET
    pace_curve_start: float | None | Unset = UNSET
    pace_load_type: IcuSportSettingsPaceLoadTypeType1 | IcuSportSettingsPaceLoadTypeType2Type1 | IcuSportSettingsPaceLoadTypeType3Type1 | None | Unset = UNSET
    pace_units: IcuSportSettingsPaceUnitsType1 | IcuSportSettingsPaceUnitsType2Type1 | IcuSportSettingsPaceUnitsType3Type1 | None | Unset = UNSET
    pace_zone_names: list[str] | None | Unset = UNSET
    pace_zones: list[float] | None | Unset = UNSET
    power_field: None | str | Unset = UNSET
    power_intervals_start_locked: bool | None | Unset = UNSET
    power_spike_threshold: int | None | Unset = UNSET
    power_zone_names: list[str] | None | Unset = UNSET
    power_zones: list[int] | None | Unset = UNSET
    show_pauses: int | None | Unset = UNSET
    sweet_spot_max: int | None | Unset = UNSET
    sweet_spot_min: int | None | Unset = UNSET
    threshold_pace: float | None | Unset = UNSET
    tiz_order: IcuSportSettingsTizOrderType1 | IcuSportSettingsTizOrderType2Type1 | IcuSportSettingsTizOrderType3Type1 | None | Unset = UNSET
    types: list[IcuSportSettingsTypesType0Item] | None | Unset = UNSET
    update_activity_name_from_workout: bool | None | Unset = UNSET
    updated: datetime.datetime | None | Unset = UNSET
    use_distance_for_intervals: bool | None | Unset = UNSET
    use_gap_zone_times: bool | None | Unset = UNSET
    use_laps_for_power_intervals: bool | None | Unset = UNSET
    w_prime: int | None | Unset = UNSET
    warmup_time: int | None | Unset = UNSET
    workout_order: IcuSportSettingsWorkoutOrderType1 | IcuSportSettingsWorkoutOrderType2Type1 | IcuSportSettingsWorkoutOrderType3Type1 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.icu_activity_charts import IcuActivityCharts # noqa: PLC0415
        from ..models.icu_display import IcuDisplay # noqa: PLC0415
        from ..models.icu_power_model import IcuPowerModel # noqa: PLC0415
        from ..models.icu_sport_settings_custom_field_values_type_0 import IcuSportSettingsCustomFieldValuesType0 # noqa: PLC0415
        activity_charts: dict[str, Any] | None | Unset
        if isinstance(self.activity_charts, Unset):
            activity_charts = UNSET
        elif isinstance(self.activity_charts, IcuActivityCharts):
            activity_charts = self.activity_charts.to_dict()
        else:
            activity_charts = self.activity_charts

        activity_field_ids: list[int] | None | Unset
        if isinstance(self.activity_field_ids, Unset):
            activity_field_ids = UNSET
        elif isinstance(self.activity_field_ids, list):
            activity_field_ids = self.activity_field_ids


        else:
            activity_field_ids = self.activity_field_ids

        after_kj0: int | None | Unset
        if isinstance(self.after_kj0, Unset):
            after_kj0 = UNSET
        else:
            after_kj0 = self.after_kj0

        after_kj1: int | None | Unset
        if isinstance(self.after_kj1, Unset):
            after_kj1 = UNSET
        else:
            after_kj1 = self.after_kj1

        athlete_id: None | str | Unset
        if isinstance(self.athlete_id, Unset):
            athlete_id = UNSET
        else:
            athlete_id = self.athlete_id

        best_effort_distances: list[float] | None | Unset
        if isinstance(self.best_effort_distances, Unset):
            best_effort_distances = UNSET
        elif isinstance(self.best_effort_distances, list):
            best_effort_distances = self.best_effort_distances


        else:
            best_effort_distances = self.best_effort_distances

        calendar_tile_activity_panel_id: int | None | Unset
        if isinstance(self.calendar_tile_activity_panel_id, Unset):
            calendar_tile_activity_panel_id = UNSET
        else:
            calendar_tile_activity_panel_id = self.calendar_tile_activity_panel_id

        cooldown_time: int | None | Unset
        if isinstance(self.cooldown_time, Unset):
            cooldown_time = UNSET
        else:
            cooldown_time = self.cooldown_time

        created: None | str | Unset
        if isinstance(self.created, Unset):
            created = UNSET
        elif isinstance(self.created, datetime.datetime):
            created = self.created.isoformat()
        else:
            created = self.created

        custom_field_ids: list[int] | None | Unset
        if isinstance(self.custom_field_ids, Unset):
            custom_field_ids = UNSET
        elif isinstance(self.custom_field_ids, list):
            custom_field_ids = self.custom_field_ids


        else:
            custom_field_ids = self.custom_field_ids

        custom_field_values: dict[str, Any] | None | Unset
        if isinstance(self.custom_field_values, Unset):
            custom_field_values = UNSET
        elif isinstance(self.custom_field_values, IcuSportSettingsCustomFieldValuesType0):
            custom_field_values = self.custom_field_values.to_dict()
        else:
            custom_field_values = self.custom_field_values

        custom_zones_ids: list[int] | None | Unset
        if isinstance(self.custom_zones_ids, Unset):
            custom_zones_ids = UNSET
        elif isinstance(self.custom_zones_ids, list):
            custom_zones_ids = self.custom_zones_ids


        else:
            custom_zones_ids = self.custom_zones_ids

        default_gear_id: None | str | Unset
        if isinstance(self.default_gear_id, Unset):
            default_gear_id = UNSET
        else:
            default_gear_id = self.default_gear_id

        default_indoor_gear_id: None | str | Unset
        if isinstance(self.default_indoor_gear_id, Unset):
            default_indoor_gear_id = UNSET
        else:
            default_indoor_gear_id = self.default_indoor_gear_id

        default_workout_time: None | str | Unset
        if isinstance(self.default_workout_time, Unset):
            default_workout_time = UNSET
        else:
            default_workout_time = self.default_workout_time

        display: dict[str, Any] | None | Unset
        if isinstance(self.display, Unset):
            display = UNSET
        elif isinstance(self.display, IcuDisplay):
            display = self.display.to_dict()
        else:
            display = self.display

        elevation_correction: None | str | Unset
        if isinstance(self.elevation_correction, Unset):
            elevation_correction = UNSET
        elif isinstance(self.elevation_correction, IcuSportSettingsElevationCorrectionType1):
            elevation_correction = self.elevation_correction.value
        elif isinstance(self.elevation_correction, IcuSportSettingsElevationCorrectionType2Type1):
            elevation_correction = self.elevation_correction.value
        elif isinstance(self.elevation_correction, IcuSportSettingsElevationCorrectionType3Type1):
            elevation_correction = self.elevation_correction.value
        else:
            elevation_correction = self.elevation_correction

        extract_workouts: bool | None | Unset
        if isinstance(self.extract_workouts, Unset):
            extract_workouts = UNSET
        else:
            extract_workouts = self.extract_workouts

        ftp: int | None | Unset
        if isinstance(self.ftp, Unset):
            ftp = UNSET
        else:
            ftp = self.ftp

        ftp_est_min_secs: int | None | Unset
        if isinstance(self.ftp_est_min_secs, Unset):
            ftp_est_min_secs = UNSET
        else:
            ftp_est_min_secs = self.ftp_est_min_secs

        gap_model: None | str | Unset
        if isinstance(self.gap_model, Unset):
            gap_model = UNSET
        elif isinstance(self.gap_model, IcuSportSettingsGapModelType1):
            gap_model = self.gap_model.value
        elif isinstance(self.gap_model, IcuSportSettingsGapModelType2Type1):
            gap_model = self.gap_model.value
        elif isinstance(self.gap_model, IcuSportSettingsGapModelType3Type1):
            gap_model = self.gap_model.value
        else:
            gap_model = self.gap_model

        hr_load_type: None | str | Unset
        if isinstance(self.hr_load_type, Unset):
            hr_load_type = UNSET
        elif isinstance(self.hr_load_type, IcuSportSettingsHrLoadTypeType1):
            hr_load_type = self.hr_load_type.value
        elif isinstance(self.hr_load_type, IcuSportSettingsHrLoadTypeType2Type1):
            hr_load_type = self.hr_load_type.value
        elif isinstance(self.hr_load_type, IcuSportSettingsHrLoadTypeType3Type1):
            hr_load_type = self.hr_load_type.value
        else:
            hr_load_type = self.hr_load_type

        hr_zone_names: list[str] | None | Unset
        if isinstance(self.hr_zone_names, Unset):
            hr_zone_names = UNSET
        elif isinstance(self.hr_zone_names, list):
            hr_zone_names = self.hr_zone_names


        else:
            hr_zone_names = self.hr_zone_names

        hr_zones: list[int] | None | Unset
        if isinstance(self.hr_zones, Unset):
            hr_zones = UNSET
        elif isinstance(self.hr_zones, list):
            hr_zones = self.hr_zones


        else:
            hr_zones = self.hr_zones

        hrrc_min_percent: float | None | Unset
        if isinstance(self.hrrc_min_percent, Unset):
            hrrc_min_percent = UNSET
        else:
            hrrc_min_percent = self.hrrc_min_percent

        id: int | None | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        ignore_velocity: bool | None | Unset
        if isinstance(self.ignore_velocity, Unset):
            ignore_velocity = UNSET
        else:
            ignore_velocity = self.ignore_velocity

        indoor_ftp: int | None | Unset
        if isinstance(self.indoor_ftp, Unset):
            indoor_ftp = UNSET
        else:
            indoor_ftp = self.indoor_ftp

        interval_display: None | str | Unset
        if isinstance(self.interval_display, Unset):
            interval_display = UNSET
        elif isinstance(self.interval_display, IcuSportSettingsIntervalDisplayType1):
            interval_display = self.interval_display.value
        elif isinstance(self.interval_display, IcuSportSettingsIntervalDisplayType2Type1):
            interval_display = self.interval_display.value
        elif isinstance(self.interval_display, IcuSportSettingsIntervalDisplayType3Type1):
            interval_display = self.interval_display.value
        else:
            interval_display = self.interval_display

        ise_ftp_supported: bool | None | Unset
        if isinstance(self.ise_ftp_supported, Unset):
            ise_ftp_supported = UNSET
        else:
            ise_ftp_supported = self.ise_ftp_supported

        keep_all_laps_for_power_intervals: bool | None | Unset
        if isinstance(self.keep_all_laps_for_power_intervals, Unset):
            keep_all_laps_for_power_intervals = UNSET
        else:
            keep_all_laps_for_power_intervals = self.keep_all_laps_for_power_intervals

        load_order: None | str | Unset
        if isinstance(self.load_order, Unset):
            load_order = UNSET
        elif isinstance(self.load_order, IcuSportSettingsLoadOrderType1):
            load_order = self.load_order.value
        elif isinstance(self.load_order, IcuSportSettingsLoadOrderType2Type1):
            load_order = self.load_order.value
        elif isinstance(self.load_order, IcuSportSettingsLoadOrderType3Type1):
            load_order = self.load_order.value
        else:
            load_order = self.load_order

        lthr: int | None | Unset
        if isinstance(self.lthr, Unset):
            lthr = UNSET
        else:
            lthr = self.lthr

        max_hr: int | None | Unset
        if isinstance(self.max_hr, Unset):
            max_hr = UNSET
        else:
            max_hr = self.max_hr

        mmp_model: dict[str, Any] | None | Unset
        if isinstance(self.mmp_model, Unset):
            mmp_model = UNSET
        elif isinstance(self.mmp_model, IcuPowerModel):
            mmp_model = self.mmp_model.to_dict()
        else:
            mmp_model = self.mmp_model

        other: bool | None | Unset
        if isinstance(self.other, Unset):
            other = UNSET
        else:
            other = self.other

        p_max: int | None | Unset
        if isinstance(self.p_max, Unset):
            p_max = UNSET
        else:
            p_max = self.p_max

        pace_curve_start: float | None | Unset
        if isinstance(self.pace_curve_start, Unset):
            pace_curve_start = UNSET
        else:
            pace_curve_start = self.pace_curve_start

        pace_load_type: None | str | Unset
        if isinstance(self.pace_load_type, Unset):
            pace_load_type = UNSET
        elif isinstance(self.pace_load_type, IcuSportSettingsPaceLoadTypeType1):
            pace_load_type = self.pace_load_type.value
        elif isinstance(self.pace_load_type, IcuSportSettingsPaceLoadTypeType2Type1):
            pace_load_type = self.pace_load_type.value
        elif isinstance(self.pace_load_type, IcuSportSettingsPaceLoadTypeType3Type1):
            pace_load_type = self.pace_load_type.value
        else:
            pace_load_type = self.pace_load_type

        pace_units: None | str | Unset
        if isinstance(self.pace_units, Unset):
            pace_units = UNSET
        elif isinstance(self.pace_units, IcuSportSettingsPaceUnitsType1):
            pace_units = self.pace_units.value
        elif isinstance(self.pace_units, IcuSportSettingsPaceUnitsType2Type1):
            pace_units = self.pace_units.value
        elif isinstance(self.pace_units, IcuSportSettingsPaceUnitsType3Type1):
            pace_units = self.pace_units.value
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

        power_field: None | str | Unset
        if isinstance(self.power_field, Unset):
            power_field = UNSET
        else:
            power_field = self.power_field

        power_intervals_start_locked: bool | None | Unset
        if isinstance(self.power_intervals_start_locked, Unset):
            power_intervals_start_locked = UNSET
        else:
            power_intervals_start_locked = self.power_intervals_start_locked

        power_spike_threshold: int | None | Unset
        if isinstance(self.power_spike_threshold, Unset):
            power_spike_threshold = UNSET
        else:
            power_spike_threshold = self.power_spike_threshold

        power_zone_names: list[str] | None | Unset
        if isinstance(self.power_zone_names, Unset):
            power_zone_names = UNSET
        elif isinstance(self.power_zone_names, list):
            power_zone_names = self.power_zone_names


        else:
            power_zone_names = self.power_zone_names

        power_zones: list[int] | None | Unset
        if isinstance(self.power_zones, Unset):
            power_zones = UNSET
        elif isinstance(self.power_zones, list):
            power_zones = self.power_zones


        else:
            power_zones = self.power_zones

        show_pauses: int | None | Unset
        if isinstance(self.show_pauses, Unset):
            show_pauses = UNSET
        else:
            show_pauses = self.show_pauses

        sweet_spot_max: int | None | Unset
        if isinstance(self.sweet_spot_max, Unset):
            sweet_spot_max = UNSET
        else:
            sweet_spot_max = self.sweet_spot_max

        sweet_spot_min: int | None | Unset
        if isinstance(self.sweet_spot_min, Unset):
            sweet_spot_min = UNSET
        else:
            sweet_spot_min = self.sweet_spot_min

        threshold_pace: float | None | Unset
        if isinstance(self.threshold_pace, Unset):
            threshold_pace = UNSET
        else:
            threshold_pace = self.threshold_pace

        tiz_order: None | str | Unset
        if isinstance(self.tiz_order, Unset):
            tiz_order = UNSET
        elif isinstance(self.tiz_order, IcuSportSettingsTizOrderType1):
            tiz_order = self.tiz_order.value
        elif isinstance(self.tiz_order, IcuSportSettingsTizOrderType2Type1):
            tiz_order = self.tiz_order.value
        elif isinstance(self.tiz_order, IcuSportSettingsTizOrderType3Type1):
            tiz_order = self.tiz_order.value
        else:
            tiz_order = self.tiz_order

        types: list[str] | None | Unset
        if isinstance(self.types, Unset):
            types = UNSET
        elif isinstance(self.types, list):
            types = []
            for types_type_0_item_data in self.types:
                types_type_0_item = types_type_0_item_data.value
                types.append(types_type_0_item)


        else:
            types = self.types

        update_activity_name_from_workout: bool | None | Unset
        if isinstance(self.update_activity_name_from_workout, Unset):
            update_activity_name_from_workout = UNSET
        else:
            update_activity_name_from_workout = self.update_activity_name_from_workout

        updated: None | str | Unset
        if isinstance(self.updated, Unset):
            updated = UNSET
        elif isinstance(self.updated, datetime.datetime):
            updated = self.updated.isoformat()
        else:
            updated = self.updated

        use_distance_for_intervals: bool | None | Unset
        if isinstance(self.use_distance_for_intervals, Unset):
            use_distance_for_intervals = UNSET
        else:
            use_distance_for_intervals = self.use_distance_for_intervals

        use_gap_zone_times: bool | None | Unset
        if isinstance(self.use_gap_zone_times, Unset):
            use_gap_zone_times = UNSET
        else:
            use_gap_zone_times = self.use_gap_zone_times

        use_laps_for_power_intervals: bool | None | Unset
        if isinstance(self.use_laps_for_power_intervals, Unset):
            use_laps_for_power_intervals = UNSET
        else:
            use_laps_for_power_intervals = self.use_laps_for_power_intervals

        w_prime: int | None | Unset
        if isinstance(self.w_prime, Unset):
            w_prime = UNSET
        else:
            w_prime = self.w_prime

        warmup_time: int | None | Unset
        if isinstance(self.warmup_time, Unset):
            warmup_time = UNSET
        else:
            warmup_time = self.warmup_time

        workout_order: None | str | Unset
        if isinstance(self.workout_order, Unset):
            workout_order = UNSET
        elif isinstance(self.workout_order, IcuSportSettingsWorkoutOrderType1):
            workout_order = self.workout_order.value
        elif isinstance(self.workout_order, IcuSportSettingsWorkoutOrderType2Type1):
            workout_order = self.workout_order.value
        elif isinstance(self.workout_order, IcuSportSettingsWorkoutOrderType3Type1):
            workout_order = self.workout_order.value
        else:
            workout_order = self.workout_order


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if activity_charts is not UNSET:
            field_dict["activity_charts"] = activity_charts
        if activity_field_ids is not UNSET:
            field_dict["activity_field_ids"] = activity_field_ids
        if after_kj0 is not UNSET:
            field_dict["after_kj0"] = after_kj0
        if after_kj1 is not UNSET:
            field_dict["after_kj1"] = after_kj1
        if athlete_id is not UNSET:
            field_dict["athlete_id"] = athlete_id
        if best_effort_distances is not UNSET:
            field_dict["best_effort_distances"] = best_effort_distances
        if calendar_tile_activity_panel_id is not UNSET:
            field_dict["calendar_tile_activity_panel_id"] = calendar_tile_activity_panel_id
        if cooldown_time is not UNSET:
            field_dict["cooldown_time"] = cooldown_time
        if created is not UNSET:
            field_dict["created"] = created
        if custom_field_ids is not UNSET:
            field_dict["custom_field_ids"] = custom_field_ids
        if custom_field_values is not UNSET:
            field_dict["custom_field_values"] = custom_field_values
        if custom_zones_ids is not UNSET:
            field_dict["custom_zones_ids"] = custom_zones_ids
        if default_gear_id is not UNSET:
            field_dict["default_gear_id"] = default_gear_id
        if default_indoor_gear_id is not UNSET:
            field_dict["default_indoor_gear_id"] = default_indoor_gear_id
        if default_workout_time is not UNSET:
            field_dict["default_workout_time"] = default_workout_time
        if display is not UNSET:
            field_dict["display"] = display
        if elevation_correction is not UNSET:
            field_dict["elevation_correction"] = elevation_correction
        if extract_workouts is not UNSET:
            field_dict["extract_workouts"] = extract_workouts
        if ftp is not UNSET:
            field_dict["ftp"] = ftp
        if ftp_est_min_secs is not UNSET:
            field_dict["ftp_est_min_secs"] = ftp_est_min_secs
        if gap_model is not UNSET:
            field_dict["gap_model"] = gap_model
        if hr_load_type is not UNSET:
            field_dict["hr_load_type"] = hr_load_type
        if hr_zone_names is not UNSET:
            field_dict["hr_zone_names"] = hr_zone_names
        if hr_zones is not UNSET:
            field_dict["hr_zones"] = hr_zones
        if hrrc_min_percent is not UNSET:
            field_dict["hrrc_min_percent"] = hrrc_min_percent
        if id is not UNSET:
            field_dict["id"] = id
        if ignore_velocity is not UNSET:
            field_dict["ignore_velocity"] = ignore_velocity
        if indoor_ftp is not UNSET:
            field_dict["indoor_ftp"] = indoor_ftp
        if interval_display is not UNSET:
            field_dict["interval_display"] = interval_display
        if ise_ftp_supported is not UNSET:
            field_dict["iseFTPSupported"] = ise_ftp_supported
        if keep_all_laps_for_power_intervals is not UNSET:
            field_dict["keep_all_laps_for_power_intervals"] = keep_all_laps_for_power_intervals
        if load_order is not UNSET:
            field_dict["load_order"] = load_order
        if lthr is not UNSET:
            field_dict["lthr"] = lthr
        if max_hr is not UNSET:
            field_dict["max_hr"] = max_hr
        if mmp_model is not UNSET:
            field_dict["mmp_model"] = mmp_model
        if other is not UNSET:
            field_dict["other"] = other
        if p_max is not UNSET:
            field_dict["p_max"] = p_max
        if pace_curve_start is not UNSET:
            field_dict["pace_curve_start"] = pace_curve_start
        if pace_load_type is not UNSET:
            field_dict["pace_load_type"] = pace_load_type
        if pace_units is not UNSET:
            field_dict["pace_units"] = pace_units
        if pace_zone_names is not UNSET:
            field_dict["pace_zone_names"] = pace_zone_names
        if pace_zones is not UNSET:
            field_dict["pace_zones"] = pace_zones
        if power_field is not UNSET:
            field_dict["power_field"] = power_field
        if power_intervals_start_locked is not UNSET:
            field_dict["power_intervals_start_locked"] = power_intervals_start_locked
        if power_spike_threshold is not UNSET:
            field_dict["power_spike_threshold"] = power_spike_threshold
        if power_zone_names is not UNSET:
            field_dict["power_zone_names"] = power_zone_names
        if power_zones is not UNSET:
            field_dict["power_zones"] = power_zones
        if show_pauses is not UNSET:
            field_dict["show_pauses"] = show_pauses
        if sweet_spot_max is not UNSET:
            field_dict["sweet_spot_max"] = sweet_spot_max
        if sweet_spot_min is not UNSET:
            field_dict["sweet_spot_min"] = sweet_spot_min
        if threshold_pace is not UNSET:
            field_dict["threshold_pace"] = threshold_pace
        if tiz_order is not UNSET:
            field_dict["tiz_order"] = tiz_order
        if types is not UNSET:
            field_dict["types"] = types
        if update_activity_name_from_workout is not UNSET:
            field_dict["update_activity_name_from_workout"] = update_activity_name_from_workout
        if updated is not UNSET:
            field_dict["updated"] = updated
        if use_distance_for_intervals is not UNSET:
            field_dict["use_distance_for_intervals"] = use_distance_for_intervals
        if use_gap_zone_times is not UNSET:
            field_dict["use_gap_zone_times"] = use_gap_zone_times
        if use_laps_for_power_intervals is not UNSET:
            field_dict["use_laps_for_power_intervals"] = use_laps_for_power_intervals
        if w_prime is not UNSET:
            field_dict["w_prime"] = w_prime
        if warmup_time is not UNSET:
            field_dict["warmup_time"] = warmup_time
        if workout_order is not UNSET:
            field_dict["workout_order"] = workout_order

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.icu_activity_charts import IcuActivityCharts # noqa: PLC0415
        from ..models.icu_display import IcuDisplay # noqa: PLC0415
        from ..models.icu_power_model import IcuPowerModel # noqa: PLC0415
        from ..models.icu_sport_settings_custom_field_values_type_0 import IcuSportSettingsCustomFieldValuesType0 # noqa: PLC0415
        d = dict(src_dict)
        def _parse_activity_charts(data: object) -> IcuActivityCharts | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                activity_charts_type_0 = IcuActivityCharts.from_dict(data)



                return activity_charts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuActivityCharts | None | Unset, data)

        activity_charts = _parse_activity_charts(d.pop("activity_charts", UNSET))


        def _parse_activity_field_ids(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                activity_field_ids_type_0 = cast(list[int], data)

                return activity_field_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        activity_field_ids = _parse_activity_field_ids(d.pop("activity_field_ids", UNSET))


        def _parse_after_kj0(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        after_kj0 = _parse_after_kj0(d.pop("after_kj0", UNSET))


        def _parse_after_kj1(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        after_kj1 = _parse_after_kj1(d.pop("after_kj1", UNSET))


        def _parse_athlete_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        athlete_id = _parse_athlete_id(d.pop("athlete_id", UNSET))


        def _parse_best_effort_distances(data: object) -> list[float] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                best_effort_distances_type_0 = cast(list[float], data)

                return best_effort_distances_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None | Unset, data)

        best_effort_distances = _parse_best_effort_distances(d.pop("best_effort_distances", UNSET))


        def _parse_calendar_tile_activity_panel_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        calendar_tile_activity_panel_id = _parse_calendar_tile_activity_panel_id(d.pop("calendar_tile_activity_panel_id", UNSET))


        def _parse_cooldown_time(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        cooldown_time = _parse_cooldown_time(d.pop("cooldown_time", UNSET))


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


        def _parse_custom_field_ids(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                custom_field_ids_type_0 = cast(list[int], data)

                return custom_field_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        custom_field_ids = _parse_custom_field_ids(d.pop("custom_field_ids", UNSET))


        def _parse_custom_field_values(data: object) -> IcuSportSettingsCustomFieldValuesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                custom_field_values_type_0 = IcuSportSettingsCustomFieldValuesType0.from_dict(data)



                return custom_field_values_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuSportSettingsCustomFieldValuesType0 | None | Unset, data)

        custom_field_values = _parse_custom_field_values(d.pop("custom_field_values", UNSET))


        def _parse_custom_zones_ids(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                custom_zones_ids_type_0 = cast(list[int], data)

                return custom_zones_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        custom_zones_ids = _parse_custom_zones_ids(d.pop("custom_zones_ids", UNSET))


        def _parse_default_gear_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        default_gear_id = _parse_default_gear_id(d.pop("default_gear_id", UNSET))


        def _parse_default_indoor_gear_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        default_indoor_gear_id = _parse_default_indoor_gear_id(d.pop("default_indoor_gear_id", UNSET))


        def _parse_default_workout_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        default_workout_time = _parse_default_workout_time(d.pop("default_workout_time", UNSET))


        def _parse_display(data: object) -> IcuDisplay | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                display_type_0 = IcuDisplay.from_dict(data)



                return display_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuDisplay | None | Unset, data)

        display = _parse_display(d.pop("display", UNSET))


        def _parse_elevation_correction(data: object) -> IcuSportSettingsElevationCorrectionType1 | IcuSportSettingsElevationCorrectionType2Type1 | IcuSportSettingsElevationCorrectionType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                elevation_correction_type_1 = IcuSportSettingsElevationCorrectionType1(data)



                return elevation_correction_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                elevation_correction_type_2_type_1 = IcuSportSettingsElevationCorrectionType2Type1(data)



                return elevation_correction_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                elevation_correction_type_3_type_1 = IcuSportSettingsElevationCorrectionType3Type1(data)



                return elevation_correction_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuSportSettingsElevationCorrectionType1 | IcuSportSettingsElevationCorrectionType2Type1 | IcuSportSettingsElevationCorrectionType3Type1 | None | Unset, data)

        elevation_correction = _parse_elevation_correction(d.pop("elevation_correction", UNSET))


        def _parse_extract_workouts(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        extract_workouts = _parse_extract_workouts(d.pop("extract_workouts", UNSET))


        def _parse_ftp(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        ftp = _parse_ftp(d.pop("ftp", UNSET))


        def _parse_ftp_est_min_secs(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        ftp_est_min_secs = _parse_ftp_est_min_secs(d.pop("ftp_est_min_secs", UNSET))


        def _parse_gap_model(data: object) -> IcuSportSettingsGapModelType1 | IcuSportSettingsGapModelType2Type1 | IcuSportSettingsGapModelType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gap_model_type_1 = IcuSportSettingsGapModelType1(data)



                return gap_model_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gap_model_type_2_type_1 = IcuSportSettingsGapModelType2Type1(data)



                return gap_model_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gap_model_type_3_type_1 = IcuSportSettingsGapModelType3Type1(data)



                return gap_model_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuSportSettingsGapModelType1 | IcuSportSettingsGapModelType2Type1 | IcuSportSettingsGapModelType3Type1 | None | Unset, data)

        gap_model = _parse_gap_model(d.pop("gap_model", UNSET))


        def _parse_hr_load_type(data: object) -> IcuSportSettingsHrLoadTypeType1 | IcuSportSettingsHrLoadTypeType2Type1 | IcuSportSettingsHrLoadTypeType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hr_load_type_type_1 = IcuSportSettingsHrLoadTypeType1(data)



                return hr_load_type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hr_load_type_type_2_type_1 = IcuSportSettingsHrLoadTypeType2Type1(data)



                return hr_load_type_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hr_load_type_type_3_type_1 = IcuSportSettingsHrLoadTypeType3Type1(data)



                return hr_load_type_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuSportSettingsHrLoadTypeType1 | IcuSportSettingsHrLoadTypeType2Type1 | IcuSportSettingsHrLoadTypeType3Type1 | None | Unset, data)

        hr_load_type = _parse_hr_load_type(d.pop("hr_load_type", UNSET))


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


        def _parse_hr_zones(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                hr_zones_type_0 = cast(list[int], data)

                return hr_zones_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        hr_zones = _parse_hr_zones(d.pop("hr_zones", UNSET))


        def _parse_hrrc_min_percent(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        hrrc_min_percent = _parse_hrrc_min_percent(d.pop("hrrc_min_percent", UNSET))


        def _parse_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        id = _parse_id(d.pop("id", UNSET))


        def _parse_ignore_velocity(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        ignore_velocity = _parse_ignore_velocity(d.pop("ignore_velocity", UNSET))


        def _parse_indoor_ftp(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        indoor_ftp = _parse_indoor_ftp(d.pop("indoor_ftp", UNSET))


        def _parse_interval_display(data: object) -> IcuSportSettingsIntervalDisplayType1 | IcuSportSettingsIntervalDisplayType2Type1 | IcuSportSettingsIntervalDisplayType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                interval_display_type_1 = IcuSportSettingsIntervalDisplayType1(data)



                return interval_display_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                interval_display_type_2_type_1 = IcuSportSettingsIntervalDisplayType2Type1(data)



                return interval_display_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                interval_display_type_3_type_1 = IcuSportSettingsIntervalDisplayType3Type1(data)



                return interval_display_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuSportSettingsIntervalDisplayType1 | IcuSportSettingsIntervalDisplayType2Type1 | IcuSportSettingsIntervalDisplayType3Type1 | None | Unset, data)

        interval_display = _parse_interval_display(d.pop("interval_display", UNSET))


        def _parse_ise_ftp_supported(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        ise_ftp_supported = _parse_ise_ftp_supported(d.pop("iseFTPSupported", UNSET))


        def _parse_keep_all_laps_for_power_intervals(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        keep_all_laps_for_power_intervals = _parse_keep_all_laps_for_power_intervals(d.pop("keep_all_laps_for_power_intervals", UNSET))


        def _parse_load_order(data: object) -> IcuSportSettingsLoadOrderType1 | IcuSportSettingsLoadOrderType2Type1 | IcuSportSettingsLoadOrderType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                load_order_type_1 = IcuSportSettingsLoadOrderType1(data)



                return load_order_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                load_order_type_2_type_1 = IcuSportSettingsLoadOrderType2Type1(data)



                return load_order_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                load_order_type_3_type_1 = IcuSportSettingsLoadOrderType3Type1(data)



                return load_order_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuSportSettingsLoadOrderType1 | IcuSportSettingsLoadOrderType2Type1 | IcuSportSettingsLoadOrderType3Type1 | None | Unset, data)

        load_order = _parse_load_order(d.pop("load_order", UNSET))


        def _parse_lthr(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        lthr = _parse_lthr(d.pop("lthr", UNSET))


        def _parse_max_hr(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_hr = _parse_max_hr(d.pop("max_hr", UNSET))


        def _parse_mmp_model(data: object) -> IcuPowerModel | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                mmp_model_type_0 = IcuPowerModel.from_dict(data)



                return mmp_model_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuPowerModel | None | Unset, data)

        mmp_model = _parse_mmp_model(d.pop("mmp_model", UNSET))


        def _parse_other(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        other = _parse_other(d.pop("other", UNSET))


        def _parse_p_max(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        p_max = _parse_p_max(d.pop("p_max", UNSET))


        def _parse_pace_curve_start(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        pace_curve_start = _parse_pace_curve_start(d.pop("pace_curve_start", UNSET))


        def _parse_pace_load_type(data: object) -> IcuSportSettingsPaceLoadTypeType1 | IcuSportSettingsPaceLoadTypeType2Type1 | IcuSportSettingsPaceLoadTypeType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pace_load_type_type_1 = IcuSportSettingsPaceLoadTypeType1(data)



                return pace_load_type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pace_load_type_type_2_type_1 = IcuSportSettingsPaceLoadTypeType2Type1(data)



                return pace_load_type_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pace_load_type_type_3_type_1 = IcuSportSettingsPaceLoadTypeType3Type1(data)



                return pace_load_type_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuSportSettingsPaceLoadTypeType1 | IcuSportSettingsPaceLoadTypeType2Type1 | IcuSportSettingsPaceLoadTypeType3Type1 | None | Unset, data)

        pace_load_type = _parse_pace_load_type(d.pop("pace_load_type", UNSET))


        def _parse_pace_units(data: object) -> IcuSportSettingsPaceUnitsType1 | IcuSportSettingsPaceUnitsType2Type1 | IcuSportSettingsPaceUnitsType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pace_units_type_1 = IcuSportSettingsPaceUnitsType1(data)



                return pace_units_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pace_units_type_2_type_1 = IcuSportSettingsPaceUnitsType2Type1(data)



                return pace_units_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pace_units_type_3_type_1 = IcuSportSettingsPaceUnitsType3Type1(data)



                return pace_units_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuSportSettingsPaceUnitsType1 | IcuSportSettingsPaceUnitsType2Type1 | IcuSportSettingsPaceUnitsType3Type1 | None | Unset, data)

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


        def _parse_power_field(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        power_field = _parse_power_field(d.pop("power_field", UNSET))


        def _parse_power_intervals_start_locked(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        power_intervals_start_locked = _parse_power_intervals_start_locked(d.pop("power_intervals_start_locked", UNSET))


        def _parse_power_spike_threshold(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        power_spike_threshold = _parse_power_spike_threshold(d.pop("power_spike_threshold", UNSET))


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


        def _parse_power_zones(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                power_zones_type_0 = cast(list[int], data)

                return power_zones_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        power_zones = _parse_power_zones(d.pop("power_zones", UNSET))


        def _parse_show_pauses(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        show_pauses = _parse_show_pauses(d.pop("show_pauses", UNSET))


        def _parse_sweet_spot_max(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sweet_spot_max = _parse_sweet_spot_max(d.pop("sweet_spot_max", UNSET))


        def _parse_sweet_spot_min(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sweet_spot_min = _parse_sweet_spot_min(d.pop("sweet_spot_min", UNSET))


        def _parse_threshold_pace(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        threshold_pace = _parse_threshold_pace(d.pop("threshold_pace", UNSET))


        def _parse_tiz_order(data: object) -> IcuSportSettingsTizOrderType1 | IcuSportSettingsTizOrderType2Type1 | IcuSportSettingsTizOrderType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tiz_order_type_1 = IcuSportSettingsTizOrderType1(data)



                return tiz_order_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tiz_order_type_2_type_1 = IcuSportSettingsTizOrderType2Type1(data)



                return tiz_order_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tiz_order_type_3_type_1 = IcuSportSettingsTizOrderType3Type1(data)



                return tiz_order_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuSportSettingsTizOrderType1 | IcuSportSettingsTizOrderType2Type1 | IcuSportSettingsTizOrderType3Type1 | None | Unset, data)

        tiz_order = _parse_tiz_order(d.pop("tiz_order", UNSET))


        def _parse_types(data: object) -> list[IcuSportSettingsTypesType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                types_type_0 = []
                _types_type_0 = data
                for types_type_0_item_data in (_types_type_0):
                    types_type_0_item = IcuSportSettingsTypesType0Item(types_type_0_item_data)



                    types_type_0.append(types_type_0_item)

                return types_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IcuSportSettingsTypesType0Item] | None | Unset, data)

        types = _parse_types(d.pop("types", UNSET))


        def _parse_update_activity_name_from_workout(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        update_activity_name_from_workout = _parse_update_activity_name_from_workout(d.pop("update_activity_name_from_workout", UNSET))


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


        def _parse_use_distance_for_intervals(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        use_distance_for_intervals = _parse_use_distance_for_intervals(d.pop("use_distance_for_intervals", UNSET))


        def _parse_use_gap_zone_times(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        use_gap_zone_times = _parse_use_gap_zone_times(d.pop("use_gap_zone_times", UNSET))


        def _parse_use_laps_for_power_intervals(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        use_laps_for_power_intervals = _parse_use_laps_for_power_intervals(d.pop("use_laps_for_power_intervals", UNSET))


        def _parse_w_prime(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        w_prime = _parse_w_prime(d.pop("w_prime", UNSET))


        def _parse_warmup_time(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        warmup_time = _parse_warmup_time(d.pop("warmup_time", UNSET))


        def _parse_workout_order(data: object) -> IcuSportSettingsWorkoutOrderType1 | IcuSportSettingsWorkoutOrderType2Type1 | IcuSportSettingsWorkoutOrderType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                workout_order_type_1 = IcuSportSettingsWorkoutOrderType1(data)



                return workout_order_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                workout_order_type_2_type_1 = IcuSportSettingsWorkoutOrderType2Type1(data)



                return workout_order_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                workout_order_type_3_type_1 = IcuSportSettingsWorkoutOrderType3Type1(data)



                return workout_order_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuSportSettingsWorkoutOrderType1 | IcuSportSettingsWorkoutOrderType2Type1 | IcuSportSettingsWorkoutOrderType3Type1 | None | Unset, data)

        workout_order = _parse_workout_order(d.pop("workout_order", UNSET))


        icu_sport_settings = cls(
            activity_charts=activity_charts,
            activity_field_ids=activity_field_ids,
            after_kj0=after_kj0,
            after_kj1=after_kj1,
            athlete_id=athlete_id,
            best_effort_distances=best_effort_distances,
            calendar_tile_activity_panel_id=calendar_tile_activity_panel_id,
            cooldown_time=cooldown_time,
            created=created,
            custom_field_ids=custom_field_ids,
            custom_field_values=custom_field_values,
            custom_zones_ids=custom_zones_ids,
            default_gear_id=default_gear_id,
            default_indoor_gear_id=default_indoor_gear_id,
            default_workout_time=default_workout_time,
            display=display,
            elevation_correction=elevation_correction,
            extract_workouts=extract_workouts,
            ftp=ftp,
            ftp_est_min_secs=ftp_est_min_secs,
            gap_model=gap_model,
            hr_load_type=hr_load_type,
            hr_zone_names=hr_zone_names,
            hr_zones=hr_zones,
            hrrc_min_percent=hrrc_min_percent,
            id=id,
            ignore_velocity=ignore_velocity,
            indoor_ftp=indoor_ftp,
            interval_display=interval_display,
            ise_ftp_supported=ise_ftp_supported,
            keep_all_laps_for_power_intervals=keep_all_laps_for_power_intervals,
            load_order=load_order,
            lthr=lthr,
            max_hr=max_hr,
            mmp_model=mmp_model,
            other=other,
            p_max=p_max,
            pace_curve_start=pace_curve_start,
            pace_load_type=pace_load_type,
            pace_units=pace_units,
            pace_zone_names=pace_zone_names,
            pace_zones=pace_zones,
            power_field=power_field,
            power_intervals_start_locked=power_intervals_start_locked,
            power_spike_threshold=power_spike_threshold,
            power_zone_names=power_zone_names,
            power_zones=power_zones,
            show_pauses=show_pauses,
            sweet_spot_max=sweet_spot_max,
            sweet_spot_min=sweet_spot_min,
            threshold_pace=threshold_pace,
            tiz_order=tiz_order,
            types=types,
            update_activity_name_from_workout=update_activity_name_from_workout,
            updated=updated,
            use_distance_for_intervals=use_distance_for_intervals,
            use_gap_zone_times=use_gap_zone_times,
            use_laps_for_power_intervals=use_laps_for_power_intervals,
            w_prime=w_prime,
            warmup_time=warmup_time,
            workout_order=workout_order,
        )


        icu_sport_settings.additional_properties = d
        return icu_sport_settings

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
