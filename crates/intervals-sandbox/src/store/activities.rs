//! Activities as Intervals.icu keeps them: two Strava stubs per seeded athlete, and uploads,
//! deduplicated per athlete by the SHA-256 of the bytes, one activity per sport of a multisport
//! file.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Duration as Days, NaiveDate, NaiveDateTime, Utc};

use super::lock::Lock;
use crate::analysis::Figures;
use crate::athletes::ATHLETES;
use crate::files::activity::{FileType, Packing};

/// Intervals.icu does not publish its limit; 100 MB is generous for any activity file.
pub(crate) const DEFAULT_MAX_UPLOAD_BYTES: u64 = 100 * 1024 * 1024;
const FIRST_ACTIVITY_ID: u64 = 70_000_001;

/// The bytes of one upload, shared by every activity a multisport file became.
pub(crate) struct StoredFile {
    pub bytes: Vec<u8>,
    pub sha256: String,
    pub file_type: FileType,
    pub packing: Packing,
}

#[derive(Clone)]
pub(crate) struct Uploaded {
    pub name: String,
    pub description: Option<String>,
    pub sport: &'static str,
    pub external_id: Option<String>,
    pub device_name: Option<String>,
    pub paired_event_id: Option<i64>,
    /// `None` for a manual activity (entered, not recorded).
    pub file: Option<Arc<StoredFile>>,
    /// Position of this activity in a multisport file.
    pub file_index: usize,
    pub distance: f64,
    pub elapsed: u32,
    /// Computed from the file's recording when it was kept.
    pub figures: Figures,
    /// Fields changed through `PUT /activity/{id}` besides name, description and type, laid
    /// over the summary.
    pub edits: serde_json::Map<String, serde_json::Value>,
    pub client_name: Option<String>,
    pub created: DateTime<Utc>,
}

#[derive(Clone)]
pub(crate) struct Activity {
    pub id: String,
    pub athlete_id: String,
    /// The sandbox keeps every athlete on UTC, so local time and UTC coincide.
    pub start: NaiveDateTime,
    /// `None` for a Strava stub.
    pub upload: Option<Uploaded>,
}

struct State {
    activities: Vec<Activity>,
    next_id: u64,
    max_upload_bytes: u64,
    /// (coach, athlete): the coach's tokens read the athlete's activities, as on Intervals.icu.
    coached: Vec<(String, String)>,
}

impl State {
    fn next_id(&mut self) -> String {
        let id = format!("i{}", self.next_id);
        self.next_id += 1;
        id
    }
}

pub(crate) struct Activities(Lock<State>);

/// What a delete found.
pub(crate) enum Removal {
    Removed(Box<Activity>),
    /// A Strava stub: not the API's to delete.
    Stub,
    /// No such activity of this athlete.
    NotFound,
}

/// What an upload became.
pub(crate) enum Stored {
    /// The athlete had uploaded these bytes before: the ids of what they became then.
    Duplicate(Vec<String>),
    /// New activities, in the order of the file.
    New(Vec<Activity>),
}

impl Activities {
    /// Two Strava stubs per seeded athlete within the last 30 days, so listings show what the
    /// bridge must skip.
    pub(crate) fn new(now: DateTime<Utc>) -> Activities {
        let mut st = State {
            activities: Vec::new(),
            next_id: FIRST_ACTIVITY_ID,
            max_upload_bytes: DEFAULT_MAX_UPLOAD_BYTES,
            coached: Vec::new(),
        };
        let today = now.date_naive();
        for a in &ATHLETES {
            for (days, h, m) in [(2, 6, 45), (9, 17, 20)] {
                let start = (today - Days::days(days))
                    .and_hms_opt(h, m, 0)
                    .unwrap_or_default();
                let id = st.next_id();
                st.activities.push(Activity {
                    id,
                    athlete_id: a.id.to_owned(),
                    start,
                    upload: None,
                });
            }
        }
        Activities(Lock::new(st))
    }

    pub(crate) fn max_upload_bytes(&self) -> u64 {
        self.0.lock().max_upload_bytes
    }

    pub(crate) fn set_max_upload_bytes(&self, max: u64) {
        self.0.lock().max_upload_bytes = max;
    }

    /// Stores what one upload holds (start and details per activity) unless the athlete uploaded
    /// the same bytes before.
    pub(crate) fn upload(
        &self,
        athlete_id: &str,
        sha256: &str,
        found: Vec<(NaiveDateTime, Uploaded)>,
    ) -> Stored {
        let mut st = self.0.lock();
        let existing: Vec<String> = st
            .activities
            .iter()
            .filter(|a| {
                a.athlete_id == athlete_id
                    && a.upload
                        .as_ref()
                        .and_then(|u| u.file.as_ref())
                        .is_some_and(|f| f.sha256 == sha256)
            })
            .map(|a| a.id.clone())
            .collect();
        if !existing.is_empty() {
            return Stored::Duplicate(existing);
        }
        let mut new = Vec::new();
        for (start, upload) in found {
            let activity = Activity {
                id: st.next_id(),
                athlete_id: athlete_id.to_owned(),
                start,
                upload: Some(upload),
            };
            st.activities.push(activity.clone());
            new.push(activity);
        }
        Stored::New(new)
    }

    /// Keeps a manual activity (no file) for the athlete.
    pub(crate) fn add_manual(
        &self,
        athlete_id: &str,
        start: NaiveDateTime,
        upload: Uploaded,
    ) -> Activity {
        let mut st = self.0.lock();
        let activity = Activity {
            id: st.next_id(),
            athlete_id: athlete_id.to_owned(),
            start,
            upload: Some(upload),
        };
        st.activities.push(activity.clone());
        activity
    }

    /// The athlete's activities that started within `oldest ..= newest`, in upload order.
    pub(crate) fn between(
        &self,
        athlete_id: &str,
        oldest: NaiveDateTime,
        newest: NaiveDateTime,
    ) -> Vec<Activity> {
        self.0
            .lock()
            .activities
            .iter()
            .filter(|a| a.athlete_id == athlete_id && a.start >= oldest && a.start <= newest)
            .cloned()
            .collect()
    }

    /// The athlete's activity with this id.
    /// An activity `reader` may read: its own, or one of an athlete it coaches.
    pub(crate) fn readable(&self, id: &str, reader: &str) -> Option<Activity> {
        let st = self.0.lock();
        st.activities
            .iter()
            .find(|a| {
                a.id == id
                    && (a.athlete_id == reader
                        || st
                            .coached
                            .iter()
                            .any(|(c, x)| c == reader && *x == a.athlete_id))
            })
            .cloned()
    }

    /// Removes the athlete's own uploaded activity; later reads, lists and loads no longer see
    /// it, and the same bytes upload as new again.
    pub(crate) fn remove(&self, id: &str, athlete_id: &str) -> Removal {
        let mut st = self.0.lock();
        let Some(pos) = st
            .activities
            .iter()
            .position(|a| a.id == id && a.athlete_id == athlete_id)
        else {
            return Removal::NotFound;
        };
        if st.activities[pos].upload.is_none() {
            return Removal::Stub;
        }
        Removal::Removed(Box::new(st.activities.remove(pos)))
    }

    /// Changes the athlete's own uploaded activity; answers it as it now stands.
    pub(crate) fn edit(
        &self,
        id: &str,
        athlete_id: &str,
        change: impl FnOnce(&mut Uploaded),
    ) -> Result<Activity, Removal> {
        let mut st = self.0.lock();
        let Some(a) = st
            .activities
            .iter_mut()
            .find(|a| a.id == id && a.athlete_id == athlete_id)
        else {
            return Err(Removal::NotFound);
        };
        let Some(u) = a.upload.as_mut() else {
            return Err(Removal::Stub);
        };
        change(u);
        Ok(a.clone())
    }

    /// `coach` coaches `athlete` from now on.
    pub(crate) fn add_coach(&self, coach: &str, athlete: &str) {
        let mut st = self.0.lock();
        let pair = (coach.to_owned(), athlete.to_owned());
        if !st.coached.contains(&pair) {
            st.coached.push(pair);
        }
    }

    /// The athlete's uploads (no stubs), oldest upload first.
    pub(crate) fn uploads(&self, athlete_id: &str) -> Vec<Activity> {
        self.0
            .lock()
            .activities
            .iter()
            .filter(|a| a.athlete_id == athlete_id && a.upload.is_some())
            .cloned()
            .collect()
    }

    /// The training load of the athlete's uploads per day they started on.
    pub(crate) fn daily_loads(&self, athlete_id: &str) -> HashMap<NaiveDate, f64> {
        let st = self.0.lock();
        let mut loads: HashMap<NaiveDate, f64> = HashMap::new();
        for a in st.activities.iter().filter(|a| a.athlete_id == athlete_id) {
            if let Some(u) = &a.upload {
                *loads.entry(a.start.date()).or_default() += f64::from(u.figures.training_load);
            }
        }
        loads
    }
}
