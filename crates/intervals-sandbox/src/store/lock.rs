//! The one kind of lock the stores use: a mutex that a panic does not poison. What the panicking
//! operation left half-done stays half-done, as after a crash; the sandbox goes on serving.

use std::sync::{Mutex, MutexGuard, PoisonError};

/// A mutex that a panic does not poison.
pub(crate) struct Lock<T>(Mutex<T>);

impl<T> Lock<T> {
    pub(crate) fn new(value: T) -> Lock<T> {
        Lock(Mutex::new(value))
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, T> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_while_locked_does_not_poison_the_lock() {
        let lock = std::sync::Arc::new(Lock::new(vec![1]));
        let held = std::sync::Arc::clone(&lock);
        let panicked = std::thread::spawn(move || {
            let mut v = held.lock();
            v.push(2);
            panic!("a handler bug");
        })
        .join();
        assert!(panicked.is_err());
        lock.lock().push(3);
        assert_eq!(*lock.lock(), [1, 2, 3]);
    }
}
