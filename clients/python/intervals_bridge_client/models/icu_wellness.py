from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.icu_wellness_menstrual_phase_predicted_type_1 import IcuWellnessMenstrualPhasePredictedType1
from ..models.icu_wellness_menstrual_phase_predicted_type_2_type_1 import IcuWellnessMenstrualPhasePredictedType2Type1
from ..models.icu_wellness_menstrual_phase_predicted_type_3_type_1 import IcuWellnessMenstrualPhasePredictedType3Type1
from ..models.icu_wellness_menstrual_phase_type_1 import IcuWellnessMenstrualPhaseType1
from ..models.icu_wellness_menstrual_phase_type_2_type_1 import IcuWellnessMenstrualPhaseType2Type1
from ..models.icu_wellness_menstrual_phase_type_3_type_1 import IcuWellnessMenstrualPhaseType3Type1
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.icu_sport_info import IcuSportInfo





T = TypeVar("T", bound="IcuWellness")



@_attrs_define
class IcuWellness:
    """ Intervals.icu's `Wellness`, as its OpenAPI document has it (any field may be absent or null).

        Attributes:
            abdomen (float | None | Unset):
            atl (float | None | Unset):
            atl_load (float | None | Unset):
            avg_sleeping_hr (float | None | Unset):
            baevsky_si (float | None | Unset):
            blood_glucose (float | None | Unset):
            body_fat (float | None | Unset):
            carbohydrates (float | None | Unset):
            comments (None | str | Unset):
            ctl (float | None | Unset):
            ctl_load (float | None | Unset):
            diastolic (int | None | Unset):
            fat_total (float | None | Unset):
            fatigue (int | None | Unset):
            hrv (float | None | Unset):
            hrv_sdnn (float | None | Unset):
            hydration (int | None | Unset):
            hydration_volume (float | None | Unset):
            id (None | str | Unset):
            injury (int | None | Unset):
            kcal_consumed (int | None | Unset):
            lactate (float | None | Unset):
            locked (bool | None | Unset):
            menstrual_phase (IcuWellnessMenstrualPhaseType1 | IcuWellnessMenstrualPhaseType2Type1 |
                IcuWellnessMenstrualPhaseType3Type1 | None | Unset):
            menstrual_phase_predicted (IcuWellnessMenstrualPhasePredictedType1 |
                IcuWellnessMenstrualPhasePredictedType2Type1 | IcuWellnessMenstrualPhasePredictedType3Type1 | None | Unset):
            mood (int | None | Unset):
            motivation (int | None | Unset):
            protein (float | None | Unset):
            ramp_rate (float | None | Unset):
            readiness (float | None | Unset):
            respiration (float | None | Unset):
            resting_hr (int | None | Unset):
            sleep_quality (int | None | Unset):
            sleep_score (float | None | Unset):
            sleep_secs (int | None | Unset):
            soreness (int | None | Unset):
            sp_o2 (float | None | Unset):
            sport_info (list[IcuSportInfo] | None | Unset):
            steps (int | None | Unset):
            stress (int | None | Unset):
            systolic (int | None | Unset):
            temp_resting_hr (bool | None | Unset):
            temp_weight (bool | None | Unset):
            updated (datetime.datetime | None | Unset):
            vo2max (float | None | Unset):
            weight (float | None | Unset):
     """

    abdomen: float | None | Unset = UNSET
    atl: float | None | Unset = UNSET
    atl_load: float | None | Unset = UNSET
    avg_sleeping_hr: float | None | Unset = UNSET
    baevsky_si: float | None | Unset = UNSET
    blood_glucose: float | None | Unset = UNSET
    body_fat: float | None | Unset = UNSET
    carbohydrates: float | None | Unset = UNSET
    comments: None | str | Unset = UNSET
    ctl: float | None | Unset = UNSET
    ctl_load: float | None | Unset = UNSET
    diastolic: int | None | Unset = UNSET
    fat_total: float | None | Unset = UNSET
    fatigue: int | None | Unset = UNSET
    hrv: float | None | Unset = UNSET
    hrv_sdnn: float | None | Unset = UNSET
    hydration: int | None | Unset = UNSET
    hydration_volume: float | None | Unset = UNSET
    id: None | str | Unset = UNSET
    injury: int | None | Unset = UNSET
    kcal_consumed: int | None | Unset = UNSET
    lactate: float | None | Unset = UNSET
    locked: bool | None | Unset = UNSET
    menstrual_phase: IcuWellnessMenstrualPhaseType1 | IcuWellnessMenstrualPhaseType2Type1 | IcuWellnessMenstrualPhaseType3Type1 | None | Unset = UNSET
    menstrual_phase_predicted: IcuWellnessMenstrualPhasePredictedType1 | IcuWellnessMenstrualPhasePredictedType2Type1 | IcuWellnessMenstrualPhasePredictedType3Type1 | None | Unset = UNSET
    mood: int | None | Unset = UNSET
    motivation: int | None | Unset = UNSET
    protein: float | None | Unset = UNSET
    ramp_rate: float | None | Unset = UNSET
    readiness: float | None | Unset = UNSET
    respiration: float | None | Unset = UNSET
    resting_hr: int | None | Unset = UNSET
    sleep_quality: int | None | Unset = UNSET
    sleep_score: float | None | Unset = UNSET
    sleep_secs: int | None | Unset = UNSET
    soreness: int | None | Unset = UNSET
    sp_o2: float | None | Unset = UNSET
    sport_info: list[IcuSportInfo] | None | Unset = UNSET
    steps: int | None | Unset = UNSET
    stress: int | None | Unset = UNSET
    systolic: int | None | Unset = UNSET
    temp_resting_hr: bool | None | Unset = UNSET
    temp_weight: bool | None | Unset = UNSET
    updated: datetime.datetime | None | Unset = UNSET
    vo2max: float | None | Unset = UNSET
    weight: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.icu_sport_info import IcuSportInfo # noqa: PLC0415
        abdomen: float | None | Unset
        if isinstance(self.abdomen, Unset):
            abdomen = UNSET
        else:
            abdomen = self.abdomen

        atl: float | None | Unset
        if isinstance(self.atl, Unset):
            atl = UNSET
        else:
            atl = self.atl

        atl_load: float | None | Unset
        if isinstance(self.atl_load, Unset):
            atl_load = UNSET
        else:
            atl_load = self.atl_load

        avg_sleeping_hr: float | None | Unset
        if isinstance(self.avg_sleeping_hr, Unset):
            avg_sleeping_hr = UNSET
        else:
            avg_sleeping_hr = self.avg_sleeping_hr

        baevsky_si: float | None | Unset
        if isinstance(self.baevsky_si, Unset):
            baevsky_si = UNSET
        else:
            baevsky_si = self.baevsky_si

        blood_glucose: float | None | Unset
        if isinstance(self.blood_glucose, Unset):
            blood_glucose = UNSET
        else:
            blood_glucose = self.blood_glucose

        body_fat: float | None | Unset
        if isinstance(self.body_fat, Unset):
            body_fat = UNSET
        else:
            body_fat = self.body_fat

        carbohydrates: float | None | Unset
        if isinstance(self.carbohydrates, Unset):
            carbohydrates = UNSET
        else:
            carbohydrates = self.carbohydrates

        comments: None | str | Unset
        if isinstance(self.comments, Unset):
            comments = UNSET
        else:
            comments = self.comments

        ctl: float | None | Unset
        if isinstance(self.ctl, Unset):
            ctl = UNSET
        else:
            ctl = self.ctl

        ctl_load: float | None | Unset
        if isinstance(self.ctl_load, Unset):
            ctl_load = UNSET
        else:
            ctl_load = self.ctl_load

        diastolic: int | None | Unset
        if isinstance(self.diastolic, Unset):
            diastolic = UNSET
        else:
            diastolic = self.diastolic

        fat_total: float | None | Unset
        if isinstance(self.fat_total, Unset):
            fat_total = UNSET
        else:
            fat_total = self.fat_total

        fatigue: int | None | Unset
        if isinstance(self.fatigue, Unset):
            fatigue = UNSET
        else:
            fatigue = self.fatigue

        hrv: float | None | Unset
        if isinstance(self.hrv, Unset):
            hrv = UNSET
        else:
            hrv = self.hrv

        hrv_sdnn: float | None | Unset
        if isinstance(self.hrv_sdnn, Unset):
            hrv_sdnn = UNSET
        else:
            hrv_sdnn = self.hrv_sdnn

        hydration: int | None | Unset
        if isinstance(self.hydration, Unset):
            hydration = UNSET
        else:
            hydration = self.hydration

        hydration_volume: float | None | Unset
        if isinstance(self.hydration_volume, Unset):
            hydration_volume = UNSET
        else:
            hydration_volume = self.hydration_volume

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        injury: int | None | Unset
        if isinstance(self.injury, Unset):
            injury = UNSET
        else:
            injury = self.injury

        kcal_consumed: int | None | Unset
        if isinstance(self.kcal_consumed, Unset):
            kcal_consumed = UNSET
        else:
            kcal_consumed = self.kcal_consumed

        lactate: float | None | Unset
        if isinstance(self.lactate, Unset):
            lactate = UNSET
        else:
            lactate = self.lactate

        locked: bool | None | Unset
        if isinstance(self.locked, Unset):
            locked = UNSET
        else:
            locked = self.locked

        menstrual_phase: None | str | Unset
        if isinstance(self.menstrual_phase, Unset):
            menstrual_phase = UNSET
        elif isinstance(self.menstrual_phase, IcuWellnessMenstrualPhaseType1):
            menstrual_phase = self.menstrual_phase.value
        elif isinstance(self.menstrual_phase, IcuWellnessMenstrualPhaseType2Type1):
            menstrual_phase = self.menstrual_phase.value
        elif isinstance(self.menstrual_phase, IcuWellnessMenstrualPhaseType3Type1):
            menstrual_phase = self.menstrual_phase.value
        else:
            menstrual_phase = self.menstrual_phase

        menstrual_phase_predicted: None | str | Unset
        if isinstance(self.menstrual_phase_predicted, Unset):
            menstrual_phase_predicted = UNSET
        elif isinstance(self.menstrual_phase_predicted, IcuWellnessMenstrualPhasePredictedType1):
            menstrual_phase_predicted = self.menstrual_phase_predicted.value
        elif isinstance(self.menstrual_phase_predicted, IcuWellnessMenstrualPhasePredictedType2Type1):
            menstrual_phase_predicted = self.menstrual_phase_predicted.value
        elif isinstance(self.menstrual_phase_predicted, IcuWellnessMenstrualPhasePredictedType3Type1):
            menstrual_phase_predicted = self.menstrual_phase_predicted.value
        else:
            menstrual_phase_predicted = self.menstrual_phase_predicted

        mood: int | None | Unset
        if isinstance(self.mood, Unset):
            mood = UNSET
        else:
            mood = self.mood

        motivation: int | None | Unset
        if isinstance(self.motivation, Unset):
            motivation = UNSET
        else:
            motivation = self.motivation

        protein: float | None | Unset
        if isinstance(self.protein, Unset):
            protein = UNSET
        else:
            protein = self.protein

        ramp_rate: float | None | Unset
        if isinstance(self.ramp_rate, Unset):
            ramp_rate = UNSET
        else:
            ramp_rate = self.ramp_rate

        readiness: float | None | Unset
        if isinstance(self.readiness, Unset):
            readiness = UNSET
        else:
            readiness = self.readiness

        respiration: float | None | Unset
        if isinstance(self.respiration, Unset):
            respiration = UNSET
        else:
            respiration = self.respiration

        resting_hr: int | None | Unset
        if isinstance(self.resting_hr, Unset):
            resting_hr = UNSET
        else:
            resting_hr = self.resting_hr

        sleep_quality: int | None | Unset
        if isinstance(self.sleep_quality, Unset):
            sleep_quality = UNSET
        else:
            sleep_quality = self.sleep_quality

        sleep_score: float | None | Unset
        if isinstance(self.sleep_score, Unset):
            sleep_score = UNSET
        else:
            sleep_score = self.sleep_score

        sleep_secs: int | None | Unset
        if isinstance(self.sleep_secs, Unset):
            sleep_secs = UNSET
        else:
            sleep_secs = self.sleep_secs

        soreness: int | None | Unset
        if isinstance(self.soreness, Unset):
            soreness = UNSET
        else:
            soreness = self.soreness

        sp_o2: float | None | Unset
        if isinstance(self.sp_o2, Unset):
            sp_o2 = UNSET
        else:
            sp_o2 = self.sp_o2

        sport_info: list[dict[str, Any]] | None | Unset
        if isinstance(self.sport_info, Unset):
            sport_info = UNSET
        elif isinstance(self.sport_info, list):
            sport_info = []
            for sport_info_type_0_item_data in self.sport_info:
                sport_info_type_0_item = sport_info_type_0_item_data.to_dict()
                sport_info.append(sport_info_type_0_item)


        else:
            sport_info = self.sport_info

        steps: int | None | Unset
        if isinstance(self.steps, Unset):
            steps = UNSET
        else:
            steps = self.steps

        stress: int | None | Unset
        if isinstance(self.stress, Unset):
            stress = UNSET
        else:
            stress = self.stress

        systolic: int | None | Unset
        if isinstance(self.systolic, Unset):
            systolic = UNSET
        else:
            systolic = self.systolic

        temp_resting_hr: bool | None | Unset
        if isinstance(self.temp_resting_hr, Unset):
            temp_resting_hr = UNSET
        else:
            temp_resting_hr = self.temp_resting_hr

        temp_weight: bool | None | Unset
        if isinstance(self.temp_weight, Unset):
            temp_weight = UNSET
        else:
            temp_weight = self.temp_weight

        updated: None | str | Unset
        if isinstance(self.updated, Unset):
            updated = UNSET
        elif isinstance(self.updated, datetime.datetime):
            updated = self.updated.isoformat()
        else:
            updated = self.updated

        vo2max: float | None | Unset
        if isinstance(self.vo2max, Unset):
            vo2max = UNSET
        else:
            vo2max = self.vo2max

        weight: float | None | Unset
        if isinstance(self.weight, Unset):
            weight = UNSET
        else:
            weight = self.weight


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if abdomen is not UNSET:
            field_dict["abdomen"] = abdomen
        if atl is not UNSET:
            field_dict["atl"] = atl
        if atl_load is not UNSET:
            field_dict["atlLoad"] = atl_load
        if avg_sleeping_hr is not UNSET:
            field_dict["avgSleepingHR"] = avg_sleeping_hr
        if baevsky_si is not UNSET:
            field_dict["baevskySI"] = baevsky_si
        if blood_glucose is not UNSET:
            field_dict["bloodGlucose"] = blood_glucose
        if body_fat is not UNSET:
            field_dict["bodyFat"] = body_fat
        if carbohydrates is not UNSET:
            field_dict["carbohydrates"] = carbohydrates
        if comments is not UNSET:
            field_dict["comments"] = comments
        if ctl is not UNSET:
            field_dict["ctl"] = ctl
        if ctl_load is not UNSET:
            field_dict["ctlLoad"] = ctl_load
        if diastolic is not UNSET:
            field_dict["diastolic"] = diastolic
        if fat_total is not UNSET:
            field_dict["fatTotal"] = fat_total
        if fatigue is not UNSET:
            field_dict["fatigue"] = fatigue
        if hrv is not UNSET:
            field_dict["hrv"] = hrv
        if hrv_sdnn is not UNSET:
            field_dict["hrvSDNN"] = hrv_sdnn
        if hydration is not UNSET:
            field_dict["hydration"] = hydration
        if hydration_volume is not UNSET:
            field_dict["hydrationVolume"] = hydration_volume
        if id is not UNSET:
            field_dict["id"] = id
        if injury is not UNSET:
            field_dict["injury"] = injury
        if kcal_consumed is not UNSET:
            field_dict["kcalConsumed"] = kcal_consumed
        if lactate is not UNSET:
            field_dict["lactate"] = lactate
        if locked is not UNSET:
            field_dict["locked"] = locked
        if menstrual_phase is not UNSET:
            field_dict["menstrualPhase"] = menstrual_phase
        if menstrual_phase_predicted is not UNSET:
            field_dict["menstrualPhasePredicted"] = menstrual_phase_predicted
        if mood is not UNSET:
            field_dict["mood"] = mood
        if motivation is not UNSET:
            field_dict["motivation"] = motivation
        if protein is not UNSET:
            field_dict["protein"] = protein
        if ramp_rate is not UNSET:
            field_dict["rampRate"] = ramp_rate
        if readiness is not UNSET:
            field_dict["readiness"] = readiness
        if respiration is not UNSET:
            field_dict["respiration"] = respiration
        if resting_hr is not UNSET:
            field_dict["restingHR"] = resting_hr
        if sleep_quality is not UNSET:
            field_dict["sleepQuality"] = sleep_quality
        if sleep_score is not UNSET:
            field_dict["sleepScore"] = sleep_score
        if sleep_secs is not UNSET:
            field_dict["sleepSecs"] = sleep_secs
        if soreness is not UNSET:
            field_dict["soreness"] = soreness
        if sp_o2 is not UNSET:
            field_dict["spO2"] = sp_o2
        if sport_info is not UNSET:
            field_dict["sportInfo"] = sport_info
        if steps is not UNSET:
            field_dict["steps"] = steps
        if stress is not UNSET:
            field_dict["stress"] = stress
        if systolic is not UNSET:
            field_dict["systolic"] = systolic
        if temp_resting_hr is not UNSET:
            field_dict["tempRestingHR"] = temp_resting_hr
        if temp_weight is not UNSET:
            field_dict["tempWeight"] = temp_weight
        if updated is not UNSET:
            field_dict["updated"] = updated
        if vo2max is not UNSET:
            field_dict["vo2max"] = vo2max
        if weight is not UNSET:
            field_dict["weight"] = weight

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.icu_sport_info import IcuSportInfo # noqa: PLC0415
        d = dict(src_dict)
        def _parse_abdomen(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        abdomen = _parse_abdomen(d.pop("abdomen", UNSET))


        def _parse_atl(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        atl = _parse_atl(d.pop("atl", UNSET))


        def _parse_atl_load(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        atl_load = _parse_atl_load(d.pop("atlLoad", UNSET))


        def _parse_avg_sleeping_hr(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        avg_sleeping_hr = _parse_avg_sleeping_hr(d.pop("avgSleepingHR", UNSET))


        def _parse_baevsky_si(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        baevsky_si = _parse_baevsky_si(d.pop("baevskySI", UNSET))


        def _parse_blood_glucose(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        blood_glucose = _parse_blood_glucose(d.pop("bloodGlucose", UNSET))


        def _parse_body_fat(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        body_fat = _parse_body_fat(d.pop("bodyFat", UNSET))


        def _parse_carbohydrates(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        carbohydrates = _parse_carbohydrates(d.pop("carbohydrates", UNSET))


        def _parse_comments(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comments = _parse_comments(d.pop("comments", UNSET))


        def _parse_ctl(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ctl = _parse_ctl(d.pop("ctl", UNSET))


        def _parse_ctl_load(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ctl_load = _parse_ctl_load(d.pop("ctlLoad", UNSET))


        def _parse_diastolic(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        diastolic = _parse_diastolic(d.pop("diastolic", UNSET))


        def _parse_fat_total(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        fat_total = _parse_fat_total(d.pop("fatTotal", UNSET))


        def _parse_fatigue(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fatigue = _parse_fatigue(d.pop("fatigue", UNSET))


        def _parse_hrv(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        hrv = _parse_hrv(d.pop("hrv", UNSET))


        def _parse_hrv_sdnn(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        hrv_sdnn = _parse_hrv_sdnn(d.pop("hrvSDNN", UNSET))


        def _parse_hydration(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        hydration = _parse_hydration(d.pop("hydration", UNSET))


        def _parse_hydration_volume(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        hydration_volume = _parse_hydration_volume(d.pop("hydrationVolume", UNSET))


        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))


        def _parse_injury(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        injury = _parse_injury(d.pop("injury", UNSET))


        def _parse_kcal_consumed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        kcal_consumed = _parse_kcal_consumed(d.pop("kcalConsumed", UNSET))


        def _parse_lactate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        lactate = _parse_lactate(d.pop("lactate", UNSET))


        def _parse_locked(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        locked = _parse_locked(d.pop("locked", UNSET))


        def _parse_menstrual_phase(data: object) -> IcuWellnessMenstrualPhaseType1 | IcuWellnessMenstrualPhaseType2Type1 | IcuWellnessMenstrualPhaseType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                menstrual_phase_type_1 = IcuWellnessMenstrualPhaseType1(data)



                return menstrual_phase_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                menstrual_phase_type_2_type_1 = IcuWellnessMenstrualPhaseType2Type1(data)



                return menstrual_phase_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                menstrual_phase_type_3_type_1 = IcuWellnessMenstrualPhaseType3Type1(data)



                return menstrual_phase_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuWellnessMenstrualPhaseType1 | IcuWellnessMenstrualPhaseType2Type1 | IcuWellnessMenstrualPhaseType3Type1 | None | Unset, data)

        menstrual_phase = _parse_menstrual_phase(d.pop("menstrualPhase", UNSET))


        def _parse_menstrual_phase_predicted(data: object) -> IcuWellnessMenstrualPhasePredictedType1 | IcuWellnessMenstrualPhasePredictedType2Type1 | IcuWellnessMenstrualPhasePredictedType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                menstrual_phase_predicted_type_1 = IcuWellnessMenstrualPhasePredictedType1(data)



                return menstrual_phase_predicted_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                menstrual_phase_predicted_type_2_type_1 = IcuWellnessMenstrualPhasePredictedType2Type1(data)



                return menstrual_phase_predicted_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                menstrual_phase_predicted_type_3_type_1 = IcuWellnessMenstrualPhasePredictedType3Type1(data)



                return menstrual_phase_predicted_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IcuWellnessMenstrualPhasePredictedType1 | IcuWellnessMenstrualPhasePredictedType2Type1 | IcuWellnessMenstrualPhasePredictedType3Type1 | None | Unset, data)

        menstrual_phase_predicted = _parse_menstrual_phase_predicted(d.pop("menstrualPhasePredicted", UNSET))


        def _parse_mood(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        mood = _parse_mood(d.pop("mood", UNSET))


        def _parse_motivation(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        motivation = _parse_motivation(d.pop("motivation", UNSET))


        def _parse_protein(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        protein = _parse_protein(d.pop("protein", UNSET))


        def _parse_ramp_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ramp_rate = _parse_ramp_rate(d.pop("rampRate", UNSET))


        def _parse_readiness(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        readiness = _parse_readiness(d.pop("readiness", UNSET))


        def _parse_respiration(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        respiration = _parse_respiration(d.pop("respiration", UNSET))


        def _parse_resting_hr(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        resting_hr = _parse_resting_hr(d.pop("restingHR", UNSET))


        def _parse_sleep_quality(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sleep_quality = _parse_sleep_quality(d.pop("sleepQuality", UNSET))


        def _parse_sleep_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        sleep_score = _parse_sleep_score(d.pop("sleepScore", UNSET))


        def _parse_sleep_secs(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sleep_secs = _parse_sleep_secs(d.pop("sleepSecs", UNSET))


        def _parse_soreness(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        soreness = _parse_soreness(d.pop("soreness", UNSET))


        def _parse_sp_o2(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        sp_o2 = _parse_sp_o2(d.pop("spO2", UNSET))


        def _parse_sport_info(data: object) -> list[IcuSportInfo] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                sport_info_type_0 = []
                _sport_info_type_0 = data
                for sport_info_type_0_item_data in (_sport_info_type_0):
                    sport_info_type_0_item = IcuSportInfo.from_dict(sport_info_type_0_item_data)



                    sport_info_type_0.append(sport_info_type_0_item)

                return sport_info_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IcuSportInfo] | None | Unset, data)

        sport_info = _parse_sport_info(d.pop("sportInfo", UNSET))


        def _parse_steps(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        steps = _parse_steps(d.pop("steps", UNSET))


        def _parse_stress(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        stress = _parse_stress(d.pop("stress", UNSET))


        def _parse_systolic(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        systolic = _parse_systolic(d.pop("systolic", UNSET))


        def _parse_temp_resting_hr(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        temp_resting_hr = _parse_temp_resting_hr(d.pop("tempRestingHR", UNSET))


        def _parse_temp_weight(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        temp_weight = _parse_temp_weight(d.pop("tempWeight", UNSET))


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


        def _parse_vo2max(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        vo2max = _parse_vo2max(d.pop("vo2max", UNSET))


        def _parse_weight(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        weight = _parse_weight(d.pop("weight", UNSET))


        icu_wellness = cls(
            abdomen=abdomen,
            atl=atl,
            atl_load=atl_load,
            avg_sleeping_hr=avg_sleeping_hr,
            baevsky_si=baevsky_si,
            blood_glucose=blood_glucose,
            body_fat=body_fat,
            carbohydrates=carbohydrates,
            comments=comments,
            ctl=ctl,
            ctl_load=ctl_load,
            diastolic=diastolic,
            fat_total=fat_total,
            fatigue=fatigue,
            hrv=hrv,
            hrv_sdnn=hrv_sdnn,
            hydration=hydration,
            hydration_volume=hydration_volume,
            id=id,
            injury=injury,
            kcal_consumed=kcal_consumed,
            lactate=lactate,
            locked=locked,
            menstrual_phase=menstrual_phase,
            menstrual_phase_predicted=menstrual_phase_predicted,
            mood=mood,
            motivation=motivation,
            protein=protein,
            ramp_rate=ramp_rate,
            readiness=readiness,
            respiration=respiration,
            resting_hr=resting_hr,
            sleep_quality=sleep_quality,
            sleep_score=sleep_score,
            sleep_secs=sleep_secs,
            soreness=soreness,
            sp_o2=sp_o2,
            sport_info=sport_info,
            steps=steps,
            stress=stress,
            systolic=systolic,
            temp_resting_hr=temp_resting_hr,
            temp_weight=temp_weight,
            updated=updated,
            vo2max=vo2max,
            weight=weight,
        )


        icu_wellness.additional_properties = d
        return icu_wellness

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
