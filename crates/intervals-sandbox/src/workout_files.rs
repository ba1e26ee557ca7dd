//! Planned workouts as files: Zwift `.zwo`, `.mrc` (percent), `.erg` (watts) and FIT workout
//! files. Output depends only on the event's plan and id, so `ext=` on the listing and
//! `/download.<ext>` give identical bytes.

use std::fmt::Write as _;

use chrono::{TimeZone, Utc};

use crate::athletes::{FTP_WATTS, THRESHOLD_PACE_MPS};
use crate::fit::{self, global, FitWriter, Value as Fv};
use crate::plans::{flat_steps, Block, Event, Intensity, Plan, Step, Target};

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

pub(crate) fn render(event: &Event, format: Format) -> Result<Vec<u8>, String> {
    let plan = event.plan;
    match format {
        Format::Zwo => Ok(zwo(plan).into_bytes()),
        Format::Mrc => Ok(course(plan, false).into_bytes()),
        Format::Erg if plan.target == Target::Power => Ok(course(plan, true).into_bytes()),
        Format::Erg => Err("ERG files need power targets; this workout uses pace".into()),
        Format::Fit => Ok(fit_workout(event)),
    }
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

fn zwo_step(out: &mut String, s: &Step) {
    let cadence = cadence_attr("Cadence", s.cadence);
    let (a, b) = (fraction(s.intensity.start()), fraction(s.intensity.end()));
    let secs = s.secs;
    let line = if s.warmup || s.cooldown {
        let tag = if s.warmup { "Warmup" } else { "Cooldown" };
        // Zwift reads PowerLow as the start and PowerHigh as the end of the ramp.
        format!("<{tag} Duration=\"{secs}\" PowerLow=\"{a}\" PowerHigh=\"{b}\"{cadence}/>")
    } else {
        match s.intensity {
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

/// Zwift workout XML; power is a fraction of FTP (of threshold pace for runs).
fn zwo(plan: &Plan) -> String {
    let sport = if plan.target == Target::Pace {
        "run"
    } else {
        "bike"
    };
    let mut out = String::new();
    let _ = writeln!(out, "<workout_file>");
    let _ = writeln!(out, "    <author>Intervals.icu</author>");
    let _ = writeln!(out, "    <name>{}</name>", xml_escape(plan.name));
    let _ = writeln!(
        out,
        "    <description>{}</description>",
        xml_escape(plan.description)
    );
    let _ = writeln!(out, "    <sportType>{sport}</sportType>");
    let _ = writeln!(out, "    <tags/>");
    let _ = writeln!(out, "    <workout>");
    for b in plan.blocks {
        match b {
            Block::Step(s) => zwo_step(&mut out, s),
            // Zwift's IntervalsT is exactly "repeat an on and an off step".
            Block::Repeat { reps, steps, .. } => match steps {
                [on, off]
                    if matches!(on.intensity, Intensity::Steady(_))
                        && matches!(off.intensity, Intensity::Steady(_)) =>
                {
                    let _ = writeln!(
                        out,
                        "        <IntervalsT Repeat=\"{reps}\" OnDuration=\"{}\" OffDuration=\"{}\" OnPower=\"{}\" OffPower=\"{}\"{}{}/>",
                        on.secs,
                        off.secs,
                        fraction(on.intensity.start()),
                        fraction(off.intensity.start()),
                        cadence_attr("Cadence", on.cadence),
                        cadence_attr("CadenceResting", off.cadence),
                    );
                }
                _ => {
                    for _ in 0..*reps {
                        for s in *steps {
                            zwo_step(&mut out, s);
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

/// MRC (minutes vs percent) or ERG (minutes vs watts): two points per step so ramps and steps
/// both come out right, plus the step texts.
fn course(plan: &Plan, watts: bool) -> String {
    let value = |pct: f64| {
        if watts {
            format!("{}", (f64::from(FTP_WATTS) * pct / 100.0).round())
        } else {
            format!("{pct}")
        }
    };
    let mut out = String::new();
    let _ = writeln!(out, "[COURSE HEADER]");
    let _ = writeln!(out, "VERSION = 2");
    let _ = writeln!(out, "UNITS = ENGLISH");
    let _ = writeln!(
        out,
        "DESCRIPTION = {}",
        plan.description.replace(['\r', '\n'], " ")
    );
    let _ = writeln!(out, "FILE NAME = {}", plan.name);
    if watts {
        let _ = writeln!(out, "FTP = {FTP_WATTS}");
        let _ = writeln!(out, "MINUTES WATTS");
    } else {
        let _ = writeln!(out, "MINUTES PERCENT");
    }
    let _ = writeln!(out, "[END COURSE HEADER]");
    let _ = writeln!(out, "[COURSE DATA]");
    let steps = flat_steps(plan.blocks);
    let mut t = 0u32;
    for s in &steps {
        let start = f64::from(t) / 60.0;
        t += s.secs;
        let end = f64::from(t) / 60.0;
        let _ = writeln!(out, "{start:.2}\t{}", value(s.intensity.start()));
        let _ = writeln!(out, "{end:.2}\t{}", value(s.intensity.end()));
    }
    let _ = writeln!(out, "[END COURSE DATA]");
    let _ = writeln!(out, "[COURSE TEXT]");
    let mut t = 0u32;
    for s in &steps {
        let _ = writeln!(out, "{t}\t{}\t10", s.text);
        t += s.secs;
    }
    let _ = writeln!(out, "[END COURSE TEXT]");
    out
}

/// FIT workout file (file type 5): file_id, workout, then workout_step messages with repeat
/// steps pointing back at the first step of their block.
fn fit_workout(event: &Event) -> Vec<u8> {
    let plan = event.plan;
    // A fixed creation time keeps the bytes identical whatever day the file is asked for.
    let created = Utc
        .with_ymd_and_hms(2025, 1, 1, 0, 0, 0)
        .single()
        .map(fit::to_fit_time)
        .unwrap_or(0);
    let mut w = FitWriter::new();
    w.message(
        0,
        global::FILE_ID,
        &[
            (0, Fv::Enum(5)),  // type: workout
            (1, Fv::U16(255)), // manufacturer: development
            (2, Fv::U16(1)),   // product
            (3, Fv::U32z(u32::try_from(event.id).unwrap_or(1))),
            (4, Fv::U32(created)),
        ],
    );
    let count: usize = plan
        .blocks
        .iter()
        .map(|b| match b {
            Block::Step(_) => 1,
            Block::Repeat { steps, .. } => steps.len() + 1,
        })
        .sum();
    w.message(
        1,
        global::WORKOUT,
        &[
            (4, Fv::Enum(fit::sport_code(plan.sport))),
            (6, Fv::U16(u16::try_from(count).unwrap_or(u16::MAX))),
            (8, Fv::Str(plan.name.to_owned(), 40)),
        ],
    );
    let mut index: u16 = 0;
    for b in plan.blocks {
        match b {
            Block::Step(s) => {
                fit_step(&mut w, index, s, plan.target, false);
                index += 1;
            }
            Block::Repeat { reps, steps, .. } => {
                let first = index;
                for s in *steps {
                    fit_step(&mut w, index, s, plan.target, true);
                    index += 1;
                }
                w.message(
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
    w.finish()
}

fn fit_step(w: &mut FitWriter, index: u16, s: &Step, target: Target, in_repeat: bool) {
    let (lo, hi) = {
        let (a, b) = (s.intensity.start(), s.intensity.end());
        (a.min(b), a.max(b))
    };
    // Fixed targets become the ±2.5% range Intervals.icu uses by default for devices.
    let (lo, hi) = if lo == hi {
        (lo * 0.975, hi * 1.025)
    } else {
        (lo, hi)
    };
    let (target_type, low, high) = match target {
        // Custom power targets above 1000 are watts + 1000.
        Target::Power => (
            4,
            1000 + (f64::from(FTP_WATTS) * lo / 100.0).round() as u32,
            1000 + (f64::from(FTP_WATTS) * hi / 100.0).round() as u32,
        ),
        // Speed in mm/s.
        Target::Pace => (
            0,
            (THRESHOLD_PACE_MPS * lo / 100.0 * 1000.0).round() as u32,
            (THRESHOLD_PACE_MPS * hi / 100.0 * 1000.0).round() as u32,
        ),
    };
    let intensity = if s.warmup {
        2
    } else if s.cooldown {
        3
    } else if in_repeat && s.intensity.start() < 65.0 {
        1 // rest
    } else {
        0 // active
    };
    w.message(
        2,
        global::WORKOUT_STEP,
        &[
            (254, Fv::U16(index)),
            (0, Fv::Str(s.text.to_owned(), 24)),
            (1, Fv::Enum(0)), // duration_type: time
            (2, Fv::U32(s.secs.saturating_mul(1000))),
            (3, Fv::Enum(target_type)),
            (4, Fv::U32(0)), // target_value 0: custom range follows
            (5, Fv::U32(low)),
            (6, Fv::U32(high)),
            (7, Fv::Enum(intensity)),
        ],
    );
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
