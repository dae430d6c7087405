//! The config loader (a file, as cairn reads it) and the keymap's rebinding on any bytes: no panic;
//! a parse problem names line:column and the defaults are used.
#![no_main]

use cairn::input::{Config, Keymap, load_config};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::LazyLock;

static PATH: LazyLock<PathBuf> = LazyLock::new(|| {
    std::env::temp_dir().join(format!("cairn-fuzz-config-{}.ron", std::process::id()))
});

fuzz_target!(|data: &[u8]| {
    std::fs::write(&*PATH, data).expect("writes the config");
    let (config, problem) = load_config(&PATH);
    if let Some(p) = &problem {
        assert!(config == Config::default(), "{p}");
    }
    let _ = Keymap::default().rebind(&config.keys);
});
