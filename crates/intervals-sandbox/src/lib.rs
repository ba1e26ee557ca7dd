//! The built-in Intervals.icu sandbox: an in-memory, offline simulator of Intervals.icu's OAuth
//! consent, token exchange, `/api/v1` endpoints and the webhooks it sends, so the bridge can be
//! run and tested with no account. It knows nothing of the bridge; `README.md` shows its layers
//! (handlers over `auth` and `outbox`, over one store per concern, each with its own lock).
//!
//! # Mounting
//! [`Sandbox::configure`] registers every route relative to where it is mounted, so it works at
//! the root (as [`Sandbox::server`] does) or inside `web::scope("/sandbox")`. Unknown paths under
//! `/api/` and `/_sandbox/` answer Spring's 404 JSON from inside `configure`; for any other unknown
//! path the owner of the app or scope decides: [`Sandbox::server`] uses [`not_found`] as the app's
//! default service, and a caller mounting the sandbox in a scope should do the same:
//! `web::scope("/sandbox").configure(|c| sb.configure(c)).default_service(web::to(intervals_sandbox::not_found))`.
//!
//! # Operations not simulated
//! [`operations::OPERATIONS`] lists every operation of Intervals.icu's OpenAPI document (method,
//! path template, tag, `operationId`), generated from it; [`Sandbox::served_operations`] those
//! below. A request for any other operation of the document answers `501`
//! `application/problem+json` `{"type","title","status":501,"error","detail","operation_id",
//! "method","path_template","tag"}` (`error` names the `operationId`); a path the document does
//! not have answers Spring's `404`, a method it does not have on a served path Spring's `405`.
//!
//! # Upstream endpoints (as Intervals.icu names them)
//! Every `/api/v1` call needs an active Bearer token with the scope named, or an athlete's
//! personal API key as HTTP Basic (user `API_KEY`, the key as password; every scope, as
//! upstream; events it writes carry `"oauth_client_id": null`). A personal key sent as Bearer is
//! `403 {"status":403,"error":"Access denied"}`. Athlete id `0` means the caller's athlete,
//! anyone else's id is `403`. Errors are `{"status":N,"error":"..."}`.
//! - `GET|POST /oauth/authorize`: consent page; the simulated athlete picks who they are and may
//!   untick scopes or decline.
//! - `POST /api/oauth/token`: form `client_id`, `client_secret`, `code` (HTTP Basic also accepted).
//! - `GET /api/v1/athlete/{id}`: the profile with `sportSettings` (as `/sport-settings` lists
//!   them) and `weight`/`icu_weight` (the latest wellness weight, else 70 kg);
//!   `GET /api/v1/athlete/{id}/profile` → `{"athlete": <the profile without those>,
//!   "sharedFolders": [], "customItems": []}`; `DELETE /api/v1/disconnect-app`.
//! - `POST /api/v1/athlete/{id}/activities` (ACTIVITY:WRITE): multipart part `file` (FIT, TCX,
//!   GPX, or a `.gz`/`.zip` of one); `name`, `description`, `device_name`, `external_id`,
//!   `paired_event_id` from the query (or multipart text fields). Deduplicated per athlete by the
//!   SHA-256 of the bytes as uploaded: `201` when new, `200` with the existing ids when not, body
//!   `{"icu_athlete_id","id","activities":[{"icu_athlete_id","id"}]}`. A TCX with several
//!   `<Activity>`, a GPX with several `<trk>` or a FIT with several sessions becomes several
//!   activities. Unreadable, empty or missing file → `422`; over the cap (100 MB) → `413`.
//!   Start time from the file (TCX `<Id>`, GPX first `<time>`, FIT session `start_time` or
//!   file_id `time_created`), else now. Every athlete lives on UTC: `start_date_local` is UTC.
//! - `GET /api/v1/athlete/{id}/activities?oldest=&newest=&limit=&fields=` (ACTIVITY:READ):
//!   `oldest` required (`422` otherwise), date or date-time; a date-only `newest` includes that
//!   day; `newest` defaults to now; newest first. Each athlete starts with two Strava stubs
//!   (2 and 9 days ago) `{"id","icu_athlete_id","start_date_local","source":"STRAVA","_note"}`.
//! - `GET /api/v1/activity/{id}`, `/file`, `/fit-file` (ACTIVITY:READ; someone else's or unknown
//!   → `404`, Strava stub → `422`): the summary; the original bytes (`application/octet-stream`,
//!   gzip-compressed when the upload was plain, as uploaded when it was `.gz`/`.zip`); an
//!   activity FIT written from the file's recording (its samples and laps; the same bytes on
//!   every call).
//! - `GET /api/v1/activity/{id}/gpx-file?power=&hr=`: the recording's positioned samples as
//!   GPX 1.1 (`ele`, `time`, and unless `false` the `power` and `gpxtpx:hr`/`cad` extensions);
//!   `422` for an activity without GPS data.
//! - Figures come from the uploaded file, read with `fitparser` (FIT) and `quick-xml` (TCX,
//!   GPX, with Garmin's `TPX` `Watts`, `TrackPointExtension` `hr`/`cad` and `power`
//!   extensions), resampled to one value a second: `distance` and `elapsed_time` (the file's
//!   totals when it states them, else its samples), `moving_time` (seconds above 0.3 m/s),
//!   `average_speed`, `max_speed`, `average_heartrate`, `max_heartrate`, `has_heartrate`,
//!   `icu_average_watts`, `icu_weighted_avg_watts` (normalised power), `device_watts`,
//!   `icu_joules`, `average_cadence`, `calories` (the file's, else a kilocalorie per kilojoule,
//!   else from heart rate), `total_elevation_gain`/`loss`, `min|max|average_altitude`,
//!   `icu_lap_count`, `stream_types`, `icu_training_load` (from normalised power and FTP 250 W,
//!   else about 56 an hour), `icu_intensity`; `null` for what the file lacks.
//! - `GET /api/v1/activity/{id}?intervals=true`: the summary plus `icu_groups: []` and
//!   `icu_intervals`; `GET /api/v1/activity/{id}/intervals` → `{"id","analyzed",
//!   "icu_intervals","icu_groups":[]}`. Intervals are the file's laps when it has two or more,
//!   else its efforts (a minute or more with the 30-second average power above 85 % of FTP, or
//!   without power heart rate above 90 % of LTHR) with the stretches between as recoveries, else
//!   the whole activity. Each `{"id","type":"WORK"|"RECOVERY","label","start_index","end_index",
//!   "start_time","end_time","moving_time","elapsed_time","distance","average_speed",
//!   "max_speed","average_watts","min_watts","max_watts","weighted_average_watts","intensity",
//!   "training_load","joules","average_heartrate","min_heartrate","max_heartrate",
//!   "average_cadence","min_cadence","max_cadence","total_elevation_gain","min_altitude",
//!   "max_altitude","group_id"}` from the samples inside it; indexes and times are seconds from
//!   the start (the streams' indexes).
//! - `GET /api/v1/activity/{id}/streams`, `/streams.json`, `/streams.csv?types=a,b`
//!   (ACTIVITY:READ): one value a second of `time`, `watts`, `heartrate`, `cadence`, `distance`,
//!   `altitude`, `latlng` (latitudes in `data`, longitudes in `data2`) and `velocity_smooth`,
//!   those the file has (or those named in `types`), each `{"type","name":null,"data":[…],
//!   "data2","valueTypeIsArray":false,"anomalies":null,"custom":false,"allNull":false}`; CSV has
//!   a header row and a column per stream (`lat`, `lng` for `latlng`).
//! - `PUT /api/v1/activity/{id}` (ACTIVITY:WRITE): the athlete's own upload (unknown → `404`,
//!   Strava stub → `422`); `name`, `description`, `type` (a known sport), `trainer`, `commute`,
//!   `race`, `perceived_exertion`, `feel`, `icu_rpe`, `session_rpe`, `tags` change when given,
//!   other fields are ignored, a wrongly typed one is `422` → the activity, and
//!   `ACTIVITY_UPDATED` `{"activity": <summary>}`.
//! - `POST /api/v1/athlete/{id}/activities/manual` (ACTIVITY:WRITE): an `Activity` with
//!   `start_date_local` (a local date-time) and `type` (a known sport) required, `name`,
//!   `description`, `external_id`, `elapsed_time`/`moving_time`, `distance`,
//!   `icu_training_load` taken when given → the activity (`source` `MANUAL`, no file: `/file`
//!   is `404`), announced like an upload; `422` for a bad body.
//! - `GET /api/v1/athlete/{id}/activities/{ids}?intervals=` (ACTIVITY:READ): the athlete's
//!   activities among the comma-separated ids, in that order (unknown ones left out).
//! - `GET /api/v1/athlete/{id}/activities.csv` (ACTIVITY:READ): every upload, newest first,
//!   columns `id,start_date_local,type,name,description,distance,moving_time,elapsed_time,
//!   average_speed,max_speed,average_heartrate,max_heartrate,icu_average_watts,
//!   icu_weighted_avg_watts,average_cadence,calories,total_elevation_gain,icu_training_load,
//!   external_id,device_name,file_type`.
//! - `DELETE /api/v1/activity/{id}` (ACTIVITY:WRITE): the token's athlete's own upload only
//!   (anyone else's or unknown → `404`, Strava stub → `422`) → `{"icu_athlete_id","id"}`; later
//!   reads are `404`, lists and wellness loads drop it, and the same bytes upload as new (`201`)
//!   again. Sends `ACTIVITY_DELETED` with `{"activity":{"id","icu_athlete_id",
//!   "start_date_local","type","deleted":true}}`.
//! - `GET /api/v1/athlete/{id}/events` and `/events.json?oldest=&newest=&category=&ext=&resolve=&limit=`
//!   (CALENDAR:READ): seeded and written events, default window today … today+6 (UTC dates).
//!   `/events.csv` answers the same events as CSV, columns `id,start_date_local,end_date_local,
//!   category,type,name,description,moving_time,icu_training_load,external_id,oauth_client_id`.
//!   `ext` (`zwo|mrc|erg|fit`) adds `workout_filename` and `workout_file_base64` to each WORKOUT
//!   with a structured workout (no ERG for one with heart-rate or pace targets); `resolve=true`
//!   adds `_power` (watts), `_hr` (bpm) or `_pace` (m/s) beside each target and `ftp`, `lthr`,
//!   `max_hr`, `threshold_pace` (those of the event's sport, as `/sport-settings` lists them) to
//!   `workout_doc`.
//! - `GET /api/v1/athlete/{id}/events/{eventId}` and `/events/{eventId}/download.{zwo|mrc|erg|fit}`:
//!   one event; the file, `Content-Disposition: attachment; filename="<name>.<ext>"`, the same
//!   bytes as `ext=`. Unknown or someone else's event → `404`; an event without a structured
//!   workout, an ERG of heart-rate or pace targets, or another extension → `422`.
//! - `POST /api/v1/athlete/{id}/events/bulk?upsert=true&upsertOnUid=false&updatePlanApplied=false`
//!   (CALENDAR:WRITE; JSON, else `415`): an array of `EventEx`, all checked before any is stored
//!   (`422` naming `events[i]` otherwise) → `200` with the events as stored, in request order.
//!   With `upsert=true` an item with `external_id` replaces (keeping its `id`) the event that the
//!   token's app created with that `external_id`; another app's is a different event; items
//!   without one, and every item without `upsert`, create (ids from 100001). `upsertOnUid` and
//!   `updatePlanApplied` are accepted and ignored. Each event: `id`, `athlete_id`,
//!   `start_date_local`, `end_date_local` (the start unless given), `type`, `category`, `name`,
//!   `description`, `external_id`, `oauth_client_id` (the token's client id, a JSON number when it
//!   is all digits), `indoor`, `color`, `updated`, any of `uid`, `sub_type`, `hide_from_athlete`,
//!   `athlete_cannot_edit`, `show_as_note`, `show_on_ctl_line`, `not_on_fitness_chart`, `for_week`,
//!   `carbs_per_hour`, `distance`, `load_target`, `time_target`, `distance_target`, `tags` given,
//!   and for a structured workout `workout_doc`, `moving_time`, `icu_training_load`,
//!   `icu_intensity`, `target` (`POWER|HR|PACE` of its first target unless a non-`AUTO` one was
//!   given); without one, `moving_time`, `icu_training_load` and `target` as given. Other fields
//!   are ignored. `422` for: `start_date_local` missing, a bare date, or not a local date-time
//!   (`YYYY-MM-DDTHH:MM[:SS]`, no offset); `name` over 80 characters; `category` missing or not
//!   one of `WORKOUT`, `RACE_A|B|C`, `NOTE`, `PLAN`, `HOLIDAY`, `SICK`, `INJURED`, `SET_EFTP`,
//!   `FITNESS_DAYS`, `SEASON_START`, `TARGET`, `SET_FITNESS`; a `WORKOUT` without `type`;
//!   `target` not `AUTO|POWER|HR|PACE`; `workout_doc` given; a wrongly typed field; a
//!   `filename` not ending `.zwo|.mrc|.erg|.fit`, contents without a filename,
//!   `file_contents_base64` that is not base64, or a file that does not read as its extension
//!   says. A WORKOUT's workout is the file (`filename` + `file_contents_base64`, or plain
//!   `file_contents`) when there is one, else the workout text in `description`; text with no
//!   step line leaves the event without `workout_doc` (it behaves as a note). An unnamed event
//!   with a file takes the file's name (zwo `<name>`, FIT workout name, MRC/ERG `FILE NAME`, else
//!   the file name). Workout text: step lines `- [text] <duration> [ramp] <target> [units]
//!   [cadence]` with durations `1h`, `1h30m`, `10m30s`, `90s`; targets `60%`, `90-100%` (a range),
//!   `ramp 50-75%`, `200w`, `200-250w`; after a percentage `LTHR` (`%lthr`), `HR` (`%hr`, of max
//!   HR), `Pace` (`%pace`), else `%ftp`; cadence `90rpm`; a line ending `Nx` (`3x`, `Main set 3x`)
//!   repeats the step lines below it and `Warmup`/`Cooldown` mark them, up to a blank line; other
//!   lines become `workout_doc.description`. ZWO: `SteadyState`, `Warmup`, `Cooldown`, `Ramp`,
//!   `IntervalsT`, `FreeRide`/`MaxEffort` (a step without target, `"freeride":true`), `Cadence`,
//!   `CadenceResting`, `textevent` as step text; fractions of FTP (of threshold pace for
//!   `<sportType>run`). MRC/ERG: `[COURSE DATA]` points joined into steps (flat segments steady,
//!   sloped ones ramps); ERG watts become `%ftp` of the file's `FTP =` header, or stay `w`
//!   without one. FIT: `workout_step` with time (or distance) durations, repeat steps, power,
//!   heart-rate and speed targets (custom ranges or zones; the ±2.5 % range the sandbox writes
//!   reads back as its target), cadence as a secondary target. `workout_doc`:
//!   `{"description"?,"target","duration","steps":[{"text"?,"duration","warmup"?,"cooldown"?,
//!   "ramp"?,"freeride"?,"power"|"hr"|"pace":{"value"|"start","end","units":"%ftp"|"w"|"%lthr"|
//!   "%hr"|"%pace"},"cadence"?:{"value","units":"rpm"}} | {"text"?,"reps","duration","steps"}]}`,
//!   the seeded plans' shape. Sends `CALENDAR_UPDATED` `{"events":[…as answered…],
//!   "deleted_events":[]}`.
//! - `POST /api/v1/athlete/{id}/events?upsertOnUid=` (CALENDAR:WRITE): one `EventEx`, checked
//!   and stored as one item of the bulk write (never an upsert by `external_id`); with
//!   `upsertOnUid=true` and a `uid` one of the athlete's events has, that event changes as with
//!   `PUT` → the event, and `CALENDAR_UPDATED`.
//! - `DELETE /api/v1/athlete/{id}/events?oldest=&newest=&category=` (CALENDAR:WRITE): the
//!   athlete's events of the (comma-separated, required) categories dated `oldest` (required)
//!   to `newest` (inclusive; without it every later one), any app's; `createdById` is ignored →
//!   `{"eventsDeleted": n}`, and `CALENDAR_UPDATED` with their ids in `deleted_events`.
//! - `PUT /api/v1/athlete/{id}/events?oldest=&newest=` (CALENDAR:WRITE; both required): an
//!   `Event` whose fields change on every event of the window as `PUT /events/{eventId}`
//!   changes one (all checked first) → the events, and one `CALENDAR_UPDATED` with them.
//! - `GET /api/v1/athlete/{id}/event-tags` (CALENDAR:READ), `/activity-tags` (ACTIVITY:READ):
//!   every tag on the athlete's events or activities, sorted, once each.
//! - `GET /api/v1/athlete/{id}/workouts.zip?ext=&oldest=&newest=` (CALENDAR:READ; all three
//!   required, else `422`): a zip of the window's structured WORKOUTs as `ext` files (the same
//!   bytes as `download.<ext>`), named `<date> <name>.<ext>`.
//! - `PUT /api/v1/athlete/{id}/events/{eventId}` (CALENDAR:WRITE): one `EventEx`, checked as
//!   above except that nothing is required (`type` may come from the event); only the fields
//!   given change, and a new `description` or file of a WORKOUT replaces its workout → the event;
//!   unknown or someone else's → `404`. `DELETE` of the same path → `{"eventsDeleted":1}`, `404`
//!   for an unknown one (`others` and `notBefore` are ignored). Both send `CALENDAR_UPDATED`.
//! - `PUT /api/v1/athlete/{id}/events/bulk-delete` (CALENDAR:WRITE): `[{"id":n}|
//!   {"external_id":"…"}]`; an `external_id` (which wins over `id`) names only events the
//!   token's app created; unknown ones are ignored → `{"eventsDeleted":n}`, and
//!   `CALENDAR_UPDATED` with `"events":[]` and the ids in `deleted_events` (calendar order).
//! - `GET /api/v1/athlete/{id}/sport-settings` (SETTINGS:READ): three groups, `types`
//!   `Ride, VirtualRide, GravelRide, MountainBikeRide, EBikeRide, TrackRide` (id 1), `Run,
//!   VirtualRun, TrailRun` (2), `Swim, OpenWaterSwim` (3), each `{"id","athlete_id","types",
//!   "ftp","indoor_ftp","w_prime","p_max","power_zones","power_zone_names","sweet_spot_min",
//!   "sweet_spot_max","lthr","max_hr","hr_zones","hr_zone_names","hr_load_type",
//!   "threshold_pace","pace_units","pace_zones","pace_zone_names","pace_load_type",
//!   "warmup_time","cooldown_time","load_order","workout_order","other"}`; power and pace zones
//!   in percent of FTP and threshold pace, heart-rate zones in bpm. Workouts of a sport resolve
//!   with its group's numbers (any other sport with the first group's).
//! - `GET /api/v1/athlete/{id}/sport-settings/{settingsId}` (SETTINGS:READ): one group, by its
//!   `id` or one of its `types` (`Ride`); unknown → `404`. `PUT` of the same path
//!   (SETTINGS:WRITE) `?recalcHrZones=`: a `SportSettings` object whose `ftp`, `indoor_ftp`,
//!   `w_prime`, `p_max`, `lthr`, `max_hr`, `threshold_pace`, `sweet_spot_min|max`,
//!   `warmup_time`, `cooldown_time` (numbers) and `power_zones`, `hr_zones`, `pace_zones` (lists
//!   of numbers) change when given (other fields are ignored, a wrongly typed one is `422`);
//!   with `recalcHrZones=true` a new `lthr` without `hr_zones` moves the heart-rate zones with
//!   it → the group, and `SPORT_SETTINGS_UPDATED` `{"sportSettings":[<group>]}` (SETTINGS
//!   area). `/sport-settings` and the profile show the change, and the athlete's planned
//!   workouts of that group resolve (`resolve=true`) and render as files with the changed
//!   `ftp`, `lthr`, `max_hr` and `threshold_pace`.
//! - `PUT /api/v1/athlete/{id}/wellness-bulk` (WELLNESS:WRITE): a JSON array of records, each
//!   with `id` = `YYYY-MM-DD`; all or nothing. Only the fields given change: `-1` removes a
//!   number, `null` changes nothing, computed and unknown fields are ignored; integers truncate
//!   and numeric strings are read as Jackson does; floats keep single precision. `200`, empty
//!   body. Not an array, a bad `id` or a bad value → `422`; not JSON content → `415`.
//! - `PUT /api/v1/athlete/{id}/wellness/{date}` (the day from the path; a different `id` in the
//!   body is `422`) and `PUT /api/v1/athlete/{id}/wellness` (the day from `id`): one record,
//!   merged the same way; answers the record. `GET .../wellness/{date}` (WELLNESS:READ): the
//!   record, or `404` for a day never written.
//! - `POST /api/v1/athlete/{id}/wellness` (WELLNESS:WRITE): multipart part `file`, a CSV whose
//!   header names `date` (or `id`) and wellness fields, one day a row, empty cells changing
//!   nothing; every row checked first (`422`), then merged as `wellness-bulk` does →
//!   `{"updated": n}`, and `WELLNESS_UPDATED`.
//! - `GET /api/v1/athlete/{id}/wellness.csv?oldest=&newest=&cols=`: the same window as CSV, a
//!   header row `id` then `cols` (default every field of the JSON record), one row a day.
//! - `GET /api/v1/athlete/{id}/wellness` and `/wellness.json?oldest=&newest=&fields=`
//!   (WELLNESS:READ): the written days in the window (default the last 7 UTC days up to today;
//!   date-times are cut to their date), oldest first. A record carries `id`, every writable field
//!   (`null` when unset, as Jackson writes them), `menstrualPhasePredicted`, `tempWeight`,
//!   `tempRestingHR`, and computed `ctl`, `atl` (42/7-day weighted load over made-up background
//!   training plus uploaded activities), `rampRate` (CTL change over 7 days), `ctlLoad`,
//!   `atlLoad` (the day's load), `sportInfo` and `updated`. `fields` keeps the named keys (and
//!   `id`) and drops nulls.
//!
//! # Webhooks (sandbox → each OAuth app)
//! Configured per app ([`Sandbox::set_webhook`] or `POST /_sandbox/webhooks`); without one
//! nothing is sent. One POST per batch, `Content-Type: application/json`, an honest
//! `User-Agent`, 10 s timeout, no signature header:
//! `{"secret":"<secret>","events":[{"athlete_id","type","timestamp":"…+00:00", …}]}`.
//! An event about athlete A goes to every configured app holding an active token for A whose
//! scope names the event's area: `ACTIVITY_UPLOADED` (at once) and `ACTIVITY_ANALYZED` (after
//! `analyzed_delay_ms`) per new uploaded activity, `{"activity": <summary as listed>}`;
//! `ACTIVITY_DELETED` per deleted activity; `ACTIVITY_UPDATED` per `PUT /activity/{id}`;
//! `SPORT_SETTINGS_UPDATED` per sport-settings change (to apps whose scope names SETTINGS);
//! `WELLNESS_UPDATED` per applied wellness write, `{"records": [<records as now stored, as
//! GET shows them>]}`; `CALENDAR_UPDATED` per calendar edit or API write, `{"events":
//! [<event>], "deleted_events": [ids]}`, each event with `oauth_client_id` and `external_id`. `APP_SCOPE_CHANGED` `{"client_id","client_name","scope",
//! "deauthorized"}` goes to the app concerned whatever its scope. Events are released when the
//! answer to the request that caused them has been written (also after a phase-`after` fault;
//! never after a phase-`before` one), collected per app for `batch_window_ms`, and sent on a
//! background task. With probability `duplicate_rate` a batch is sent a second time. Only a
//! `200` with a non-empty body is success; anything else, or a connection error, is retried
//! after each of `retry_delays_ms`, then dropped.
//!
//! # Seeded calendar
//! Athlete number k (0 = `i317960`, 1 = `2049151`, 2 = `i555003`) has events `1000·(k+1) + n`,
//! dated relative to the current UTC date (`T00:00:00`): 1 Ride "Endurance 90" (−2 days),
//! 2 Ride "Sweet Spot 3x12" (today), 3 NOTE "Travel day" (+1), 4 Run "Tempo Run 4x8", pace
//! targets (+3), 5 Ride "VO2max 5x4" (+5), 6 Ride "Recovery Spin" (+9). FTP 250 W, LTHR 170 bpm,
//! max HR 190 bpm, threshold pace 3.7037 m/s (4:30/km; swims 1.25 m/s). The athlete's own edits
//! (`/_sandbox/calendar`) and the API's writes are laid over it; events added either way get ids
//! from 100001; those added in the calendar UI have no structured workout.
//!
//! # Limits and faults, applied to every `/api/...` request in this order
//! 1. Rate limit: a token bucket per client IP, 10 requests/s with a burst of 20 by default;
//!    excess requests get `429 {"status":429,"error":"Too many requests"}` with no `Retry-After`
//!    and no rate-limit headers, like the real service.
//! 2. Outage (`/_sandbox/outage`): `503`.
//! 3. Faults (`/_sandbox/faults`) on matching requests: `fail_next` fails exactly the next N, then
//!    each fails with probability `error_rate`. With a `seed` those draws come from an RNG seeded
//!    with it (started afresh whenever the faults are replaced), so the same requests in the same
//!    order fail the same way on every run; without one they are random. Phase `before` answers
//!    the error without calling the handler; `after` runs the handler (an upload is stored) and
//!    answers the error instead. `latency_ms` delays every matching answer, after the work is
//!    done.
//!
//! Every request, limited or faulted, is in the request log.
//!
//! # Test-control endpoints (JSON, no authentication, never rate-limited)
//! Bad bodies are `400`. Events these endpoints cause are sent after their answer too.
//! - `GET /_sandbox/`: this list as JSON, `{"about","controls":[{"method","path","what"}]}`, each
//!   `path` in full wherever the sandbox is mounted (`/sandbox/_sandbox/faults` under
//!   `serve --sandbox`).
//! - `GET /_sandbox/requests`: every `/api/...` request so far, oldest first:
//!   `[{"method","path","query","time","status","user_agent","content_type"}]`; `path` is the
//!   upstream path (`/api/v1/...`) whatever the mount point. `DELETE` clears the log.
//! - `POST /_sandbox/clients` `{"client_id","client_secret","name"}`: registers (or replaces) an app.
//! - `POST /_sandbox/settings`, every field optional: `{"code_ttl_secs": N}` lifetime of codes
//!   issued from now on; `"rate_limit_per_sec": N` (0 = off), `"rate_limit_burst": N` (≥ 1; a
//!   change refills every bucket); `"max_upload_bytes": N`; `"analyzed_delay_ms": N` (default
//!   1000; upstream waits about 60 s). Answers every current setting: `{"code_ttl_secs","down",
//!   "rate_limit_per_sec","rate_limit_burst","max_upload_bytes","analyzed_delay_ms"}`.
//! - `POST /_sandbox/codes/expire`: every outstanding code expires now → `{"expired": n}`.
//! - `GET /_sandbox/tokens`: `[{"client_id","athlete_id","scope","access_token","status"}]`,
//!   status `active`, `revoked` or `replaced`.
//! - `POST /_sandbox/tokens/mint` `{"client_id","athlete_id","scope":"WELLNESS:WRITE,…"}`: for
//!   tests and benchmarks that need many athletes without the consent page. Issues an active
//!   token for the app and athlete exactly as a completed grant does (one per app and athlete:
//!   an active one for the pair becomes `replaced`; no webhook is sent) and answers the token
//!   endpoint's body `{"token_type":"Bearer","access_token","scope","athlete":{"id","name"}}`.
//!   An unknown `athlete_id` (1–64 of `A-Z a-z 0-9 _ -`) creates that athlete, named
//!   `Athlete <id>`: it works everywhere a seeded one does (`/api/v1`, `/_sandbox/wellness`,
//!   `/_sandbox/activities`, `/_sandbox/calendar`) but starts with no Strava stubs and no seeded
//!   calendar, trains like athlete 0, and is not on the consent page or in `/_sandbox/athletes`.
//!   It costs only its token and two index entries (about half a kilobyte). `404` for an
//!   unregistered app, `400` for a bad scope or athlete id.
//! - `POST /_sandbox/tokens/revoke` `{"client_id","athlete_id"}`: the athlete revokes the app in
//!   their settings → `{"revoked": n}`, or 404 when no active token matched; sends
//!   `APP_SCOPE_CHANGED` with `"scope":""`, `"deauthorized":true`.
//! - `POST /_sandbox/tokens/scope` `{"client_id","athlete_id","scope":"ACTIVITY:READ"}`: the
//!   athlete narrows the grant; the same token keeps working with the new scope →
//!   `{"client_id","athlete_id","scope"}`; `400` for a scope wider than granted, `404` without an
//!   active token; sends `APP_SCOPE_CHANGED` with the new scope and `"deauthorized":false`.
//! - `POST /_sandbox/coaches` `{"coach","athlete"}`: the coach's tokens read the athlete's
//!   activities from now on (`/api/v1/activity/{id}`, `/file`, `/fit-file`), as Intervals.icu
//!   lets a coach → `{"coach","athlete"}`; `400` for a bad body.
//! - `POST /_sandbox/outage` `{"down": bool}`: while down, everything under `/api/` answers
//!   `503 {"status":503,"error":"Service Unavailable"}`.
//! - `GET /_sandbox/athletes`: the seeded athletes `[{"id","name","api_key"}]`;
//!   `GET /_sandbox/athletes/{id}` any known athlete (minted too) `{"id","name","api_key"}`, or
//!   `404`. Keys are drawn anew for every sandbox.
//!
//! # The athlete day
//! Simulated athletes change their own data, as they would through their devices and the app,
//! each change sending what Intervals.icu would: an **activity** recorded by their device (a
//! FIT file of a ride or run that ends now: warm-up, three to six efforts with recoveries and a
//! cool-down, one lap each, with power for rides, heart rate, cadence, distance, altitude) kept
//! like an upload with `device_name` `Sandbox Edge` → `ACTIVITY_UPLOADED`, then
//! `ACTIVITY_ANALYZED`; today's **wellness** record (`weight`, `restingHR`, `hrv`, `sleepSecs`,
//! `sleepScore`, `steps`; not listed in `/_sandbox/wellness-pushes`, which logs API writes) →
//! `WELLNESS_UPDATED` with the record; a **calendar** edit (a new WORKOUT on one of the next 14
//! days, or an upcoming event moved there and renamed) → `CALENDAR_UPDATED`. A change's contents
//! depend only on the day's seed, the athlete, the area and the change's sequence number in that
//! area; the schedule only on the configuration ([`plan`]). The same from Rust:
//! [`Sandbox::change`], [`Sandbox::start_day`], [`Sandbox::stop_day`], [`Sandbox::changes`].
//! - `POST /_sandbox/day` `{"changes_per_day":4,"speed":1440,"seed":7,"athletes":[…],
//!   "areas":["activities","wellness","calendar"],"days":null}`: starts the day, replacing a
//!   running one (only `changes_per_day` is required; `speed` is simulated seconds per real
//!   second, default 1; `seed` default 0; no `athletes`: every athlete known at the start; no
//!   `areas`: all three; `days`: stop after that many simulated days, else run until stopped).
//!   Each simulated day every athlete makes `changes_per_day` changes (a fraction is the chance
//!   of one more) at uniformly drawn times, each in a uniformly drawn area. `changes_per_day` 0
//!   only sets the seed. Answers as `GET`; `400` for a bad body or an unknown athlete.
//! - `GET /_sandbox/day` → `{"running","config","seed","changes":{"<athlete>":{"activities",
//!   "wellness","calendar"}},"total"}`. `DELETE` stops the day (the counters stay) and answers
//!   the same with `"stopped": bool`.
//! - `POST /_sandbox/athletes/{id}/change` `{"area":"activities"|"wellness"|"calendar"}`: one
//!   change now, answered once its webhooks are in the outbox → `{"athlete_id","area",
//!   "sequence","webhooks":[types],"detail":{"activity"|"record"|"events","deleted_events"}}`;
//!   `400` for another area, `404` for an unknown athlete.
//! - `GET /_sandbox/athletes/{id}/changes` → `{"athlete_id","activities","wellness","calendar",
//!   "total"}`: the changes made so far (by the day and on request).
//! - `POST /_sandbox/faults` `{"error_rate":0.0-1.0,"error_status":400-599,"phase":"before"|"after",
//!   "retry_after_secs":null|N,"latency_ms":N,"paths":"/api/v1,…"|[…],"methods":"POST,…"|[…],
//!   "fail_next":N,"seed":null|N}`: replaces the whole fault configuration; omitted fields take
//!   their defaults (`0`, `503`, `"before"`, `null`, `0`, `["/api/"]` = everything including
//!   `/api/oauth/token`, `[]` = every method, `0`, `null` = unseeded draws); `paths` are prefixes
//!   of the upstream path. The error body is `{"status":N,"error":"<reason>"}` (`"Too many
//!   requests"` for 429), with `Retry-After: N` only when `retry_after_secs` is set. Answers the
//!   configuration; `GET` shows it with the `fail_next` still left; `DELETE` resets it (and
//!   drops the seed). Unknown fields or bad values → `400`.
//! - `GET /_sandbox/stats` → `{"requests","rate_limited","faults_injected","uploads"}` since start
//!   (or the last `DELETE`): `/api` requests seen, 429s from the limiter, injected faults, and
//!   upload requests that reached the store (new or duplicate, including phase-`after` ones).
//! - `GET /_sandbox/activities/{athlete_id}`: that athlete's uploaded activities, oldest upload
//!   first: `[{"id","external_id","name","description","type","start_date_local","device_name",
//!   "paired_event_id","file_type","compression":null|"gz"|"zip","size","sha256",
//!   "oauth_client_name"}]`; `404` for an unknown athlete.
//! - `GET /_sandbox/wellness/{athlete_id}`: the stored records, oldest day first, with only the
//!   fields set: `[{"id", …, "updated"}]`; `404` for an unknown athlete.
//! - `GET /_sandbox/wellness-pushes`: every applied wellness write (phase-`after` faults
//!   included, phase-`before` and `422`s not), oldest first: `[{"athlete_id","client_id","time",
//!   "path","records":[… as sent …]}]`. `DELETE` clears it.
//! - `POST /_sandbox/calendar/{athlete_id}` `{"upsert":[{event…}],"delete":[ids]}`: edits as the
//!   athlete would. An upsert with `id` changes that event (only the fields given); without `id`
//!   but with `external_id` it changes the event with the same `external_id` and
//!   `oauth_client_id`; otherwise it adds one (`start_date_local` required; defaults Ride,
//!   WORKOUT, "Workout"). All or nothing (`400` naming the bad item) → `{"events":[…],
//!   "deleted_events":[…]}`, and that as `CALENDAR_UPDATED`. `GET` lists every event.
//! - `POST /_sandbox/webhooks` `{"client_id","url","secret","batch_window_ms":200,
//!   "duplicate_rate":0.0,"retry_delays_ms":[200,1000,5000]}` (the last three optional):
//!   replaces that app's configuration and answers it; `GET` lists them; `DELETE` with
//!   `{"client_id"}` removes one, with no body all → `{"removed": n}`.
//! - `GET /_sandbox/webhooks/log`: every POST attempt, oldest first: `[{"time","client_id",
//!   "url","attempt","duplicate","status":N|null,"error":null|"…","event_types":[…],
//!   "body":{… as sent …}}]`. `DELETE` clears it.
//! - `POST /_sandbox/webhooks/trigger` `{"client_id"?,"athlete_id","type","fields"?:{…}}`: one
//!   event of any type, `fields` laid over its top level; to that app, or without `client_id`
//!   to every configured app with an active token for the athlete (scope ignored) →
//!   `{"sent_to":[client ids]}`; `404` for an app without a webhook.

// Helpers hand back the finished upstream error response so handlers can return it as is; it is
// built only on the failure path, so its size is irrelevant.
#![allow(clippy::result_large_err)]
// Activity summaries are large `json!` literals.
#![recursion_limit = "256"]

mod analysis;
mod athletes;
mod auth;
mod dates;
mod day;
mod errors;
mod files;
mod handlers;
pub mod operations;
mod outbox;
mod pages;
mod request;
mod routes;
mod scope;
mod sport_settings;
mod store;
mod uploads;
mod workouts;

use std::net::TcpListener;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::{web, App, HttpServer};

pub use day::{plan, Area, Change, DayConfig, Planned};
pub use errors::not_found;
pub use store::day::ChangeCounts;
pub use store::grants::SandboxClient;
use store::{Shared, Stores};

/// Cheap to clone: every clone shares one in-memory state.
#[derive(Clone)]
pub struct Sandbox {
    stores: Shared,
}

impl Default for Sandbox {
    fn default() -> Self {
        Self::new()
    }
}

impl Sandbox {
    pub fn new() -> Self {
        Sandbox {
            stores: web::Data::new(Stores::new(outbox::http_client())),
        }
    }

    pub fn register_client(&self, client: SandboxClient) {
        self.stores.grants.register(client);
    }

    /// Applies to codes issued from now on.
    pub fn set_code_ttl(&self, ttl: Duration) {
        self.stores.grants.set_code_ttl(ttl);
    }

    /// Requests per second and burst per client IP for `/api/`; `per_sec` 0 switches the limiter
    /// off. Every client starts again with a full bucket.
    pub fn set_rate_limit(&self, per_sec: f64, burst: f64) {
        self.stores.gate.limit(Some(per_sec), Some(burst));
    }

    /// Sends this app's webhooks to `url` with `secret` in each body, with the default batch
    /// window, no duplicates and the default retry delays; replaces any earlier configuration.
    pub fn set_webhook(&self, client_id: &str, url: &str, secret: &str) {
        self.stores
            .webhooks
            .configure(store::webhooks::Config::new(client_id, url, secret));
    }

    /// The athlete day: `athlete_id` makes one change in `area` now (records an activity, enters
    /// today's wellness, or edits the calendar), and its webhooks are in the outbox when this
    /// returns. Deliveries run on the current Tokio runtime (call it from one).
    pub fn change(&self, athlete_id: &str, area: Area) -> Result<Change, String> {
        day::change(&self.stores, athlete_id, area)
    }

    /// Starts the simulated athletes' own changes on the current Tokio runtime, replacing any
    /// running day; answers the configuration as it runs.
    pub fn start_day(&self, config: DayConfig) -> Result<serde_json::Value, String> {
        day::start(&self.stores, config)
    }

    /// Stops the athlete day; answers whether one was running. The counters stay.
    pub fn stop_day(&self) -> bool {
        self.stores.day.stop()
    }

    /// The changes each athlete made so far, per area (the day's and [`Sandbox::change`]'s).
    pub fn changes(&self) -> std::collections::BTreeMap<String, ChangeCounts> {
        self.stores.day.counts()
    }

    /// The athlete's personal API key, accepted as HTTP Basic (user `API_KEY`) wherever a
    /// Bearer token is, with every scope; `None` for an athlete the sandbox does not know.
    pub fn api_key(&self, athlete_id: &str) -> Option<String> {
        self.stores.grants.api_key(athlete_id)
    }

    /// The operations of Intervals.icu's OpenAPI document that the sandbox simulates, in the
    /// table's order; every other one answers `501` naming its `operationId`.
    pub fn served_operations() -> Vec<&'static operations::Operation> {
        operations::OPERATIONS
            .iter()
            .filter(|op| routes::SERVED.contains(&op.operation_id))
            .collect()
    }

    /// Every athlete the sandbox knows: the seeded ones, then those minted.
    pub fn athletes(&self) -> Vec<String> {
        self.stores.grants.athletes()
    }

    pub fn configure(&self, cfg: &mut web::ServiceConfig) {
        routes::configure(cfg, &self.stores);
    }

    /// Drive the returned server by awaiting or spawning it.
    pub fn server(&self, listener: TcpListener) -> std::io::Result<Server> {
        let sandbox = self.clone();
        let server = HttpServer::new(move || {
            let sandbox = sandbox.clone();
            App::new()
                .configure(move |c| sandbox.configure(c))
                .default_service(web::to(not_found))
        })
        .workers(2)
        .listen(listener)?
        .run();
        Ok(server)
    }
}
