//! The seeded training plan: six events per seeded athlete, dated relative to today, with
//! structured workouts (`workout_doc`) and their description in Intervals.icu's text syntax.

use chrono::{Duration as Days, NaiveDate, NaiveTime};
use serde_json::{json, Value};

use crate::athletes::{thresholds, ATHLETES};
use crate::dates::fmt_local;
pub(crate) use crate::workouts::doc::Intensity;
use crate::workouts::doc::{self as workout, Kind, Units, Workout};

#[derive(Debug, Clone, Copy)]
pub(crate) struct Step {
    pub text: &'static str,
    pub secs: u32,
    pub intensity: Intensity,
    pub warmup: bool,
    pub cooldown: bool,
    pub cadence: Option<u32>,
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Block {
    Step(Step),
    Repeat {
        text: &'static str,
        reps: u32,
        steps: &'static [Step],
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Power,
    Pace,
}

pub(crate) struct Plan {
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

pub(crate) const PLANS: [Plan; 6] = [
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
pub(crate) struct Event {
    pub id: i64,
    pub athlete_id: &'static str,
    pub date: NaiveDate,
    pub plan: &'static Plan,
}

impl Event {
    pub(crate) fn is_workout(&self) -> bool {
        self.plan.category == "WORKOUT"
    }
}

/// Dates are relative to the current UTC date, so a long-running sandbox always has workouts
/// coming up; ids never change.
pub(crate) fn events_of(athlete_id: &str, today: NaiveDate) -> Vec<Event> {
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

fn seeded_step(s: &Step, target: Target) -> workout::Step {
    workout::Step {
        text: Some(s.text.to_owned()),
        secs: s.secs,
        target: Some(workout::Target {
            units: match target {
                Target::Power => Units::PctFtp,
                Target::Pace => Units::PctPace,
            },
            intensity: s.intensity,
        }),
        ramp: matches!(s.intensity, Intensity::Ramp(..)),
        warmup: s.warmup,
        cooldown: s.cooldown,
        cadence: s.cadence,
    }
}

/// The plan's structured workout; `None` for a note.
pub(crate) fn workout_of(plan: &Plan) -> Option<Workout> {
    if plan.category != "WORKOUT" {
        return None;
    }
    let blocks = plan
        .blocks
        .iter()
        .map(|b| match b {
            Block::Step(s) => workout::Block::Step(seeded_step(s, plan.target)),
            Block::Repeat { text, reps, steps } => workout::Block::Repeat {
                text: Some((*text).to_owned()),
                reps: *reps,
                steps: steps.iter().map(|s| seeded_step(s, plan.target)).collect(),
            },
        })
        .collect();
    Some(Workout {
        thresholds: thresholds(plan.sport),
        description: Some(plan.description.to_owned()),
        kind: match plan.target {
            Target::Power => Kind::Power,
            Target::Pace => Kind::Pace,
        },
        blocks,
    })
}

/// The event as the `/events` endpoints answer it, without workout files; `resolve` adds
/// absolute targets.
pub(crate) fn event_json(e: &Event, resolve: bool) -> Value {
    let plan = e.plan;
    let date = fmt_local(e.date.and_time(NaiveTime::MIN));
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
    let Some(w) = workout_of(plan) else {
        return v;
    };
    if let Value::Object(m) = &mut v {
        m.extend(w.event_fields());
    }
    v["workout_doc"] = w.doc(resolve);
    v
}
