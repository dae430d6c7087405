//! Terminal events on their own thread. crossterm can spin forever inside `poll` once the terminal is
//! gone (a closed window, a dropped ssh session), so the event loop waits on a channel instead and
//! still sees SIGHUP, saves and exits.
//!
//! The reader blocks in `event::read` with no timeout. crossterm's `poll` with a timeout wakes in
//! whole milliseconds rounded down, then polls with a zero timeout until the last fraction of a
//! millisecond has passed: a ~1 ms busy loop at the end of every wait (a 40 ms slice cost 2% of a
//! core while idle, beside every key). To stop reading (for `$EDITOR`, a suspend), the reader is
//! woken with `SIGWINCH`, which crossterm's own handler turns into an event.

use ratatui::crossterm::event::{self, Event};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::thread;
use std::time::Duration;

/// How often a paused reader looks whether it may read again.
const SLICE: Duration = Duration::from_millis(40);

pub struct Events {
    rx: Receiver<Event>,
    paused: Arc<AtomicBool>,
    idle: Arc<AtomicBool>,
}

impl Events {
    pub fn start() -> Events {
        let (tx, rx) = channel();
        let paused = Arc::new(AtomicBool::new(false));
        let idle = Arc::new(AtomicBool::new(false));
        let (p, i) = (Arc::clone(&paused), Arc::clone(&idle));
        let _ = thread::Builder::new()
            .name("cairn-input".into())
            .spawn(move || {
                loop {
                    if p.load(Ordering::Acquire) {
                        i.store(true, Ordering::Release);
                        thread::sleep(SLICE);
                        continue;
                    }
                    i.store(false, Ordering::Release);
                    match event::read() {
                        // The wake-up `pause` sends is not for the app.
                        Ok(Event::Resize(..)) if p.load(Ordering::Acquire) => {}
                        Ok(ev) => {
                            if tx.send(ev).is_err() {
                                return;
                            }
                        }
                        Err(_) => return,
                    }
                }
            });
        Events { rx, paused, idle }
    }

    /// The next event, waiting at most `timeout`. `Err(true)` when the reader has stopped.
    pub fn next(&self, timeout: Duration) -> Result<Option<Event>, ()> {
        match self.rx.recv_timeout(timeout) {
            Ok(ev) => Ok(Some(ev)),
            Err(RecvTimeoutError::Timeout) => Ok(None),
            Err(RecvTimeoutError::Disconnected) => Err(()),
        }
    }

    /// An event already waiting, without blocking.
    pub fn ready(&self) -> Option<Event> {
        self.rx.try_recv().ok()
    }

    /// Stops reading the terminal (another program, such as $EDITOR, is about to use it) and waits
    /// until the reader is out of `poll`.
    pub fn pause(&self) {
        self.paused.store(true, Ordering::Release);
        // Out of its blocking read: crossterm's SIGWINCH handler wakes it with a resize.
        let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
        for _ in 0..50 {
            if self.idle.load(Ordering::Acquire) {
                return;
            }
            thread::sleep(Duration::from_millis(5));
        }
    }

    pub fn resume(&self) {
        self.paused.store(false, Ordering::Release);
        // Anything typed for the other program is not for us.
        while self.rx.try_recv().is_ok() {}
    }
}
