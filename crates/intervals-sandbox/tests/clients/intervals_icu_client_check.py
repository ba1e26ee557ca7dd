"""The PyPI package `intervals-icu-client` (generated from Intervals.icu's OpenAPI document), as
shipped, against the sandbox: only its host is changed, and it authenticates as Intervals.icu's
documentation says, with HTTP Basic, user API_KEY and a simulated athlete's personal key.

Usage: python3 intervals_icu_client_check.py BASE_URL ATHLETE_ID API_KEY [bridge]

With `bridge`, BASE_URL is intervals-bridge's passthrough for one user
(`{bridge}/v1/users/{user_id}/icu`) and API_KEY the tenant's key: the same calls are made, and the
two calendar-wide writes (every event in a date range) must be refused with the bridge's
`not-available` problem, as its rules say, instead of done.

Every call is checked for what it answers (not only that it answered). Prints one line per call,
then a JSON summary on the last line: {"passed": N, "failed": M, "calls": [...]}; exits 1 when
any call failed.

Where this version of the client cannot make a call through its generated method, the call goes
through the client's own ApiClient with the operation's path (named "via ApiClient" below):
- upload_activity: the document's multipart body has no schema, so the generated method sends no
  file; the upload is made with the ApiClient's multipart support instead.
- streams: the document types a stream's `data` as an object, while Intervals.icu answers
  arrays, so the generated model refuses real answers; the raw answer is read instead.
- get_activity: the document declares only a `default` answer (a oneOf of three schemas that
  every activity matches), so the generated method returns nothing; the raw answer is read as
  the client's ActivityWithIntervals model.
- downloads (files, CSV, zip): the document gives them no schema; the raw answer is read.
"""

import csv
import datetime as dt
import gzip
import io
import json
import struct
import sys
import traceback
import zipfile

import intervals_icu_client as icu
from intervals_icu_client.exceptions import ApiException

BASE, ATHLETE, KEY = sys.argv[1], sys.argv[2], sys.argv[3]
THROUGH_BRIDGE = len(sys.argv) > 4 and sys.argv[4] == "bridge"

config = icu.Configuration(host=BASE, username="API_KEY", password=KEY)
client = icu.ApiClient(config)
athletes = icu.AthletesApi(client)
sports = icu.SportsApi(client)
activities = icu.ActivitiesApi(client)
events = icu.EventsApi(client)
wellness = icu.WellnessApi(client)

results = []


def check(name):
    """Runs the decorated function as one checked call."""

    def run(fn):
        try:
            detail = fn()
            results.append({"call": name, "ok": True, "detail": detail})
            print(f"ok    {name}" + (f": {detail}" if detail else ""))
        except Exception as e:  # noqa: BLE001 - every failure is reported, none stops the run
            results.append({"call": name, "ok": False, "error": f"{type(e).__name__}: {e}"})
            print(f"FAIL  {name}: {type(e).__name__}: {e}")
            traceback.print_exc(file=sys.stdout)
        return fn

    return run


def expect(cond, what):
    if not cond:
        raise AssertionError(what)


def refused_by_bridge(call):
    """Through the bridge: the call is a 404 problem `not-available`, not done."""
    try:
        call()
    except ApiException as e:
        expect(e.status == 404 and "not-available" in (e.body or ""), f"{e.status} {e.body}")
        return "refused by the bridge: not-available"
    raise AssertionError("the bridge forwarded a calendar-wide write")


def raw(response):
    """The body of a `*_without_preload_content` call, after checking its status."""
    expect(response.status == 200, f"status {response.status}: {response.data[:200]!r}")
    return response.data


TODAY = dt.date.today()
DAY = lambda n: (TODAY + dt.timedelta(days=n)).isoformat()  # noqa: E731


def fit_ride(start: dt.datetime, minutes: int) -> bytes:
    """A FIT activity file: file_id, a record every 10 s with power, heart rate, cadence,
    distance and position (easy, then ten hard minutes, then easy), one lap per part, a
    session."""
    epoch = int(start.timestamp()) - 631065600
    out = bytearray()

    def define(local, global_num, fields):
        out.extend(struct.pack("<BBBHB", 0x40 | local, 0, 0, global_num, len(fields)))
        for num, size, base in fields:
            out.extend(struct.pack("<BBB", num, size, base))

    define(0, 0, [(0, 1, 0x00), (1, 2, 0x84), (3, 4, 0x8C), (4, 4, 0x86)])
    out.extend(struct.pack("<BBHII", 0, 4, 255, 4242, epoch))
    define(1, 20, [(253, 4, 0x86), (5, 4, 0x86), (7, 2, 0x84), (3, 1, 0x02), (4, 1, 0x02),
                   (0, 4, 0x85), (1, 4, 0x85)])
    semicircles = lambda deg: round(deg * 2**31 / 180)  # noqa: E731
    total = minutes * 60
    hard = (total // 3, total // 3 + 600)
    for t in range(0, total + 1, 10):
        in_effort = hard[0] <= t < hard[1]
        watts = 280 if in_effort else 160
        bpm = 160 if in_effort else 125
        lat, lon = semicircles(46.5 + t * 1e-5), semicircles(6.6)
        out.extend(struct.pack("<BIIHBBii", 1, epoch + t, t * 800, watts, bpm, 90, lat, lon))
    define(2, 19, [(253, 4, 0x86), (2, 4, 0x86), (7, 4, 0x86), (8, 4, 0x86), (0, 1, 0x00), (1, 1, 0x00)])
    for a, b in [(0, hard[0]), hard, (hard[1], total)]:
        ms = (b - a) * 1000
        out.extend(struct.pack("<BIIIIBB", 2, epoch + b, epoch + a, ms, ms, 9, 1))
    define(3, 18, [(253, 4, 0x86), (2, 4, 0x86), (7, 4, 0x86), (8, 4, 0x86), (9, 4, 0x86), (5, 1, 0x00)])
    out.extend(struct.pack("<BIIIIIB", 3, epoch + total, epoch, total * 1000, total * 1000, total * 800, 2))
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(out), b".FIT")
    data = header + struct.pack("<H", crc(header)) + bytes(out)
    return data + struct.pack("<H", crc(data))


def crc(data: bytes) -> int:
    table = [0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
             0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400]
    value = 0
    for byte in data:
        for nibble in (byte & 0xF, byte >> 4):
            tmp = table[value & 0xF]
            value = ((value >> 4) & 0x0FFF) ^ tmp ^ table[nibble]
    return value


state = {}

# ---- athlete and sport settings -------------------------------------------------------------


@check("AthletesApi.get_athlete (with sportSettings and weight)")
def _():
    a = athletes.get_athlete("0")
    expect(a.id == ATHLETE, f"id {a.id}")
    expect(a.sport_settings and len(a.sport_settings) >= 3, "sportSettings")
    expect(any("Ride" in (s.types or []) for s in a.sport_settings), "a Ride group")
    expect(a.icu_weight and a.icu_weight > 30, f"icu_weight {a.icu_weight}")
    state["ride_settings"] = next(s.id for s in a.sport_settings if "Ride" in (s.types or []))
    return f"{a.name}, {len(a.sport_settings)} sport settings, {a.icu_weight} kg"


@check("AthletesApi.get_athlete_profile")
def _():
    p = athletes.get_athlete_profile("0")
    expect(p.athlete and p.athlete.id == ATHLETE, p)
    return p.athlete.name


@check("SportsApi.list_settings")
def _():
    s = sports.list_settings("0")
    expect(len(s) >= 3, "three groups")
    expect(all(x.ftp for x in s), "ftp on each")
    return f"{len(s)} groups"


@check("SportsApi.get_settings1 (sport-settings/{id})")
def _():
    s = sports.get_settings1("0", str(state["ride_settings"]))
    expect("Ride" in s.types, s.types)
    state["ftp"] = s.ftp
    return f"ftp {s.ftp}, lthr {s.lthr}"


@check("SportsApi.update_settings (PUT sport-settings/{id})")
def _():
    new_ftp = state["ftp"] + 10
    s = sports.update_settings(
        "0", str(state["ride_settings"]), False, icu.SportSettings(ftp=new_ftp, lthr=172)
    )
    expect(s.ftp == new_ftp and s.lthr == 172, f"{s.ftp} {s.lthr}")
    again = sports.get_settings1("0", "Ride")
    expect(again.ftp == new_ftp, f"by type: {again.ftp}")
    return f"ftp {s.ftp}"


# ---- activities -----------------------------------------------------------------------------

START = dt.datetime.combine(TODAY - dt.timedelta(days=1), dt.time(7, 0), tzinfo=dt.timezone.utc)
FIT = fit_ride(START, 60)


@check("ActivitiesApi upload (POST athlete/{id}/activities, via ApiClient)")
def _():
    params = client.param_serialize(
        method="POST",
        resource_path="/api/v1/athlete/{id}/activities",
        path_params={"id": "0"},
        query_params=[("name", "Client ride"), ("external_id", "py-1")],
        header_params={"Accept": "*/*", "Content-Type": "multipart/form-data"},
        files={"file": ("ride.fit", FIT)},
        auth_settings=["APIKey"],
    )
    response = client.call_api(*params)
    response.read()
    expect(response.status == 201, f"status {response.status}")
    body = client.response_deserialize(response, {"201": "UploadResponse"}).data
    expect(body.id and body.activities and body.activities[0].id == body.id, body)
    state["activity"] = body.id
    # The same bytes again: 200, the same id.
    params = client.param_serialize(
        method="POST",
        resource_path="/api/v1/athlete/{id}/activities",
        path_params={"id": "0"},
        header_params={"Accept": "*/*", "Content-Type": "multipart/form-data"},
        files={"file": ("ride.fit", FIT)},
        auth_settings=["APIKey"],
    )
    again = client.call_api(*params)
    again.read()
    expect(again.status == 200, f"duplicate status {again.status}")
    return body.id


@check("ActivitiesApi.create_manual_activity")
def _():
    a = activities.create_manual_activity("0", icu.Activity(
        start_date_local=f"{DAY(-2)}T18:00:00", type="WeightTraining", name="Gym",
        elapsed_time=2700))
    expect(a.id and a.source == "MANUAL" and a.elapsed_time == 2700, a)
    state["manual"] = a.id
    return a.id


@check("ActivitiesApi.list_activities")
def _():
    found = activities.list_activities("0", oldest=DAY(-3), newest=DAY(0))
    mine = [a for a in found if a.id == state["activity"]]
    expect(mine, "the upload is listed")
    expect(any(a.id == state["manual"] for a in found), "the manual activity is listed")
    a = mine[0]
    expect(a.name == "Client ride" and a.external_id == "py-1", f"{a.name} {a.external_id}")
    expect(a.elapsed_time == 3600, f"elapsed {a.elapsed_time}")
    expect(abs(a.distance - 2880000 / 100) < 1, f"distance {a.distance}")
    expect(a.max_heartrate == 160, f"max hr {a.max_heartrate}")
    # 600 s at 280 W and 3000 s at 160 W.
    expect(a.icu_average_watts == 180, f"watts {a.icu_average_watts}")
    expect(a.icu_weighted_avg_watts > 180, f"normalised {a.icu_weighted_avg_watts}")
    expect(a.average_cadence == 90, f"cadence {a.average_cadence}")
    expect(a.calories and a.calories > 500, f"calories {a.calories}")
    return f"{len(found)} activities; {a.icu_average_watts} W, {a.average_heartrate} bpm"


@check("ActivitiesApi.get_activity (intervals=true; raw, read as ActivityWithIntervals)")
def _():
    body = raw(activities.get_activity_without_preload_content(state["activity"], intervals=True))
    a = icu.ActivityWithIntervals.from_json(body.decode())
    intervals = a.icu_intervals
    expect(intervals and len(intervals) == 3, f"{len(intervals or [])} intervals")
    kinds = [i.type for i in intervals]
    expect(kinds == ["RECOVERY", "WORK", "RECOVERY"], kinds)
    expect(intervals[1].average_watts == 280 and intervals[1].max_heartrate == 160, intervals[1])
    return f"{kinds}"


@check("ActivitiesApi.get_intervals")
def _():
    dto = activities.get_intervals(state["activity"])
    expect(dto.id == state["activity"] and len(dto.icu_intervals) == 3, dto.id)
    return f"{len(dto.icu_intervals)} intervals"


@check("ActivitiesApi.get_activities (athlete/{id}/activities/{ids})")
def _():
    found = activities.get_activities("0", [state["activity"]])
    expect([a.id for a in found] == [state["activity"]], [a.id for a in found])
    return None


@check("ActivitiesApi.get_activity_streams (raw: the model types data as an object)")
def _():
    body = json.loads(
        raw(activities.get_activity_streams_without_preload_content(
            state["activity"], "", types=["watts", "heartrate"]))
    )
    kinds = [s["type"] for s in body]
    expect(kinds == ["watts", "heartrate"], kinds)
    expect(len(body[0]["data"]) == 3601, len(body[0]["data"]))
    expect(max(body[1]["data"]) == 160, "heart rate from the file")
    return f"{kinds}, {len(body[0]['data'])} values"


@check("ActivitiesApi.get_activity_streams .csv")
def _():
    text = raw(activities.get_activity_streams_without_preload_content(
        state["activity"], ".csv")).decode()
    rows = list(csv.reader(io.StringIO(text)))
    expect(rows[0][0] == "time" and "watts" in rows[0], rows[0])
    expect(len(rows) == 3602, len(rows))
    return f"columns {rows[0]}"


@check("ActivitiesApi.download_activity_file")
def _():
    data = raw(activities.download_activity_file_without_preload_content(state["activity"]))
    expect(gzip.decompress(data) == FIT, "the original file, gzip-compressed")
    return f"{len(data)} bytes"


@check("ActivitiesApi.download_activity_fit_file")
def _():
    data = raw(activities.download_activity_fit_file_without_preload_content(state["activity"]))
    expect(data[8:12] == b".FIT", data[:12])
    return f"{len(data)} bytes"


@check("ActivitiesApi.download_activity_gpx_file")
def _():
    text = raw(activities.download_activity_gpx_file_without_preload_content(
        state["activity"])).decode()
    expect(text.count("<trkpt ") == 361, text.count("<trkpt "))
    expect("<gpxtpx:hr>160</gpxtpx:hr>" in text and "<power>280</power>" in text, text[:300])
    return f"{text.count('<trkpt ')} points"


@check("ActivitiesApi.update_activity (rename)")
def _():
    a = activities.update_activity(
        state["activity"],
        icu.Activity(name="Renamed by client", description="via PUT", tags=["commute"]),
    )
    expect(a.name == "Renamed by client" and a.description == "via PUT", a.name)
    expect(a.tags == ["commute"], a.tags)
    listed = activities.list_activities("0", oldest=DAY(-3))
    expect(any(x.name == "Renamed by client" for x in listed), "the list shows the new name")
    return a.name


@check("ActivitiesApi.list_tags2 (activity-tags)")
def _():
    tags = activities.list_tags2("0")
    expect("commute" in tags, tags)
    return f"{tags}"


@check("ActivitiesApi.download_activities_as_csv")
def _():
    text = raw(activities.download_activities_as_csv_without_preload_content("0")).decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    expect(any(r["id"] == state["activity"] for r in rows), "the activity is a row")
    expect(any(r["name"] == "Renamed by client" for r in rows), "with its name")
    return f"{len(rows)} rows"


@check("ActivitiesApi.delete_activity")
def _():
    gone = activities.delete_activity(state["activity"])
    expect(gone.id == state["activity"], gone)
    try:
        activities.get_activity(state["activity"])
    except ApiException as e:
        expect(e.status == 404, e.status)
        return "then 404"
    raise AssertionError("still readable")


# ---- events ---------------------------------------------------------------------------------

WORKOUT = "- 10m 60%\n\nMain set 3x\n- 5m 100%\n- 3m 55%\n\n- 10m 60%"


@check("EventsApi.create_event (single)")
def _():
    e = events.create_event("0", False, icu.EventEx(
        category="WORKOUT", start_date_local=f"{DAY(2)}T00:00:00", type="Ride",
        name="Client threshold", description=WORKOUT, external_id="py-e1", tags=["threshold"]))
    expect(e.id and e.workout_doc is not None, e)
    # A personal key's events carry no app; through the bridge they are its OAuth app's.
    expect((e.oauth_client_id is not None) == THROUGH_BRIDGE, e.oauth_client_id)
    state["event"] = e.id
    return f"id {e.id}, {e.moving_time} s"


@check("EventsApi.create_multiple_events (bulk, upsert)")
def _():
    made = events.create_multiple_events("0", False, False, [
        icu.EventEx(category="NOTE", start_date_local=f"{DAY(3)}T00:00:00", name="Rest",
                    external_id="py-n1"),
        icu.EventEx(category="WORKOUT", start_date_local=f"{DAY(4)}T00:00:00", type="Run",
                    name="Easy run", description="- 40m 70% Pace", external_id="py-r1"),
    ], upsert=True)
    expect(len(made) == 2 and all(x.id for x in made), made)
    again = events.create_multiple_events("0", False, False, [
        icu.EventEx(category="NOTE", start_date_local=f"{DAY(3)}T00:00:00", name="Rest day",
                    external_id="py-n1")], upsert=True)
    expect(again[0].id == made[0].id and again[0].name == "Rest day", "upserted")
    state["bulk"] = [x.id for x in made]
    return f"ids {state['bulk']}"


@check("EventsApi.update_event")
def _():
    e = events.update_event("0", state["event"], icu.EventEx(name="Client threshold (moved)",
                                                             start_date_local=f"{DAY(5)}T00:00:00"))
    expect(e.name == "Client threshold (moved)" and e.start_date_local.startswith(DAY(5)), e)
    return e.start_date_local


@check("EventsApi.show_event")
def _():
    e = events.show_event("0", state["event"])
    expect(e.id == state["event"] and e.name == "Client threshold (moved)", e.name)
    return None


@check("EventsApi.list_events")
def _():
    found = events.list_events("0", "", oldest=DAY(0), newest=DAY(6))
    ids = {e.id for e in found}
    expect(state["event"] in ids and set(state["bulk"]) <= ids, ids)
    only = events.list_events("0", ".json", oldest=DAY(0), newest=DAY(6), category=["NOTE"])
    expect(only and all(e.category == "NOTE" for e in only), [e.category for e in only])
    return f"{len(found)} events"


@check("EventsApi.list_tags1 (event-tags)")
def _():
    tags = events.list_tags1("0")
    expect("threshold" in tags, tags)
    return f"{tags}"


@check("EventsApi.update_events (every event in a window)")
def _():
    if THROUGH_BRIDGE:
        return refused_by_bridge(
            lambda: events.update_events("0", DAY(3), DAY(4), icu.Event(color="#ff0000")))
    changed = events.update_events("0", DAY(3), DAY(4), icu.Event(color="#ff0000"))
    expect(len(changed) >= 2 and all(e.color == "#ff0000" for e in changed), changed)
    ids = {e.id for e in changed}
    expect(set(state["bulk"]) <= ids, ids)
    return f"{len(changed)} events"


@check("EventsApi.list_events .csv")
def _():
    text = raw(events.list_events_without_preload_content(
        "0", ".csv", oldest=DAY(0), newest=DAY(6))).decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    expect(any(r["id"] == str(state["event"]) for r in rows), "the event is a row")
    expect(all(r["category"] for r in rows), "categories")
    return f"{len(rows)} rows"


@check("EventsApi.download_workout1 (event download.zwo)")
def _():
    data = raw(events.download_workout1_without_preload_content("0", state["event"], ".zwo"))
    expect(b"<workout_file>" in data, data[:80])
    return f"{len(data)} bytes"


@check("EventsApi.download_workouts (workouts.zip)")
def _():
    data = raw(events.download_workouts_without_preload_content(
        "0", "zwo", oldest=DAY(0), newest=DAY(6)))
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    expect(any(n.endswith(".zwo") for n in names) and len(names) >= 2, names)
    return f"{names}"


@check("EventsApi.delete_event")
def _():
    events.delete_event("0", state["event"])
    try:
        events.show_event("0", state["event"])
    except ApiException as e:
        expect(e.status == 404, e.status)
        return "then 404"
    raise AssertionError("still there")


@check("EventsApi.delete_events_bulk")
def _():
    r = events.delete_events_bulk("0", [icu.DoomedEvent(external_id="py-r1")])
    expect(r.events_deleted == 1, r)
    return None


@check("EventsApi.delete_events (by date range and category)")
def _():
    if THROUGH_BRIDGE:
        return refused_by_bridge(lambda: events.delete_events("0", DAY(19), ["NOTE"], newest=DAY(21)))
    events.create_event("0", False, icu.EventEx(
        category="NOTE", start_date_local=f"{DAY(20)}T00:00:00", name="Far note"))
    events.delete_events("0", DAY(19), ["NOTE"], newest=DAY(21))
    left = events.list_events("0", "", oldest=DAY(19), newest=DAY(21))
    expect(not [e for e in left if e.category == "NOTE"], [e.name for e in left])
    return None


# ---- wellness -------------------------------------------------------------------------------


@check("WellnessApi.update_wellness (PUT wellness/{date})")
def _():
    w = wellness.update_wellness("0", DAY(-1), icu.Wellness(weight=70.5, resting_hr=48))
    expect(w.weight == 70.5 and w.resting_hr == 48, w)
    return None


@check("WellnessApi.update_wellness1 (PUT wellness, id in the body)")
def _():
    w = wellness.update_wellness1("0", icu.Wellness(id=DAY(-2), hrv=66.0, sleep_secs=27000))
    expect(w.id == DAY(-2) and w.hrv == 66.0, w)
    return None


@check("WellnessApi.update_wellness_bulk")
def _():
    wellness.update_wellness_bulk("0", [icu.Wellness(id=DAY(-3), weight=71.0),
                                        icu.Wellness(id=DAY(-1), mood=2)])
    return None


@check("WellnessApi.get_record")
def _():
    w = wellness.get_record("0", DAY(-1))
    expect(w.weight == 70.5 and w.mood == 2 and w.resting_hr == 48, w)
    return f"weight {w.weight}, ctl {w.ctl}"


@check("WellnessApi.list_wellness_records")
def _():
    found = wellness.list_wellness_records("0", "", oldest=DAY(-3), newest=DAY(0))
    days = [w.id for w in found]
    expect(days[:3] == [DAY(-3), DAY(-2), DAY(-1)], days)
    return f"{len(found)} records"


@check("WellnessApi.list_wellness_records .csv")
def _():
    text = raw(wellness.list_wellness_records_without_preload_content(
        "0", ".csv", oldest=DAY(-3), newest=DAY(0), cols=["weight", "restingHR"])).decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    expect(rows and set(rows[0]) == {"id", "weight", "restingHR"}, rows[:1])
    by_day = {r["id"]: r for r in rows}
    expect(by_day[DAY(-1)]["weight"] == "70.5", by_day.get(DAY(-1)))
    return f"{len(rows)} rows"


@check("WellnessApi.upload_wellness (POST a CSV file, via ApiClient)")
def _():
    data = f"date,weight,restingHR\n{DAY(-5)},69.9,51\n".encode()
    params = client.param_serialize(
        method="POST",
        resource_path="/api/v1/athlete/{id}/wellness",
        path_params={"id": "0"},
        header_params={"Accept": "*/*", "Content-Type": "multipart/form-data"},
        files={"file": ("wellness.csv", data)},
        auth_settings=["APIKey"],
    )
    response = client.call_api(*params)
    response.read()
    expect(response.status == 200, f"status {response.status}: {response.data[:200]!r}")
    w = wellness.get_record("0", DAY(-5))
    expect(w.weight == 69.9 and w.resting_hr == 51, w)
    return None


passed = sum(1 for r in results if r["ok"])
failed = len(results) - passed
print(json.dumps({"passed": passed, "failed": failed, "calls": results}))
sys.exit(1 if failed else 0)
