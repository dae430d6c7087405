//! Why a command failed, as the command line reports it: lines for stderr and an exit code.

use crate::store::StoreError;

/// Why a command failed: lines for stderr and the exit code (1 data, 2 usage).
#[derive(Debug)]
pub struct Failure {
    pub(crate) lines: Vec<String>,
    pub(crate) code: u8,
}

impl Failure {
    pub fn data(line: impl Into<String>) -> Failure {
        Failure {
            lines: vec![line.into()],
            code: 1,
        }
    }

    pub fn usage(line: impl Into<String>) -> Failure {
        Failure {
            lines: vec![line.into()],
            code: 2,
        }
    }

    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    pub fn code(&self) -> u8 {
        self.code
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Failure {
        match e {
            // Every problem on its own line, so a hand-edited file can be fixed in one pass.
            StoreError::Invalid { path, problems } => Failure {
                lines: problems
                    .iter()
                    .map(|p| format!("{}: {p}", path.display()))
                    .collect(),
                code: 1,
            },
            e => Failure::data(e.to_string()),
        }
    }
}
