//! Giving freed memory back to the system after a one-off burst of allocation.
//!
//! glibc's allocator keeps what a burst freed inside its heaps, so a process that once built a
//! large value (the OpenAPI document is megabytes of small allocations) holds that resident
//! for good. [`give_back`] asks it to return the free pages of every heap. It walks them all,
//! so it belongs after a rare, large piece of work, not on a request path.

/// Returns the allocator's free pages to the system (glibc's `malloc_trim(0)`); does nothing
/// where the allocator is not glibc's.
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only releases memory the allocator holds free; it takes no pointer
    // and may be called from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(test)]
mod tests {
    /// A burst freed but for a piece every 64 KiB (so the allocator cannot shrink its heap from
    /// the top by itself), then given back: the process holds less than while the burst was
    /// live (resident set from `/proc/self/statm`, in 4 KiB pages).
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[test]
    fn a_freed_burst_is_given_back() {
        fn resident_pages() -> u64 {
            let statm = std::fs::read_to_string("/proc/self/statm").unwrap();
            statm.split_whitespace().nth(1).unwrap().parse().unwrap()
        }
        // 64 MiB in pieces of 1,000 bytes (below the mmap threshold, so in the heap), each
        // written so it is resident.
        let mut burst: Vec<Vec<u8>> = (0..64 * 1024).map(|i| vec![i as u8; 1000]).collect();
        let live = resident_pages();
        // Keep one piece in 64: 1 MiB, spread over the whole burst.
        let mut kept = Vec::new();
        for (i, piece) in burst.drain(..).enumerate() {
            if i % 64 == 63 {
                kept.push(piece);
            }
        }
        drop(burst);
        super::give_back();
        let after = resident_pages();
        assert_eq!(kept.len(), 1024);
        assert!(kept
            .iter()
            .enumerate()
            .all(|(i, p)| p[999] == (i * 64 + 63) as u8));
        // 63 MiB were freed: 16,128 pages; at least half of them must have gone.
        assert!(
            live.saturating_sub(after) > 8 * 1024,
            "resident pages: {live} with the burst live, {after} after give_back"
        );
    }
}
