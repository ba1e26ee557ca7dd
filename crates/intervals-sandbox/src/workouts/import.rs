//! Workout files apps send with an event (`filename` + `file_contents_base64`): Zwift `.zwo`,
//! `.mrc` (minutes and percent of FTP), `.erg` (minutes and watts) and FIT workout files, read
//! into a [`Workout`]. A file that does not decode as its extension says is refused.

use crate::athletes::Thresholds;
use crate::files::fit::{self, global};
use crate::workouts::doc::{Block, Intensity, Step, Target, Units, Workout};
use crate::workouts::files::Format;

/// What a file holds: the workout, and the name it gives it.
#[derive(Debug)]
pub(crate) struct Imported {
    pub workout: Workout,
    pub name: Option<String>,
}

/// `filename`'s extension picks the reader; absolute targets (watts, bpm, speed) become
/// percentages of `t`, which the workout then resolves with.
pub(crate) fn read(filename: &str, bytes: &[u8], t: Thresholds) -> Result<Imported, String> {
    let ext = filename
        .rsplit_once('.')
        .map(|(_, e)| e)
        .unwrap_or_default();
    let format = Format::parse(ext).ok_or_else(|| {
        format!("Unsupported workout file {filename}: use .zwo, .mrc, .erg or .fit")
    })?;
    let text = || {
        std::str::from_utf8(bytes)
            .map(|t| t.trim_start_matches('\u{feff}'))
            .map_err(|_| format!("{filename} is not a text file"))
    };
    match format {
        Format::Zwo => zwo(text()?, t),
        Format::Mrc | Format::Erg => course(text()?, format == Format::Erg, t),
        Format::Fit => fit_workout(bytes, t),
    }
    .map_err(|e| format!("Could not read {filename}: {e}"))
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn finish(
    blocks: Vec<Block>,
    name: Option<String>,
    description: Option<String>,
    thresholds: Thresholds,
) -> Result<Imported, String> {
    if blocks.is_empty() {
        return Err("no workout steps".into());
    }
    Ok(Imported {
        workout: Workout {
            thresholds,
            description: description.filter(|d| !d.trim().is_empty()),
            kind: Workout::kind_of(&blocks),
            blocks,
        },
        name: name.filter(|n| !n.trim().is_empty()),
    })
}

// ---- ZWO -------------------------------------------------------------------------------------

struct Tag<'a> {
    name: &'a str,
    attrs: Vec<(&'a str, String)>,
    closing: bool,
    self_closing: bool,
}

impl Tag<'_> {
    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.as_str())
    }

    fn num(&self, key: &str) -> Result<Option<f64>, String> {
        match self.attr(key) {
            None => Ok(None),
            Some(v) => v
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && *v >= 0.0)
                .map(Some)
                .ok_or_else(|| format!("{}: bad {key} \"{v}\"", self.name)),
        }
    }

    fn secs(&self, key: &str) -> Result<u32, String> {
        self.num(key)?
            .map(|v| v.round() as u32)
            .ok_or_else(|| format!("{} without {key}", self.name))
    }
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Every element tag in document order (comments, declarations and text skipped).
fn tags(text: &str) -> Result<Vec<Tag<'_>>, String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        if let Some(after) = rest.strip_prefix("!--") {
            let end = after.find("-->").ok_or("unterminated comment")?;
            rest = &after[end + 3..];
            continue;
        }
        let end = rest.find('>').ok_or("unterminated tag")?;
        let body = &rest[..end];
        rest = &rest[end + 1..];
        if body.starts_with('?') || body.starts_with('!') {
            continue;
        }
        let closing = body.starts_with('/');
        let body = body.trim_start_matches('/');
        let self_closing = body.ends_with('/');
        let body = body.trim_end_matches('/');
        let name_end = body.find(|c: char| c.is_whitespace()).unwrap_or(body.len());
        let name = &body[..name_end];
        if name.is_empty() {
            return Err("empty tag".into());
        }
        let mut attrs = Vec::new();
        let mut a = body[name_end..].trim_start();
        while !a.is_empty() {
            let eq = a
                .find('=')
                .ok_or_else(|| format!("{name}: bad attribute"))?;
            let key = a[..eq].trim();
            let v = a[eq + 1..].trim_start();
            let quote = v.chars().next().filter(|c| *c == '"' || *c == '\'');
            let quote = quote.ok_or_else(|| format!("{name}: unquoted attribute {key}"))?;
            let close = v[1..]
                .find(quote)
                .ok_or_else(|| format!("{name}: unterminated attribute {key}"))?;
            attrs.push((key, unescape(&v[1..1 + close])));
            a = v[close + 2..].trim_start();
        }
        out.push(Tag {
            name,
            attrs,
            closing,
            self_closing,
        });
    }
    Ok(out)
}

/// The text of the first `<tag>…</tag>`.
fn element(text: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}>");
    let start = text.find(&open)? + open.len();
    let end = text[start..].find(&format!("</{tag}>"))? + start;
    Some(unescape(text[start..end].trim()))
}

fn zwo(text: &str, t: Thresholds) -> Result<Imported, String> {
    if !text.contains("<workout_file") {
        return Err("not a Zwift workout (no <workout_file>)".into());
    }
    let units = match element(text, "sportType").as_deref().map(str::trim) {
        Some(s) if s.eq_ignore_ascii_case("run") => Units::PctPace,
        _ => Units::PctFtp,
    };
    let pct = |v: f64| round1(v * 100.0);
    let target = |i: Intensity| {
        Some(Target {
            units,
            intensity: i,
        })
    };
    let mut blocks: Vec<Block> = Vec::new();
    let mut in_workout = false;
    // The step element still open, whose text events name it.
    let mut open_step = false;
    for tag in tags(text)? {
        if tag.name == "workout" {
            in_workout = !tag.closing && !tag.self_closing;
            continue;
        }
        if !in_workout {
            continue;
        }
        if tag.closing {
            open_step = false;
            continue;
        }
        let cadence = tag.num("Cadence")?.map(|c| c.round() as u32);
        let step = match tag.name {
            "SteadyState" | "SolidState" => {
                let intensity = match (
                    tag.num("Power")?,
                    tag.num("PowerLow")?,
                    tag.num("PowerHigh")?,
                ) {
                    (Some(p), _, _) => Intensity::Steady(pct(p)),
                    (None, Some(lo), Some(hi)) => Intensity::Ramp(pct(lo), pct(hi)),
                    _ => return Err(format!("{} without Power", tag.name)),
                };
                let mut s = Step::new(tag.secs("Duration")?, target(intensity));
                s.cadence = cadence;
                Some(s)
            }
            "Warmup" | "Cooldown" | "Ramp" => {
                let (lo, hi) = match (tag.num("PowerLow")?, tag.num("PowerHigh")?) {
                    (Some(lo), Some(hi)) => (pct(lo), pct(hi)),
                    _ => return Err(format!("{} without PowerLow and PowerHigh", tag.name)),
                };
                let mut s = Step::new(tag.secs("Duration")?, target(Intensity::Ramp(lo, hi)));
                s.ramp = true;
                s.warmup = tag.name == "Warmup";
                s.cooldown = tag.name == "Cooldown";
                s.cadence = cadence;
                Some(s)
            }
            "FreeRide" | "MaxEffort" => {
                let mut s = Step::new(tag.secs("Duration")?, None);
                s.cadence = cadence;
                Some(s)
            }
            "IntervalsT" => {
                let reps = tag.num("Repeat")?.map(|r| r.round() as u32).unwrap_or(1);
                let power = |key: &str, low: &str, high: &str| -> Result<Intensity, String> {
                    match (tag.num(key)?, tag.num(low)?, tag.num(high)?) {
                        (Some(p), _, _) => Ok(Intensity::Steady(pct(p))),
                        (None, Some(lo), Some(hi)) => Ok(Intensity::Ramp(pct(lo), pct(hi))),
                        _ => Err(format!("IntervalsT without {key}")),
                    }
                };
                let mut on = Step::new(
                    tag.secs("OnDuration")?,
                    target(power("OnPower", "PowerOnLow", "PowerOnHigh")?),
                );
                on.cadence = cadence;
                let mut off = Step::new(
                    tag.secs("OffDuration")?,
                    target(power("OffPower", "PowerOffLow", "PowerOffHigh")?),
                );
                off.cadence = tag.num("CadenceResting")?.map(|c| c.round() as u32);
                blocks.push(Block::Repeat {
                    text: None,
                    reps: reps.max(1),
                    steps: vec![on, off],
                });
                open_step = !tag.self_closing;
                None
            }
            "textevent" | "TextEvent" => {
                if open_step {
                    if let (Some(msg), Some(Block::Step(s))) =
                        (tag.attr("message"), blocks.last_mut())
                    {
                        if s.text.is_none() && !msg.trim().is_empty() {
                            s.text = Some(msg.trim().to_owned());
                        }
                    }
                }
                None
            }
            _ => None,
        };
        if let Some(s) = step {
            blocks.push(Block::Step(s));
            open_step = !tag.self_closing;
        }
    }
    finish(
        blocks,
        element(text, "name"),
        element(text, "description"),
        t,
    )
}

// ---- MRC / ERG -------------------------------------------------------------------------------

/// `[COURSE DATA]` points joined into steps: a flat segment is steady, a sloped one a ramp, and
/// a segment of no length a jump between them.
fn course(text: &str, watts: bool, t: Thresholds) -> Result<Imported, String> {
    let header = |key: &str| {
        text.lines().find_map(|l| {
            let (k, v) = l.split_once('=')?;
            k.trim()
                .eq_ignore_ascii_case(key)
                .then(|| v.trim().to_owned())
        })
    };
    let section = |name: &str| -> Option<Vec<&str>> {
        let start = text.find(&format!("[{name}]"))? + name.len() + 2;
        let rest = &text[start..];
        let end = rest.find(&format!("[END {name}]")).unwrap_or(rest.len());
        Some(
            rest[..end]
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect(),
        )
    };
    let data = section("COURSE DATA").ok_or("no [COURSE DATA]")?;
    let mut points: Vec<(f64, f64)> = Vec::new();
    for line in data {
        let mut nums = line.split_whitespace().map(|n| n.parse::<f64>());
        match (nums.next(), nums.next()) {
            (Some(Ok(t)), Some(Ok(v))) if t.is_finite() && v.is_finite() && v >= 0.0 => {
                if points.last().is_some_and(|(last, _)| t < *last) {
                    return Err(format!("time goes backwards at \"{line}\""));
                }
                points.push((t, v));
            }
            _ => return Err(format!("bad course data line \"{line}\"")),
        }
    }
    let ftp = header("FTP")
        .and_then(|f| f.parse::<f64>().ok())
        .filter(|f| *f > 0.0);
    let (units, scale) = match (watts, ftp) {
        (false, _) => (Units::PctFtp, 1.0),
        (true, Some(ftp)) => (Units::PctFtp, 100.0 / ftp),
        (true, None) => (Units::Watts, 1.0),
    };
    let texts: Vec<(u32, String)> = section("COURSE TEXT")
        .unwrap_or_default()
        .iter()
        .filter_map(|l| {
            let mut parts = l.split('\t');
            let at = parts.next()?.trim().parse::<f64>().ok()?;
            let msg = parts.next()?.trim();
            (!msg.is_empty()).then(|| (at.round() as u32, msg.to_owned()))
        })
        .collect();
    let mut blocks = Vec::new();
    for pair in points.windows(2) {
        let ((t0, v0), (t1, v1)) = (pair[0], pair[1]);
        let secs = ((t1 - t0) * 60.0).round() as u32;
        if secs == 0 {
            continue;
        }
        let (a, b) = (round1(v0 * scale), round1(v1 * scale));
        let intensity = if a == b {
            Intensity::Steady(a)
        } else {
            Intensity::Ramp(a, b)
        };
        let mut s = Step::new(secs, Some(Target { units, intensity }));
        s.ramp = a != b;
        let start = (t0 * 60.0).round() as u32;
        s.text = texts
            .iter()
            .find(|(at, _)| *at == start)
            .map(|(_, m)| m.clone());
        blocks.push(Block::Step(s));
    }
    finish(blocks, header("FILE NAME"), header("DESCRIPTION"), t)
}

// ---- FIT -------------------------------------------------------------------------------------

/// Middle of each power zone (percent of FTP) and heart-rate zone (percent of maximum), for
/// steps that target a zone rather than a custom range.
const POWER_ZONE_MID: [f64; 7] = [45.0, 65.0, 83.0, 98.0, 113.0, 135.0, 160.0];
const HR_ZONE_MID: [f64; 5] = [55.0, 65.0, 75.0, 85.0, 95.0];

/// A custom range as the sandbox writes it (±2.5 % around the target) is that target; any
/// other range stays a range.
fn range(lo: f64, hi: f64) -> Intensity {
    let mid = (lo + hi) / 2.0;
    if (hi - lo).abs() < 1e-9 || (mid > 0.0 && ((hi - lo) / mid - 0.05).abs() < 0.01) {
        Intensity::Steady(round1(mid))
    } else {
        Intensity::Ramp(round1(lo), round1(hi))
    }
}

fn fit_target(m: &fit::Message, t: &Thresholds) -> Result<(Option<Target>, Option<u32>), String> {
    let value = m.uint(4).unwrap_or(0);
    let (lo, hi) = (m.uint(5), m.uint(6));
    let custom = |f: &dyn Fn(f64) -> f64| -> Option<Intensity> {
        Some(range(f(f64::from(lo?)), f(f64::from(hi?))))
    };
    let zone = |mids: &[f64]| {
        usize::try_from(value)
            .ok()
            .and_then(|z| z.checked_sub(1))
            .and_then(|z| mids.get(z))
            .map(|v| Intensity::Steady(*v))
    };
    let target = |units, i: Option<Intensity>| i.map(|intensity| Target { units, intensity });
    Ok(match m.uint(3) {
        // power: custom values above 1000 are watts + 1000, below percent of FTP
        Some(4) if value == 0 => {
            let watts = lo.is_some_and(|l| l > 1000);
            let pct = |v: f64| {
                if watts {
                    (v - 1000.0) / f64::from(t.ftp) * 100.0
                } else {
                    v
                }
            };
            (target(Units::PctFtp, custom(&pct)), None)
        }
        Some(4) => (target(Units::PctFtp, zone(&POWER_ZONE_MID)), None),
        // heart rate: custom values above 100 are bpm + 100, below percent of maximum
        Some(1) if value == 0 => {
            if lo.is_some_and(|l| l > 100) {
                let pct = |v: f64| (v - 100.0) / f64::from(t.lthr) * 100.0;
                (target(Units::PctLthr, custom(&pct)), None)
            } else {
                (target(Units::PctHr, custom(&|v| v)), None)
            }
        }
        Some(1) => (target(Units::PctHr, zone(&HR_ZONE_MID)), None),
        // speed in mm/s
        Some(0) => {
            let pct = |v: f64| v / 1000.0 / t.threshold_pace * 100.0;
            (target(Units::PctPace, custom(&pct)), None)
        }
        // cadence
        Some(3) => (None, lo.zip(hi).map(|(l, h)| (l + h) / 2)),
        _ => (None, None),
    })
}

fn fit_workout(bytes: &[u8], th: Thresholds) -> Result<Imported, String> {
    let messages = fit::messages(bytes)?;
    let file_type = messages
        .iter()
        .find(|m| m.global == global::FILE_ID)
        .and_then(|m| m.uint(0));
    if file_type.is_some_and(|t| t != 5) {
        return Err(format!(
            "FIT file type {} is not a workout",
            file_type.unwrap_or(0)
        ));
    }
    let name = messages
        .iter()
        .find(|m| m.global == global::WORKOUT)
        .and_then(|m| m.string(8));
    // Each block remembers the step index it started at, so repeats can take theirs back.
    let mut blocks: Vec<(u32, Block)> = Vec::new();
    let mut index = 0u32;
    for m in messages.iter().filter(|m| m.global == global::WORKOUT_STEP) {
        let here = m.uint(254).unwrap_or(index);
        index = here + 1;
        match m.uint(1).unwrap_or(0) {
            // repeat_until_steps_cmplt: duration_value = first step, target_value = count
            6 => {
                let first = m.uint(2).ok_or("repeat step without its first step")?;
                let reps = m.uint(4).unwrap_or(1).max(1);
                let split = blocks
                    .iter()
                    .position(|(i, _)| *i >= first)
                    .ok_or("repeat of no steps")?;
                let steps = blocks
                    .drain(split..)
                    .map(|(_, b)| match b {
                        Block::Step(s) => Ok(s),
                        Block::Repeat { .. } => Err("nested repeats".to_owned()),
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                blocks.push((
                    first,
                    Block::Repeat {
                        text: None,
                        reps,
                        steps,
                    },
                ));
            }
            duration_type => {
                let (target, cadence) = fit_target(m, &th)?;
                let secs = match duration_type {
                    0 => m.uint(2).unwrap_or(0) / 1000,
                    // distance (cm) at the step's pace, else at threshold pace
                    1 => {
                        let metres = f64::from(m.uint(2).unwrap_or(0)) / 100.0;
                        let speed = target
                            .filter(|t| t.units == Units::PctPace)
                            .map(|t| t.units.absolute(t.intensity.start(), &th))
                            .filter(|s| *s > 0.0)
                            .unwrap_or(th.threshold_pace);
                        (metres / speed).round() as u32
                    }
                    _ => 0,
                };
                let intensity = m.uint(7).unwrap_or(0);
                let mut s = Step::new(secs, target);
                s.text = m.string(0);
                s.warmup = intensity == 2;
                s.cooldown = intensity == 3;
                // FIT has no ramps: a warm-up range climbs, a cool-down range falls.
                if let Some(t) = &mut s.target {
                    if let Intensity::Ramp(lo, hi) = t.intensity {
                        if s.cooldown {
                            t.intensity = Intensity::Ramp(hi, lo);
                        }
                        s.ramp = s.warmup || s.cooldown;
                    }
                }
                s.cadence = cadence.or_else(|| {
                    (m.uint(19) == Some(3))
                        .then(|| m.uint(21).zip(m.uint(22)).map(|(l, h)| (l + h) / 2))
                        .flatten()
                });
                blocks.push((here, Block::Step(s)));
            }
        }
    }
    finish(blocks.into_iter().map(|(_, b)| b).collect(), name, None, th)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::athletes::thresholds;
    use crate::workouts::files::{render, Source};

    fn read(name: &str, bytes: &[u8]) -> Result<Imported, String> {
        super::read(name, bytes, thresholds("Ride"))
    }

    /// Seconds and percent of threshold of every step, repeats unrolled.
    fn shape(w: &Workout) -> Vec<(u32, f64, f64)> {
        w.flat_steps()
            .iter()
            .map(|s| {
                let p = s.percent(&w.thresholds);
                (s.secs, p.start(), p.end())
            })
            .collect()
    }

    fn close(a: &[(u32, f64, f64)], b: &[(u32, f64, f64)]) -> bool {
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|(x, y)| x.0 == y.0 && (x.1 - y.1).abs() < 0.6 && (x.2 - y.2).abs() < 0.6)
    }

    fn repeats(w: &Workout) -> Vec<u32> {
        w.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Repeat { reps, .. } => Some(*reps),
                Block::Step(_) => None,
            })
            .collect()
    }

    #[test]
    fn files_the_sandbox_writes_read_back_as_the_same_steps() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
        for e in crate::workouts::plans::events_of("i317960", today) {
            let Some(seeded) = crate::workouts::plans::workout_of(e.plan) else {
                continue;
            };
            let src = Source {
                id: e.id,
                name: e.plan.name,
                sport: e.plan.sport,
                workout: &seeded,
            };
            for (format, file) in [
                (Format::Zwo, "w.zwo"),
                (Format::Mrc, "w.mrc"),
                (Format::Erg, "w.erg"),
                (Format::Fit, "w.fit"),
            ] {
                let Ok(bytes) = render(&src, format) else {
                    assert_eq!(e.plan.sport, "Run", "only a run has no ERG");
                    continue;
                };
                let back = super::read(file, &bytes, thresholds(e.plan.sport))
                    .unwrap_or_else(|err| panic!("{file}: {err}"));
                assert!(
                    close(&shape(&back.workout), &shape(&seeded)),
                    "{} {file}: {:?} vs {:?}",
                    e.plan.name,
                    shape(&back.workout),
                    shape(&seeded)
                );
                if matches!(format, Format::Zwo | Format::Fit) {
                    assert_eq!(back.workout.kind, seeded.kind, "{file}");
                    assert_eq!(back.name.as_deref(), Some(e.plan.name));
                    assert_eq!(repeats(&back.workout), repeats(&seeded), "{file}");
                }
                if format == Format::Fit {
                    let texts = |w: &Workout| -> Vec<Option<String>> {
                        w.flat_steps().into_iter().map(|s| s.text).collect()
                    };
                    assert_eq!(texts(&back.workout), texts(&seeded));
                    let cadence = |w: &Workout| -> Vec<Option<u32>> {
                        w.flat_steps().into_iter().map(|s| s.cadence).collect()
                    };
                    assert_eq!(cadence(&back.workout), cadence(&seeded));
                }
            }
        }
    }

    #[test]
    fn zwo_elements() {
        let zwo = r#"<?xml version="1.0"?>
<workout_file><name>Mixed &amp; more</name><description>All kinds</description><sportType>bike</sportType>
<workout>
  <Warmup Duration="600" PowerLow="0.5" PowerHigh="0.75" Cadence="85"/>
  <SteadyState Duration="300" Power="0.875"><textevent timeoffset="0" message="Settle in"/></SteadyState>
  <IntervalsT Repeat="4" OnDuration="30" OffDuration="90" OnPower="1.2" OffPower="0.5" Cadence="100" CadenceResting="80"/>
  <Ramp Duration="120" PowerLow="0.6" PowerHigh="0.9"/>
  <FreeRide Duration="240" FlatRoad="1"/>
  <Cooldown Duration="300" PowerLow="0.7" PowerHigh="0.4"/>
</workout></workout_file>"#;
        let got = read("x.ZWO", zwo.as_bytes()).expect("zwo");
        assert_eq!(got.name.as_deref(), Some("Mixed & more"));
        let w = got.workout;
        assert_eq!(w.description.as_deref(), Some("All kinds"));
        assert_eq!(w.blocks.len(), 6);
        let Block::Step(warm) = &w.blocks[0] else {
            panic!("step")
        };
        assert!(warm.warmup && warm.ramp);
        assert_eq!(warm.cadence, Some(85));
        let Block::Step(steady) = &w.blocks[1] else {
            panic!("step")
        };
        assert_eq!(steady.text.as_deref(), Some("Settle in"));
        assert_eq!(
            steady.target.map(|t| t.intensity),
            Some(Intensity::Steady(87.5))
        );
        let Block::Repeat { reps, steps, .. } = &w.blocks[2] else {
            panic!("repeat")
        };
        assert_eq!(*reps, 4);
        assert_eq!((steps[0].secs, steps[0].cadence), (30, Some(100)));
        assert_eq!(steps[1].cadence, Some(80));
        let Block::Step(free) = &w.blocks[4] else {
            panic!("step")
        };
        assert!(free.target.is_none());
        let Block::Step(cool) = &w.blocks[5] else {
            panic!("step")
        };
        assert!(cool.cooldown);
        assert_eq!(
            cool.target.map(|t| t.intensity),
            Some(Intensity::Ramp(70.0, 40.0))
        );
        assert_eq!(w.secs(), 600 + 300 + 480 + 120 + 240 + 300);
    }

    #[test]
    fn mrc_and_erg_points_become_steps() {
        let mrc = "[COURSE HEADER]\nMINUTES PERCENT\n[END COURSE HEADER]\n[COURSE DATA]\n0\t50\n10\t75\n10\t90\n15\t90\n15\t50\n20\t50\n[END COURSE DATA]\n";
        let w = read("a.mrc", mrc.as_bytes()).expect("mrc").workout;
        let got: Vec<(u32, bool, f64, f64)> = w
            .flat_steps()
            .iter()
            .map(|s| {
                let t = s.target.expect("target");
                (s.secs, s.ramp, t.intensity.start(), t.intensity.end())
            })
            .collect();
        assert_eq!(
            got,
            [
                (600, true, 50.0, 75.0),
                (300, false, 90.0, 90.0),
                (300, false, 50.0, 50.0)
            ]
        );
        let erg = "[COURSE HEADER]\nMINUTES WATTS\n[END COURSE HEADER]\n[COURSE DATA]\n0.00 200\n5.00 200\n[END COURSE DATA]\n";
        let w = read("b.erg", erg.as_bytes()).expect("erg").workout;
        let t = w.flat_steps()[0].target.expect("target");
        assert_eq!(
            (t.units, t.intensity),
            (Units::Watts, Intensity::Steady(200.0))
        );
        let with_ftp = erg.replace("MINUTES WATTS", "FTP = 250\nMINUTES WATTS");
        let t = read("b.erg", with_ftp.as_bytes())
            .expect("erg")
            .workout
            .flat_steps()[0]
            .target
            .expect("target");
        assert_eq!(
            (t.units, t.intensity),
            (Units::PctFtp, Intensity::Steady(80.0))
        );
    }

    #[test]
    fn what_does_not_decode_is_refused() {
        for (name, bytes) in [
            ("a.zwo", b"not xml at all".as_slice()),
            (
                "a.zwo",
                b"<workout_file><workout></workout></workout_file>".as_slice(),
            ),
            (
                "a.zwo",
                b"<workout_file><workout><SteadyState Power=\"0.5\"/></workout></workout_file>"
                    .as_slice(),
            ),
            ("a.mrc", b"[COURSE DATA]\n0 50\nten 60\n".as_slice()),
            ("a.erg", b"just text".as_slice()),
            (
                "a.fit",
                b"\x0e\x20\x00\x00\x00\x00\x00\x00.FIT\x00\x00".as_slice(),
            ),
            ("a.fit", b"PK\x03\x04 not a fit".as_slice()),
            ("a.pdf", b"%PDF".as_slice()),
            ("a.zwo", b"\xff\xfe\x00".as_slice()),
        ] {
            assert!(read(name, bytes).is_err(), "{name} {bytes:?}");
        }
    }
}
