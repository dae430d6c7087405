//! Peak heap while using a board of 1k, 10k and 100k items: `cargo bench --bench memory`. A counting
//! allocator (this bench only, so the timing benches are not slowed) records the high-water mark of
//! live bytes through what a session does: read and parse the file, build the app, draw every pane,
//! make a change, copy the board for the autosave and serialise it. The budgets (DESIGN.md) are for
//! peak RSS, which adds the binary and the allocator's slack: compare with `/usr/bin/time -f %M`.

use cairn::app::{Action, App};
use cairn::io::generate::generate;
use cairn::store::{self, Store};
use jiff::civil::date;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
/// Every allocation's count and bytes (never decremented): what one key allocates.
static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static ALLOCATED: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwards to the system allocator with the caller's layout.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            ALLOCS.fetch_add(1, Ordering::Relaxed);
            ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

/// What one press of each common key allocates on a 100k board (after the same key once, so a
/// buffer kept between keys is not counted as the key's): the goal is nothing per board item.
fn per_key() {
    use Action::*;
    let board = cairn::io::generate::pathological(1);
    let mut app = App::new(board, "b.ron", date(2026, 11, 28));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let mut draw = |app: &mut App| cairn::ui::draw_app(&mut terminal, app).expect("draws");
    draw(&mut app);
    println!("what one key allocates, 100k items, 5,000 sprint cards, 20,000 notes (key → frame):");
    let cases: [(&str, &[Action], Action); 8] = [
        ("backlog j", &[], Down),
        ("backlog J (a change)", &[], MoveDown),
        ("backlog G", &[Top], Bottom),
        ("backlog g", &[Bottom], Top),
        ("sprint j", &[ShowSprint, Up], Down),
        ("sprint L (a change)", &[ShowSprint, Undo], CardRight),
        (
            "timeline after a change",
            &[ShowBacklog, MoveUp],
            ShowTimeline,
        ),
        ("stakeholders j", &[ShowStakeholders, Up], Down),
    ];
    for (label, before, key) in cases {
        for press in 0..2 {
            for a in before {
                app.update(a.clone());
                draw(&mut app);
            }
            let (n, bytes) = (
                ALLOCS.load(Ordering::Relaxed),
                ALLOCATED.load(Ordering::Relaxed),
            );
            app.update(key.clone());
            draw(&mut app);
            let n = ALLOCS.load(Ordering::Relaxed) - n;
            let bytes = ALLOCATED.load(Ordering::Relaxed) - bytes;
            app.mode = cairn::app::Mode::Normal;
            // The second press is the one reported (the first may fill a buffer kept for later).
            if press == 1 {
                println!("  {label:<26} {n:>6} allocations, {bytes:>10} bytes");
            }
        }
    }
}

fn main() {
    if std::env::args().any(|a| a == "keys") {
        per_key();
        return;
    }
    per_key();
    let dir = tempfile::tempdir().expect("temp dir");
    println!("peak heap (live bytes' high-water mark) through a session:");
    for n in [1_000usize, 10_000, 100_000] {
        let path = dir.path().join(format!("board-{n}.ron"));
        {
            let board = generate(n, 1);
            Store::create(&path, &board, true).expect("writes the board");
        }
        let before = LIVE.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let board = store::read(&path).expect("loads");
        let loaded = PEAK.load(Ordering::Relaxed) - before;
        let mut app = App::new(board, "b.ron", date(2026, 11, 28));
        let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
        for pane in [
            Action::ShowBacklog,
            Action::ShowSprint,
            Action::ShowTimeline,
            Action::ShowStakeholders,
            Action::ShowBacklog,
        ] {
            app.update(pane);
            cairn::ui::draw_app(&mut terminal, &mut app).expect("draws");
        }
        app.update(Action::MoveDown);
        let copy = app.doc.board.clone();
        let text = store::to_ron(&copy).expect("serialises");
        let peak = PEAK.load(Ordering::Relaxed) - before;
        println!(
            "  {n:>6} items: {:>6.1} MB peak ({:.1} MB to load a {:.1} MB file; the rest is the app, frames and the save's text)",
            mb(peak),
            mb(loaded),
            mb(text.len()),
        );
        drop((app, copy, text));
    }
}
