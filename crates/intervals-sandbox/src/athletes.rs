//! The simulated athletes: three seeded ones the consent page offers, anyone `/_sandbox/tokens/mint`
//! creates, and the sport settings every one of them trains with.

/// Every simulated athlete's sport settings: FTP, threshold heart rate, and threshold pace for
/// runs (4:30/km, in metres per second).
pub(crate) const FTP_WATTS: u32 = 250;
pub(crate) const LTHR_BPM: u32 = 170;
pub(crate) const THRESHOLD_PACE_MPS: f64 = 3.7037;

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
