//! Shared-device policy: which file a session is kept in, and when it is
//! cleared. (What a clear keeps, the display choices, is `record::start_over`.)

use crate::course::load::config::SharedDevice;

/// A learner's own record, on their own computer.
pub const PERSONAL_FILE: &str = "learner.json";
/// Sessions on a shared device (a pack with `[shared_device]`), kept apart
/// from any personal record on the same computer, so a waiting-room pack
/// can never clear someone's own progress.
pub const SHARED_FILE: &str = "shared-device.json";

/// The file the record is kept in, by the device's mode.
pub fn store_file(shared: Option<SharedDevice>) -> &'static str {
    if shared.is_some() {
        SHARED_FILE
    } else {
        PERSONAL_FILE
    }
}

/// A shared device starts every launch with nobody's session: the last
/// person may have left without pressing "Start over".
pub fn clears_at_launch(shared: Option<SharedDevice>) -> bool {
    shared.is_some()
}

/// "Continue where you left off" only on a personal device: on a shared one
/// the last lesson was someone else's.
pub fn offers_resume(shared: Option<SharedDevice>) -> bool {
    shared.is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_device_keeps_its_own_file_clears_at_launch_and_never_resumes() {
        let shared = Some(SharedDevice {
            idle_timeout_seconds: 300,
        });
        assert_eq!(
            (
                store_file(shared),
                clears_at_launch(shared),
                offers_resume(shared)
            ),
            (SHARED_FILE, true, false)
        );
        assert_eq!(
            (
                store_file(None),
                clears_at_launch(None),
                offers_resume(None)
            ),
            (PERSONAL_FILE, false, true)
        );
    }
}
