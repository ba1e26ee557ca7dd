//! Each athlete's changes to their sport settings (`PUT /sport-settings/{id}`), laid over the
//! defaults every simulated athlete starts with.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::lock::Lock;

pub(crate) struct Settings(Lock<HashMap<(String, u32), Map<String, Value>>>);

impl Settings {
    pub(crate) fn new() -> Settings {
        Settings(Lock::new(HashMap::new()))
    }

    /// The fields the athlete changed in this group.
    pub(crate) fn changed(&self, athlete: &str, group: u32) -> Map<String, Value> {
        self.0
            .lock()
            .get(&(athlete.to_owned(), group))
            .cloned()
            .unwrap_or_default()
    }

    /// Lays `fields` over the group's earlier changes.
    pub(crate) fn change(&self, athlete: &str, group: u32, fields: Map<String, Value>) {
        self.0
            .lock()
            .entry((athlete.to_owned(), group))
            .or_default()
            .extend(fields);
    }
}
