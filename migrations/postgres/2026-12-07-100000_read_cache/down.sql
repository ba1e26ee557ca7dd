DROP TABLE read_cache;
DROP TABLE cache_generations;
