//! How a page is laid out in units: abbreviations, line ends, questions, labels.

/// Words that end with a period without ending a sentence (lowercase, no period).
pub const ABBREVIATIONS: &[&str] = &[
    "a.d", "al", "approx", "apr", "aug", "b.c", "c", "ca", "capt", "cf", "co", "col", "corp",
    "dec", "dr", "e.g", "ed", "eds", "esp", "feb", "ft", "gen", "gov", "hon", "i.e", "ibid", "inc",
    "jan", "jr", "jul", "jun", "lt", "ltd", "mar", "mr", "mrs", "ms", "mt", "n.s", "nov", "o.s",
    "oct", "pres", "prof", "rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st", "ste", "trans",
    "u.k", "u.s", "viz", "vs",
];

/// Abbreviations that only stand before a number ("No. 5", "p. 45", "b. 1911",
/// "d. 1962").
pub const NUMBER_ABBREVIATIONS: &[&str] = &[
    "art", "b", "ch", "d", "fig", "no", "nos", "op", "p", "pp", "vol",
];

/// Words a line cannot end a sentence with: articles, prepositions, conjunctions and
/// possessive determiners. A line ending with one runs on into the next line
/// ("… weighed about" / "750 lbs."). "his" and "her" are left out: they end
/// sentences as pronouns ("the idea was his").
pub const LINE_CONTINUERS: &[&str] = &[
    "a",
    "about",
    "above",
    "across",
    "after",
    "against",
    "along",
    "although",
    "among",
    "an",
    "and",
    "around",
    "as",
    "at",
    "because",
    "before",
    "behind",
    "below",
    "beneath",
    "beside",
    "besides",
    "between",
    "beyond",
    "both",
    "but",
    "by",
    "despite",
    "during",
    "either",
    "except",
    "for",
    "from",
    "if",
    "in",
    "inside",
    "into",
    "its",
    "like",
    "my",
    "near",
    "neither",
    "nor",
    "of",
    "off",
    "on",
    "onto",
    "or",
    "our",
    "outside",
    "over",
    "per",
    "since",
    "than",
    "that",
    "the",
    "their",
    "through",
    "throughout",
    "till",
    "to",
    "toward",
    "towards",
    "under",
    "unless",
    "unlike",
    "until",
    "unto",
    "upon",
    "via",
    "whereas",
    "whether",
    "which",
    "while",
    "whose",
    "with",
    "within",
    "without",
    "your",
];

/// Words that open a question ("What is …?", "How many …?").
pub const QUESTION_WORDS: &[&str] = &[
    "how", "what", "when", "where", "which", "who", "whom", "whose", "why",
];

/// Question words that open a quiz answer phrased as a question ("What is 31?",
/// "Who was Orville?").
pub const QUIZ_ANSWER_OPENERS: &[&str] = &["what", "when", "where", "which", "who"];

/// Words that label a line's role rather than name an event: "Question:",
/// "Answer:", "Fact 2:", "Source:". The text after them is not a value of them.
pub const ROLE_LABELS: &[&str] = &[
    "a",
    "abstract",
    "ans",
    "answer",
    "body",
    "caption",
    "chapter",
    "comment",
    "conclusion",
    "credit",
    "description",
    "edit",
    "example",
    "fact",
    "hint",
    "introduction",
    "note",
    "part",
    "q",
    "question",
    "quote",
    "reply",
    "section",
    "source",
    "step",
    "summary",
    "tip",
    "update",
];

/// Role labels whose text is a question.
pub const QUESTION_LABELS: &[&str] = &["q", "question"];

/// Role labels whose text answers the question before it.
pub const ANSWER_LABELS: &[&str] = &["a", "ans", "answer"];

/// Answers that name no one and nothing: "Yes.", "None.", "Unknown".
pub const BARE_ANSWERS: &[&str] = &[
    "false", "maybe", "no", "nobody", "none", "true", "unknown", "yes",
];
