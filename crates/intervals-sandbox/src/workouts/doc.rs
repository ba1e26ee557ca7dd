//! A structured workout as Intervals.icu keeps it: steps and repeat blocks with power, heart rate
//! or pace targets. Seeded plans and written events (workout text or zwo/mrc/erg/fit files) both
//! become a [`Workout`], which gives the event's `workout_doc` (resolved with the athlete's sport
//! settings on request), its duration and load, and its workout files.

use serde_json::{json, Map, Value};

use crate::athletes::Thresholds;

/// A target's value: steady, or a ramp from `start` to `end`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Intensity {
    Steady(f64),
    Ramp(f64, f64),
}

impl Intensity {
    pub(crate) fn start(self) -> f64 {
        match self {
            Intensity::Steady(v) | Intensity::Ramp(v, _) => v,
        }
    }

    pub(crate) fn end(self) -> f64 {
        match self {
            Intensity::Steady(v) | Intensity::Ramp(_, v) => v,
        }
    }

    fn map(self, f: impl Fn(f64) -> f64) -> Intensity {
        match self {
            Intensity::Steady(v) => Intensity::Steady(f(v)),
            Intensity::Ramp(a, b) => Intensity::Ramp(f(a), f(b)),
        }
    }
}

/// What a target is measured in, as `workout_doc` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Units {
    /// Percent of FTP.
    PctFtp,
    /// Absolute watts.
    Watts,
    /// Percent of threshold heart rate.
    PctLthr,
    /// Percent of maximum heart rate.
    PctHr,
    /// Percent of threshold pace (as a speed).
    PctPace,
}

/// The kind of target a whole workout is built on (`workout_doc.target`, the event's `target`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Power,
    Hr,
    Pace,
}

impl Kind {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Kind::Power => "POWER",
            Kind::Hr => "HR",
            Kind::Pace => "PACE",
        }
    }
}

impl Units {
    pub(crate) fn kind(self) -> Kind {
        match self {
            Units::PctFtp | Units::Watts => Kind::Power,
            Units::PctLthr | Units::PctHr => Kind::Hr,
            Units::PctPace => Kind::Pace,
        }
    }

    fn key(self) -> &'static str {
        match self.kind() {
            Kind::Power => "power",
            Kind::Hr => "hr",
            Kind::Pace => "pace",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Units::PctFtp => "%ftp",
            Units::Watts => "w",
            Units::PctLthr => "%lthr",
            Units::PctHr => "%hr",
            Units::PctPace => "%pace",
        }
    }

    /// Watts, beats per minute, or metres per second, from the athlete's sport settings.
    pub(crate) fn absolute(self, v: f64, t: &Thresholds) -> f64 {
        match self {
            Units::PctFtp => f64::from(t.ftp) * v / 100.0,
            Units::Watts => v,
            Units::PctLthr => f64::from(t.lthr) * v / 100.0,
            Units::PctHr => f64::from(t.max_hr) * v / 100.0,
            Units::PctPace => t.threshold_pace * v / 100.0,
        }
    }

    /// `_power` and `_hr` are whole numbers, `_pace` has three decimals.
    fn resolved(self, v: f64, t: &Thresholds) -> Value {
        let a = self.absolute(v, t);
        match self.kind() {
            Kind::Pace => json!((a * 1000.0).round() / 1000.0),
            _ => json!(a.round() as u32),
        }
    }

    /// Percent of the step's threshold (FTP, LTHR, threshold pace): what files and load use.
    pub(crate) fn percent(self, v: f64, t: &Thresholds) -> f64 {
        match self {
            Units::Watts => v / f64::from(t.ftp) * 100.0,
            Units::PctHr => v * f64::from(t.max_hr) / f64::from(t.lthr),
            _ => v,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Target {
    pub units: Units,
    pub intensity: Intensity,
}

impl Target {
    /// The intensity in percent of the threshold its units refer to.
    pub(crate) fn percent(&self, t: &Thresholds) -> Intensity {
        let units = self.units;
        self.intensity.map(|v| units.percent(v, t))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Step {
    pub text: Option<String>,
    pub secs: u32,
    /// `None`: free ride (no target).
    pub target: Option<Target>,
    /// The target moves from its start to its end; without it a start–end pair is a range.
    pub ramp: bool,
    pub warmup: bool,
    pub cooldown: bool,
    pub cadence: Option<u32>,
}

impl Step {
    pub(crate) fn new(secs: u32, target: Option<Target>) -> Step {
        Step {
            text: None,
            secs,
            target,
            ramp: false,
            warmup: false,
            cooldown: false,
            cadence: None,
        }
    }

    /// Percent of threshold; a free ride counts as an easy 50 %.
    pub(crate) fn percent(&self, t: &Thresholds) -> Intensity {
        self.target
            .map(|x| x.percent(t))
            .unwrap_or(Intensity::Steady(50.0))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    Step(Step),
    Repeat {
        text: Option<String>,
        reps: u32,
        steps: Vec<Step>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Workout {
    pub description: Option<String>,
    pub kind: Kind,
    pub blocks: Vec<Block>,
    /// The sport settings its targets resolve with (those of the event's sport).
    pub thresholds: Thresholds,
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

impl Workout {
    /// The kind of the first target, power when there is none.
    pub(crate) fn kind_of(blocks: &[Block]) -> Kind {
        flat(blocks)
            .iter()
            .find_map(|s| s.target.map(|t| t.units.kind()))
            .unwrap_or(Kind::Power)
    }

    pub(crate) fn secs(&self) -> u32 {
        self.blocks
            .iter()
            .map(|b| match b {
                Block::Step(s) => s.secs,
                Block::Repeat { reps, steps, .. } => {
                    reps.saturating_mul(steps.iter().map(|s| s.secs).sum::<u32>())
                }
            })
            .fold(0u32, u32::saturating_add)
    }

    /// Every step in order, repeats unrolled.
    pub(crate) fn flat_steps(&self) -> Vec<Step> {
        flat(&self.blocks)
    }

    /// Training load and intensity (percent) from the steps' intensity factors.
    pub(crate) fn load(&self) -> (u32, f64) {
        let steps = self.flat_steps();
        let total: f64 = steps.iter().map(|s| f64::from(s.secs)).sum();
        if total <= 0.0 {
            return (0, 0.0);
        }
        // Mean of IF² over a linear ramp from a to b is (a² + ab + b²) / 3.
        let weighted: f64 = steps
            .iter()
            .map(|s| {
                let p = s.percent(&self.thresholds);
                let (a, b) = (p.start() / 100.0, p.end() / 100.0);
                f64::from(s.secs) * (a * a + a * b + b * b) / 3.0
            })
            .sum();
        let intensity = (weighted / total).sqrt();
        let tss = total / 3600.0 * intensity * intensity * 100.0;
        (tss.round() as u32, (intensity * 1000.0).round() / 10.0)
    }

    /// `workout_doc` as the `/events` endpoints answer it; `resolve` adds absolute targets
    /// (`_power`, `_hr`, `_pace`) and the thresholds they were resolved with.
    pub(crate) fn doc(&self, resolve: bool) -> Value {
        let steps: Vec<Value> = self
            .blocks
            .iter()
            .map(|b| match b {
                Block::Step(s) => step_json(s, resolve, &self.thresholds),
                Block::Repeat { text, reps, steps } => {
                    let mut m = Map::new();
                    if let Some(t) = text {
                        m.insert("text".into(), json!(t));
                    }
                    m.insert("reps".into(), json!(reps));
                    m.insert(
                        "duration".into(),
                        json!(reps.saturating_mul(steps.iter().map(|s| s.secs).sum::<u32>())),
                    );
                    m.insert(
                        "steps".into(),
                        Value::Array(
                            steps
                                .iter()
                                .map(|s| step_json(s, resolve, &self.thresholds))
                                .collect(),
                        ),
                    );
                    Value::Object(m)
                }
            })
            .collect();
        let mut m = Map::new();
        if let Some(d) = &self.description {
            m.insert("description".into(), json!(d));
        }
        m.insert("target".into(), json!(self.kind.name()));
        m.insert("duration".into(), json!(self.secs()));
        m.insert("steps".into(), Value::Array(steps));
        if resolve {
            let t = &self.thresholds;
            m.insert("ftp".into(), json!(t.ftp));
            m.insert("lthr".into(), json!(t.lthr));
            m.insert("max_hr".into(), json!(t.max_hr));
            m.insert("threshold_pace".into(), json!(t.threshold_pace));
        }
        Value::Object(m)
    }

    /// The event fields a workout sets: `moving_time`, `icu_training_load`, `icu_intensity`,
    /// `target` (the workout's own `workout_doc` is added when the event is read).
    pub(crate) fn event_fields(&self) -> Map<String, Value> {
        let (load, intensity) = self.load();
        let mut m = Map::new();
        m.insert("moving_time".into(), json!(self.secs()));
        m.insert("icu_training_load".into(), json!(load));
        m.insert("icu_intensity".into(), json!(round1(intensity)));
        m.insert("target".into(), json!(self.kind.name()));
        m
    }
}

fn flat(blocks: &[Block]) -> Vec<Step> {
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Step(s) => out.push(s.clone()),
            Block::Repeat { reps, steps, .. } => {
                for _ in 0..*reps {
                    out.extend(steps.iter().cloned());
                }
            }
        }
    }
    out
}

fn step_json(s: &Step, resolve: bool, t: &Thresholds) -> Value {
    let mut m = Map::new();
    if let Some(t) = &s.text {
        m.insert("text".into(), json!(t));
    }
    m.insert("duration".into(), json!(s.secs));
    if s.warmup {
        m.insert("warmup".into(), json!(true));
    }
    if s.cooldown {
        m.insert("cooldown".into(), json!(true));
    }
    match s.target {
        None => {
            m.insert("freeride".into(), json!(true));
        }
        Some(Target { units, intensity }) => {
            let label = units.label();
            let (value, absolute) = match intensity {
                Intensity::Steady(v) => (
                    json!({"value": v, "units": label}),
                    json!({"value": units.resolved(v, t)}),
                ),
                Intensity::Ramp(a, b) => {
                    if s.ramp {
                        m.insert("ramp".into(), json!(true));
                    }
                    (
                        json!({"start": a, "end": b, "units": label}),
                        json!({"start": units.resolved(a, t), "end": units.resolved(b, t)}),
                    )
                }
            };
            m.insert(units.key().into(), value);
            if resolve {
                m.insert(format!("_{}", units.key()), absolute);
            }
        }
    }
    if let Some(c) = s.cadence {
        m.insert("cadence".into(), json!({"value": c, "units": "rpm"}));
    }
    Value::Object(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_every_kind_of_target() {
        let step = |units, v| {
            Step::new(
                600,
                Some(Target {
                    units,
                    intensity: Intensity::Steady(v),
                }),
            )
        };
        let w = Workout {
            description: None,
            kind: Kind::Power,
            thresholds: crate::athletes::thresholds("Ride"),
            blocks: vec![
                Block::Step(step(Units::PctFtp, 90.0)),
                Block::Step(step(Units::Watts, 200.0)),
                Block::Step(step(Units::PctLthr, 70.0)),
                Block::Step(step(Units::PctPace, 95.0)),
            ],
        };
        let doc = w.doc(true);
        assert_eq!(doc["steps"][0]["_power"]["value"], 225);
        assert_eq!(doc["steps"][1]["_power"]["value"], 200);
        assert_eq!(doc["steps"][1]["power"]["units"], "w");
        assert_eq!(doc["steps"][2]["_hr"]["value"], 119);
        assert_eq!(doc["steps"][3]["_pace"]["value"], 3.519);
        assert_eq!(w.secs(), 2400);
        assert!(doc.get("description").is_none());
    }
}
