//! The signals the event loop answers, as flags it reads each turn.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// The signals the loop answers: every catchable terminating one ends it (the caller saves and
/// restores the terminal), `SIGTSTP` suspends it and `SIGCONT` brings the screen back.
pub(super) struct Signals {
    pub(super) stop: Arc<AtomicBool>,
    pub(super) suspend: Arc<AtomicBool>,
    pub(super) resumed: Arc<AtomicBool>,
}

impl Signals {
    pub(super) fn register() -> Signals {
        use signal_hook::consts::*;
        let flags = Signals {
            stop: Arc::new(AtomicBool::new(false)),
            suspend: Arc::new(AtomicBool::new(false)),
            resumed: Arc::new(AtomicBool::new(false)),
        };
        for signal in [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2] {
            let _ = signal_hook::flag::register(signal, Arc::clone(&flags.stop));
        }
        let _ = signal_hook::flag::register(SIGTSTP, Arc::clone(&flags.suspend));
        let _ = signal_hook::flag::register(SIGCONT, Arc::clone(&flags.resumed));
        flags
    }
}
