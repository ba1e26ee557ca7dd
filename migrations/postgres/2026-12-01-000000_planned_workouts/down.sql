DROP TABLE planned_workouts;
