//! Intervals.icu's workout text, as written in an event's `description`:
//!
//! ```text
//! Warmup
//! - 10m ramp 50-75% 85rpm
//!
//! Main set 3x
//! - Sweet spot 12m 90% 90rpm
//! - Recovery 5m 55%
//!
//! Cooldown
//! - 10m 65% LTHR
//! ```
//!
//! A step line is `- [text] <duration> [ramp] <target> [units] [cadence]`: durations `1h`,
//! `1h30m`, `10m30s`, `90s`; targets `60%`, `90-100%` (a range), `ramp 50-75%`, `200w`,
//! `200-250w`; after a percentage, `LTHR` (of threshold heart rate), `HR` (of maximum heart
//! rate), `Pace` (of threshold pace) or `FTP`; cadence `90rpm`. A line ending in `Nx` (`3x`,
//! `Main set 3x`) starts a repeat of the step lines below it, `Warmup` and `Cooldown` mark the
//! steps below them; both end at a blank line. Other lines are the workout's description.

use crate::athletes::Thresholds;
use crate::workouts::doc::{Block, Intensity, Step, Target, Units, Workout};

enum Section {
    None,
    Warmup,
    Cooldown,
    Repeat {
        text: Option<String>,
        reps: u32,
        steps: Vec<Step>,
    },
}

/// The workout the text describes, resolved with `thresholds`, or `None` when it has no step
/// lines (the event is then a note in all but name).
pub(crate) fn parse(text: &str, thresholds: Thresholds) -> Option<Workout> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut prose: Vec<&str> = Vec::new();
    let mut section = Section::None;
    let close = |section: &mut Section, blocks: &mut Vec<Block>| {
        if let Section::Repeat { text, reps, steps } = std::mem::replace(section, Section::None) {
            if !steps.is_empty() {
                blocks.push(Block::Repeat { text, reps, steps });
            }
        }
    };
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            close(&mut section, &mut blocks);
            continue;
        }
        if let Some(rest) = line.strip_prefix('-') {
            if let Some(mut step) = parse_step(rest) {
                match &mut section {
                    Section::Repeat { steps, .. } => steps.push(step),
                    Section::Warmup => {
                        step.warmup = true;
                        blocks.push(Block::Step(step));
                    }
                    Section::Cooldown => {
                        step.cooldown = true;
                        blocks.push(Block::Step(step));
                    }
                    Section::None => blocks.push(Block::Step(step)),
                }
                continue;
            }
        }
        close(&mut section, &mut blocks);
        if let Some((text, reps)) = repeat_header(line) {
            section = Section::Repeat {
                text,
                reps,
                steps: Vec::new(),
            };
            continue;
        }
        match line
            .trim_end_matches(':')
            .to_ascii_lowercase()
            .replace(' ', "")
            .as_str()
        {
            "warmup" => section = Section::Warmup,
            "cooldown" => section = Section::Cooldown,
            _ => prose.push(line),
        }
    }
    close(&mut section, &mut blocks);
    if blocks.is_empty() {
        return None;
    }
    Some(Workout {
        thresholds,
        description: (!prose.is_empty()).then(|| prose.join("\n")),
        kind: Workout::kind_of(&blocks),
        blocks,
    })
}

/// `3x` or `Main set 3x`.
fn repeat_header(line: &str) -> Option<(Option<String>, u32)> {
    let (head, last) = match line.rsplit_once(char::is_whitespace) {
        Some((h, l)) => (h.trim(), l),
        None => ("", line),
    };
    let reps: u32 = last
        .strip_suffix(['x', 'X'])?
        .parse()
        .ok()
        .filter(|n| *n > 0)?;
    Some(((!head.is_empty()).then(|| head.to_owned()), reps))
}

/// `1h`, `1h30m`, `10m30s`, `90s`, `5m`: seconds.
pub(crate) fn duration(token: &str) -> Option<u32> {
    let mut total: u32 = 0;
    let mut digits = String::new();
    let mut seen = false;
    let mut last_unit = 0;
    for c in token.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let (rank, factor) = match c {
            'h' => (1, 3600),
            'm' => (2, 60),
            's' => (3, 1),
            _ => return None,
        };
        if digits.is_empty() || rank <= last_unit {
            return None;
        }
        let n: u32 = digits.parse().ok()?;
        total = total.checked_add(n.checked_mul(factor)?)?;
        digits.clear();
        last_unit = rank;
        seen = true;
    }
    (seen && digits.is_empty() && total > 0).then_some(total)
}

/// `90`, `90.5`, `90-100`.
fn number_or_range(s: &str) -> Option<Intensity> {
    let num = |t: &str| {
        t.trim()
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite() && *v >= 0.0)
    };
    match s.split_once('-') {
        Some((a, b)) => Some(Intensity::Ramp(num(a)?, num(b)?)),
        None => Some(Intensity::Steady(num(s)?)),
    }
}

fn parse_step(rest: &str) -> Option<Step> {
    let tokens: Vec<&str> = rest.split_whitespace().collect();
    let at = tokens.iter().position(|t| duration(t).is_some())?;
    let mut step = Step::new(duration(tokens[at])?, None);
    if at > 0 {
        step.text = Some(tokens[..at].join(" "));
    }
    let mut units: Option<Units> = None;
    let mut intensity: Option<Intensity> = None;
    for t in &tokens[at + 1..] {
        let lower = t.to_ascii_lowercase();
        if lower == "ramp" {
            step.ramp = true;
        } else if let Some(v) = lower.strip_suffix("rpm") {
            step.cadence = number_or_range(v).map(|i| ((i.start() + i.end()) / 2.0).round() as u32);
        } else if let Some(v) = lower.strip_suffix('%') {
            if intensity.is_none() {
                intensity = number_or_range(v);
                units = Some(Units::PctFtp);
            }
        } else if let Some(v) = lower.strip_suffix('w') {
            if intensity.is_none() {
                if let Some(i) = number_or_range(v) {
                    intensity = Some(i);
                    units = Some(Units::Watts);
                }
            }
        } else if units == Some(Units::PctFtp) {
            match lower.as_str() {
                "lthr" => units = Some(Units::PctLthr),
                "hr" => units = Some(Units::PctHr),
                "pace" => units = Some(Units::PctPace),
                _ => {}
            }
        }
    }
    if let (Some(units), Some(intensity)) = (units, intensity) {
        step.target = Some(Target { units, intensity });
    }
    // `ramp` with a single value is a steady step.
    if !matches!(intensity, Some(Intensity::Ramp(..))) {
        step.ramp = false;
    }
    Some(step)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::athletes::thresholds;
    use crate::workouts::doc::Kind;

    fn parse(text: &str) -> Option<Workout> {
        super::parse(text, thresholds("Ride"))
    }

    fn target(s: &Step) -> (Units, Intensity) {
        let t = s.target.expect("target");
        (t.units, t.intensity)
    }

    #[test]
    fn durations() {
        assert_eq!(duration("1h"), Some(3600));
        assert_eq!(duration("1h30m"), Some(5400));
        assert_eq!(duration("90s"), Some(90));
        assert_eq!(duration("10m30s"), Some(630));
        for bad in ["m", "10", "5m1h", "10x", "90%", "0s"] {
            assert_eq!(duration(bad), None, "{bad}");
        }
    }

    #[test]
    fn parses_steps_sections_and_repeats() {
        let w = parse(
            "Build the engine.\n\nWarmup\n- 10m ramp 50-75% 85rpm\n\nMain set 3x\n- Hard bit 30s 120%\n- 90s 200w\n\n3x\n- 5m 90-100%\n- 1h30m 70% LTHR\n\n- 10m 80% HR\n- 5m 95% Pace\n- 10m30s 60%\n\nCooldown\n- 5m ramp 65-45%",
        )
        .expect("workout");
        assert_eq!(w.description.as_deref(), Some("Build the engine."));
        assert_eq!(w.kind, Kind::Power);
        assert_eq!(w.blocks.len(), 7);
        let Block::Step(warm) = &w.blocks[0] else {
            panic!("step")
        };
        assert!(warm.warmup && warm.ramp);
        assert_eq!(warm.secs, 600);
        assert_eq!(warm.cadence, Some(85));
        assert_eq!(target(warm), (Units::PctFtp, Intensity::Ramp(50.0, 75.0)));
        let Block::Repeat { text, reps, steps } = &w.blocks[1] else {
            panic!("repeat")
        };
        assert_eq!((text.as_deref(), *reps), (Some("Main set"), 3));
        assert_eq!(steps[0].text.as_deref(), Some("Hard bit"));
        assert_eq!(target(&steps[0]), (Units::PctFtp, Intensity::Steady(120.0)));
        assert_eq!(steps[1].secs, 90);
        assert_eq!(target(&steps[1]), (Units::Watts, Intensity::Steady(200.0)));
        let Block::Repeat { text, steps, .. } = &w.blocks[2] else {
            panic!("repeat")
        };
        assert!(text.is_none());
        assert!(!steps[0].ramp);
        assert_eq!(
            target(&steps[0]),
            (Units::PctFtp, Intensity::Ramp(90.0, 100.0))
        );
        assert_eq!(steps[1].secs, 5400);
        assert_eq!(target(&steps[1]), (Units::PctLthr, Intensity::Steady(70.0)));
        let Block::Step(hr) = &w.blocks[3] else {
            panic!("step")
        };
        assert_eq!(target(hr), (Units::PctHr, Intensity::Steady(80.0)));
        let Block::Step(pace) = &w.blocks[4] else {
            panic!("step")
        };
        assert_eq!(target(pace), (Units::PctPace, Intensity::Steady(95.0)));
        let Block::Step(last) = &w.blocks[5] else {
            panic!("step")
        };
        assert_eq!(last.secs, 630);
        assert!(!last.cooldown);
        let Block::Step(cool) = &w.blocks[6] else {
            panic!("step")
        };
        assert!(cool.cooldown && cool.ramp);
    }

    #[test]
    fn text_without_steps_is_no_workout() {
        assert!(parse("Rest day, maybe a walk.\n- remember to stretch").is_none());
        assert!(parse("").is_none());
    }

    #[test]
    fn seeded_descriptions_parse_back() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
        for e in crate::workouts::plans::events_of("i317960", today) {
            let json = crate::workouts::plans::event_json(&e, false);
            let parsed = parse(json["description"].as_str().expect("description"));
            match crate::workouts::plans::workout_of(e.plan) {
                None => assert!(parsed.is_none()),
                Some(seeded) => {
                    let parsed = parsed.expect("workout");
                    let strip = |w: &Workout| -> Vec<(u32, Option<Target>, Option<u32>)> {
                        w.flat_steps()
                            .iter()
                            .map(|s| (s.secs, s.target, s.cadence))
                            .collect()
                    };
                    assert_eq!(strip(&parsed), strip(&seeded), "{}", e.plan.name);
                    assert_eq!(parsed.kind, seeded.kind);
                }
            }
        }
    }
}
