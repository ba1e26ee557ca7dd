DROP TABLE wellness_records;
