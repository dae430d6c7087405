//! A large board file read by mapping it instead of copying it into a fresh buffer: at 100k items
//! (65 MB) the copy and its page faults were a sixth of the start-up.
//!
//! A map shows the file as it is *now*, so a file cut short while it is mapped would kill the
//! process (SIGBUS on a page past the new end). Who can do that:
//!
//! - cairn's own saves, `cairn merge`, git and most editors replace the file by a rename: a new
//!   inode, and our map of the old one stays whole. Another cairn does not write without the lock.
//! - Something that truncates the file in place (`> board.ron`, `cp x board.ron`, an editor set to
//!   write in place) while we read it. `MAP_PRIVATE` would not help (pages not yet copied still
//!   follow the file), and copying every page is what the map is there to avoid.
//!
//! The guard for the second: while a map is alive its range is registered, and a SIGBUS inside it
//! puts zero pages over the rest of the map, so the read goes on and sees NULs where the cut-off
//! text was. What follows is what a read racing a writer gives anyway: during `read_text` (which
//! checks the text is UTF-8 and so touches every page) the map is dropped and the file read again;
//! later, the parse meets the NULs and refuses the text (no board is made of it), or, when the parse
//! was done, the fingerprint no longer matches the file and the next save sees an outside change.
//! A SIGBUS outside every map is not ours: the handler puts the previous one back and returns, and
//! the fault happens again under it (by default: the process dies, as before).

use std::ops::Deref;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Files below this are read into memory: the map costs more than the copy.
pub(super) const MAP_FROM: u64 = 1 << 20;

/// How many maps may be alive at once (a reload beside an open board, tests on several threads);
/// beyond that a file is read into memory.
const SLOTS: usize = 16;

struct Slot {
    start: AtomicUsize,
    end: AtomicUsize,
    /// A SIGBUS was met inside this map (the file was cut short).
    cut: AtomicBool,
}

#[allow(clippy::declare_interior_mutable_const)]
const FREE: Slot = Slot {
    start: AtomicUsize::new(0),
    end: AtomicUsize::new(0),
    cut: AtomicBool::new(false),
};
static MAPS: [Slot; SLOTS] = [FREE; SLOTS];
static PAGE: AtomicUsize = AtomicUsize::new(4096);
static INSTALL: Once = Once::new();
static INSTALLED: AtomicBool = AtomicBool::new(false);
static mut PREVIOUS: Option<libc::sigaction> = None;

extern "C" fn on_sigbus(_: libc::c_int, info: *mut libc::siginfo_t, _: *mut libc::c_void) {
    // SAFETY: the kernel passes a valid siginfo for a handler installed with SA_SIGINFO.
    let addr = unsafe { (*info).si_addr() } as usize;
    let page = PAGE.load(Ordering::Relaxed);
    for slot in &MAPS {
        let (start, end) = (
            slot.start.load(Ordering::Acquire),
            slot.end.load(Ordering::Acquire),
        );
        if start != 0 && (start..end).contains(&addr) {
            let from = addr & !(page - 1);
            // SAFETY: the range is inside a live map of ours (its slot is cleared before the
            // unmap); zero pages over it are what a read past the file's end should see.
            let zeros = unsafe {
                libc::mmap(
                    from as *mut libc::c_void,
                    end - from,
                    libc::PROT_READ,
                    libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_FIXED,
                    -1,
                    0,
                )
            };
            if zeros != libc::MAP_FAILED {
                slot.cut.store(true, Ordering::Release);
                return;
            }
        }
    }
    // Not ours: the previous disposition again, and the fault repeats under it.
    // SAFETY: PREVIOUS is written once, before the handler is installed.
    unsafe {
        let previous = (*std::ptr::addr_of!(PREVIOUS)).unwrap_or_else(|| {
            let mut dfl: libc::sigaction = std::mem::zeroed();
            dfl.sa_sigaction = libc::SIG_DFL;
            dfl
        });
        libc::sigaction(libc::SIGBUS, &previous, std::ptr::null_mut());
    }
}

fn install() -> bool {
    INSTALL.call_once(|| {
        // SAFETY: plain libc calls; PREVIOUS is written before the handler that reads it exists.
        unsafe {
            let page = libc::sysconf(libc::_SC_PAGESIZE);
            if page > 0 {
                PAGE.store(page as usize, Ordering::Relaxed);
            }
            let mut old: libc::sigaction = std::mem::zeroed();
            let mut new: libc::sigaction = std::mem::zeroed();
            new.sa_sigaction = on_sigbus as *const () as usize;
            new.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
            libc::sigemptyset(&mut new.sa_mask);
            if libc::sigaction(libc::SIGBUS, std::ptr::null(), &mut old) == 0 {
                *std::ptr::addr_of_mut!(PREVIOUS) = Some(old);
                if libc::sigaction(libc::SIGBUS, &new, std::ptr::null_mut()) == 0 {
                    INSTALLED.store(true, Ordering::Release);
                }
            }
        }
    });
    INSTALLED.load(Ordering::Acquire)
}

/// A file mapped read-only, its range guarded while it lives.
pub(super) struct Mapped {
    map: memmap2::Mmap,
    slot: &'static Slot,
}

impl Mapped {
    /// Maps `len` bytes of `file`; `None` when it cannot be (then read it instead).
    pub(super) fn new(file: &std::fs::File, len: u64) -> Option<Mapped> {
        let len = usize::try_from(len).ok().filter(|&l| l > 0)?;
        if !install() {
            return None;
        }
        let slot = MAPS.iter().find(|s| {
            s.start
                .compare_exchange(0, usize::MAX, Ordering::AcqRel, Ordering::Relaxed)
                .is_ok()
        })?;
        // SAFETY: see the module's comment: a file cut short under the map is guarded against,
        // and one replaced by a rename leaves the mapped inode whole.
        let map = unsafe { memmap2::MmapOptions::new().len(len).populate().map(file) };
        let Ok(map) = map else {
            slot.start.store(0, Ordering::Release);
            return None;
        };
        let start = map.as_ptr() as usize;
        slot.cut.store(false, Ordering::Release);
        slot.end.store(start + map.len(), Ordering::Release);
        slot.start.store(start, Ordering::Release);
        Some(Mapped { map, slot })
    }

    pub(super) fn bytes(&self) -> &[u8] {
        &self.map
    }

    /// True when the file was cut short under the map (its tail now reads as NULs).
    pub(super) fn cut(&self) -> bool {
        self.slot.cut.load(Ordering::Acquire)
    }
}

impl Drop for Mapped {
    fn drop(&mut self) {
        // Unregistered before the map goes (the field is dropped after this).
        self.slot.end.store(0, Ordering::Release);
        self.slot.start.store(0, Ordering::Release);
    }
}

/// The text of a board file: in memory, or mapped (checked to be UTF-8 when it was read).
pub struct Text(Inner);

enum Inner {
    Owned(String),
    Mapped(Mapped),
}

impl Text {
    pub(super) fn owned(s: String) -> Text {
        Text(Inner::Owned(s))
    }

    /// `m` must hold UTF-8 (`read_text` checked it).
    pub(super) fn mapped(m: Mapped) -> Text {
        Text(Inner::Mapped(m))
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        match &self.0 {
            Inner::Owned(s) => s,
            // SAFETY: checked to be UTF-8 when it was read. A file cut short later reads as
            // NULs from a page boundary on (see the module's comment).
            Inner::Mapped(m) => unsafe { std::str::from_utf8_unchecked(m.bytes()) },
        }
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Text").field("len", &self.len()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_file_cut_short_under_the_map_reads_as_nuls_instead_of_killing_the_process() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("b.ron");
        let page = PAGE.load(Ordering::Relaxed).max(4096);
        let text = "x".repeat(page * 8);
        std::fs::File::create(&path)
            .and_then(|mut f| f.write_all(text.as_bytes()))
            .expect("written");
        let file = std::fs::File::open(&path).expect("opens");
        let mapped = Mapped::new(&file, text.len() as u64).expect("maps");
        assert_eq!(mapped.bytes()[page * 5], b'x');
        assert!(!mapped.cut());
        // Cut short in place by someone else, to a page and a half.
        std::fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .and_then(|f| f.set_len((page + page / 2) as u64))
            .expect("truncated");
        let bytes = mapped.bytes();
        assert_eq!(bytes.len(), text.len());
        assert_eq!(bytes[0], b'x');
        assert_eq!(bytes[page * 5], 0, "past the new end");
        assert!(bytes[page * 2..].iter().all(|&b| b == 0));
        assert!(mapped.cut());
        drop(mapped);
        // The slot is free again, and a new map of the file sees it as it is now.
        let again = Mapped::new(&file, (page + page / 2) as u64).expect("maps");
        assert!(!again.cut());
        assert_eq!(again.bytes()[page], b'x');
    }
}
