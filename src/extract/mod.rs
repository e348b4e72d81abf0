//! Value extraction: folding text for matching, and finding dates and numbers in it.

pub mod calendar;
pub mod date;
pub mod normalize;
pub mod number;
pub mod relative;
