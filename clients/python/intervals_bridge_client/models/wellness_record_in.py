from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.wellness_record_in_abdomen_type_1 import WellnessRecordInAbdomenType1
from ..models.wellness_record_in_avg_sleeping_hr_type_1 import WellnessRecordInAvgSleepingHRType1
from ..models.wellness_record_in_baevsky_si_type_1 import WellnessRecordInBaevskySIType1
from ..models.wellness_record_in_blood_glucose_type_1 import WellnessRecordInBloodGlucoseType1
from ..models.wellness_record_in_body_fat_type_1 import WellnessRecordInBodyFatType1
from ..models.wellness_record_in_carbohydrates_type_1 import WellnessRecordInCarbohydratesType1
from ..models.wellness_record_in_diastolic_type_1 import WellnessRecordInDiastolicType1
from ..models.wellness_record_in_fat_total_type_1 import WellnessRecordInFatTotalType1
from ..models.wellness_record_in_fatigue_type_1 import WellnessRecordInFatigueType1
from ..models.wellness_record_in_hrv_sdnn_type_1 import WellnessRecordInHrvSDNNType1
from ..models.wellness_record_in_hrv_type_1 import WellnessRecordInHrvType1
from ..models.wellness_record_in_hydration_type_1 import WellnessRecordInHydrationType1
from ..models.wellness_record_in_hydration_volume_type_1 import WellnessRecordInHydrationVolumeType1
from ..models.wellness_record_in_injury_type_1 import WellnessRecordInInjuryType1
from ..models.wellness_record_in_kcal_consumed_type_1 import WellnessRecordInKcalConsumedType1
from ..models.wellness_record_in_lactate_type_1 import WellnessRecordInLactateType1
from ..models.wellness_record_in_menstrual_phase import WellnessRecordInMenstrualPhase
from ..models.wellness_record_in_mood_type_1 import WellnessRecordInMoodType1
from ..models.wellness_record_in_motivation_type_1 import WellnessRecordInMotivationType1
from ..models.wellness_record_in_protein_type_1 import WellnessRecordInProteinType1
from ..models.wellness_record_in_readiness_type_1 import WellnessRecordInReadinessType1
from ..models.wellness_record_in_respiration_type_1 import WellnessRecordInRespirationType1
from ..models.wellness_record_in_resting_hr_type_1 import WellnessRecordInRestingHRType1
from ..models.wellness_record_in_sleep_quality_type_1 import WellnessRecordInSleepQualityType1
from ..models.wellness_record_in_sleep_score_type_1 import WellnessRecordInSleepScoreType1
from ..models.wellness_record_in_sleep_secs_type_1 import WellnessRecordInSleepSecsType1
from ..models.wellness_record_in_soreness_type_1 import WellnessRecordInSorenessType1
from ..models.wellness_record_in_sp_o2_type_1 import WellnessRecordInSpO2Type1
from ..models.wellness_record_in_steps_type_1 import WellnessRecordInStepsType1
from ..models.wellness_record_in_stress_type_1 import WellnessRecordInStressType1
from ..models.wellness_record_in_systolic_type_1 import WellnessRecordInSystolicType1
from ..models.wellness_record_in_vo_2_max_type_1 import WellnessRecordInVo2MaxType1
from ..models.wellness_record_in_weight_type_1 import WellnessRecordInWeightType1
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="WellnessRecordIn")



@_attrs_define
class WellnessRecordIn:
    """ One day of wellness to hand over: `id` and at least one writable field.

        Attributes:
            id (str): The day, `YYYY-MM-DD`.
            abdomen (float | Unset | WellnessRecordInAbdomenType1): A number from 20 to 300 (cm); -1 unsets it.
            avg_sleeping_hr (float | Unset | WellnessRecordInAvgSleepingHRType1): A number from 20 to 250 (bpm); -1 unsets
                it.
            baevsky_si (float | Unset | WellnessRecordInBaevskySIType1): A number from 0 to 10000; -1 unsets it.
            blood_glucose (float | Unset | WellnessRecordInBloodGlucoseType1): A number from 0 to 50 (mmol/L); -1 unsets it.
            body_fat (float | Unset | WellnessRecordInBodyFatType1): A number from 1 to 80 (%); -1 unsets it.
            carbohydrates (float | Unset | WellnessRecordInCarbohydratesType1): A number from 0 to 5000 (g); -1 unsets it.
            comments (str | Unset): Text, at most 2000 characters.
            diastolic (int | Unset | WellnessRecordInDiastolicType1): An integer from 20 to 200 (mmHg); -1 unsets it.
            fat_total (float | Unset | WellnessRecordInFatTotalType1): A number from 0 to 5000 (g); -1 unsets it.
            fatigue (int | Unset | WellnessRecordInFatigueType1): An integer from 1 to 4 (1 good … 4 bad); -1 unsets it.
            hrv (float | Unset | WellnessRecordInHrvType1): A number from 1 to 1000 (ms); -1 unsets it.
            hrv_sdnn (float | Unset | WellnessRecordInHrvSDNNType1): A number from 1 to 1000 (ms); -1 unsets it.
            hydration (int | Unset | WellnessRecordInHydrationType1): An integer from 1 to 4 (1 good … 4 bad); -1 unsets it.
            hydration_volume (float | Unset | WellnessRecordInHydrationVolumeType1): A number from 0 to 20000 (ml); -1
                unsets it.
            injury (int | Unset | WellnessRecordInInjuryType1): An integer from 1 to 4 (1 good … 4 bad); -1 unsets it.
            kcal_consumed (int | Unset | WellnessRecordInKcalConsumedType1): An integer from 0 to 30000 (kcal); -1 unsets
                it.
            lactate (float | Unset | WellnessRecordInLactateType1): A number from 0 to 40 (mmol/L); -1 unsets it.
            locked (bool | Unset):
            menstrual_phase (WellnessRecordInMenstrualPhase | Unset): One of PERIOD, FOLLICULAR, OVULATING, LUTEAL, NONE.
            mood (int | Unset | WellnessRecordInMoodType1): An integer from 1 to 4 (1 good … 4 bad); -1 unsets it.
            motivation (int | Unset | WellnessRecordInMotivationType1): An integer from 1 to 4 (1 good … 4 bad); -1 unsets
                it.
            protein (float | Unset | WellnessRecordInProteinType1): A number from 0 to 5000 (g); -1 unsets it.
            readiness (float | Unset | WellnessRecordInReadinessType1): A number from 0 to 100; -1 unsets it.
            respiration (float | Unset | WellnessRecordInRespirationType1): A number from 1 to 100 (breaths/min); -1 unsets
                it.
            resting_hr (int | Unset | WellnessRecordInRestingHRType1): An integer from 20 to 250 (bpm); -1 unsets it.
            sleep_quality (int | Unset | WellnessRecordInSleepQualityType1): An integer from 1 to 4 (1 good … 4 bad); -1
                unsets it.
            sleep_score (float | Unset | WellnessRecordInSleepScoreType1): A number from 0 to 100; -1 unsets it.
            sleep_secs (int | Unset | WellnessRecordInSleepSecsType1): An integer from 0 to 86400 (s); -1 unsets it.
            soreness (int | Unset | WellnessRecordInSorenessType1): An integer from 1 to 4 (1 good … 4 bad); -1 unsets it.
            sp_o2 (float | Unset | WellnessRecordInSpO2Type1): A number from 50 to 100 (%); -1 unsets it.
            steps (int | Unset | WellnessRecordInStepsType1): An integer from 0 to 200000; -1 unsets it.
            stress (int | Unset | WellnessRecordInStressType1): An integer from 1 to 4 (1 good … 4 bad); -1 unsets it.
            systolic (int | Unset | WellnessRecordInSystolicType1): An integer from 50 to 300 (mmHg); -1 unsets it.
            vo2max (float | Unset | WellnessRecordInVo2MaxType1): A number from 10 to 100 (ml/kg/min); -1 unsets it.
            weight (float | Unset | WellnessRecordInWeightType1): A number from 1 to 500 (kg); -1 unsets it.
     """

    id: str
    abdomen: float | Unset | WellnessRecordInAbdomenType1 = UNSET
    avg_sleeping_hr: float | Unset | WellnessRecordInAvgSleepingHRType1 = UNSET
    baevsky_si: float | Unset | WellnessRecordInBaevskySIType1 = UNSET
    blood_glucose: float | Unset | WellnessRecordInBloodGlucoseType1 = UNSET
    body_fat: float | Unset | WellnessRecordInBodyFatType1 = UNSET
    carbohydrates: float | Unset | WellnessRecordInCarbohydratesType1 = UNSET
    comments: str | Unset = UNSET
    diastolic: int | Unset | WellnessRecordInDiastolicType1 = UNSET
    fat_total: float | Unset | WellnessRecordInFatTotalType1 = UNSET
    fatigue: int | Unset | WellnessRecordInFatigueType1 = UNSET
    hrv: float | Unset | WellnessRecordInHrvType1 = UNSET
    hrv_sdnn: float | Unset | WellnessRecordInHrvSDNNType1 = UNSET
    hydration: int | Unset | WellnessRecordInHydrationType1 = UNSET
    hydration_volume: float | Unset | WellnessRecordInHydrationVolumeType1 = UNSET
    injury: int | Unset | WellnessRecordInInjuryType1 = UNSET
    kcal_consumed: int | Unset | WellnessRecordInKcalConsumedType1 = UNSET
    lactate: float | Unset | WellnessRecordInLactateType1 = UNSET
    locked: bool | Unset = UNSET
    menstrual_phase: WellnessRecordInMenstrualPhase | Unset = UNSET
    mood: int | Unset | WellnessRecordInMoodType1 = UNSET
    motivation: int | Unset | WellnessRecordInMotivationType1 = UNSET
    protein: float | Unset | WellnessRecordInProteinType1 = UNSET
    readiness: float | Unset | WellnessRecordInReadinessType1 = UNSET
    respiration: float | Unset | WellnessRecordInRespirationType1 = UNSET
    resting_hr: int | Unset | WellnessRecordInRestingHRType1 = UNSET
    sleep_quality: int | Unset | WellnessRecordInSleepQualityType1 = UNSET
    sleep_score: float | Unset | WellnessRecordInSleepScoreType1 = UNSET
    sleep_secs: int | Unset | WellnessRecordInSleepSecsType1 = UNSET
    soreness: int | Unset | WellnessRecordInSorenessType1 = UNSET
    sp_o2: float | Unset | WellnessRecordInSpO2Type1 = UNSET
    steps: int | Unset | WellnessRecordInStepsType1 = UNSET
    stress: int | Unset | WellnessRecordInStressType1 = UNSET
    systolic: int | Unset | WellnessRecordInSystolicType1 = UNSET
    vo2max: float | Unset | WellnessRecordInVo2MaxType1 = UNSET
    weight: float | Unset | WellnessRecordInWeightType1 = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        abdomen: float | int | Unset
        if isinstance(self.abdomen, Unset):
            abdomen = UNSET
        elif isinstance(self.abdomen, WellnessRecordInAbdomenType1):
            abdomen = self.abdomen.value
        else:
            abdomen = self.abdomen

        avg_sleeping_hr: float | int | Unset
        if isinstance(self.avg_sleeping_hr, Unset):
            avg_sleeping_hr = UNSET
        elif isinstance(self.avg_sleeping_hr, WellnessRecordInAvgSleepingHRType1):
            avg_sleeping_hr = self.avg_sleeping_hr.value
        else:
            avg_sleeping_hr = self.avg_sleeping_hr

        baevsky_si: float | int | Unset
        if isinstance(self.baevsky_si, Unset):
            baevsky_si = UNSET
        elif isinstance(self.baevsky_si, WellnessRecordInBaevskySIType1):
            baevsky_si = self.baevsky_si.value
        else:
            baevsky_si = self.baevsky_si

        blood_glucose: float | int | Unset
        if isinstance(self.blood_glucose, Unset):
            blood_glucose = UNSET
        elif isinstance(self.blood_glucose, WellnessRecordInBloodGlucoseType1):
            blood_glucose = self.blood_glucose.value
        else:
            blood_glucose = self.blood_glucose

        body_fat: float | int | Unset
        if isinstance(self.body_fat, Unset):
            body_fat = UNSET
        elif isinstance(self.body_fat, WellnessRecordInBodyFatType1):
            body_fat = self.body_fat.value
        else:
            body_fat = self.body_fat

        carbohydrates: float | int | Unset
        if isinstance(self.carbohydrates, Unset):
            carbohydrates = UNSET
        elif isinstance(self.carbohydrates, WellnessRecordInCarbohydratesType1):
            carbohydrates = self.carbohydrates.value
        else:
            carbohydrates = self.carbohydrates

        comments = self.comments

        diastolic: int | Unset
        if isinstance(self.diastolic, Unset):
            diastolic = UNSET
        elif isinstance(self.diastolic, WellnessRecordInDiastolicType1):
            diastolic = self.diastolic.value
        else:
            diastolic = self.diastolic

        fat_total: float | int | Unset
        if isinstance(self.fat_total, Unset):
            fat_total = UNSET
        elif isinstance(self.fat_total, WellnessRecordInFatTotalType1):
            fat_total = self.fat_total.value
        else:
            fat_total = self.fat_total

        fatigue: int | Unset
        if isinstance(self.fatigue, Unset):
            fatigue = UNSET
        elif isinstance(self.fatigue, WellnessRecordInFatigueType1):
            fatigue = self.fatigue.value
        else:
            fatigue = self.fatigue

        hrv: float | int | Unset
        if isinstance(self.hrv, Unset):
            hrv = UNSET
        elif isinstance(self.hrv, WellnessRecordInHrvType1):
            hrv = self.hrv.value
        else:
            hrv = self.hrv

        hrv_sdnn: float | int | Unset
        if isinstance(self.hrv_sdnn, Unset):
            hrv_sdnn = UNSET
        elif isinstance(self.hrv_sdnn, WellnessRecordInHrvSDNNType1):
            hrv_sdnn = self.hrv_sdnn.value
        else:
            hrv_sdnn = self.hrv_sdnn

        hydration: int | Unset
        if isinstance(self.hydration, Unset):
            hydration = UNSET
        elif isinstance(self.hydration, WellnessRecordInHydrationType1):
            hydration = self.hydration.value
        else:
            hydration = self.hydration

        hydration_volume: float | int | Unset
        if isinstance(self.hydration_volume, Unset):
            hydration_volume = UNSET
        elif isinstance(self.hydration_volume, WellnessRecordInHydrationVolumeType1):
            hydration_volume = self.hydration_volume.value
        else:
            hydration_volume = self.hydration_volume

        injury: int | Unset
        if isinstance(self.injury, Unset):
            injury = UNSET
        elif isinstance(self.injury, WellnessRecordInInjuryType1):
            injury = self.injury.value
        else:
            injury = self.injury

        kcal_consumed: int | Unset
        if isinstance(self.kcal_consumed, Unset):
            kcal_consumed = UNSET
        elif isinstance(self.kcal_consumed, WellnessRecordInKcalConsumedType1):
            kcal_consumed = self.kcal_consumed.value
        else:
            kcal_consumed = self.kcal_consumed

        lactate: float | int | Unset
        if isinstance(self.lactate, Unset):
            lactate = UNSET
        elif isinstance(self.lactate, WellnessRecordInLactateType1):
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
        elif isinstance(self.mood, WellnessRecordInMoodType1):
            mood = self.mood.value
        else:
            mood = self.mood

        motivation: int | Unset
        if isinstance(self.motivation, Unset):
            motivation = UNSET
        elif isinstance(self.motivation, WellnessRecordInMotivationType1):
            motivation = self.motivation.value
        else:
            motivation = self.motivation

        protein: float | int | Unset
        if isinstance(self.protein, Unset):
            protein = UNSET
        elif isinstance(self.protein, WellnessRecordInProteinType1):
            protein = self.protein.value
        else:
            protein = self.protein

        readiness: float | int | Unset
        if isinstance(self.readiness, Unset):
            readiness = UNSET
        elif isinstance(self.readiness, WellnessRecordInReadinessType1):
            readiness = self.readiness.value
        else:
            readiness = self.readiness

        respiration: float | int | Unset
        if isinstance(self.respiration, Unset):
            respiration = UNSET
        elif isinstance(self.respiration, WellnessRecordInRespirationType1):
            respiration = self.respiration.value
        else:
            respiration = self.respiration

        resting_hr: int | Unset
        if isinstance(self.resting_hr, Unset):
            resting_hr = UNSET
        elif isinstance(self.resting_hr, WellnessRecordInRestingHRType1):
            resting_hr = self.resting_hr.value
        else:
            resting_hr = self.resting_hr

        sleep_quality: int | Unset
        if isinstance(self.sleep_quality, Unset):
            sleep_quality = UNSET
        elif isinstance(self.sleep_quality, WellnessRecordInSleepQualityType1):
            sleep_quality = self.sleep_quality.value
        else:
            sleep_quality = self.sleep_quality

        sleep_score: float | int | Unset
        if isinstance(self.sleep_score, Unset):
            sleep_score = UNSET
        elif isinstance(self.sleep_score, WellnessRecordInSleepScoreType1):
            sleep_score = self.sleep_score.value
        else:
            sleep_score = self.sleep_score

        sleep_secs: int | Unset
        if isinstance(self.sleep_secs, Unset):
            sleep_secs = UNSET
        elif isinstance(self.sleep_secs, WellnessRecordInSleepSecsType1):
            sleep_secs = self.sleep_secs.value
        else:
            sleep_secs = self.sleep_secs

        soreness: int | Unset
        if isinstance(self.soreness, Unset):
            soreness = UNSET
        elif isinstance(self.soreness, WellnessRecordInSorenessType1):
            soreness = self.soreness.value
        else:
            soreness = self.soreness

        sp_o2: float | int | Unset
        if isinstance(self.sp_o2, Unset):
            sp_o2 = UNSET
        elif isinstance(self.sp_o2, WellnessRecordInSpO2Type1):
            sp_o2 = self.sp_o2.value
        else:
            sp_o2 = self.sp_o2

        steps: int | Unset
        if isinstance(self.steps, Unset):
            steps = UNSET
        elif isinstance(self.steps, WellnessRecordInStepsType1):
            steps = self.steps.value
        else:
            steps = self.steps

        stress: int | Unset
        if isinstance(self.stress, Unset):
            stress = UNSET
        elif isinstance(self.stress, WellnessRecordInStressType1):
            stress = self.stress.value
        else:
            stress = self.stress

        systolic: int | Unset
        if isinstance(self.systolic, Unset):
            systolic = UNSET
        elif isinstance(self.systolic, WellnessRecordInSystolicType1):
            systolic = self.systolic.value
        else:
            systolic = self.systolic

        vo2max: float | int | Unset
        if isinstance(self.vo2max, Unset):
            vo2max = UNSET
        elif isinstance(self.vo2max, WellnessRecordInVo2MaxType1):
            vo2max = self.vo2max.value
        else:
            vo2max = self.vo2max

        weight: float | int | Unset
        if isinstance(self.weight, Unset):
            weight = UNSET
        elif isinstance(self.weight, WellnessRecordInWeightType1):
            weight = self.weight.value
        else:
            weight = self.weight


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
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
        id = d.pop("id")

        def _parse_abdomen(data: object) -> float | Unset | WellnessRecordInAbdomenType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                abdomen_type_1 = WellnessRecordInAbdomenType1(data)



                return abdomen_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessRecordInAbdomenType1, data)

        abdomen = _parse_abdomen(d.pop("abdomen", UNSET))


        def _parse_avg_sleeping_hr(data: object) -> float | Unset | WellnessRecordInAvgSleepingHRType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                avg_sleeping_hr_type_1 = WellnessRecordInAvgSleepingHRType1(data)



                return avg_sleeping_hr_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessRecordInAvgSleepingHRType1, data)

        avg_sleeping_hr = _parse_avg_sleeping_hr(d.pop("avgSleepingHR", UNSET))


        def _parse_baevsky_si(data: object) -> float | Unset | WellnessRecordInBaevskySIType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                baevsky_si_type_1 = WellnessRecordInBaevskySIType1(data)



                return baevsky_si_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessRecordInBaevskySIType1, data)

        baevsky_si = _parse_baevsky_si(d.pop("baevskySI", UNSET))


        def _parse_blood_glucose(data: object) -> float | Unset | WellnessRecordInBloodGlucoseType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                blood_glucose_type_1 = WellnessRecordInBloodGlucoseType1(data)



                return blood_glucose_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessRecordInBloodGlucoseType1, data)

        blood_glucose = _parse_blood_glucose(d.pop("bloodGlucose", UNSET))


        def _parse_body_fat(data: object) -> float | Unset | WellnessRecordInBodyFatType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                body_fat_type_1 = WellnessRecordInBodyFatType1(data)



                return body_fat_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessRecordInBodyFatType1, data)

        body_fat = _parse_body_fat(d.pop("bodyFat", UNSET))


        def _parse_carbohydrates(data: object) -> float | Unset | WellnessRecordInCarbohydratesType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                carbohydrates_type_1 = WellnessRecordInCarbohydratesType1(data)



                return carbohydrates_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessRecordInCarbohydratesType1, data)

        carbohydrates = _parse_carbohydrates(d.pop("carbohydrates", UNSET))


        comments = d.pop("comments", UNSET)

        def _parse_diastolic(data: object) -> int | Unset | WellnessRecordInDiastolicType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                diastolic_type_1 = WellnessRecordInDiastolicType1(data)



                return diastolic_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessRecordInDiastolicType1, data)

        diastolic = _parse_diastolic(d.pop("diastolic", UNSET))


        def _parse_fat_total(data: object) -> float | Unset | WellnessRecordInFatTotalType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                fat_total_type_1 = WellnessRecordInFatTotalType1(data)



                return fat_total_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessRecordInFatTotalType1, data)

        fat_total = _parse_fat_total(d.pop("fatTotal", UNSET))


        def _parse_fatigue(data: object) -> int | Unset | WellnessRecordInFatigueType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                fatigue_type_1 = WellnessRecordInFatigueType1(data)



                return fatigue_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessRecordInFatigueType1, data)

        fatigue = _parse_fatigue(d.pop("fatigue", UNSET))


        def _parse_hrv(data: object) -> float | Unset | WellnessRecordInHrvType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                hrv_type_1 = WellnessRecordInHrvType1(data)



                return hrv_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessRecordInHrvType1, data)

        hrv = _parse_hrv(d.pop("hrv", UNSET))


        def _parse_hrv_sdnn(data: object) -> float | Unset | WellnessRecordInHrvSDNNType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                hrv_sdnn_type_1 = WellnessRecordInHrvSDNNType1(data)



                return hrv_sdnn_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessRecordInHrvSDNNType1, data)

        hrv_sdnn = _parse_hrv_sdnn(d.pop("hrvSDNN", UNSET))


        def _parse_hydration(data: object) -> int | Unset | WellnessRecordInHydrationType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                hydration_type_1 = WellnessRecordInHydrationType1(data)



                return hydration_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessRecordInHydrationType1, data)

        hydration = _parse_hydration(d.pop("hydration", UNSET))


        def _parse_hydration_volume(data: object) -> float | Unset | WellnessRecordInHydrationVolumeType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                hydration_volume_type_1 = WellnessRecordInHydrationVolumeType1(data)



                return hydration_volume_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessRecordInHydrationVolumeType1, data)

        hydration_volume = _parse_hydration_volume(d.pop("hydrationVolume", UNSET))


        def _parse_injury(data: object) -> int | Unset | WellnessRecordInInjuryType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                injury_type_1 = WellnessRecordInInjuryType1(data)



                return injury_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessRecordInInjuryType1, data)

        injury = _parse_injury(d.pop("injury", UNSET))


        def _parse_kcal_consumed(data: object) -> int | Unset | WellnessRecordInKcalConsumedType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                kcal_consumed_type_1 = WellnessRecordInKcalConsumedType1(data)



                return kcal_consumed_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessRecordInKcalConsumedType1, data)

        kcal_consumed = _parse_kcal_consumed(d.pop("kcalConsumed", UNSET))


        def _parse_lactate(data: object) -> float | Unset | WellnessRecordInLactateType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                lactate_type_1 = WellnessRecordInLactateType1(data)



                return lactate_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessRecordInLactateType1, data)

        lactate = _parse_lactate(d.pop("lactate", UNSET))


        locked = d.pop("locked", UNSET)

        _menstrual_phase = d.pop("menstrualPhase", UNSET)
        menstrual_phase: WellnessRecordInMenstrualPhase | Unset
        if isinstance(_menstrual_phase,  Unset):
            menstrual_phase = UNSET
        else:
            menstrual_phase = WellnessRecordInMenstrualPhase(_menstrual_phase)




        def _parse_mood(data: object) -> int | Unset | WellnessRecordInMoodType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                mood_type_1 = WellnessRecordInMoodType1(data)



                return mood_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessRecordInMoodType1, data)

        mood = _parse_mood(d.pop("mood", UNSET))


        def _parse_motivation(data: object) -> int | Unset | WellnessRecordInMotivationType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                motivation_type_1 = WellnessRecordInMotivationType1(data)



                return motivation_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessRecordInMotivationType1, data)

        motivation = _parse_motivation(d.pop("motivation", UNSET))


        def _parse_protein(data: object) -> float | Unset | WellnessRecordInProteinType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                protein_type_1 = WellnessRecordInProteinType1(data)



                return protein_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessRecordInProteinType1, data)

        protein = _parse_protein(d.pop("protein", UNSET))


        def _parse_readiness(data: object) -> float | Unset | WellnessRecordInReadinessType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                readiness_type_1 = WellnessRecordInReadinessType1(data)



                return readiness_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessRecordInReadinessType1, data)

        readiness = _parse_readiness(d.pop("readiness", UNSET))


        def _parse_respiration(data: object) -> float | Unset | WellnessRecordInRespirationType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                respiration_type_1 = WellnessRecordInRespirationType1(data)



                return respiration_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessRecordInRespirationType1, data)

        respiration = _parse_respiration(d.pop("respiration", UNSET))


        def _parse_resting_hr(data: object) -> int | Unset | WellnessRecordInRestingHRType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                resting_hr_type_1 = WellnessRecordInRestingHRType1(data)



                return resting_hr_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessRecordInRestingHRType1, data)

        resting_hr = _parse_resting_hr(d.pop("restingHR", UNSET))


        def _parse_sleep_quality(data: object) -> int | Unset | WellnessRecordInSleepQualityType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                sleep_quality_type_1 = WellnessRecordInSleepQualityType1(data)



                return sleep_quality_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessRecordInSleepQualityType1, data)

        sleep_quality = _parse_sleep_quality(d.pop("sleepQuality", UNSET))


        def _parse_sleep_score(data: object) -> float | Unset | WellnessRecordInSleepScoreType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                sleep_score_type_1 = WellnessRecordInSleepScoreType1(data)



                return sleep_score_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessRecordInSleepScoreType1, data)

        sleep_score = _parse_sleep_score(d.pop("sleepScore", UNSET))


        def _parse_sleep_secs(data: object) -> int | Unset | WellnessRecordInSleepSecsType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                sleep_secs_type_1 = WellnessRecordInSleepSecsType1(data)



                return sleep_secs_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessRecordInSleepSecsType1, data)

        sleep_secs = _parse_sleep_secs(d.pop("sleepSecs", UNSET))


        def _parse_soreness(data: object) -> int | Unset | WellnessRecordInSorenessType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                soreness_type_1 = WellnessRecordInSorenessType1(data)



                return soreness_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessRecordInSorenessType1, data)

        soreness = _parse_soreness(d.pop("soreness", UNSET))


        def _parse_sp_o2(data: object) -> float | Unset | WellnessRecordInSpO2Type1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                sp_o2_type_1 = WellnessRecordInSpO2Type1(data)



                return sp_o2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessRecordInSpO2Type1, data)

        sp_o2 = _parse_sp_o2(d.pop("spO2", UNSET))


        def _parse_steps(data: object) -> int | Unset | WellnessRecordInStepsType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                steps_type_1 = WellnessRecordInStepsType1(data)



                return steps_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessRecordInStepsType1, data)

        steps = _parse_steps(d.pop("steps", UNSET))


        def _parse_stress(data: object) -> int | Unset | WellnessRecordInStressType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                stress_type_1 = WellnessRecordInStressType1(data)



                return stress_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessRecordInStressType1, data)

        stress = _parse_stress(d.pop("stress", UNSET))


        def _parse_systolic(data: object) -> int | Unset | WellnessRecordInSystolicType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                systolic_type_1 = WellnessRecordInSystolicType1(data)



                return systolic_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WellnessRecordInSystolicType1, data)

        systolic = _parse_systolic(d.pop("systolic", UNSET))


        def _parse_vo2max(data: object) -> float | Unset | WellnessRecordInVo2MaxType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                vo2max_type_1 = WellnessRecordInVo2MaxType1(data)



                return vo2max_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessRecordInVo2MaxType1, data)

        vo2max = _parse_vo2max(d.pop("vo2max", UNSET))


        def _parse_weight(data: object) -> float | Unset | WellnessRecordInWeightType1:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                weight_type_1 = WellnessRecordInWeightType1(data)



                return weight_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | Unset | WellnessRecordInWeightType1, data)

        weight = _parse_weight(d.pop("weight", UNSET))


        wellness_record_in = cls(
            id=id,
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

        return wellness_record_in

