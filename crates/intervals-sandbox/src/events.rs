//! Planned workouts: seeded calendar events per athlete with `workout_doc` (plus the athlete's
//! edits from `calendar`), listed and downloaded the way Intervals.icu's `/events` endpoints do
//! (`ext`, `resolve`, `category`, date window).

use actix_web::http::header::CONTENT_DISPOSITION;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use base64::Engine;
use chrono::{Duration as Days, NaiveDate, Utc};
use serde_json::{json, Map, Value};

use super::api::{authenticate, error, TokenGrant};
use super::calendar::{entries, Entry};
use super::scope::Access;
use super::workout_files::{self, Format};
use super::{Params, Sandbox, ATHLETES, FTP_WATTS, LTHR_BPM, THRESHOLD_PACE_MPS};

pub(super) fn routes(cfg: &mut web::ServiceConfig) {
    // `/events{format}` upstream: no suffix and `.json` both answer JSON.
    for path in ["/v1/athlete/{id}/events", "/v1/athlete/{id}/events.json"] {
        cfg.service(
            web::resource(path)
                .route(web::get().to(list))
                .default_service(web::to(super::api::method_not_allowed)),
        );
    }
    cfg.service(
        web::resource("/v1/athlete/{id}/events/{event_id}")
            .route(web::get().to(get_one))
            .default_service(web::to(super::api::method_not_allowed)),
    )
    .service(
        web::resource("/v1/athlete/{id}/events/{event_id}/download{ext}")
            .route(web::get().to(download))
            .default_service(web::to(super::api::method_not_allowed)),
    );
}

/// Percent of FTP (power targets) or of threshold pace (pace targets).
#[derive(Debug, Clone, Copy)]
pub(super) enum Intensity {
    Steady(f64),
    Ramp(f64, f64),
}

impl Intensity {
    pub(super) fn start(self) -> f64 {
        match self {
            Intensity::Steady(v) | Intensity::Ramp(v, _) => v,
        }
    }

    pub(super) fn end(self) -> f64 {
        match self {
            Intensity::Steady(v) | Intensity::Ramp(_, v) => v,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Step {
    pub text: &'static str,
    pub secs: u32,
    pub intensity: Intensity,
    pub warmup: bool,
    pub cooldown: bool,
    pub cadence: Option<u32>,
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Block {
    Step(Step),
    Repeat {
        text: &'static str,
        reps: u32,
        steps: &'static [Step],
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    Power,
    Pace,
}

pub(super) struct Plan {
    /// Event ids are `1000 × (athlete position + 1) + n`.
    pub n: u32,
    /// Days from the current UTC date.
    pub offset_days: i64,
    pub sport: &'static str,
    pub category: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    pub target: Target,
    pub blocks: &'static [Block],
}

const fn step(text: &'static str, secs: u32, pct: f64) -> Step {
    Step {
        text,
        secs,
        intensity: Intensity::Steady(pct),
        warmup: false,
        cooldown: false,
        cadence: None,
    }
}

const fn with_cadence(s: Step, rpm: u32) -> Step {
    Step {
        cadence: Some(rpm),
        ..s
    }
}

const fn warmup(secs: u32, from: f64, to: f64) -> Block {
    Block::Step(Step {
        text: "Warm up",
        secs,
        intensity: Intensity::Ramp(from, to),
        warmup: true,
        cooldown: false,
        cadence: Some(85),
    })
}

const fn cooldown(secs: u32, from: f64, to: f64) -> Block {
    Block::Step(Step {
        text: "Cool down",
        secs,
        intensity: Intensity::Ramp(from, to),
        warmup: false,
        cooldown: true,
        cadence: None,
    })
}

const SWEET_SPOT: [Step; 2] = [
    with_cadence(step("Sweet spot", 720, 90.0), 90),
    step("Recovery", 300, 55.0),
];
const VO2: [Step; 2] = [
    with_cadence(step("VO2max", 240, 115.0), 95),
    step("Easy", 240, 50.0),
];
const TEMPO_RUN: [Step; 2] = [step("Tempo", 480, 92.0), step("Jog", 120, 70.0)];

pub(super) const PLANS: [Plan; 6] = [
    Plan {
        n: 1,
        offset_days: -2,
        sport: "Ride",
        category: "WORKOUT",
        name: "Endurance 90",
        description: "Steady aerobic ride, keep it conversational.",
        target: Target::Power,
        blocks: &[
            warmup(600, 50.0, 70.0),
            Block::Step(with_cadence(step("Endurance", 4200, 68.0), 88)),
            cooldown(600, 65.0, 45.0),
        ],
    },
    Plan {
        n: 2,
        offset_days: 0,
        sport: "Ride",
        category: "WORKOUT",
        name: "Sweet Spot 3x12",
        description: "Three blocks just under threshold.",
        target: Target::Power,
        blocks: &[
            warmup(900, 45.0, 75.0),
            Block::Repeat {
                text: "Main set",
                reps: 3,
                steps: &SWEET_SPOT,
            },
            cooldown(600, 65.0, 45.0),
        ],
    },
    Plan {
        n: 3,
        offset_days: 1,
        sport: "Ride",
        category: "NOTE",
        name: "Travel day",
        description: "Flying out in the morning, no training planned.",
        target: Target::Power,
        blocks: &[],
    },
    Plan {
        n: 4,
        offset_days: 3,
        sport: "Run",
        category: "WORKOUT",
        name: "Tempo Run 4x8",
        description: "Tempo intervals at about 92% of threshold pace.",
        target: Target::Pace,
        blocks: &[
            Block::Step(Step {
                text: "Warm up",
                secs: 900,
                intensity: Intensity::Ramp(70.0, 85.0),
                warmup: true,
                cooldown: false,
                cadence: None,
            }),
            Block::Repeat {
                text: "Tempo",
                reps: 4,
                steps: &TEMPO_RUN,
            },
            Block::Step(Step {
                text: "Cool down",
                secs: 600,
                intensity: Intensity::Steady(70.0),
                warmup: false,
                cooldown: true,
                cadence: None,
            }),
        ],
    },
    Plan {
        n: 5,
        offset_days: 5,
        sport: "Ride",
        category: "WORKOUT",
        name: "VO2max 5x4",
        description: "Hard four-minute efforts with equal recovery.",
        target: Target::Power,
        blocks: &[
            warmup(900, 50.0, 75.0),
            Block::Step(step("Openers", 300, 85.0)),
            Block::Repeat {
                text: "VO2max",
                reps: 5,
                steps: &VO2,
            },
            cooldown(600, 60.0, 40.0),
        ],
    },
    Plan {
        n: 6,
        offset_days: 9,
        sport: "Ride",
        category: "WORKOUT",
        name: "Recovery Spin",
        description: "Easy spin, high cadence, no efforts.",
        target: Target::Power,
        blocks: &[Block::Step(with_cadence(step("Easy spin", 2700, 55.0), 95))],
    },
];

/// One seeded event as it stands today.
pub(super) struct Event {
    pub id: i64,
    pub athlete_id: &'static str,
    pub date: NaiveDate,
    pub plan: &'static Plan,
}

impl Event {
    pub(super) fn is_workout(&self) -> bool {
        self.plan.category == "WORKOUT"
    }
}

/// Dates are relative to the current UTC date, so a long-running sandbox always has workouts
/// coming up; ids never change.
pub(super) fn events_of(athlete_id: &str, today: NaiveDate) -> Vec<Event> {
    let Some((pos, a)) = ATHLETES
        .iter()
        .enumerate()
        .find(|(_, a)| a.id == athlete_id)
    else {
        return Vec::new();
    };
    let base = 1000 * (i64::try_from(pos).unwrap_or(0) + 1);
    PLANS
        .iter()
        .map(|plan| Event {
            id: base + i64::from(plan.n),
            athlete_id: a.id,
            date: today + Days::days(plan.offset_days),
            plan,
        })
        .collect()
}

pub(super) fn step_secs(blocks: &[Block]) -> u32 {
    blocks
        .iter()
        .map(|b| match b {
            Block::Step(s) => s.secs,
            Block::Repeat { reps, steps, .. } => reps * steps.iter().map(|s| s.secs).sum::<u32>(),
        })
        .sum()
}

/// Every step in order, repeats unrolled.
pub(super) fn flat_steps(blocks: &[Block]) -> Vec<Step> {
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Step(s) => out.push(*s),
            Block::Repeat { reps, steps, .. } => {
                for _ in 0..*reps {
                    out.extend_from_slice(steps);
                }
            }
        }
    }
    out
}

/// Training load and intensity (percent) from the steps' intensity factors.
fn load(plan: &Plan) -> (u32, f64) {
    let steps = flat_steps(plan.blocks);
    let total: f64 = steps.iter().map(|s| f64::from(s.secs)).sum();
    if total <= 0.0 {
        return (0, 0.0);
    }
    // Mean of IF² over a linear ramp from a to b is (a² + ab + b²) / 3.
    let weighted: f64 = steps
        .iter()
        .map(|s| {
            let (a, b) = (s.intensity.start() / 100.0, s.intensity.end() / 100.0);
            f64::from(s.secs) * (a * a + a * b + b * b) / 3.0
        })
        .sum();
    let intensity = (weighted / total).sqrt();
    let tss = total / 3600.0 * intensity * intensity * 100.0;
    (tss.round() as u32, (intensity * 1000.0).round() / 10.0)
}

fn duration_text(secs: u32) -> String {
    let (h, m, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
    let mut out = String::new();
    if h > 0 {
        out.push_str(&format!("{h}h"));
    }
    if m > 0 {
        out.push_str(&format!("{m}m"));
    }
    if s > 0 || out.is_empty() {
        out.push_str(&format!("{s}s"));
    }
    out
}

fn pct_text(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

fn step_text(s: &Step, target: Target) -> String {
    let intensity = match s.intensity {
        Intensity::Steady(v) => format!("{}%", pct_text(v)),
        Intensity::Ramp(a, b) => format!("ramp {}-{}%", pct_text(a), pct_text(b)),
    };
    let mut line = format!("- {} {} {intensity}", s.text, duration_text(s.secs));
    if target == Target::Pace {
        line.push_str(" Pace");
    }
    if let Some(c) = s.cadence {
        line.push_str(&format!(" {c}rpm"));
    }
    line
}

/// The event description holds the workout in Intervals.icu's text syntax, as in the real
/// calendar.
fn description(plan: &Plan) -> String {
    let mut out = plan.description.to_owned();
    for b in plan.blocks {
        out.push_str("\n\n");
        match b {
            Block::Step(s) => out.push_str(&step_text(s, plan.target)),
            Block::Repeat { text, reps, steps } => {
                out.push_str(&format!("{text} {reps}x"));
                for s in *steps {
                    out.push('\n');
                    out.push_str(&step_text(s, plan.target));
                }
            }
        }
    }
    out
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn step_json(s: &Step, target: Target, resolve: bool) -> Value {
    let mut m = Map::new();
    m.insert("text".into(), json!(s.text));
    m.insert("duration".into(), json!(s.secs));
    if s.warmup {
        m.insert("warmup".into(), json!(true));
    }
    if s.cooldown {
        m.insert("cooldown".into(), json!(true));
    }
    let (key, units) = match target {
        Target::Power => ("power", "%ftp"),
        Target::Pace => ("pace", "%pace"),
    };
    let (value, absolute) = match s.intensity {
        Intensity::Steady(v) => (
            json!({"value": v, "units": units}),
            json!({"value": resolved(v, target)}),
        ),
        Intensity::Ramp(a, b) => {
            m.insert("ramp".into(), json!(true));
            (
                json!({"start": a, "end": b, "units": units}),
                json!({"start": resolved(a, target), "end": resolved(b, target)}),
            )
        }
    };
    m.insert(key.into(), value);
    if resolve {
        m.insert(format!("_{key}"), absolute);
    }
    if let Some(c) = s.cadence {
        m.insert("cadence".into(), json!({"value": c, "units": "rpm"}));
    }
    Value::Object(m)
}

/// Watts for power targets, metres per second for pace targets.
pub(super) fn resolved(pct: f64, target: Target) -> Value {
    match target {
        Target::Power => json!((f64::from(FTP_WATTS) * pct / 100.0).round() as u32),
        Target::Pace => json!((THRESHOLD_PACE_MPS * pct / 100.0 * 1000.0).round() / 1000.0),
    }
}

fn workout_doc(plan: &Plan, resolve: bool) -> Value {
    let steps: Vec<Value> = plan
        .blocks
        .iter()
        .map(|b| match b {
            Block::Step(s) => step_json(s, plan.target, resolve),
            Block::Repeat { text, reps, steps } => json!({
                "text": text,
                "reps": reps,
                "duration": reps * steps.iter().map(|s| s.secs).sum::<u32>(),
                "steps": steps
                    .iter()
                    .map(|s| step_json(s, plan.target, resolve))
                    .collect::<Vec<_>>(),
            }),
        })
        .collect();
    let mut doc = json!({
        "description": plan.description,
        "target": match plan.target {
            Target::Power => "POWER",
            Target::Pace => "PACE",
        },
        "duration": step_secs(plan.blocks),
        "steps": steps,
    });
    if resolve {
        doc["ftp"] = json!(FTP_WATTS);
        doc["lthr"] = json!(LTHR_BPM);
        doc["threshold_pace"] = json!(THRESHOLD_PACE_MPS);
    }
    doc
}

pub(super) fn event_json(e: &Event, resolve: bool, ext: Option<Format>) -> Value {
    let plan = e.plan;
    let date = format!("{}T00:00:00", e.date.format("%Y-%m-%d"));
    let mut v = json!({
        "id": e.id,
        "athlete_id": e.athlete_id,
        "start_date_local": date,
        "end_date_local": date,
        "type": plan.sport,
        "category": plan.category,
        "name": plan.name,
        "description": if e.is_workout() { description(plan) } else { plan.description.to_owned() },
        "external_id": null,
        "oauth_client_id": null,
        "indoor": false,
        "color": null,
    });
    if !e.is_workout() {
        return v;
    }
    let (load, intensity) = load(plan);
    v["moving_time"] = json!(step_secs(plan.blocks));
    v["icu_training_load"] = json!(load);
    v["icu_intensity"] = json!(round1(intensity));
    v["target"] = json!(match plan.target {
        Target::Power => "POWER",
        Target::Pace => "PACE",
    });
    v["workout_doc"] = workout_doc(plan, resolve);
    if let Some(format) = ext {
        attach_file(&mut v, e, format);
    }
    v
}

/// What `ext=` adds to a workout; a format that cannot express it (ERG for a pace workout)
/// adds nothing.
fn attach_file(v: &mut Value, e: &Event, format: Format) {
    if !e.is_workout() {
        return;
    }
    if let Ok(bytes) = workout_files::render(e, format) {
        v["workout_filename"] = json!(workout_files::filename(e.plan.name, format));
        v["workout_file_base64"] = json!(base64::engine::general_purpose::STANDARD.encode(bytes));
    }
}

fn calendar_grant(req: &HttpRequest) -> Result<(TokenGrant, String), HttpResponse> {
    let grant = authenticate(req)?;
    grant.require("CALENDAR", Access::Read)?;
    let athlete = grant
        .athlete_in_path(req.match_info().get("id").unwrap_or_default())?
        .to_owned();
    Ok((grant, athlete))
}

fn unprocessable(message: &str) -> HttpResponse {
    error(StatusCode::UNPROCESSABLE_ENTITY, message)
}

/// A local date; a date-time is cut to its date.
pub(super) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok()
}

fn flag(p: &Params, key: &str) -> bool {
    p.get(key)
        .is_some_and(|v| v.eq_ignore_ascii_case("true") || v == "1")
}

fn ext_param(p: &Params) -> Result<Option<Format>, HttpResponse> {
    match p.get("ext").map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(ext) => Format::parse(ext).map(Some).ok_or_else(|| {
            unprocessable(&format!("Unsupported ext {ext}: use zwo, mrc, erg or fit"))
        }),
    }
}

async fn list(req: HttpRequest, sandbox: web::Data<Sandbox>) -> HttpResponse {
    let athlete = match calendar_grant(&req) {
        Ok((_, a)) => a,
        Err(res) => return res,
    };
    let p = Params::parse(req.query_string().as_bytes());
    let today = Utc::now().date_naive();
    let oldest = match p.get("oldest").filter(|s| !s.trim().is_empty()) {
        None => today,
        Some(raw) => match parse_date(raw) {
            Some(d) => d,
            None => return unprocessable(&format!("Invalid oldest date: {raw}")),
        },
    };
    let newest = match p.get("newest").filter(|s| !s.trim().is_empty()) {
        None => oldest + Days::days(6),
        Some(raw) => match parse_date(raw) {
            Some(d) => d,
            None => return unprocessable(&format!("Invalid newest date: {raw}")),
        },
    };
    let categories: Vec<String> = p
        .all("category")
        .flat_map(|c| c.split(','))
        .map(|c| c.trim().to_ascii_uppercase())
        .filter(|c| !c.is_empty())
        .collect();
    let limit = match p.get("limit").map(|l| l.trim().parse::<usize>()) {
        None => usize::MAX,
        Some(Ok(l)) => l,
        Some(Err(_)) => return unprocessable("limit must be a non-negative integer"),
    };
    let ext = match ext_param(&p) {
        Ok(e) => e,
        Err(res) => return res,
    };
    let resolve = flag(&p, "resolve");
    let st = sandbox.lock();
    let body: Vec<Value> = entries(st.calendars.get(&athlete), &athlete, today, resolve)
        .into_iter()
        .filter(|e| e.date().is_some_and(|d| d >= oldest && d <= newest))
        .filter(|e| categories.is_empty() || categories.iter().any(|c| c == e.category()))
        .take(limit)
        .map(|e| with_file(e, ext))
        .collect();
    HttpResponse::Ok().json(body)
}

fn with_file(e: Entry, ext: Option<Format>) -> Value {
    let mut v = e.json;
    if let (Some(seeded), Some(format)) = (&e.seeded, ext) {
        attach_file(&mut v, seeded, format);
    }
    v
}

/// The athlete's event as it now stands, calendar edits included.
fn find_event(
    req: &HttpRequest,
    sandbox: &Sandbox,
    athlete: &str,
    resolve: bool,
) -> Result<Entry, HttpResponse> {
    let not_found = || error(StatusCode::NOT_FOUND, "Event not found");
    let id: i64 = req
        .match_info()
        .get("event_id")
        .and_then(|v| v.parse().ok())
        .ok_or_else(not_found)?;
    let st = sandbox.lock();
    entries(
        st.calendars.get(athlete),
        athlete,
        Utc::now().date_naive(),
        resolve,
    )
    .into_iter()
    .find(|e| e.id() == Some(id))
    .ok_or_else(not_found)
}

async fn get_one(req: HttpRequest, sandbox: web::Data<Sandbox>) -> HttpResponse {
    let athlete = match calendar_grant(&req) {
        Ok((_, a)) => a,
        Err(res) => return res,
    };
    let p = Params::parse(req.query_string().as_bytes());
    let ext = match ext_param(&p) {
        Ok(e) => e,
        Err(res) => return res,
    };
    match find_event(&req, &sandbox, &athlete, flag(&p, "resolve")) {
        Ok(e) => HttpResponse::Ok().json(with_file(e, ext)),
        Err(res) => res,
    }
}

async fn download(req: HttpRequest, sandbox: web::Data<Sandbox>) -> HttpResponse {
    let athlete = match calendar_grant(&req) {
        Ok((_, a)) => a,
        Err(res) => return res,
    };
    let entry = match find_event(&req, &sandbox, &athlete, false) {
        Ok(e) => e,
        Err(res) => return res,
    };
    let raw = req.match_info().get("ext").unwrap_or_default();
    let Some(format) = Format::parse(raw.trim_start_matches('.')) else {
        return unprocessable(&format!(
            "Unsupported format {raw}: use .zwo, .mrc, .erg or .fit"
        ));
    };
    if entry.category() != "WORKOUT" {
        return unprocessable("Event is not a workout");
    }
    // Events the athlete added by hand carry no plan the sandbox could render.
    let Some(event) = entry.seeded.filter(Event::is_workout) else {
        return unprocessable("The sandbox renders files only for its seeded workouts");
    };
    match workout_files::render(&event, format) {
        Ok(bytes) => HttpResponse::Ok()
            .content_type("application/octet-stream")
            .insert_header((
                CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"{}\"",
                    workout_files::filename(event.plan.name, format)
                ),
            ))
            .body(bytes),
        Err(msg) => unprocessable(&msg),
    }
}
