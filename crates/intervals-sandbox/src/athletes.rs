//! The simulated athletes: three seeded ones the consent page offers, anyone `/_sandbox/tokens/mint`
//! creates, and the sport settings every one of them trains with.

/// Every simulated athlete's sport settings: FTP, threshold and maximum heart rate, and
/// threshold pace for runs (4:30/km) and swims (1:20/100m), in metres per second. Workouts
/// resolve with these and `/sport-settings` shows them.
pub(crate) const FTP_WATTS: u32 = 250;
pub(crate) const LTHR_BPM: u32 = 170;
pub(crate) const MAX_HR_BPM: u32 = 190;
pub(crate) const THRESHOLD_PACE_MPS: f64 = 3.7037;
pub(crate) const SWIM_THRESHOLD_PACE_MPS: f64 = 1.25;

/// What a workout's relative targets resolve with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Thresholds {
    pub ftp: u32,
    pub lthr: u32,
    pub max_hr: u32,
    /// Metres per second.
    pub threshold_pace: f64,
}

/// One group of sports sharing settings, as `/sport-settings` lists them.
pub(crate) struct SportGroup {
    pub id: u32,
    pub types: &'static [&'static str],
    pub thresholds: Thresholds,
    pub pace_units: &'static str,
}

const LAND: Thresholds = Thresholds {
    ftp: FTP_WATTS,
    lthr: LTHR_BPM,
    max_hr: MAX_HR_BPM,
    threshold_pace: THRESHOLD_PACE_MPS,
};

/// Rides, runs, swims; any other sport uses the first group's settings.
pub(crate) const SPORT_GROUPS: [SportGroup; 3] = [
    SportGroup {
        id: 1,
        types: &[
            "Ride",
            "VirtualRide",
            "GravelRide",
            "MountainBikeRide",
            "EBikeRide",
            "TrackRide",
        ],
        thresholds: LAND,
        pace_units: "MINS_KM",
    },
    SportGroup {
        id: 2,
        types: &["Run", "VirtualRun", "TrailRun"],
        thresholds: LAND,
        pace_units: "MINS_KM",
    },
    SportGroup {
        id: 3,
        types: &["Swim", "OpenWaterSwim"],
        thresholds: Thresholds {
            threshold_pace: SWIM_THRESHOLD_PACE_MPS,
            ..LAND
        },
        pace_units: "SECS_100M",
    },
];

/// The settings a workout of this sport (an event's `type`) resolves with.
pub(crate) fn thresholds(sport: &str) -> Thresholds {
    SPORT_GROUPS
        .iter()
        .find(|g| g.types.contains(&sport))
        .unwrap_or(&SPORT_GROUPS[0])
        .thresholds
}

pub(crate) struct Athlete {
    pub id: &'static str,
    pub name: &'static str,
    pub firstname: &'static str,
    pub lastname: &'static str,
    pub sex: &'static str,
    pub city: &'static str,
    pub country: &'static str,
    pub timezone: &'static str,
}

/// Old accounts have numeric ids, newer ones `i`-prefixed; the bridge must cope with both.
pub(crate) const ATHLETES: [Athlete; 3] = [
    Athlete {
        id: "i317960",
        name: "Alex Rider",
        firstname: "Alex",
        lastname: "Rider",
        sex: "M",
        city: "Cape Town",
        country: "South Africa",
        timezone: "Africa/Johannesburg",
    },
    Athlete {
        id: "2049151",
        name: "Sam Tempo",
        firstname: "Sam",
        lastname: "Tempo",
        sex: "F",
        city: "Utrecht",
        country: "Netherlands",
        timezone: "Europe/Amsterdam",
    },
    Athlete {
        id: "i555003",
        name: "Jo Climber",
        firstname: "Jo",
        lastname: "Climber",
        sex: "F",
        city: "Boulder",
        country: "United States",
        timezone: "America/Denver",
    },
];

/// A seeded athlete.
pub(crate) fn athlete(id: &str) -> Option<&'static Athlete> {
    ATHLETES.iter().find(|a| a.id == id)
}

/// What a minted athlete is called.
pub(crate) fn minted_name(id: &str) -> String {
    format!("Athlete {id}")
}
