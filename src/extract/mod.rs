//! Value extraction: folding text for matching, and finding dates, numbers and
//! distances from events in it.

pub mod anniversary;
pub mod calendar;
pub mod date;
pub(crate) mod gated;
pub mod normalize;
pub mod number;
pub mod relative;
