//! Dates and distances from events.

/// Words after an attributive year that are not the noun it names ("1917 and", "1929 he").
pub const NOT_YEAR_NOUNS: &[&str] = &[
    "after", "and", "as", "at", "before", "but", "by", "for", "from", "had", "has", "he", "in",
    "is", "it", "on", "or", "she", "that", "they", "through", "till", "to", "until", "was", "were",
    "when", "which", "while", "who", "with",
];

/// Nouns whose "of" gives the date itself ("the summer of 1902", "the end of 1905").
pub const TIME_NOUNS: &[&str] = &[
    "autumn",
    "beginning",
    "close",
    "course",
    "dawn",
    "day",
    "days",
    "early",
    "end",
    "evening",
    "fall",
    "half",
    "late",
    "mid",
    "middle",
    "month",
    "months",
    "morning",
    "night",
    "part",
    "spring",
    "start",
    "summer",
    "turn",
    "week",
    "weeks",
    "winter",
    "year",
    "years",
];

/// Words that end the words naming an event after "since", "after", "of" ("100
/// years since her death in 1934", "36 hours after the explosion, when").
pub const EVENT_ENDS: &[&str] = &[
    "after", "ago", "and", "are", "as", "at", "because", "before", "but", "by", "during", "for",
    "from", "had", "has", "have", "in", "into", "is", "later", "on", "or", "since", "so", "than",
    "that", "then", "to", "until", "was", "were", "when", "where", "which", "while", "who", "whom",
    "whose", "will", "with", "would",
];

/// Determiners after which a number belongs to the event's words ("since the 1986
/// disaster"), and which, after a noun, start another phrase ("since her death the
/// museum").
pub const EVENT_DETERMINERS: &[&str] = &["a", "an", "her", "his", "its", "our", "the", "their"];

/// Words after which a bare `h:mm` is a time of day (`at 10:35`, `the 10:35
/// flight`), where after any other word it is a reference (`John 3:16`).
pub const TIME_LEADS: &[&str] = &[
    "about",
    "after",
    "and",
    "approximately",
    "around",
    "at",
    "before",
    "between",
    "by",
    "circa",
    "exactly",
    "from",
    "is",
    "just",
    "nearly",
    "on",
    "or",
    "past",
    "precisely",
    "roughly",
    "since",
    "the",
    "till",
    "to",
    "until",
    "was",
];

/// Words before a time that make it approximate (`around midnight`).
pub const TIME_ABOUT: &[&str] = &[
    "about",
    "approximately",
    "around",
    "circa",
    "roughly",
    "some time around",
];

/// Words before a time that place the event a little after it (`shortly after 1
/// a.m.`).
pub const TIME_AFTER: &[&str] = &[
    "a little after",
    "just after",
    "just past",
    "shortly after",
    "soon after",
];

/// Words before a time that place the event a little before it (`just before
/// 10:30`).
pub const TIME_BEFORE: &[&str] = &["a little before", "just before", "shortly before"];

/// Zone names and abbreviations written after a time, with their offsets from UTC
/// in minutes: two where the name covers both standard and summer time (`Eastern
/// time`, `Moscow time`). `IST` (India, Ireland, Israel) is left to the claims.
pub const TIME_ZONES: &[(&str, &[i32])] = &[
    ("british summer time", &[60]),
    ("bst", &[60]),
    ("cdt", &[-300]),
    ("central daylight time", &[-300]),
    ("central european summer time", &[120]),
    ("central european time", &[60]),
    ("central standard time", &[-360]),
    ("central time", &[-360, -300]),
    ("cest", &[120]),
    ("cet", &[60]),
    ("coordinated universal time", &[0]),
    ("cst", &[-360]),
    ("eastern daylight time", &[-240]),
    ("eastern standard time", &[-300]),
    ("eastern time", &[-300, -240]),
    ("edt", &[-240]),
    ("eest", &[180]),
    ("eet", &[120]),
    ("est", &[-300]),
    ("et", &[-300, -240]),
    ("gmt", &[0]),
    ("greenwich mean time", &[0]),
    ("kiev time", &[120, 180]),
    ("kyiv time", &[120, 180]),
    ("mdt", &[-360]),
    ("moscow time", &[180, 240]),
    ("mountain daylight time", &[-360]),
    ("mountain standard time", &[-420]),
    ("mountain time", &[-420, -360]),
    ("msd", &[240]),
    ("msk", &[180]),
    ("mst", &[-420]),
    ("pacific daylight time", &[-420]),
    ("pacific standard time", &[-480]),
    ("pacific time", &[-480, -420]),
    ("pdt", &[-420]),
    ("pst", &[-480]),
    ("pt", &[-480, -420]),
    ("universal time", &[0]),
    ("ut", &[0]),
    ("utc", &[0]),
];

/// The offsets from UTC, in minutes, of a zone name or abbreviation (folded).
pub fn zone_offsets(name: &str) -> Option<&'static [i32]> {
    TIME_ZONES
        .binary_search_by(|(n, _)| n.cmp(&name))
        .ok()
        .map(|i| TIME_ZONES[i].1)
}
