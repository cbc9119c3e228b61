//! The checks a clinic's pack is held to before it is handed out: reading
//! time, reading grade and citations both ways (`back-pain-course check`).

pub mod check;
pub mod readability;
