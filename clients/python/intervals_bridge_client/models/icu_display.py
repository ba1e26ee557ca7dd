from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="IcuDisplay")



@_attrs_define
class IcuDisplay:
    """ Intervals.icu's `Display`, as its OpenAPI document has it (any field may be absent or null).

        Attributes:
            color (None | str | Unset):
            color2 (None | str | Unset):
            color_scheme (None | str | Unset):
            high_intensity (int | None | Unset):
            high_load (int | None | Unset):
            ignore_workout_colors (bool | None | Unset):
            low_intensity (int | None | Unset):
            low_load (int | None | Unset):
            precise_distance (bool | None | Unset):
            show_average_hr (bool | None | Unset):
            show_average_power (bool | None | Unset):
            show_description (bool | None | Unset):
            show_feel (bool | None | Unset):
            show_gap (bool | None | Unset):
            show_intensity (bool | None | Unset):
            show_intervals (bool | None | Unset):
            show_load (bool | None | Unset):
            show_name (bool | None | Unset):
            show_normalized_watts (bool | None | Unset):
            show_pace (bool | None | Unset):
            show_paired_workout_chart (bool | None | Unset):
            show_rpe (bool | None | Unset):
            show_skyline_chart (bool | None | Unset):
            show_start_time (bool | None | Unset):
            show_weight_lifted (bool | None | Unset):
            show_work (bool | None | Unset):
            show_work_above_ftp (bool | None | Unset):
            shrink_commute (bool | None | Unset):
            shrink_cooldown (bool | None | Unset):
            shrink_warmup (bool | None | Unset):
            use_paired_workout_color (bool | None | Unset):
     """

    color: None | str | Unset = UNSET
    color2: None | str | Unset = UNSET
    color_scheme: None | str | Unset = UNSET
    high_intensity: int | None | Unset = UNSET
    high_load: int | None | Unset = UNSET
    ignore_workout_colors: bool | None | Unset = UNSET
    low_intensity: int | None | Unset = UNSET
    low_load: int | None | Unset = UNSET
    precise_distance: bool | None | Unset = UNSET
    show_average_hr: bool | None | Unset = UNSET
    show_average_power: bool | None | Unset = UNSET
    show_description: bool | None | Unset = UNSET
    show_feel: bool | None | Unset = UNSET
    show_gap: bool | None | Unset = UNSET
    show_intensity: bool | None | Unset = UNSET
    show_intervals: bool | None | Unset = UNSET
    show_load: bool | None | Unset = UNSET
    show_name: bool | None | Unset = UNSET
    show_normalized_watts: bool | None | Unset = UNSET
    show_pace: bool | None | Unset = UNSET
    show_paired_workout_chart: bool | None | Unset = UNSET
    show_rpe: bool | None | Unset = UNSET
    show_skyline_chart: bool | None | Unset = UNSET
    show_start_time: bool | None | Unset = UNSET
    show_weight_lifted: bool | None | Unset = UNSET
    show_work: bool | None | Unset = UNSET
    show_work_above_ftp: bool | None | Unset = UNSET
    shrink_commute: bool | None | Unset = UNSET
    shrink_cooldown: bool | None | Unset = UNSET
    shrink_warmup: bool | None | Unset = UNSET
    use_paired_workout_color: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        color: None | str | Unset
        if isinstance(self.color, Unset):
            color = UNSET
        else:
            color = self.color

        color2: None | str | Unset
        if isinstance(self.color2, Unset):
            color2 = UNSET
        else:
            color2 = self.color2

        color_scheme: None | str | Unset
        if isinstance(self.color_scheme, Unset):
            color_scheme = UNSET
        else:
            color_scheme = self.color_scheme

        high_intensity: int | None | Unset
        if isinstance(self.high_intensity, Unset):
            high_intensity = UNSET
        else:
            high_intensity = self.high_intensity

        high_load: int | None | Unset
        if isinstance(self.high_load, Unset):
            high_load = UNSET
        else:
            high_load = self.high_load

        ignore_workout_colors: bool | None | Unset
        if isinstance(self.ignore_workout_colors, Unset):
            ignore_workout_colors = UNSET
        else:
            ignore_workout_colors = self.ignore_workout_colors

        low_intensity: int | None | Unset
        if isinstance(self.low_intensity, Unset):
            low_intensity = UNSET
        else:
            low_intensity = self.low_intensity

        low_load: int | None | Unset
        if isinstance(self.low_load, Unset):
            low_load = UNSET
        else:
            low_load = self.low_load

        precise_distance: bool | None | Unset
        if isinstance(self.precise_distance, Unset):
            precise_distance = UNSET
        else:
            precise_distance = self.precise_distance

        show_average_hr: bool | None | Unset
        if isinstance(self.show_average_hr, Unset):
            show_average_hr = UNSET
        else:
            show_average_hr = self.show_average_hr

        show_average_power: bool | None | Unset
        if isinstance(self.show_average_power, Unset):
            show_average_power = UNSET
        else:
            show_average_power = self.show_average_power

        show_description: bool | None | Unset
        if isinstance(self.show_description, Unset):
            show_description = UNSET
        else:
            show_description = self.show_description

        show_feel: bool | None | Unset
        if isinstance(self.show_feel, Unset):
            show_feel = UNSET
        else:
            show_feel = self.show_feel

        show_gap: bool | None | Unset
        if isinstance(self.show_gap, Unset):
            show_gap = UNSET
        else:
            show_gap = self.show_gap

        show_intensity: bool | None | Unset
        if isinstance(self.show_intensity, Unset):
            show_intensity = UNSET
        else:
            show_intensity = self.show_intensity

        show_intervals: bool | None | Unset
        if isinstance(self.show_intervals, Unset):
            show_intervals = UNSET
        else:
            show_intervals = self.show_intervals

        show_load: bool | None | Unset
        if isinstance(self.show_load, Unset):
            show_load = UNSET
        else:
            show_load = self.show_load

        show_name: bool | None | Unset
        if isinstance(self.show_name, Unset):
            show_name = UNSET
        else:
            show_name = self.show_name

        show_normalized_watts: bool | None | Unset
        if isinstance(self.show_normalized_watts, Unset):
            show_normalized_watts = UNSET
        else:
            show_normalized_watts = self.show_normalized_watts

        show_pace: bool | None | Unset
        if isinstance(self.show_pace, Unset):
            show_pace = UNSET
        else:
            show_pace = self.show_pace

        show_paired_workout_chart: bool | None | Unset
        if isinstance(self.show_paired_workout_chart, Unset):
            show_paired_workout_chart = UNSET
        else:
            show_paired_workout_chart = self.show_paired_workout_chart

        show_rpe: bool | None | Unset
        if isinstance(self.show_rpe, Unset):
            show_rpe = UNSET
        else:
            show_rpe = self.show_rpe

        show_skyline_chart: bool | None | Unset
        if isinstance(self.show_skyline_chart, Unset):
            show_skyline_chart = UNSET
        else:
            show_skyline_chart = self.show_skyline_chart

        show_start_time: bool | None | Unset
        if isinstance(self.show_start_time, Unset):
            show_start_time = UNSET
        else:
            show_start_time = self.show_start_time

        show_weight_lifted: bool | None | Unset
        if isinstance(self.show_weight_lifted, Unset):
            show_weight_lifted = UNSET
        else:
            show_weight_lifted = self.show_weight_lifted

        show_work: bool | None | Unset
        if isinstance(self.show_work, Unset):
            show_work = UNSET
        else:
            show_work = self.show_work

        show_work_above_ftp: bool | None | Unset
        if isinstance(self.show_work_above_ftp, Unset):
            show_work_above_ftp = UNSET
        else:
            show_work_above_ftp = self.show_work_above_ftp

        shrink_commute: bool | None | Unset
        if isinstance(self.shrink_commute, Unset):
            shrink_commute = UNSET
        else:
            shrink_commute = self.shrink_commute

        shrink_cooldown: bool | None | Unset
        if isinstance(self.shrink_cooldown, Unset):
            shrink_cooldown = UNSET
        else:
            shrink_cooldown = self.shrink_cooldown

        shrink_warmup: bool | None | Unset
        if isinstance(self.shrink_warmup, Unset):
            shrink_warmup = UNSET
        else:
            shrink_warmup = self.shrink_warmup

        use_paired_workout_color: bool | None | Unset
        if isinstance(self.use_paired_workout_color, Unset):
            use_paired_workout_color = UNSET
        else:
            use_paired_workout_color = self.use_paired_workout_color


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if color is not UNSET:
            field_dict["color"] = color
        if color2 is not UNSET:
            field_dict["color2"] = color2
        if color_scheme is not UNSET:
            field_dict["colorScheme"] = color_scheme
        if high_intensity is not UNSET:
            field_dict["highIntensity"] = high_intensity
        if high_load is not UNSET:
            field_dict["highLoad"] = high_load
        if ignore_workout_colors is not UNSET:
            field_dict["ignoreWorkoutColors"] = ignore_workout_colors
        if low_intensity is not UNSET:
            field_dict["lowIntensity"] = low_intensity
        if low_load is not UNSET:
            field_dict["lowLoad"] = low_load
        if precise_distance is not UNSET:
            field_dict["preciseDistance"] = precise_distance
        if show_average_hr is not UNSET:
            field_dict["showAverageHR"] = show_average_hr
        if show_average_power is not UNSET:
            field_dict["showAveragePower"] = show_average_power
        if show_description is not UNSET:
            field_dict["showDescription"] = show_description
        if show_feel is not UNSET:
            field_dict["showFeel"] = show_feel
        if show_gap is not UNSET:
            field_dict["showGAP"] = show_gap
        if show_intensity is not UNSET:
            field_dict["showIntensity"] = show_intensity
        if show_intervals is not UNSET:
            field_dict["showIntervals"] = show_intervals
        if show_load is not UNSET:
            field_dict["showLoad"] = show_load
        if show_name is not UNSET:
            field_dict["showName"] = show_name
        if show_normalized_watts is not UNSET:
            field_dict["showNormalizedWatts"] = show_normalized_watts
        if show_pace is not UNSET:
            field_dict["showPace"] = show_pace
        if show_paired_workout_chart is not UNSET:
            field_dict["showPairedWorkoutChart"] = show_paired_workout_chart
        if show_rpe is not UNSET:
            field_dict["showRPE"] = show_rpe
        if show_skyline_chart is not UNSET:
            field_dict["showSkylineChart"] = show_skyline_chart
        if show_start_time is not UNSET:
            field_dict["showStartTime"] = show_start_time
        if show_weight_lifted is not UNSET:
            field_dict["showWeightLifted"] = show_weight_lifted
        if show_work is not UNSET:
            field_dict["showWork"] = show_work
        if show_work_above_ftp is not UNSET:
            field_dict["showWorkAboveFTP"] = show_work_above_ftp
        if shrink_commute is not UNSET:
            field_dict["shrinkCommute"] = shrink_commute
        if shrink_cooldown is not UNSET:
            field_dict["shrinkCooldown"] = shrink_cooldown
        if shrink_warmup is not UNSET:
            field_dict["shrinkWarmup"] = shrink_warmup
        if use_paired_workout_color is not UNSET:
            field_dict["usePairedWorkoutColor"] = use_paired_workout_color

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_color(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        color = _parse_color(d.pop("color", UNSET))


        def _parse_color2(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        color2 = _parse_color2(d.pop("color2", UNSET))


        def _parse_color_scheme(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        color_scheme = _parse_color_scheme(d.pop("colorScheme", UNSET))


        def _parse_high_intensity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        high_intensity = _parse_high_intensity(d.pop("highIntensity", UNSET))


        def _parse_high_load(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        high_load = _parse_high_load(d.pop("highLoad", UNSET))


        def _parse_ignore_workout_colors(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        ignore_workout_colors = _parse_ignore_workout_colors(d.pop("ignoreWorkoutColors", UNSET))


        def _parse_low_intensity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        low_intensity = _parse_low_intensity(d.pop("lowIntensity", UNSET))


        def _parse_low_load(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        low_load = _parse_low_load(d.pop("lowLoad", UNSET))


        def _parse_precise_distance(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        precise_distance = _parse_precise_distance(d.pop("preciseDistance", UNSET))


        def _parse_show_average_hr(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        show_average_hr = _parse_show_average_hr(d.pop("showAverageHR", UNSET))


        def _parse_show_average_power(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        show_average_power = _parse_show_average_power(d.pop("showAveragePower", UNSET))


        def _parse_show_description(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        show_description = _parse_show_description(d.pop("showDescription", UNSET))


        def _parse_show_feel(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        show_feel = _parse_show_feel(d.pop("showFeel", UNSET))


        def _parse_show_gap(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        show_gap = _parse_show_gap(d.pop("showGAP", UNSET))


        def _parse_show_intensity(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        show_intensity = _parse_show_intensity(d.pop("showIntensity", UNSET))


        def _parse_show_intervals(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        show_intervals = _parse_show_intervals(d.pop("showIntervals", UNSET))


        def _parse_show_load(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        show_load = _parse_show_load(d.pop("showLoad", UNSET))


        def _parse_show_name(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        show_name = _parse_show_name(d.pop("showName", UNSET))


        def _parse_show_normalized_watts(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        show_normalized_watts = _parse_show_normalized_watts(d.pop("showNormalizedWatts", UNSET))


        def _parse_show_pace(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        show_pace = _parse_show_pace(d.pop("showPace", UNSET))


        def _parse_show_paired_workout_chart(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        show_paired_workout_chart = _parse_show_paired_workout_chart(d.pop("showPairedWorkoutChart", UNSET))


        def _parse_show_rpe(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        show_rpe = _parse_show_rpe(d.pop("showRPE", UNSET))


        def _parse_show_skyline_chart(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        show_skyline_chart = _parse_show_skyline_chart(d.pop("showSkylineChart", UNSET))


        def _parse_show_start_time(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        show_start_time = _parse_show_start_time(d.pop("showStartTime", UNSET))


        def _parse_show_weight_lifted(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        show_weight_lifted = _parse_show_weight_lifted(d.pop("showWeightLifted", UNSET))


        def _parse_show_work(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        show_work = _parse_show_work(d.pop("showWork", UNSET))


        def _parse_show_work_above_ftp(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        show_work_above_ftp = _parse_show_work_above_ftp(d.pop("showWorkAboveFTP", UNSET))


        def _parse_shrink_commute(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        shrink_commute = _parse_shrink_commute(d.pop("shrinkCommute", UNSET))


        def _parse_shrink_cooldown(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        shrink_cooldown = _parse_shrink_cooldown(d.pop("shrinkCooldown", UNSET))


        def _parse_shrink_warmup(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        shrink_warmup = _parse_shrink_warmup(d.pop("shrinkWarmup", UNSET))


        def _parse_use_paired_workout_color(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        use_paired_workout_color = _parse_use_paired_workout_color(d.pop("usePairedWorkoutColor", UNSET))


        icu_display = cls(
            color=color,
            color2=color2,
            color_scheme=color_scheme,
            high_intensity=high_intensity,
            high_load=high_load,
            ignore_workout_colors=ignore_workout_colors,
            low_intensity=low_intensity,
            low_load=low_load,
            precise_distance=precise_distance,
            show_average_hr=show_average_hr,
            show_average_power=show_average_power,
            show_description=show_description,
            show_feel=show_feel,
            show_gap=show_gap,
            show_intensity=show_intensity,
            show_intervals=show_intervals,
            show_load=show_load,
            show_name=show_name,
            show_normalized_watts=show_normalized_watts,
            show_pace=show_pace,
            show_paired_workout_chart=show_paired_workout_chart,
            show_rpe=show_rpe,
            show_skyline_chart=show_skyline_chart,
            show_start_time=show_start_time,
            show_weight_lifted=show_weight_lifted,
            show_work=show_work,
            show_work_above_ftp=show_work_above_ftp,
            shrink_commute=shrink_commute,
            shrink_cooldown=shrink_cooldown,
            shrink_warmup=shrink_warmup,
            use_paired_workout_color=use_paired_workout_color,
        )


        icu_display.additional_properties = d
        return icu_display

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
