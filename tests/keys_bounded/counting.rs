//! The counting allocator: every thread's allocations while `ON` is set (the binary has one test,
//! so nothing else runs then), and, asked for with `KEYS_BOUNDED_TRACE=<bytes>`, where each one of
//! at least that size comes from, summed by call site.

use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

pub struct Counting;

static ON: AtomicBool = AtomicBool::new(false);
static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);
static TRACE: AtomicUsize = AtomicUsize::new(usize::MAX);
static SITES: Mutex<BTreeMap<String, (usize, usize)>> = Mutex::new(BTreeMap::new());

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        // SAFETY: forwards to the system allocator with the caller's layout.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from this allocator with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size.saturating_sub(layout.size()));
        // SAFETY: forwards to the system allocator with the caller's pointer and layout.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

fn count(size: usize) {
    if !ON.load(Ordering::Relaxed) {
        return;
    }
    ALLOCS.fetch_add(1, Ordering::Relaxed);
    BYTES.fetch_add(size, Ordering::Relaxed);
    if size >= TRACE.load(Ordering::Relaxed) && ON.swap(false, Ordering::Relaxed) {
        let bt = std::backtrace::Backtrace::force_capture().to_string();
        let at: Vec<&str> = bt
            .lines()
            .map(str::trim)
            .filter(|l| l.contains("cairn::") && !l.starts_with("at "))
            .take(4)
            .collect();
        let mut sites = SITES.lock().unwrap_or_else(|e| e.into_inner());
        let e = sites.entry(at.join(" < ")).or_default();
        e.0 += 1;
        e.1 += size;
        drop(sites);
        ON.store(true, Ordering::Relaxed);
    }
}

/// Allocations and bytes of a measured press.
#[derive(Clone, Copy, Debug, Default)]
pub struct Cost {
    pub allocs: usize,
    pub bytes: usize,
}

/// What `f` allocates, on every thread.
pub fn measured(f: impl FnOnce()) -> Cost {
    let (n, b) = (
        ALLOCS.load(Ordering::Relaxed),
        BYTES.load(Ordering::Relaxed),
    );
    ON.store(true, Ordering::Relaxed);
    f();
    ON.store(false, Ordering::Relaxed);
    Cost {
        allocs: ALLOCS.load(Ordering::Relaxed) - n,
        bytes: BYTES.load(Ordering::Relaxed) - b,
    }
}

/// Reads `KEYS_BOUNDED_TRACE`.
pub fn trace_from_env() {
    if let Some(t) = std::env::var("KEYS_BOUNDED_TRACE")
        .ok()
        .and_then(|t| t.parse().ok())
    {
        TRACE.store(t, Ordering::Relaxed);
    }
}

/// The traced sites so far, biggest first, then forgets them.
pub fn print_sites(what: &str) {
    let mut sites = SITES.lock().unwrap_or_else(|e| e.into_inner());
    let mut all: Vec<_> = std::mem::take(&mut *sites).into_iter().collect();
    drop(sites);
    if all.is_empty() {
        return;
    }
    all.sort_by_key(|(_, (_, b))| std::cmp::Reverse(*b));
    eprintln!("traced, {what}:");
    for (at, (n, b)) in all.iter().take(15) {
        eprintln!("  {n:>6} {b:>9}  {at}");
    }
}
