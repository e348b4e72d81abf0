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
