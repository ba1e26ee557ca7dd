from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.wellness_fields_abdomen_type_1 import WellnessFieldsAbdomenType1
from ..models.wellness_fields_avg_sleeping_hr_type_1 import WellnessFieldsAvgSleepingHRType1
from ..models.wellness_fields_baevsky_si_type_1 import WellnessFieldsBaevskySIType1
from ..models.wellness_fields_blood_glucose_type_1 import WellnessFieldsBloodGlucoseType1
from ..models.wellness_fields_body_fat_type_1 import WellnessFieldsBodyFatType1
from ..models.wellness_fields_carbohydrates_type_1 import WellnessFieldsCarbohydratesType1
from ..models.wellness_fields_diastolic_type_1 import WellnessFieldsDiastolicType1
from ..models.wellness_fields_fat_total_type_1 import WellnessFieldsFatTotalType1
from ..models.wellness_fields_fatigue_type_1 import WellnessFieldsFatigueType1
from ..models.wellness_fields_hrv_sdnn_type_1 import WellnessFieldsHrvSDNNType1
from ..models.wellness_fields_hrv_type_1 import WellnessFieldsHrvType1
from ..models.wellness_fields_hydration_type_1 import WellnessFieldsHydrationType1
from ..models.wellness_fields_hydration_volume_type_1 import WellnessFieldsHydrationVolumeType1
from ..models.wellness_fields_injury_type_1 import WellnessFieldsInjuryType1
from ..models.wellness_fields_kcal_consumed_type_1 import WellnessFieldsKcalConsumedType1
from ..models.wellness_fields_lactate_type_1 import WellnessFieldsLactateType1
from ..models.wellness_fields_menstrual_phase import WellnessFieldsMenstrualPhase
from ..models.wellness_fields_mood_type_1 import WellnessFieldsMoodType1
from ..models.wellness_fields_motivation_type_1 import WellnessFieldsMotivationType1
from ..models.wellness_fields_protein_type_1 import WellnessFieldsProteinType1
from ..models.wellness_fields_readiness_type_1 import WellnessFieldsReadinessType1
from ..models.wellness_fields_respiration_type_1 import WellnessFieldsRespirationType1
from ..models.wellness_fields_resting_hr_type_1 import WellnessFieldsRestingHRType1
from ..models.wellness_fields_sleep_quality_type_1 import WellnessFieldsSleepQualityType1
from ..models.wellness_fields_sleep_score_type_1 import WellnessFieldsSleepScoreType1
from ..models.wellness_fields_sleep_secs_type_1 import WellnessFieldsSleepSecsType1
from ..models.wellness_fields_soreness_type_1 import WellnessFieldsSorenessType1
from ..models.wellness_fields_sp_o2_type_1 import WellnessFieldsSpO2Type1
from ..models.wellness_fields_steps_type_1 import WellnessFieldsStepsType1
from ..models.wellness_fields_stress_type_1 import WellnessFieldsStressType1
from ..models.wellness_fields_systolic_type_1 import WellnessFieldsSystolicType1
from ..models.wellness_fields_vo_2_max_type_1 import WellnessFieldsVo2MaxType1
from ..models.wellness_fields_weight_type_1 import WellnessFieldsWeightType1
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="WellnessFields")



@_attrs_define
class WellnessFields:
    """ Intervals.icu's writable wellness fields, with their units and the ranges the bridge accepts; `-1` unsets a numeric
    field.

        Attributes:
            abdomen (float | Unset | WellnessFieldsAbdomenType1): A number from 20 to 300 (cm); -1 unsets it.
            avg_sleeping_hr (float | Unset | WellnessFieldsAvgSleepingHRType1): A number from 20 to 250 (bpm); -1 unsets it.
            baevsky_si (float | Unset | WellnessFieldsBaevskySIType1): A number from 0 to 10000; -1 unsets it.
            blood_glucose (float | Unset | WellnessFieldsBloodGlucoseType1): A number from 0 to 50 (mmol/L); -1 unsets it.
            body_fat (float | Unset | WellnessFieldsBodyFatType1): A number from 1 to 80 (%); -1 unsets it.
            carbohydrates (float | Unset | WellnessFieldsCarbohydratesType1): A number from 0 to 5000 (g); -1 unsets it.
            comments (str | Unset): Text, at most 2000 characters.
            diastolic (int | Unset | WellnessFieldsDiastolicType1): An integer from 20 to 200 (mmHg); -1 unsets it.
            fat_total (float | Unset | WellnessFieldsFatTotalType1): A number from 0 to 5000 (g); -1 unsets it.
            fatigue (int | Unset | WellnessFieldsFatigueType1): An integer from 1 to 4 (1 good … 4 bad); -1 unsets it.
            hrv (float | Unset | WellnessFieldsHrvType1): A number from 1 to 1000 (ms); -1 unsets it.
            hrv_sdnn (float | Unset | WellnessFieldsHrvSDNNType1): A number from 1 to 1000 (ms); -1 unsets it.
            hydration (int | Unset | WellnessFieldsHydrationType1): An integer from 1 to 4 (1 good … 4 bad); -1 unsets it.
            hydration_volume (float | Unset | WellnessFieldsHydrationVolumeType1): A number from 0 to 20000 (ml); -1 unsets
                it.
            injury (int | Unset | WellnessFieldsInjuryType1): An integer from 1 to 4 (1 good … 4 bad); -1 unsets it.
            kcal_consumed (int | Unset | WellnessFieldsKcalConsumedType1): An integer from 0 to 30000 (kcal); -1 unsets it.
            lactate (float | Unset | WellnessFieldsLactateType1): A number from 0 to 40 (mmol/L); -1 unsets it.
            locked (bool | Unset):
            menstrual_phase (WellnessFieldsMenstrualPhase | Unset): One of PERIOD, FOLLICULAR, OVULATING, LUTEAL, NONE.
            mood (int | Unset | WellnessFieldsMoodType1): An integer from 1 to 4 (1 good … 4 bad); -1 unsets it.
            motivation (int | Unset | WellnessFieldsMotivationType1): An integer from 1 to 4 (1 good … 4 bad); -1 unsets it.
            protein (float | Unset | WellnessFieldsProteinType1): A number from 0 to 5000 (g); -1 unsets it.
            readiness (float | Unset | WellnessFieldsReadinessType1): A number from 0 to 100; -1 unsets it.
            respiration (float | Unset | WellnessFieldsRespirationType1): A number from 1 to 100 (breaths/min); -1 unsets
                it.
            resting_hr (int | Unset | WellnessFieldsRestingHRType1): An integer from 20 to 250 (bpm); -1 unsets it.
            sleep_quality (int | Unset | WellnessFieldsSleepQualityType1): An integer from 1 to 4 (1 good … 4 bad); -1
                unsets it.
            sleep_score (float | Unset | WellnessFieldsSleepScoreType1): A number from 0 to 100; -1 unsets it.
            sleep_secs (int | Unset | WellnessFieldsSleepSecsType1): An integer from 0 to 86400 (s); -1 unsets it.
            soreness (int | Unset | WellnessFieldsSorenessType1): An integer from 1 to 4 (1 good … 4 bad); -1 unsets it.
            sp_o2 (float | Unset | WellnessFieldsSpO2Type1): A number from 50 to 100 (%); -1 unsets it.
            steps (int | Unset | WellnessFieldsStepsType1): An integer from 0 to 200000; -1 unsets it.
            stress (int | Unset | WellnessFieldsStressType1): An integer from 1 to 4 (1 good … 4 bad); -1 unsets it.
            systolic (int | Unset | WellnessFieldsSystolicType1): An integer from 50 to 300 (mmHg); -1 unsets it.
            vo2max (float | Unset | WellnessFieldsVo2MaxType1): A number from 10 to 100 (ml/kg/min); -1 unsets it.
            weight (float | Unset | WellnessFieldsWeightType1): A number from 1 to 500 (kg); -1 unsets it.
     """

    abdomen: float | Unset | WellnessFieldsAbdomenType1 = UNSET
    avg_sleeping_hr: float | Unset | WellnessFieldsAvgSleepingHRType1 = UNSET
    baevsky_si: float | Unset | WellnessFieldsBaevskySIType1 = UNSET
    blood_glucose: float | Unset | WellnessFieldsBloodGlucoseType1 = UNSET
    body_fat: float | Unset | WellnessFieldsBodyFatType1 = UNSET
    carbohydrates: float | Unset | WellnessFieldsCarbohydratesType1 = UNSET
    comments: str | Unset = UNSET
    diastolic: int | Unset | WellnessFieldsDiastolicType1 = UNSET
    fat_total: float | Unset | WellnessFieldsFatTotalType1 = UNSET
    fatigue: int | Unset | WellnessFieldsFatigueType1 = UNSET
    hrv: float | Unset | WellnessFieldsHrvType1 = UNSET
    hrv_sdnn: float | Unset | WellnessFieldsHrvSDNNType1 = UNSET
    hydration: int | Unset | WellnessFieldsHydrationType1 = UNSET
    hydration_volume: float | Unset | WellnessFieldsHydrationVolumeType1 = UNSET
    injury: int | Unset | WellnessFieldsInjuryType1 = UNSET
    kcal_consumed: int | Unset | WellnessFieldsKcalConsumedType1 = UNSET
    lactate: float | Unset | WellnessFieldsLactateType1 = UNSET
    locked: bool | Unset = UNSET
    menstrual_phase: WellnessFieldsMenstrualPhase | Unset = UNSET
    mood: int | Unset | WellnessFieldsMoodType1 = UNSET
    motivation: int | Unset | WellnessFieldsMotivationType1 = UNSET
    protein: float | Unset | WellnessFieldsProteinType1 = UNSET
    readiness: float | Unset | WellnessFieldsReadinessType1 = UNSET
    respiration: float | Unset | WellnessFieldsRespirationType1 = UNSET
    resting_hr: int | Unset | WellnessFieldsRestingHRType1 = UNSET
    sleep_quality: int | Unset | WellnessFieldsSleepQualityType1 = UNSET
    sleep_score: float | Unset | WellnessFieldsSleepScoreType1 = UNSET
    sleep_secs: int | Unset | WellnessFieldsSleepSecsType1 = UNSET
    soreness: int | Unset | WellnessFieldsSorenessType1 = UNSET
    sp_o2: float | Unset | WellnessFieldsSpO2Type1 = UNSET
    steps: int | Unset | WellnessFieldsStepsType1 = UNSET
    stress: int | Unset | WellnessFieldsStressType1 = UNSET
    systolic: int | Unset | WellnessFieldsSystolicType1 = UNSET
    vo2max: float | Unset | WellnessFieldsVo2MaxType1 = UNSET
    weight: float | Unset | WellnessFieldsWeightType1 = UNSET





    def to_dict(self) -> dict[str, Any]:
        abdomen: float | int | Unset
        if isinstance(self.abdomen, Unset):
            abdomen = UNSET
        elif isinstance(self.abdomen, WellnessFieldsAbdomenType1):
            abdomen = self.abdomen.value
        else:
            abdomen = self.abdomen

        avg_sleeping_hr: float | int | Unset
        if isinstance(self.avg_sleeping_hr, Unset):
            avg_sleeping_hr = UNSET
        elif isinstance(self.avg_sleeping_hr, WellnessFieldsAvgSleepingHRType1):
            avg_sleeping_hr = self.avg_sleeping_hr.value
        else:
            avg_sleeping_hr = self.avg_sleeping_hr

        baevsky_si: float | int | Unset
        if isinstance(self.baevsky_si, Unset):
            baevsky_si = UNSET
        elif isinstance(self.baevsky_si, WellnessFieldsBaevskySIType1):
            baevsky_si = self.baevsky_si.value
        else:
            baevsky_si = self.baevsky_si

        blood_glucose: float | int | Unset
        if isinstance(self.blood_glucose, Unset):
            blood_glucose = UNSET
        elif isinstance(self.blood_glucose, WellnessFieldsBloodGlucoseType1):
            blood_glucose = self.blood_glucose.value
        else:
            blood_glucose = self.blood_glucose

        body_fat: float | int | Unset
        if isinstance(self.body_fat, Unset):
            body_fat = UNSET
        elif isinstance(self.body_fat, WellnessFieldsBodyFatType1):
            body_fat = self.body_fat.value
        else:
            body_fat = self.body_fat

        carbohydrates: float | int | Unset
        if isinstance(self.carbohydrates, Unset):
            carbohydrates = UNSET
        elif isinstance(self.carbohydrates, WellnessFieldsCarbohydratesType1):
            carbohydrates = self.carbohydrates.value
        else:
            carbohydrates = self.carbohydrates

        comments = self.comments

        diastolic: int | Unset
        if isinstance(self.diastolic, Unset):
            diastolic = UNSET
        elif isinstance(self.diastolic, WellnessFieldsDiastolicType1):
            diastolic = self.diastolic.value
        else:
            diastolic = self.diastolic

        fat_total: float | int | Unset
        if isinstance(self.fat_total, Unset):
            fat_total = UNSET
        elif isinstance(self.fat_total, WellnessFieldsFatTotalType1):
            fat_total = self.fat_total.value
        else:
            fat_total = self.fat_total

        fatigue: int | Unset
        if isinstance(self.fatigue, Unset):
            fatigue = UNSET
        elif isinstance(self.fatigue, WellnessFieldsFatigueType1):
            fatigue = self.fatigue.value
        else:
            fatigue = self.fatigue

        hrv: float | int | Unset
        if isinstance(self.hrv, Unset):
            hrv = UNSET
        elif isinstance(self.hrv, WellnessFieldsHrvType1):
            hrv = self.hrv.value
        else:
            hrv = self.hrv

        hrv_sdnn: float | int | Unset
        if isinstance(self.hrv_sdnn, Unset):
            hrv_sdnn = UNSET
        elif isinstance(self.hrv_sdnn, WellnessFieldsHrvSDNNType1):
            hrv_sdnn = self.hrv_sdnn.value
        else:
            hrv_sdnn = self.hrv_sdnn

        hydration: int | Unset
        if isinstance(self.hydration, Unset):
            hydration = UNSET
        elif isinstance(self.hydration, WellnessFieldsHydrationType1):
            hydration = self.hydration.value
        else:
            hydration = self.hydration

        hydration_volume: float | int | Unset
        if isinstance(self.hydration_volume, Unset):
            hydration_volume = UNSET
        elif isinstance(self.hydration_volume, WellnessFieldsHydrationVolumeType1):
            hydration_volume = self.hydration_volume.value
        else:
            hydration_volume = self.hydration_volume

        injury: int | Unset
        if isinstance(self.injury, Unset):
            injury = UNSET
        elif isinstance(self.injury, WellnessFieldsInjuryType1):
            injury = self.injury.value
        else:
            injury = self.injury

        kcal_consumed: int | Unset
        if isinstance(self.kcal_consumed, Unset):
            kcal_consumed = UNSET
        elif isinstance(self.kcal_consumed, WellnessFieldsKcalConsumedType1):
            kcal_consumed = self.kcal_consumed.value
        else:
            kcal_consumed = self.kcal_consumed

        lactate: float | int | Unset
        if isinstance(self.lactate, Unset):
            lactate = UNSET
        elif isinstance(self.lactate, WellnessFieldsLactateType1):
            lactate = self.lactate.value
        else:
            lactate = self.lactate

        locked = self.locked

        menstrual_phase: str | Unset = UNSET
        if not isinstance(self.menstrual_phase, Unset):
            menstrual_phase = self.menstrual_phase.value


        mood: int | Unset
        if isinstance(self.mood, Unset):
            mood = UNSET
        elif isinstance(self.mood, WellnessFieldsMoodType1):
            mood = self.mood.value
        else:
            mood = self.mood

        motivation: int | Unset
        if isinstance(self.motivation, Unset):
            motivation = UNSET
        elif isinstance(self.motivation, WellnessFieldsMotivationType1):
            motivation = self.motivation.value
        else:
            motivation = self.motivation

        protein: float | int | Unset
        if isinstance(self.protein, Unset):
            protein = UNSET
        elif isinstance(self.protein, WellnessFieldsProteinType1):
            protein = self.protein.value
        else:
            protein = self.protein

        readiness: float | int | Unset
        if isinstance(self.readiness, Unset):
            readiness = UNSET
        elif isinstance(self.readiness, WellnessFieldsReadinessType1):
            readiness = self.readiness.value
        else:
            readiness = self.readiness

        respiration: float | int | Unset
        if isinstance(self.respiration, Unset):
            respiration = UNSET
        elif isinstance(self.respiration, WellnessFieldsRespirationType1):
            respiration = self.respiration.value
        else:
            respiration = self.respiration

        resting_hr: int | Unset
        if isinstance(self.resting_hr, Unset):
            resting_hr = UNSET
        elif isinstance(self.resting_hr, WellnessFieldsRestingHRType1):
            resting_hr = self.resting_hr.value
        else:
            resting_hr = self.resting_hr

        sleep_quality: int | Unset
        if isinstance(self.sleep_quality, Unset):
            sleep_quality = UNSET
        elif isinstance(self.sleep_quality, WellnessFieldsSleepQualityType1):
            sleep_quality = self.sleep_quality.value
        else:
            sleep_quality = self.sleep_quality

        sleep_score: float | int | Unset
        if isinstance(self.sleep_score, Unset):
            sleep_score = UNSET
        elif isinstance(self.sleep_score, WellnessFieldsSleepScoreType1):
            sleep_score = self.sleep_score.value
        else:
            sleep_score = self.sleep_score

        sleep_secs: int | Unset
        if isinstance(self.sleep_secs, Unset):
            sleep_secs = UNSET
        elif isinstance(self.sleep_secs, WellnessFieldsSleepSecsType1):
            sleep_secs = self.sleep_secs.value
        else:
            sleep_secs = self.sleep_secs

        soreness: int | Unset
        if isinstance(self.soreness, Unset):
            soreness = UNSET
        elif isinstance(self.soreness, WellnessFieldsSorenessType1):
            soreness = self.soreness.value
        else:
            soreness = self.soreness

        sp_o2: float | int | Unset
        if isinstance(self.sp_o2, Unset):
            sp_o2 = UNSET
        elif isinstance(self.sp_o2, WellnessFieldsSpO2Type1):
            sp_o2 = self.sp_o2.value
        else:
            sp_o2 = self.sp_o2

        steps: int | Unset
        if isinstance(self.steps, Unset):
            steps = UNSET
        elif isinstance(self.steps, WellnessFieldsStepsType1):
            steps = self.steps.value
        else:
            steps = self.steps

        stress: int | Unset
        if isinstance(self.stress, Unset):
            stress = UNSET
        elif isinstance(self.stress, WellnessFieldsStressType1):
            stress = self.stress.value
        else:
            stress = self.stress

        systolic: int | Unset
        if isinstance(self.systolic, Unset):
            systolic = UNSET
        elif isinstance(self.systolic, WellnessFieldsSystolicType1):
            systolic = self.systolic.value
        else:
            systolic = self.systolic

        vo2max: float | int | Unset
        if isinstance(self.vo2max, Unset):
            vo2max = UNSET
        elif isinstance(self.vo2max, WellnessFieldsVo2MaxType1):
            vo2max = self.vo2max.value
        else:
            vo2max = self.vo2max

        weight: float | int | Unset
        if isinstance(self.weight, Unset):
            weight = UNSET
        elif isinstance(self.weight, WellnessFieldsWeightType1):
            weight = self.weight.value
        else:
            weight = self.weight


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if abdomen is not UNSET:
            field_dict["abdomen"] = abdomen
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
        if mood is not UNSET:
            field_dict["mood"] = mood
        if motivation is not UNSET:
            field_dict["motivation"] = motivation
        if protein is not UNSET:
            field_dict["protein"] = protein
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
        if steps is not UNSET:
            field_dict["steps"] = steps
        if stress is not UNSET:
            field_dict["stress"] = stress
        if systolic is not UNSET:
            field_dict["systolic"] = systolic
        if vo2max is not UNSET:
            field_dict["vo2max"] = vo2max
        if weight is not UNSET:
            field_dict["weight"] = weight

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_abdomen(data: object) -> float | Unset | WellnessFieldsAbdomenType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                abdomen_type_1 = WellnessFieldsAbdomenType1(data)



                return abdomen_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessFieldsAbdomenType1, data)

        abdomen = _parse_abdomen(d.pop("abdomen", UNSET))


        def _parse_avg_sleeping_hr(data: object) -> float | Unset | WellnessFieldsAvgSleepingHRType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                avg_sleeping_hr_type_1 = WellnessFieldsAvgSleepingHRType1(data)



                return avg_sleeping_hr_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessFieldsAvgSleepingHRType1, data)

        avg_sleeping_hr = _parse_avg_sleeping_hr(d.pop("avgSleepingHR", UNSET))


        def _parse_baevsky_si(data: object) -> float | Unset | WellnessFieldsBaevskySIType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                baevsky_si_type_1 = WellnessFieldsBaevskySIType1(data)



                return baevsky_si_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessFieldsBaevskySIType1, data)

        baevsky_si = _parse_baevsky_si(d.pop("baevskySI", UNSET))


        def _parse_blood_glucose(data: object) -> float | Unset | WellnessFieldsBloodGlucoseType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                blood_glucose_type_1 = WellnessFieldsBloodGlucoseType1(data)



                return blood_glucose_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessFieldsBloodGlucoseType1, data)

        blood_glucose = _parse_blood_glucose(d.pop("bloodGlucose", UNSET))


        def _parse_body_fat(data: object) -> float | Unset | WellnessFieldsBodyFatType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                body_fat_type_1 = WellnessFieldsBodyFatType1(data)



                return body_fat_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessFieldsBodyFatType1, data)

        body_fat = _parse_body_fat(d.pop("bodyFat", UNSET))


        def _parse_carbohydrates(data: object) -> float | Unset | WellnessFieldsCarbohydratesType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                carbohydrates_type_1 = WellnessFieldsCarbohydratesType1(data)



                return carbohydrates_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessFieldsCarbohydratesType1, data)

        carbohydrates = _parse_carbohydrates(d.pop("carbohydrates", UNSET))


        comments = d.pop("comments", UNSET)

        def _parse_diastolic(data: object) -> int | Unset | WellnessFieldsDiastolicType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                diastolic_type_1 = WellnessFieldsDiastolicType1(data)



                return diastolic_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessFieldsDiastolicType1, data)

        diastolic = _parse_diastolic(d.pop("diastolic", UNSET))


        def _parse_fat_total(data: object) -> float | Unset | WellnessFieldsFatTotalType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                fat_total_type_1 = WellnessFieldsFatTotalType1(data)



                return fat_total_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessFieldsFatTotalType1, data)

        fat_total = _parse_fat_total(d.pop("fatTotal", UNSET))


        def _parse_fatigue(data: object) -> int | Unset | WellnessFieldsFatigueType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                fatigue_type_1 = WellnessFieldsFatigueType1(data)



                return fatigue_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessFieldsFatigueType1, data)

        fatigue = _parse_fatigue(d.pop("fatigue", UNSET))


        def _parse_hrv(data: object) -> float | Unset | WellnessFieldsHrvType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                hrv_type_1 = WellnessFieldsHrvType1(data)



                return hrv_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessFieldsHrvType1, data)

        hrv = _parse_hrv(d.pop("hrv", UNSET))


        def _parse_hrv_sdnn(data: object) -> float | Unset | WellnessFieldsHrvSDNNType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                hrv_sdnn_type_1 = WellnessFieldsHrvSDNNType1(data)



                return hrv_sdnn_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessFieldsHrvSDNNType1, data)

        hrv_sdnn = _parse_hrv_sdnn(d.pop("hrvSDNN", UNSET))


        def _parse_hydration(data: object) -> int | Unset | WellnessFieldsHydrationType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                hydration_type_1 = WellnessFieldsHydrationType1(data)



                return hydration_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessFieldsHydrationType1, data)

        hydration = _parse_hydration(d.pop("hydration", UNSET))


        def _parse_hydration_volume(data: object) -> float | Unset | WellnessFieldsHydrationVolumeType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                hydration_volume_type_1 = WellnessFieldsHydrationVolumeType1(data)



                return hydration_volume_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessFieldsHydrationVolumeType1, data)

        hydration_volume = _parse_hydration_volume(d.pop("hydrationVolume", UNSET))


        def _parse_injury(data: object) -> int | Unset | WellnessFieldsInjuryType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                injury_type_1 = WellnessFieldsInjuryType1(data)



                return injury_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessFieldsInjuryType1, data)

        injury = _parse_injury(d.pop("injury", UNSET))


        def _parse_kcal_consumed(data: object) -> int | Unset | WellnessFieldsKcalConsumedType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                kcal_consumed_type_1 = WellnessFieldsKcalConsumedType1(data)



                return kcal_consumed_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessFieldsKcalConsumedType1, data)

        kcal_consumed = _parse_kcal_consumed(d.pop("kcalConsumed", UNSET))


        def _parse_lactate(data: object) -> float | Unset | WellnessFieldsLactateType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                lactate_type_1 = WellnessFieldsLactateType1(data)



                return lactate_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessFieldsLactateType1, data)

        lactate = _parse_lactate(d.pop("lactate", UNSET))


        locked = d.pop("locked", UNSET)

        _menstrual_phase = d.pop("menstrualPhase", UNSET)
        menstrual_phase: WellnessFieldsMenstrualPhase | Unset
        if isinstance(_menstrual_phase,  Unset):
            menstrual_phase = UNSET
        else:
            menstrual_phase = WellnessFieldsMenstrualPhase(_menstrual_phase)




        def _parse_mood(data: object) -> int | Unset | WellnessFieldsMoodType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                mood_type_1 = WellnessFieldsMoodType1(data)



                return mood_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessFieldsMoodType1, data)

        mood = _parse_mood(d.pop("mood", UNSET))


        def _parse_motivation(data: object) -> int | Unset | WellnessFieldsMotivationType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                motivation_type_1 = WellnessFieldsMotivationType1(data)



                return motivation_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessFieldsMotivationType1, data)

        motivation = _parse_motivation(d.pop("motivation", UNSET))


        def _parse_protein(data: object) -> float | Unset | WellnessFieldsProteinType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                protein_type_1 = WellnessFieldsProteinType1(data)



                return protein_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessFieldsProteinType1, data)

        protein = _parse_protein(d.pop("protein", UNSET))


        def _parse_readiness(data: object) -> float | Unset | WellnessFieldsReadinessType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                readiness_type_1 = WellnessFieldsReadinessType1(data)



                return readiness_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessFieldsReadinessType1, data)

        readiness = _parse_readiness(d.pop("readiness", UNSET))


        def _parse_respiration(data: object) -> float | Unset | WellnessFieldsRespirationType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                respiration_type_1 = WellnessFieldsRespirationType1(data)



                return respiration_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessFieldsRespirationType1, data)

        respiration = _parse_respiration(d.pop("respiration", UNSET))


        def _parse_resting_hr(data: object) -> int | Unset | WellnessFieldsRestingHRType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                resting_hr_type_1 = WellnessFieldsRestingHRType1(data)



                return resting_hr_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessFieldsRestingHRType1, data)

        resting_hr = _parse_resting_hr(d.pop("restingHR", UNSET))


        def _parse_sleep_quality(data: object) -> int | Unset | WellnessFieldsSleepQualityType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                sleep_quality_type_1 = WellnessFieldsSleepQualityType1(data)



                return sleep_quality_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessFieldsSleepQualityType1, data)

        sleep_quality = _parse_sleep_quality(d.pop("sleepQuality", UNSET))


        def _parse_sleep_score(data: object) -> float | Unset | WellnessFieldsSleepScoreType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                sleep_score_type_1 = WellnessFieldsSleepScoreType1(data)



                return sleep_score_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessFieldsSleepScoreType1, data)

        sleep_score = _parse_sleep_score(d.pop("sleepScore", UNSET))


        def _parse_sleep_secs(data: object) -> int | Unset | WellnessFieldsSleepSecsType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                sleep_secs_type_1 = WellnessFieldsSleepSecsType1(data)



                return sleep_secs_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessFieldsSleepSecsType1, data)

        sleep_secs = _parse_sleep_secs(d.pop("sleepSecs", UNSET))


        def _parse_soreness(data: object) -> int | Unset | WellnessFieldsSorenessType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                soreness_type_1 = WellnessFieldsSorenessType1(data)



                return soreness_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessFieldsSorenessType1, data)

        soreness = _parse_soreness(d.pop("soreness", UNSET))


        def _parse_sp_o2(data: object) -> float | Unset | WellnessFieldsSpO2Type1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                sp_o2_type_1 = WellnessFieldsSpO2Type1(data)



                return sp_o2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessFieldsSpO2Type1, data)

        sp_o2 = _parse_sp_o2(d.pop("spO2", UNSET))


        def _parse_steps(data: object) -> int | Unset | WellnessFieldsStepsType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                steps_type_1 = WellnessFieldsStepsType1(data)



                return steps_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessFieldsStepsType1, data)

        steps = _parse_steps(d.pop("steps", UNSET))


        def _parse_stress(data: object) -> int | Unset | WellnessFieldsStressType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                stress_type_1 = WellnessFieldsStressType1(data)



                return stress_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessFieldsStressType1, data)

        stress = _parse_stress(d.pop("stress", UNSET))


        def _parse_systolic(data: object) -> int | Unset | WellnessFieldsSystolicType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                systolic_type_1 = WellnessFieldsSystolicType1(data)



                return systolic_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessFieldsSystolicType1, data)

        systolic = _parse_systolic(d.pop("systolic", UNSET))


        def _parse_vo2max(data: object) -> float | Unset | WellnessFieldsVo2MaxType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                vo2max_type_1 = WellnessFieldsVo2MaxType1(data)



                return vo2max_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessFieldsVo2MaxType1, data)

        vo2max = _parse_vo2max(d.pop("vo2max", UNSET))


        def _parse_weight(data: object) -> float | Unset | WellnessFieldsWeightType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                weight_type_1 = WellnessFieldsWeightType1(data)



                return weight_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessFieldsWeightType1, data)

        weight = _parse_weight(d.pop("weight", UNSET))


        wellness_fields = cls(
            abdomen=abdomen,
            avg_sleeping_hr=avg_sleeping_hr,
            baevsky_si=baevsky_si,
            blood_glucose=blood_glucose,
            body_fat=body_fat,
            carbohydrates=carbohydrates,
            comments=comments,
            diastolic=diastolic,
            fat_total=fat_total,
            fatigue=fatigue,
            hrv=hrv,
            hrv_sdnn=hrv_sdnn,
            hydration=hydration,
            hydration_volume=hydration_volume,
            injury=injury,
            kcal_consumed=kcal_consumed,
            lactate=lactate,
            locked=locked,
            menstrual_phase=menstrual_phase,
            mood=mood,
            motivation=motivation,
            protein=protein,
            readiness=readiness,
            respiration=respiration,
            resting_hr=resting_hr,
            sleep_quality=sleep_quality,
            sleep_score=sleep_score,
            sleep_secs=sleep_secs,
            soreness=soreness,
            sp_o2=sp_o2,
            steps=steps,
            stress=stress,
            systolic=systolic,
            vo2max=vo2max,
            weight=weight,
        )

        return wellness_fields

