""" Contains all the data models used in inputs/outputs """

from .activity_list import ActivityList
from .activity_list_data_item import ActivityListDataItem
from .attempt import Attempt
from .connect_session_created import ConnectSessionCreated
from .create_connect_session import CreateConnectSession
from .create_connect_session_scopes_type_0_item import CreateConnectSessionScopesType0Item
from .deleted import Deleted
from .delivery_page import DeliveryPage
from .delivery_status import DeliveryStatus
from .delivery_view import DeliveryView
from .download_workout_file_format import DownloadWorkoutFileFormat
from .field_error import FieldError
from .get_activity_response_200 import GetActivityResponse200
from .health import Health
from .list_workouts_format import ListWorkoutsFormat
from .passthrough_response_200 import PassthroughResponse200
from .pending_list import PendingList
from .pending_record import PendingRecord
from .pending_record_fields import PendingRecordFields
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
from .queue_wellness_body_item import QueueWellnessBodyItem
from .queue_wellness_push import QueueWellnessPush
from .queued import Queued
from .rotated_key import RotatedKey
from .rotated_secret import RotatedSecret
from .sport_settings import SportSettings
from .sport_settings_list import SportSettingsList
from .tenant_changes import TenantChanges
from .tenant_changes_webhook_events_type_0_item import TenantChangesWebhookEventsType0Item
from .tenant_view import TenantView
from .test_event_sent import TestEventSent
from .token_status import TokenStatus
from .upload_form import UploadForm
from .upload_response import UploadResponse
from .user import User
from .user_page import UserPage
from .wellness_list import WellnessList
from .wellness_list_data_item import WellnessListDataItem
from .workout_file_in import WorkoutFileIn
from .workout_file_in_format import WorkoutFileInFormat
from .workout_list import WorkoutList
from .workout_list_data_item import WorkoutListDataItem
from .written_workout import WrittenWorkout
from .written_workouts import WrittenWorkouts

__all__ = (
    "ActivityList",
    "ActivityListDataItem",
    "Attempt",
    "ConnectSessionCreated",
    "CreateConnectSession",
    "CreateConnectSessionScopesType0Item",
    "Deleted",
    "DeliveryPage",
    "DeliveryStatus",
    "DeliveryView",
    "DownloadWorkoutFileFormat",
    "FieldError",
    "GetActivityResponse200",
    "Health",
    "ListWorkoutsFormat",
    "PassthroughResponse200",
    "PendingList",
    "PendingRecord",
    "PendingRecordFields",
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
    "QueueWellnessBodyItem",
    "QueueWellnessPush",
    "RotatedKey",
    "RotatedSecret",
    "SportSettings",
    "SportSettingsList",
    "TenantChanges",
    "TenantChangesWebhookEventsType0Item",
    "TenantView",
    "TestEventSent",
    "TokenStatus",
    "UploadForm",
    "UploadResponse",
    "User",
    "UserPage",
    "WellnessList",
    "WellnessListDataItem",
    "WorkoutFileIn",
    "WorkoutFileInFormat",
    "WorkoutList",
    "WorkoutListDataItem",
    "WrittenWorkout",
    "WrittenWorkouts",
)
