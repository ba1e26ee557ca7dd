//! Planned workouts as files: Zwift `.zwo`, `.mrc` (percent), `.erg` (watts) and FIT workout
//! files. Output depends only on the event's workout, name, sport and id, so `ext=` on the listing and
//! `/download.<ext>` give identical bytes.

use std::fmt::Write as _;

use chrono::{TimeZone, Utc};

use crate::athletes::Thresholds;
use crate::files::fit::{self, global, FitWriter, Value as Fv};
use crate::workouts::doc::{Block, Intensity, Kind, Step, Target, Workout};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Zwo,
    Mrc,
    Erg,
    Fit,
}

impl Format {
    pub(crate) fn parse(s: &str) -> Option<Format> {
        match s.to_ascii_lowercase().as_str() {
            "zwo" => Some(Format::Zwo),
            "mrc" => Some(Format::Mrc),
            "erg" => Some(Format::Erg),
            "fit" => Some(Format::Fit),
            _ => None,
        }
    }

    fn ext(self) -> &'static str {
        match self {
            Format::Zwo => "zwo",
            Format::Mrc => "mrc",
            Format::Erg => "erg",
            Format::Fit => "fit",
        }
    }
}

/// `<name>.<ext>` with characters that would break a header or a path replaced.
pub(crate) fn filename(name: &str, format: Format) -> String {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '"' | '/' | '\\' | ':' | '*' | '?' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    format!("{}.{}", safe.trim(), format.ext())
}

/// What a file is made of: the event's workout, name, sport and id.
pub(crate) struct Source<'a> {
    pub id: i64,
    pub name: &'a str,
    pub sport: &'a str,
    pub workout: &'a Workout,
}

pub(crate) fn render(src: &Source<'_>, format: Format) -> Result<Vec<u8>, String> {
    match format {
        Format::Zwo => Ok(zwo(src).into_bytes()),
        Format::Mrc => Ok(course(src, false).into_bytes()),
        Format::Erg if all_power(src.workout) => Ok(course(src, true).into_bytes()),
        Format::Erg => Err("ERG files need power targets; this workout uses pace".into()),
        Format::Fit => Ok(fit_workout(src)),
    }
}

fn all_power(w: &Workout) -> bool {
    w.flat_steps()
        .iter()
        .all(|s| s.target.is_none_or(|t| t.units.kind() == Kind::Power))
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// Percent as a fraction: 90 → "0.90", 87.5 → "0.875".
fn fraction(pct: f64) -> String {
    let s = format!("{:.3}", pct / 100.0);
    let trimmed = s.trim_end_matches('0');
    if trimmed.len() < s.len() - 1 {
        format!("{trimmed:0<width$}", width = s.len() - 1)
    } else {
        trimmed.to_owned()
    }
}

fn cadence_attr(name: &str, c: Option<u32>) -> String {
    c.map(|c| format!(" {name}=\"{c}\"")).unwrap_or_default()
}

fn zwo_step(out: &mut String, s: &Step, t: &Thresholds) {
    let cadence = cadence_attr("Cadence", s.cadence);
    let secs = s.secs;
    let Some(target) = s.target else {
        let _ = writeln!(
            out,
            "        <FreeRide Duration=\"{secs}\" FlatRoad=\"0\"{cadence}/>"
        );
        return;
    };
    let pct = target.percent(t);
    // Zwift has no ranges: a range that is not a ramp is held at its middle.
    let pct = match pct {
        Intensity::Ramp(a, b) if !s.ramp => Intensity::Steady((a + b) / 2.0),
        p => p,
    };
    let (a, b) = (fraction(pct.start()), fraction(pct.end()));
    let line = if s.warmup || s.cooldown {
        let tag = if s.warmup { "Warmup" } else { "Cooldown" };
        // Zwift reads PowerLow as the start and PowerHigh as the end of the ramp.
        format!("<{tag} Duration=\"{secs}\" PowerLow=\"{a}\" PowerHigh=\"{b}\"{cadence}/>")
    } else {
        match pct {
            Intensity::Steady(_) => {
                format!("<SteadyState Duration=\"{secs}\" Power=\"{a}\"{cadence}/>")
            }
            Intensity::Ramp(..) => {
                format!("<Ramp Duration=\"{secs}\" PowerLow=\"{a}\" PowerHigh=\"{b}\"{cadence}/>")
            }
        }
    };
    let _ = writeln!(out, "        {line}");
}

fn is_run(sport: &str) -> bool {
    fit::sport_code(sport) == 1
}

/// Zwift workout XML; power is a fraction of FTP (of threshold pace for runs, of the step's
/// threshold for heart-rate targets).
fn zwo(src: &Source<'_>) -> String {
    let w = src.workout;
    let sport = if is_run(src.sport) { "run" } else { "bike" };
    let mut out = String::new();
    let _ = writeln!(out, "<workout_file>");
    let _ = writeln!(out, "    <author>Intervals.icu</author>");
    let _ = writeln!(out, "    <name>{}</name>", xml_escape(src.name));
    let _ = writeln!(
        out,
        "    <description>{}</description>",
        xml_escape(w.description.as_deref().unwrap_or_default())
    );
    let _ = writeln!(out, "    <sportType>{sport}</sportType>");
    let _ = writeln!(out, "    <tags/>");
    let _ = writeln!(out, "    <workout>");
    for b in &w.blocks {
        match b {
            Block::Step(s) => zwo_step(&mut out, s, &w.thresholds),
            // Zwift's IntervalsT is exactly "repeat an on and an off step".
            Block::Repeat { reps, steps, .. } => match steps.as_slice() {
                [on, off]
                    if matches!(on.target.map(|t| t.intensity), Some(Intensity::Steady(_)))
                        && matches!(
                            off.target.map(|t| t.intensity),
                            Some(Intensity::Steady(_))
                        )
                        && !(on.warmup || on.cooldown || off.warmup || off.cooldown) =>
                {
                    let _ = writeln!(
                        out,
                        "        <IntervalsT Repeat=\"{reps}\" OnDuration=\"{}\" OffDuration=\"{}\" OnPower=\"{}\" OffPower=\"{}\"{}{}/>",
                        on.secs,
                        off.secs,
                        fraction(on.percent(&w.thresholds).start()),
                        fraction(off.percent(&w.thresholds).start()),
                        cadence_attr("Cadence", on.cadence),
                        cadence_attr("CadenceResting", off.cadence),
                    );
                }
                _ => {
                    for _ in 0..*reps {
                        for s in steps {
                            zwo_step(&mut out, s, &w.thresholds);
                        }
                    }
                }
            },
        }
    }
    let _ = writeln!(out, "    </workout>");
    let _ = writeln!(out, "</workout_file>");
    out
}

/// Watts for ERG files: absolute targets as given, percentages of FTP resolved; a range that is
/// not a ramp is held at its middle.
fn watts(s: &Step, at_end: bool, t: &Thresholds) -> String {
    let v = match s.target {
        Some(Target { units, intensity }) if s.ramp => units.absolute(
            if at_end {
                intensity.end()
            } else {
                intensity.start()
            },
            t,
        ),
        Some(Target { units, intensity }) => {
            units.absolute((intensity.start() + intensity.end()) / 2.0, t)
        }
        None => f64::from(t.ftp) / 2.0,
    };
    format!("{}", v.round())
}

/// Percent for MRC files, one decimal at most.
fn percent_text(pct: f64) -> String {
    format!("{}", (pct * 10.0).round() / 10.0)
}

/// MRC (minutes vs percent) or ERG (minutes vs watts): two points per step so ramps and steps
/// both come out right, plus the step texts.
fn course(src: &Source<'_>, in_watts: bool) -> String {
    let w = src.workout;
    let mut out = String::new();
    let _ = writeln!(out, "[COURSE HEADER]");
    let _ = writeln!(out, "VERSION = 2");
    let _ = writeln!(out, "UNITS = ENGLISH");
    let _ = writeln!(
        out,
        "DESCRIPTION = {}",
        w.description
            .as_deref()
            .unwrap_or_default()
            .replace(['\r', '\n'], " ")
    );
    let _ = writeln!(out, "FILE NAME = {}", src.name);
    if in_watts {
        let _ = writeln!(out, "FTP = {}", w.thresholds.ftp);
        let _ = writeln!(out, "MINUTES WATTS");
    } else {
        let _ = writeln!(out, "MINUTES PERCENT");
    }
    let _ = writeln!(out, "[END COURSE HEADER]");
    let _ = writeln!(out, "[COURSE DATA]");
    let steps = w.flat_steps();
    let mut t = 0u32;
    for s in &steps {
        let start = f64::from(t) / 60.0;
        t += s.secs;
        let end = f64::from(t) / 60.0;
        let (a, b) = if in_watts {
            (
                watts(s, false, &w.thresholds),
                watts(s, true, &w.thresholds),
            )
        } else {
            let p = s.percent(&w.thresholds);
            if s.ramp || s.target.is_none() {
                (percent_text(p.start()), percent_text(p.end()))
            } else {
                let mid = percent_text((p.start() + p.end()) / 2.0);
                (mid.clone(), mid)
            }
        };
        let _ = writeln!(out, "{start:.2}\t{a}");
        let _ = writeln!(out, "{end:.2}\t{b}");
    }
    let _ = writeln!(out, "[END COURSE DATA]");
    let _ = writeln!(out, "[COURSE TEXT]");
    let mut t = 0u32;
    for s in &steps {
        let _ = writeln!(out, "{t}\t{}\t10", s.text.as_deref().unwrap_or_default());
        t += s.secs;
    }
    let _ = writeln!(out, "[END COURSE TEXT]");
    out
}

/// FIT workout file (file type 5): file_id, workout, then workout_step messages with repeat
/// steps pointing back at the first step of their block.
fn fit_workout(src: &Source<'_>) -> Vec<u8> {
    let w = src.workout;
    // A fixed creation time keeps the bytes identical whatever day the file is asked for.
    let created = Utc
        .with_ymd_and_hms(2025, 1, 1, 0, 0, 0)
        .single()
        .map(fit::to_fit_time)
        .unwrap_or(0);
    let mut fw = FitWriter::new();
    fw.message(
        0,
        global::FILE_ID,
        &[
            (0, Fv::Enum(5)),  // type: workout
            (1, Fv::U16(255)), // manufacturer: development
            (2, Fv::U16(1)),   // product
            (3, Fv::U32z(u32::try_from(src.id).unwrap_or(1))),
            (4, Fv::U32(created)),
        ],
    );
    let count: usize = w
        .blocks
        .iter()
        .map(|b| match b {
            Block::Step(_) => 1,
            Block::Repeat { steps, .. } => steps.len() + 1,
        })
        .sum();
    fw.message(
        1,
        global::WORKOUT,
        &[
            (4, Fv::Enum(fit::sport_code(src.sport))),
            (6, Fv::U16(u16::try_from(count).unwrap_or(u16::MAX))),
            (8, Fv::Str(src.name.to_owned(), 40)),
        ],
    );
    let mut index: u16 = 0;
    for b in &w.blocks {
        match b {
            Block::Step(s) => {
                fit_step(&mut fw, index, s, false, &w.thresholds);
                index += 1;
            }
            Block::Repeat { reps, steps, .. } => {
                let first = index;
                for s in steps {
                    fit_step(&mut fw, index, s, true, &w.thresholds);
                    index += 1;
                }
                fw.message(
                    3,
                    global::WORKOUT_STEP,
                    &[
                        (254, Fv::U16(index)),
                        (1, Fv::Enum(6)), // duration_type: repeat_until_steps_cmplt
                        (2, Fv::U32(u32::from(first))), // duration_step
                        (4, Fv::U32(*reps)), // target_value = repeat_steps
                    ],
                );
                index += 1;
            }
        }
    }
    fw.finish()
}

/// FIT target type and custom low/high values for a step: power in watts + 1000, heart rate in
/// bpm + 100, speed in mm/s; `None` is an open target.
fn fit_target(s: &Step, th: &Thresholds) -> (u8, u32, u32) {
    let Some(t) = s.target else {
        return (2, 0, 0);
    };
    let (a, b) = (t.intensity.start(), t.intensity.end());
    let (lo, hi) = (a.min(b), a.max(b));
    // Fixed targets become the ±2.5% range Intervals.icu uses by default for devices.
    let (lo, hi) = if lo == hi {
        (lo * 0.975, hi * 1.025)
    } else {
        (lo, hi)
    };
    let (lo, hi) = (t.units.absolute(lo, th), t.units.absolute(hi, th));
    match t.units.kind() {
        Kind::Power => (4, 1000 + lo.round() as u32, 1000 + hi.round() as u32),
        Kind::Hr => (1, 100 + lo.round() as u32, 100 + hi.round() as u32),
        Kind::Pace => (
            0,
            (lo * 1000.0).round() as u32,
            (hi * 1000.0).round() as u32,
        ),
    }
}

fn fit_step(w: &mut FitWriter, index: u16, s: &Step, in_repeat: bool, t: &Thresholds) {
    let (target_type, low, high) = fit_target(s, t);
    let intensity = if s.warmup {
        2
    } else if s.cooldown {
        3
    } else if in_repeat && s.percent(t).start() < 65.0 {
        1 // rest
    } else {
        0 // active
    };
    let mut fields = vec![(254, Fv::U16(index))];
    if let Some(text) = &s.text {
        fields.push((0, Fv::Str(text.clone(), 24)));
    }
    fields.extend([
        (1, Fv::Enum(0)), // duration_type: time
        (2, Fv::U32(s.secs.saturating_mul(1000))),
        (3, Fv::Enum(target_type)),
        (4, Fv::U32(0)), // target_value 0: custom range follows
        (5, Fv::U32(low)),
        (6, Fv::U32(high)),
        (7, Fv::Enum(intensity)),
    ]);
    if let Some(c) = s.cadence {
        fields.extend([
            (19, Fv::Enum(3)), // secondary_target_type: cadence
            (20, Fv::U32(0)),  // secondary_target_value 0: custom range follows
            (21, Fv::U32(c)),
            (22, Fv::U32(c)),
        ]);
    }
    w.message(2, global::WORKOUT_STEP, &fields);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions() {
        assert_eq!(fraction(90.0), "0.90");
        assert_eq!(fraction(115.0), "1.15");
        assert_eq!(fraction(87.5), "0.875");
        assert_eq!(fraction(50.0), "0.50");
    }

    #[test]
    fn filenames_are_safe() {
        assert_eq!(filename("a/b \"c\"", Format::Zwo), "a_b _c_.zwo");
    }
}
