""" Contains all the data models used in inputs/outputs """

from .activity import Activity
from .activity_achievements_event import ActivityAchievementsEvent
from .activity_achievements_event_data import ActivityAchievementsEventData
from .activity_achievements_event_type import ActivityAchievementsEventType
from .activity_analyzed_event import ActivityAnalyzedEvent
from .activity_analyzed_event_data import ActivityAnalyzedEventData
from .activity_analyzed_event_type import ActivityAnalyzedEventType
from .activity_deleted_event import ActivityDeletedEvent
from .activity_deleted_event_data import ActivityDeletedEventData
from .activity_deleted_event_type import ActivityDeletedEventType
from .activity_detail import ActivityDetail
from .activity_list import ActivityList
from .activity_updated_event import ActivityUpdatedEvent
from .activity_updated_event_data import ActivityUpdatedEventData
from .activity_updated_event_type import ActivityUpdatedEventType
from .activity_uploaded_event import ActivityUploadedEvent
from .activity_uploaded_event_data import ActivityUploadedEventData
from .activity_uploaded_event_type import ActivityUploadedEventType
from .attempt import Attempt
from .calendar_event_deleted_event import CalendarEventDeletedEvent
from .calendar_event_deleted_event_data import CalendarEventDeletedEventData
from .calendar_event_deleted_event_type import CalendarEventDeletedEventType
from .calendar_event_updated_event import CalendarEventUpdatedEvent
from .calendar_event_updated_event_data import CalendarEventUpdatedEventData
from .calendar_event_updated_event_type import CalendarEventUpdatedEventType
from .calendar_updated_event import CalendarUpdatedEvent
from .calendar_updated_event_data import CalendarUpdatedEventData
from .calendar_updated_event_type import CalendarUpdatedEventType
from .chat_update_event import ChatUpdateEvent
from .chat_update_event_data import ChatUpdateEventData
from .chat_update_event_type import ChatUpdateEventType
from .connect_session_created import ConnectSessionCreated
from .connected_service_event import ConnectedServiceEvent
from .connected_service_event_data import ConnectedServiceEventData
from .connected_service_event_type import ConnectedServiceEventType
from .connection_created_event import ConnectionCreatedEvent
from .connection_created_event_data import ConnectionCreatedEventData
from .connection_created_event_type import ConnectionCreatedEventType
from .connection_invalid_event import ConnectionInvalidEvent
from .connection_invalid_event_data import ConnectionInvalidEventData
from .connection_invalid_event_type import ConnectionInvalidEventType
from .connection_revoked_event import ConnectionRevokedEvent
from .connection_revoked_event_data import ConnectionRevokedEventData
from .connection_revoked_event_type import ConnectionRevokedEventType
from .connection_updated_event import ConnectionUpdatedEvent
from .connection_updated_event_data import ConnectionUpdatedEventData
from .connection_updated_event_data_status import ConnectionUpdatedEventDataStatus
from .connection_updated_event_type import ConnectionUpdatedEventType
from .create_connect_session import CreateConnectSession
from .create_connect_session_scopes_type_0_item import CreateConnectSessionScopesType0Item
from .deleted import Deleted
from .delivery_page import DeliveryPage
from .delivery_status import DeliveryStatus
from .delivery_view import DeliveryView
from .download_workout_file_format import DownloadWorkoutFileFormat
from .field_error import FieldError
from .fitness_updated_event import FitnessUpdatedEvent
from .fitness_updated_event_data import FitnessUpdatedEventData
from .fitness_updated_event_type import FitnessUpdatedEventType
from .health import Health
from .icu_activity import IcuActivity
from .icu_activity_charts import IcuActivityCharts
from .icu_activity_gap_model_type_1 import IcuActivityGapModelType1
from .icu_activity_gap_model_type_2_type_1 import IcuActivityGapModelType2Type1
from .icu_activity_gap_model_type_3_type_1 import IcuActivityGapModelType3Type1
from .icu_activity_hr_load_type_type_1 import IcuActivityHrLoadTypeType1
from .icu_activity_hr_load_type_type_2_type_1 import IcuActivityHrLoadTypeType2Type1
from .icu_activity_hr_load_type_type_3_type_1 import IcuActivityHrLoadTypeType3Type1
from .icu_activity_pace_load_type_type_1 import IcuActivityPaceLoadTypeType1
from .icu_activity_pace_load_type_type_2_type_1 import IcuActivityPaceLoadTypeType2Type1
from .icu_activity_pace_load_type_type_3_type_1 import IcuActivityPaceLoadTypeType3Type1
from .icu_activity_source_type_1 import IcuActivitySourceType1
from .icu_activity_source_type_2_type_1 import IcuActivitySourceType2Type1
from .icu_activity_source_type_3_type_1 import IcuActivitySourceType3Type1
from .icu_activity_sub_type_type_1 import IcuActivitySubTypeType1
from .icu_activity_sub_type_type_2_type_1 import IcuActivitySubTypeType2Type1
from .icu_activity_sub_type_type_3_type_1 import IcuActivitySubTypeType3Type1
from .icu_activity_tiz_order_type_1 import IcuActivityTizOrderType1
from .icu_activity_tiz_order_type_2_type_1 import IcuActivityTizOrderType2Type1
from .icu_activity_tiz_order_type_3_type_1 import IcuActivityTizOrderType3Type1
from .icu_activity_with_intervals import IcuActivityWithIntervals
from .icu_activity_with_intervals_gap_model_type_1 import IcuActivityWithIntervalsGapModelType1
from .icu_activity_with_intervals_gap_model_type_2_type_1 import IcuActivityWithIntervalsGapModelType2Type1
from .icu_activity_with_intervals_gap_model_type_3_type_1 import IcuActivityWithIntervalsGapModelType3Type1
from .icu_activity_with_intervals_hr_load_type_type_1 import IcuActivityWithIntervalsHrLoadTypeType1
from .icu_activity_with_intervals_hr_load_type_type_2_type_1 import IcuActivityWithIntervalsHrLoadTypeType2Type1
from .icu_activity_with_intervals_hr_load_type_type_3_type_1 import IcuActivityWithIntervalsHrLoadTypeType3Type1
from .icu_activity_with_intervals_pace_load_type_type_1 import IcuActivityWithIntervalsPaceLoadTypeType1
from .icu_activity_with_intervals_pace_load_type_type_2_type_1 import IcuActivityWithIntervalsPaceLoadTypeType2Type1
from .icu_activity_with_intervals_pace_load_type_type_3_type_1 import IcuActivityWithIntervalsPaceLoadTypeType3Type1
from .icu_activity_with_intervals_source_type_1 import IcuActivityWithIntervalsSourceType1
from .icu_activity_with_intervals_source_type_2_type_1 import IcuActivityWithIntervalsSourceType2Type1
from .icu_activity_with_intervals_source_type_3_type_1 import IcuActivityWithIntervalsSourceType3Type1
from .icu_activity_with_intervals_sub_type_type_1 import IcuActivityWithIntervalsSubTypeType1
from .icu_activity_with_intervals_sub_type_type_2_type_1 import IcuActivityWithIntervalsSubTypeType2Type1
from .icu_activity_with_intervals_sub_type_type_3_type_1 import IcuActivityWithIntervalsSubTypeType3Type1
from .icu_activity_with_intervals_tiz_order_type_1 import IcuActivityWithIntervalsTizOrderType1
from .icu_activity_with_intervals_tiz_order_type_2_type_1 import IcuActivityWithIntervalsTizOrderType2Type1
from .icu_activity_with_intervals_tiz_order_type_3_type_1 import IcuActivityWithIntervalsTizOrderType3Type1
from .icu_attachment import IcuAttachment
from .icu_data_curve_pt import IcuDataCurvePt
from .icu_display import IcuDisplay
from .icu_event import IcuEvent
from .icu_event_can_train_sports_type_0_item import IcuEventCanTrainSportsType0Item
from .icu_event_category_type_1 import IcuEventCategoryType1
from .icu_event_category_type_2_type_1 import IcuEventCategoryType2Type1
from .icu_event_category_type_3_type_1 import IcuEventCategoryType3Type1
from .icu_event_sub_type_type_1 import IcuEventSubTypeType1
from .icu_event_sub_type_type_2_type_1 import IcuEventSubTypeType2Type1
from .icu_event_sub_type_type_3_type_1 import IcuEventSubTypeType3Type1
from .icu_event_target_type_1 import IcuEventTargetType1
from .icu_event_target_type_2_type_1 import IcuEventTargetType2Type1
from .icu_event_target_type_3_type_1 import IcuEventTargetType3Type1
from .icu_event_training_availability_type_1 import IcuEventTrainingAvailabilityType1
from .icu_event_training_availability_type_2_type_1 import IcuEventTrainingAvailabilityType2Type1
from .icu_event_training_availability_type_3_type_1 import IcuEventTrainingAvailabilityType3Type1
from .icu_event_workout_doc_type_0 import IcuEventWorkoutDocType0
from .icu_hr_recovery import IcuHRRecovery
from .icu_icu_achievement import IcuIcuAchievement
from .icu_icu_achievement_type_type_1 import IcuIcuAchievementTypeType1
from .icu_icu_achievement_type_type_2_type_1 import IcuIcuAchievementTypeType2Type1
from .icu_icu_achievement_type_type_3_type_1 import IcuIcuAchievementTypeType3Type1
from .icu_ignore import IcuIgnore
from .icu_interval import IcuInterval
from .icu_interval_group import IcuIntervalGroup
from .icu_interval_type_type_1 import IcuIntervalTypeType1
from .icu_interval_type_type_2_type_1 import IcuIntervalTypeType2Type1
from .icu_interval_type_type_3_type_1 import IcuIntervalTypeType3Type1
from .icu_pos import IcuPos
from .icu_power_model import IcuPowerModel
from .icu_power_model_type_type_1 import IcuPowerModelTypeType1
from .icu_power_model_type_type_2_type_1 import IcuPowerModelTypeType2Type1
from .icu_power_model_type_type_3_type_1 import IcuPowerModelTypeType3Type1
from .icu_push_error import IcuPushError
from .icu_sport_info import IcuSportInfo
from .icu_sport_info_type_type_1 import IcuSportInfoTypeType1
from .icu_sport_info_type_type_2_type_1 import IcuSportInfoTypeType2Type1
from .icu_sport_info_type_type_3_type_1 import IcuSportInfoTypeType3Type1
from .icu_sport_settings import IcuSportSettings
from .icu_sport_settings_custom_field_values_type_0 import IcuSportSettingsCustomFieldValuesType0
from .icu_sport_settings_elevation_correction_type_1 import IcuSportSettingsElevationCorrectionType1
from .icu_sport_settings_elevation_correction_type_2_type_1 import IcuSportSettingsElevationCorrectionType2Type1
from .icu_sport_settings_elevation_correction_type_3_type_1 import IcuSportSettingsElevationCorrectionType3Type1
from .icu_sport_settings_gap_model_type_1 import IcuSportSettingsGapModelType1
from .icu_sport_settings_gap_model_type_2_type_1 import IcuSportSettingsGapModelType2Type1
from .icu_sport_settings_gap_model_type_3_type_1 import IcuSportSettingsGapModelType3Type1
from .icu_sport_settings_hr_load_type_type_1 import IcuSportSettingsHrLoadTypeType1
from .icu_sport_settings_hr_load_type_type_2_type_1 import IcuSportSettingsHrLoadTypeType2Type1
from .icu_sport_settings_hr_load_type_type_3_type_1 import IcuSportSettingsHrLoadTypeType3Type1
from .icu_sport_settings_interval_display_type_1 import IcuSportSettingsIntervalDisplayType1
from .icu_sport_settings_interval_display_type_2_type_1 import IcuSportSettingsIntervalDisplayType2Type1
from .icu_sport_settings_interval_display_type_3_type_1 import IcuSportSettingsIntervalDisplayType3Type1
from .icu_sport_settings_load_order_type_1 import IcuSportSettingsLoadOrderType1
from .icu_sport_settings_load_order_type_2_type_1 import IcuSportSettingsLoadOrderType2Type1
from .icu_sport_settings_load_order_type_3_type_1 import IcuSportSettingsLoadOrderType3Type1
from .icu_sport_settings_pace_load_type_type_1 import IcuSportSettingsPaceLoadTypeType1
from .icu_sport_settings_pace_load_type_type_2_type_1 import IcuSportSettingsPaceLoadTypeType2Type1
from .icu_sport_settings_pace_load_type_type_3_type_1 import IcuSportSettingsPaceLoadTypeType3Type1
from .icu_sport_settings_pace_units_type_1 import IcuSportSettingsPaceUnitsType1
from .icu_sport_settings_pace_units_type_2_type_1 import IcuSportSettingsPaceUnitsType2Type1
from .icu_sport_settings_pace_units_type_3_type_1 import IcuSportSettingsPaceUnitsType3Type1
from .icu_sport_settings_tiz_order_type_1 import IcuSportSettingsTizOrderType1
from .icu_sport_settings_tiz_order_type_2_type_1 import IcuSportSettingsTizOrderType2Type1
from .icu_sport_settings_tiz_order_type_3_type_1 import IcuSportSettingsTizOrderType3Type1
from .icu_sport_settings_types_type_0_item import IcuSportSettingsTypesType0Item
from .icu_sport_settings_workout_order_type_1 import IcuSportSettingsWorkoutOrderType1
from .icu_sport_settings_workout_order_type_2_type_1 import IcuSportSettingsWorkoutOrderType2Type1
from .icu_sport_settings_workout_order_type_3_type_1 import IcuSportSettingsWorkoutOrderType3Type1
from .icu_strava_gear import IcuStravaGear
from .icu_wellness import IcuWellness
from .icu_wellness_menstrual_phase_predicted_type_1 import IcuWellnessMenstrualPhasePredictedType1
from .icu_wellness_menstrual_phase_predicted_type_2_type_1 import IcuWellnessMenstrualPhasePredictedType2Type1
from .icu_wellness_menstrual_phase_predicted_type_3_type_1 import IcuWellnessMenstrualPhasePredictedType3Type1
from .icu_wellness_menstrual_phase_type_1 import IcuWellnessMenstrualPhaseType1
from .icu_wellness_menstrual_phase_type_2_type_1 import IcuWellnessMenstrualPhaseType2Type1
from .icu_wellness_menstrual_phase_type_3_type_1 import IcuWellnessMenstrualPhaseType3Type1
from .icu_zone_info import IcuZoneInfo
from .icu_zone_set import IcuZoneSet
from .icu_zone_time import IcuZoneTime
from .list_workouts_format import ListWorkoutsFormat
from .passthrough_response_200 import PassthroughResponse200
from .pending_list import PendingList
from .pending_record import PendingRecord
from .planned_workout import PlannedWorkout
from .planned_workout_file import PlannedWorkoutFile
from .planned_workout_in import PlannedWorkoutIn
from .planned_workout_in_category_type_1 import PlannedWorkoutInCategoryType1
from .planned_workout_in_category_type_2_type_1 import PlannedWorkoutInCategoryType2Type1
from .planned_workout_in_category_type_3_type_1 import PlannedWorkoutInCategoryType3Type1
from .planned_workout_in_target_type_1 import PlannedWorkoutInTargetType1
from .planned_workout_in_target_type_2_type_1 import PlannedWorkoutInTargetType2Type1
from .planned_workout_in_target_type_3_type_1 import PlannedWorkoutInTargetType3Type1
from .planned_workout_in_type_type_1 import PlannedWorkoutInTypeType1
from .planned_workout_in_type_type_2_type_1 import PlannedWorkoutInTypeType2Type1
from .planned_workout_in_type_type_3_type_1 import PlannedWorkoutInTypeType3Type1
from .problem import Problem
from .queue_wellness_push import QueueWellnessPush
from .queued import Queued
from .rotated_key import RotatedKey
from .rotated_secret import RotatedSecret
from .sport_settings import SportSettings
from .sport_settings_list import SportSettingsList
from .sport_settings_updated_event import SportSettingsUpdatedEvent
from .sport_settings_updated_event_data import SportSettingsUpdatedEventData
from .sport_settings_updated_event_type import SportSettingsUpdatedEventType
from .tenant_changes import TenantChanges
from .tenant_changes_webhook_events_type_0_item import TenantChangesWebhookEventsType0Item
from .tenant_view import TenantView
from .test_event_sent import TestEventSent
from .token_status import TokenStatus
from .upload_form import UploadForm
from .upload_response import UploadResponse
from .user import User
from .user_page import UserPage
from .webhook_test_event import WebhookTestEvent
from .webhook_test_event_data import WebhookTestEventData
from .webhook_test_event_type import WebhookTestEventType
from .wellness_day import WellnessDay
from .wellness_day_menstrual_phase_predicted_type_1 import WellnessDayMenstrualPhasePredictedType1
from .wellness_day_menstrual_phase_predicted_type_2_type_1 import WellnessDayMenstrualPhasePredictedType2Type1
from .wellness_day_menstrual_phase_predicted_type_3_type_1 import WellnessDayMenstrualPhasePredictedType3Type1
from .wellness_day_menstrual_phase_type_1 import WellnessDayMenstrualPhaseType1
from .wellness_day_menstrual_phase_type_2_type_1 import WellnessDayMenstrualPhaseType2Type1
from .wellness_day_menstrual_phase_type_3_type_1 import WellnessDayMenstrualPhaseType3Type1
from .wellness_fields import WellnessFields
from .wellness_fields_abdomen_type_1 import WellnessFieldsAbdomenType1
from .wellness_fields_avg_sleeping_hr_type_1 import WellnessFieldsAvgSleepingHRType1
from .wellness_fields_baevsky_si_type_1 import WellnessFieldsBaevskySIType1
from .wellness_fields_blood_glucose_type_1 import WellnessFieldsBloodGlucoseType1
from .wellness_fields_body_fat_type_1 import WellnessFieldsBodyFatType1
from .wellness_fields_carbohydrates_type_1 import WellnessFieldsCarbohydratesType1
from .wellness_fields_diastolic_type_1 import WellnessFieldsDiastolicType1
from .wellness_fields_fat_total_type_1 import WellnessFieldsFatTotalType1
from .wellness_fields_fatigue_type_1 import WellnessFieldsFatigueType1
from .wellness_fields_hrv_sdnn_type_1 import WellnessFieldsHrvSDNNType1
from .wellness_fields_hrv_type_1 import WellnessFieldsHrvType1
from .wellness_fields_hydration_type_1 import WellnessFieldsHydrationType1
from .wellness_fields_hydration_volume_type_1 import WellnessFieldsHydrationVolumeType1
from .wellness_fields_injury_type_1 import WellnessFieldsInjuryType1
from .wellness_fields_kcal_consumed_type_1 import WellnessFieldsKcalConsumedType1
from .wellness_fields_lactate_type_1 import WellnessFieldsLactateType1
from .wellness_fields_menstrual_phase import WellnessFieldsMenstrualPhase
from .wellness_fields_mood_type_1 import WellnessFieldsMoodType1
from .wellness_fields_motivation_type_1 import WellnessFieldsMotivationType1
from .wellness_fields_protein_type_1 import WellnessFieldsProteinType1
from .wellness_fields_readiness_type_1 import WellnessFieldsReadinessType1
from .wellness_fields_respiration_type_1 import WellnessFieldsRespirationType1
from .wellness_fields_resting_hr_type_1 import WellnessFieldsRestingHRType1
from .wellness_fields_sleep_quality_type_1 import WellnessFieldsSleepQualityType1
from .wellness_fields_sleep_score_type_1 import WellnessFieldsSleepScoreType1
from .wellness_fields_sleep_secs_type_1 import WellnessFieldsSleepSecsType1
from .wellness_fields_soreness_type_1 import WellnessFieldsSorenessType1
from .wellness_fields_sp_o2_type_1 import WellnessFieldsSpO2Type1
from .wellness_fields_steps_type_1 import WellnessFieldsStepsType1
from .wellness_fields_stress_type_1 import WellnessFieldsStressType1
from .wellness_fields_systolic_type_1 import WellnessFieldsSystolicType1
from .wellness_fields_vo_2_max_type_1 import WellnessFieldsVo2MaxType1
from .wellness_fields_weight_type_1 import WellnessFieldsWeightType1
from .wellness_list import WellnessList
from .wellness_push_failed_event import WellnessPushFailedEvent
from .wellness_push_failed_event_data import WellnessPushFailedEventData
from .wellness_push_failed_event_type import WellnessPushFailedEventType
from .wellness_pushed_event import WellnessPushedEvent
from .wellness_pushed_event_data import WellnessPushedEventData
from .wellness_pushed_event_type import WellnessPushedEventType
from .wellness_record_in import WellnessRecordIn
from .wellness_record_in_abdomen_type_1 import WellnessRecordInAbdomenType1
from .wellness_record_in_avg_sleeping_hr_type_1 import WellnessRecordInAvgSleepingHRType1
from .wellness_record_in_baevsky_si_type_1 import WellnessRecordInBaevskySIType1
from .wellness_record_in_blood_glucose_type_1 import WellnessRecordInBloodGlucoseType1
from .wellness_record_in_body_fat_type_1 import WellnessRecordInBodyFatType1
from .wellness_record_in_carbohydrates_type_1 import WellnessRecordInCarbohydratesType1
from .wellness_record_in_diastolic_type_1 import WellnessRecordInDiastolicType1
from .wellness_record_in_fat_total_type_1 import WellnessRecordInFatTotalType1
from .wellness_record_in_fatigue_type_1 import WellnessRecordInFatigueType1
from .wellness_record_in_hrv_sdnn_type_1 import WellnessRecordInHrvSDNNType1
from .wellness_record_in_hrv_type_1 import WellnessRecordInHrvType1
from .wellness_record_in_hydration_type_1 import WellnessRecordInHydrationType1
from .wellness_record_in_hydration_volume_type_1 import WellnessRecordInHydrationVolumeType1
from .wellness_record_in_injury_type_1 import WellnessRecordInInjuryType1
from .wellness_record_in_kcal_consumed_type_1 import WellnessRecordInKcalConsumedType1
from .wellness_record_in_lactate_type_1 import WellnessRecordInLactateType1
from .wellness_record_in_menstrual_phase import WellnessRecordInMenstrualPhase
from .wellness_record_in_mood_type_1 import WellnessRecordInMoodType1
from .wellness_record_in_motivation_type_1 import WellnessRecordInMotivationType1
from .wellness_record_in_protein_type_1 import WellnessRecordInProteinType1
from .wellness_record_in_readiness_type_1 import WellnessRecordInReadinessType1
from .wellness_record_in_respiration_type_1 import WellnessRecordInRespirationType1
from .wellness_record_in_resting_hr_type_1 import WellnessRecordInRestingHRType1
from .wellness_record_in_sleep_quality_type_1 import WellnessRecordInSleepQualityType1
from .wellness_record_in_sleep_score_type_1 import WellnessRecordInSleepScoreType1
from .wellness_record_in_sleep_secs_type_1 import WellnessRecordInSleepSecsType1
from .wellness_record_in_soreness_type_1 import WellnessRecordInSorenessType1
from .wellness_record_in_sp_o2_type_1 import WellnessRecordInSpO2Type1
from .wellness_record_in_steps_type_1 import WellnessRecordInStepsType1
from .wellness_record_in_stress_type_1 import WellnessRecordInStressType1
from .wellness_record_in_systolic_type_1 import WellnessRecordInSystolicType1
from .wellness_record_in_vo_2_max_type_1 import WellnessRecordInVo2MaxType1
from .wellness_record_in_weight_type_1 import WellnessRecordInWeightType1
from .wellness_updated_event import WellnessUpdatedEvent
from .wellness_updated_event_data import WellnessUpdatedEventData
from .wellness_updated_event_type import WellnessUpdatedEventType
from .workout_file_in import WorkoutFileIn
from .workout_file_in_format import WorkoutFileInFormat
from .workout_list import WorkoutList
from .written_workout import WrittenWorkout
from .written_workouts import WrittenWorkouts

__all__ = (
    "Activity",
    "ActivityAchievementsEvent",
    "ActivityAchievementsEventData",
    "ActivityAchievementsEventType",
    "ActivityAnalyzedEvent",
    "ActivityAnalyzedEventData",
    "ActivityAnalyzedEventType",
    "ActivityDeletedEvent",
    "ActivityDeletedEventData",
    "ActivityDeletedEventType",
    "ActivityDetail",
    "ActivityList",
    "ActivityUpdatedEvent",
    "ActivityUpdatedEventData",
    "ActivityUpdatedEventType",
    "ActivityUploadedEvent",
    "ActivityUploadedEventData",
    "ActivityUploadedEventType",
    "Attempt",
    "CalendarEventDeletedEvent",
    "CalendarEventDeletedEventData",
    "CalendarEventDeletedEventType",
    "CalendarEventUpdatedEvent",
    "CalendarEventUpdatedEventData",
    "CalendarEventUpdatedEventType",
    "CalendarUpdatedEvent",
    "CalendarUpdatedEventData",
    "CalendarUpdatedEventType",
    "ChatUpdateEvent",
    "ChatUpdateEventData",
    "ChatUpdateEventType",
    "ConnectedServiceEvent",
    "ConnectedServiceEventData",
    "ConnectedServiceEventType",
    "ConnectionCreatedEvent",
    "ConnectionCreatedEventData",
    "ConnectionCreatedEventType",
    "ConnectionInvalidEvent",
    "ConnectionInvalidEventData",
    "ConnectionInvalidEventType",
    "ConnectionRevokedEvent",
    "ConnectionRevokedEventData",
    "ConnectionRevokedEventType",
    "ConnectionUpdatedEvent",
    "ConnectionUpdatedEventData",
    "ConnectionUpdatedEventDataStatus",
    "ConnectionUpdatedEventType",
    "ConnectSessionCreated",
    "CreateConnectSession",
    "CreateConnectSessionScopesType0Item",
    "Deleted",
    "DeliveryPage",
    "DeliveryStatus",
    "DeliveryView",
    "DownloadWorkoutFileFormat",
    "FieldError",
    "FitnessUpdatedEvent",
    "FitnessUpdatedEventData",
    "FitnessUpdatedEventType",
    "Health",
    "IcuActivity",
    "IcuActivityCharts",
    "IcuActivityGapModelType1",
    "IcuActivityGapModelType2Type1",
    "IcuActivityGapModelType3Type1",
    "IcuActivityHrLoadTypeType1",
    "IcuActivityHrLoadTypeType2Type1",
    "IcuActivityHrLoadTypeType3Type1",
    "IcuActivityPaceLoadTypeType1",
    "IcuActivityPaceLoadTypeType2Type1",
    "IcuActivityPaceLoadTypeType3Type1",
    "IcuActivitySourceType1",
    "IcuActivitySourceType2Type1",
    "IcuActivitySourceType3Type1",
    "IcuActivitySubTypeType1",
    "IcuActivitySubTypeType2Type1",
    "IcuActivitySubTypeType3Type1",
    "IcuActivityTizOrderType1",
    "IcuActivityTizOrderType2Type1",
    "IcuActivityTizOrderType3Type1",
    "IcuActivityWithIntervals",
    "IcuActivityWithIntervalsGapModelType1",
    "IcuActivityWithIntervalsGapModelType2Type1",
    "IcuActivityWithIntervalsGapModelType3Type1",
    "IcuActivityWithIntervalsHrLoadTypeType1",
    "IcuActivityWithIntervalsHrLoadTypeType2Type1",
    "IcuActivityWithIntervalsHrLoadTypeType3Type1",
    "IcuActivityWithIntervalsPaceLoadTypeType1",
    "IcuActivityWithIntervalsPaceLoadTypeType2Type1",
    "IcuActivityWithIntervalsPaceLoadTypeType3Type1",
    "IcuActivityWithIntervalsSourceType1",
    "IcuActivityWithIntervalsSourceType2Type1",
    "IcuActivityWithIntervalsSourceType3Type1",
    "IcuActivityWithIntervalsSubTypeType1",
    "IcuActivityWithIntervalsSubTypeType2Type1",
    "IcuActivityWithIntervalsSubTypeType3Type1",
    "IcuActivityWithIntervalsTizOrderType1",
    "IcuActivityWithIntervalsTizOrderType2Type1",
    "IcuActivityWithIntervalsTizOrderType3Type1",
    "IcuAttachment",
    "IcuDataCurvePt",
    "IcuDisplay",
    "IcuEvent",
    "IcuEventCanTrainSportsType0Item",
    "IcuEventCategoryType1",
    "IcuEventCategoryType2Type1",
    "IcuEventCategoryType3Type1",
    "IcuEventSubTypeType1",
    "IcuEventSubTypeType2Type1",
    "IcuEventSubTypeType3Type1",
    "IcuEventTargetType1",
    "IcuEventTargetType2Type1",
    "IcuEventTargetType3Type1",
    "IcuEventTrainingAvailabilityType1",
    "IcuEventTrainingAvailabilityType2Type1",
    "IcuEventTrainingAvailabilityType3Type1",
    "IcuEventWorkoutDocType0",
    "IcuHRRecovery",
    "IcuIcuAchievement",
    "IcuIcuAchievementTypeType1",
    "IcuIcuAchievementTypeType2Type1",
    "IcuIcuAchievementTypeType3Type1",
    "IcuIgnore",
    "IcuInterval",
    "IcuIntervalGroup",
    "IcuIntervalTypeType1",
    "IcuIntervalTypeType2Type1",
    "IcuIntervalTypeType3Type1",
    "IcuPos",
    "IcuPowerModel",
    "IcuPowerModelTypeType1",
    "IcuPowerModelTypeType2Type1",
    "IcuPowerModelTypeType3Type1",
    "IcuPushError",
    "IcuSportInfo",
    "IcuSportInfoTypeType1",
    "IcuSportInfoTypeType2Type1",
    "IcuSportInfoTypeType3Type1",
    "IcuSportSettings",
    "IcuSportSettingsCustomFieldValuesType0",
    "IcuSportSettingsElevationCorrectionType1",
    "IcuSportSettingsElevationCorrectionType2Type1",
    "IcuSportSettingsElevationCorrectionType3Type1",
    "IcuSportSettingsGapModelType1",
    "IcuSportSettingsGapModelType2Type1",
    "IcuSportSettingsGapModelType3Type1",
    "IcuSportSettingsHrLoadTypeType1",
    "IcuSportSettingsHrLoadTypeType2Type1",
    "IcuSportSettingsHrLoadTypeType3Type1",
    "IcuSportSettingsIntervalDisplayType1",
    "IcuSportSettingsIntervalDisplayType2Type1",
    "IcuSportSettingsIntervalDisplayType3Type1",
    "IcuSportSettingsLoadOrderType1",
    "IcuSportSettingsLoadOrderType2Type1",
    "IcuSportSettingsLoadOrderType3Type1",
    "IcuSportSettingsPaceLoadTypeType1",
    "IcuSportSettingsPaceLoadTypeType2Type1",
    "IcuSportSettingsPaceLoadTypeType3Type1",
    "IcuSportSettingsPaceUnitsType1",
    "IcuSportSettingsPaceUnitsType2Type1",
    "IcuSportSettingsPaceUnitsType3Type1",
    "IcuSportSettingsTizOrderType1",
    "IcuSportSettingsTizOrderType2Type1",
    "IcuSportSettingsTizOrderType3Type1",
    "IcuSportSettingsTypesType0Item",
    "IcuSportSettingsWorkoutOrderType1",
    "IcuSportSettingsWorkoutOrderType2Type1",
    "IcuSportSettingsWorkoutOrderType3Type1",
    "IcuStravaGear",
    "IcuWellness",
    "IcuWellnessMenstrualPhasePredictedType1",
    "IcuWellnessMenstrualPhasePredictedType2Type1",
    "IcuWellnessMenstrualPhasePredictedType3Type1",
    "IcuWellnessMenstrualPhaseType1",
    "IcuWellnessMenstrualPhaseType2Type1",
    "IcuWellnessMenstrualPhaseType3Type1",
    "IcuZoneInfo",
    "IcuZoneSet",
    "IcuZoneTime",
    "ListWorkoutsFormat",
    "PassthroughResponse200",
    "PendingList",
    "PendingRecord",
    "PlannedWorkout",
    "PlannedWorkoutFile",
    "PlannedWorkoutIn",
    "PlannedWorkoutInCategoryType1",
    "PlannedWorkoutInCategoryType2Type1",
    "PlannedWorkoutInCategoryType3Type1",
    "PlannedWorkoutInTargetType1",
    "PlannedWorkoutInTargetType2Type1",
    "PlannedWorkoutInTargetType3Type1",
    "PlannedWorkoutInTypeType1",
    "PlannedWorkoutInTypeType2Type1",
    "PlannedWorkoutInTypeType3Type1",
    "Problem",
    "Queued",
    "QueueWellnessPush",
    "RotatedKey",
    "RotatedSecret",
    "SportSettings",
    "SportSettingsList",
    "SportSettingsUpdatedEvent",
    "SportSettingsUpdatedEventData",
    "SportSettingsUpdatedEventType",
    "TenantChanges",
    "TenantChangesWebhookEventsType0Item",
    "TenantView",
    "TestEventSent",
    "TokenStatus",
    "UploadForm",
    "UploadResponse",
    "User",
    "UserPage",
    "WebhookTestEvent",
    "WebhookTestEventData",
    "WebhookTestEventType",
    "WellnessDay",
    "WellnessDayMenstrualPhasePredictedType1",
    "WellnessDayMenstrualPhasePredictedType2Type1",
    "WellnessDayMenstrualPhasePredictedType3Type1",
    "WellnessDayMenstrualPhaseType1",
    "WellnessDayMenstrualPhaseType2Type1",
    "WellnessDayMenstrualPhaseType3Type1",
    "WellnessFields",
    "WellnessFieldsAbdomenType1",
    "WellnessFieldsAvgSleepingHRType1",
    "WellnessFieldsBaevskySIType1",
    "WellnessFieldsBloodGlucoseType1",
    "WellnessFieldsBodyFatType1",
    "WellnessFieldsCarbohydratesType1",
    "WellnessFieldsDiastolicType1",
    "WellnessFieldsFatigueType1",
    "WellnessFieldsFatTotalType1",
    "WellnessFieldsHrvSDNNType1",
    "WellnessFieldsHrvType1",
    "WellnessFieldsHydrationType1",
    "WellnessFieldsHydrationVolumeType1",
    "WellnessFieldsInjuryType1",
    "WellnessFieldsKcalConsumedType1",
    "WellnessFieldsLactateType1",
    "WellnessFieldsMenstrualPhase",
    "WellnessFieldsMoodType1",
    "WellnessFieldsMotivationType1",
    "WellnessFieldsProteinType1",
    "WellnessFieldsReadinessType1",
    "WellnessFieldsRespirationType1",
    "WellnessFieldsRestingHRType1",
    "WellnessFieldsSleepQualityType1",
    "WellnessFieldsSleepScoreType1",
    "WellnessFieldsSleepSecsType1",
    "WellnessFieldsSorenessType1",
    "WellnessFieldsSpO2Type1",
    "WellnessFieldsStepsType1",
    "WellnessFieldsStressType1",
    "WellnessFieldsSystolicType1",
    "WellnessFieldsVo2MaxType1",
    "WellnessFieldsWeightType1",
    "WellnessList",
    "WellnessPushedEvent",
    "WellnessPushedEventData",
    "WellnessPushedEventType",
    "WellnessPushFailedEvent",
    "WellnessPushFailedEventData",
    "WellnessPushFailedEventType",
    "WellnessRecordIn",
    "WellnessRecordInAbdomenType1",
    "WellnessRecordInAvgSleepingHRType1",
    "WellnessRecordInBaevskySIType1",
    "WellnessRecordInBloodGlucoseType1",
    "WellnessRecordInBodyFatType1",
    "WellnessRecordInCarbohydratesType1",
    "WellnessRecordInDiastolicType1",
    "WellnessRecordInFatigueType1",
    "WellnessRecordInFatTotalType1",
    "WellnessRecordInHrvSDNNType1",
    "WellnessRecordInHrvType1",
    "WellnessRecordInHydrationType1",
    "WellnessRecordInHydrationVolumeType1",
    "WellnessRecordInInjuryType1",
    "WellnessRecordInKcalConsumedType1",
    "WellnessRecordInLactateType1",
    "WellnessRecordInMenstrualPhase",
    "WellnessRecordInMoodType1",
    "WellnessRecordInMotivationType1",
    "WellnessRecordInProteinType1",
    "WellnessRecordInReadinessType1",
    "WellnessRecordInRespirationType1",
    "WellnessRecordInRestingHRType1",
    "WellnessRecordInSleepQualityType1",
    "WellnessRecordInSleepScoreType1",
    "WellnessRecordInSleepSecsType1",
    "WellnessRecordInSorenessType1",
    "WellnessRecordInSpO2Type1",
    "WellnessRecordInStepsType1",
    "WellnessRecordInStressType1",
    "WellnessRecordInSystolicType1",
    "WellnessRecordInVo2MaxType1",
    "WellnessRecordInWeightType1",
    "WellnessUpdatedEvent",
    "WellnessUpdatedEventData",
    "WellnessUpdatedEventType",
    "WorkoutFileIn",
    "WorkoutFileInFormat",
    "WorkoutList",
    "WrittenWorkout",
    "WrittenWorkouts",
)
