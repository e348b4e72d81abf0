//! The lexicon: every cue word factlint reads prose by, in one place.
//!
//! Each list is lowercase, sorted and free of duplicates (a test keeps them so), so
//! that a word is looked up by binary search ([`is`]) and a reviewer sees at once
//! whether a word is there. Ordered tables whose position is their meaning (month
//! names, number words) live beside their extractor instead.
//!
//! Why not a dictionary crate: harper-core's curated dictionary gives word classes
//! for the whole language, but loading it took about 540 ms on the project's
//! machines and it brings some 540 crates into the build; the cues factlint needs
//! are closed classes (pronouns, prepositions, auxiliaries) plus short lists of
//! nouns and verbs, which stay small and reviewable here.

/// Whether the lowercase `word` is in the sorted `list`.
pub fn is(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

/// Words that open an adverbial phrase or a subordinate clause before a sentence's actor ("In 1921, …", "When Lenin died, …").
pub const CLAUSE_OPENERS: &[&str] = &[
    "after",
    "also",
    "although",
    "and",
    "around",
    "as",
    "at",
    "because",
    "before",
    "between",
    "but",
    "by",
    "despite",
    "during",
    "even",
    "eventually",
    "finally",
    "following",
    "for",
    "from",
    "however",
    "if",
    "in",
    "instead",
    "later",
    "meanwhile",
    "on",
    "once",
    "over",
    "shortly",
    "since",
    "so",
    "soon",
    "still",
    "then",
    "though",
    "through",
    "throughout",
    "thus",
    "under",
    "unknown",
    "until",
    "upon",
    "when",
    "while",
    "with",
    "within",
    "yet",
];

/// Personal pronouns that can act as the subject of a clause.
pub const SUBJECT_PRONOUNS: &[&str] = &["he", "i", "it", "she", "they", "we"];

/// Possessive determiners ("his son", "its engine").
pub const POSSESSIVE_PRONOUNS: &[&str] = &["her", "his", "its", "their"];

/// Nouns that, after a possessive, name another person ("his son", "her father").
pub const RELATIVES: &[&str] = &[
    "allies",
    "ally",
    "assassin",
    "assistant",
    "aunt",
    "bodyguard",
    "brother",
    "brothers",
    "child",
    "children",
    "colleague",
    "colleagues",
    "comrade",
    "comrades",
    "daughter",
    "daughters",
    "family",
    "father",
    "followers",
    "friend",
    "friends",
    "granddaughter",
    "grandfather",
    "grandmother",
    "grandson",
    "guard",
    "guards",
    "husband",
    "killer",
    "mother",
    "murderer",
    "nephew",
    "niece",
    "parents",
    "predecessor",
    "rival",
    "rivals",
    "secretary",
    "sister",
    "sisters",
    "son",
    "sons",
    "successor",
    "supporters",
    "uncle",
    "widow",
    "wife",
];

/// Articles and demonstratives.
pub const DETERMINERS: &[&str] = &["a", "an", "that", "the", "these", "this", "those"];

/// Lowercase particles inside personal names ("Ponce de León").
pub const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "da", "de", "del", "della", "der", "di", "du", "la", "le", "van", "von", "y",
];

/// Common nouns that head sentences and do not end in `s`.
pub const COMMON_HEADS: &[&str] = &[
    "everybody",
    "everyone",
    "media",
    "nobody",
    "people",
    "police",
    "press",
    "public",
    "somebody",
    "someone",
];

/// Capitalised words that head a sentence without being a name.
pub const CAPITALISED_NON_NAMES: &[&str] = &[
    "after",
    "all",
    "appointed",
    "arrested",
    "being",
    "born",
    "both",
    "deported",
    "each",
    "elected",
    "exiled",
    "expelled",
    "fatally",
    "having",
    "here",
    "how",
    "it",
    "like",
    "many",
    "most",
    "no",
    "not",
    "now",
    "one",
    "sentenced",
    "several",
    "some",
    "that",
    "there",
    "this",
    "today",
    "two",
    "what",
    "where",
    "which",
    "who",
    "why",
    "wounded",
    "yesterday",
];

/// Words that open a phrase modifying a neighbouring clause: prepositions, time words, and articles (an apposition: "Mercader, a Gestapo agent").
pub const PHRASE_OPENERS: &[&str] = &[
    "a",
    "about",
    "after",
    "an",
    "around",
    "as",
    "at",
    "before",
    "between",
    "by",
    "c.",
    "ca.",
    "circa",
    "during",
    "early",
    "following",
    "from",
    "in",
    "late",
    "later",
    "mid",
    "of",
    "on",
    "since",
    "that",
    "the",
    "then",
    "this",
    "throughout",
    "till",
    "until",
    "within",
];

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

/// Words that end with a period without ending a sentence (lowercase, no period).
pub const ABBREVIATIONS: &[&str] = &[
    "a.d", "al", "approx", "apr", "aug", "b.c", "c", "ca", "capt", "cf", "co", "col", "corp",
    "dec", "dr", "e.g", "ed", "eds", "esp", "feb", "ft", "gen", "gov", "hon", "i.e", "ibid", "inc",
    "jan", "jr", "jul", "jun", "lt", "ltd", "mar", "mr", "mrs", "ms", "mt", "n.s", "nov", "o.s",
    "oct", "pres", "prof", "rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st", "ste", "trans",
    "u.k", "u.s", "viz", "vs",
];

/// Abbreviations that only stand before a number ("No. 5", "p. 45").
pub const NUMBER_ABBREVIATIONS: &[&str] =
    &["art", "ch", "fig", "no", "nos", "op", "p", "pp", "vol"];

// Page layout: how lines and units of a page relate (document::sentences).

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

/// Forms of "be" after a question word in a quiz answer phrased as a question
/// ("What is 31?", "Who was Orville?").
pub const COPULAS: &[&str] = &["are", "is", "was", "were"];

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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list of the lexicon, by name.
    pub(crate) const LISTS: &[(&str, &[&str])] = &[
        ("CLAUSE_OPENERS", CLAUSE_OPENERS),
        ("SUBJECT_PRONOUNS", SUBJECT_PRONOUNS),
        ("POSSESSIVE_PRONOUNS", POSSESSIVE_PRONOUNS),
        ("RELATIVES", RELATIVES),
        ("DETERMINERS", DETERMINERS),
        ("NAME_PARTICLES", NAME_PARTICLES),
        ("COMMON_HEADS", COMMON_HEADS),
        ("CAPITALISED_NON_NAMES", CAPITALISED_NON_NAMES),
        ("PHRASE_OPENERS", PHRASE_OPENERS),
        ("NOT_YEAR_NOUNS", NOT_YEAR_NOUNS),
        ("TIME_NOUNS", TIME_NOUNS),
        ("ABBREVIATIONS", ABBREVIATIONS),
        ("NUMBER_ABBREVIATIONS", NUMBER_ABBREVIATIONS),
        ("LINE_CONTINUERS", LINE_CONTINUERS),
        ("QUESTION_WORDS", QUESTION_WORDS),
        ("QUIZ_ANSWER_OPENERS", QUIZ_ANSWER_OPENERS),
        ("COPULAS", COPULAS),
        ("ROLE_LABELS", ROLE_LABELS),
        ("QUESTION_LABELS", QUESTION_LABELS),
        ("ANSWER_LABELS", ANSWER_LABELS),
    ];

    #[test]
    fn every_list_is_lowercase_sorted_and_free_of_duplicates() {
        for (name, list) in LISTS {
            for pair in list.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{name}: {:?} must come after {:?}",
                    pair[0],
                    pair[1]
                );
            }
            for w in *list {
                assert_eq!(*w, w.to_lowercase(), "{name}: {w:?} is not lowercase");
                assert_eq!(*w, w.trim(), "{name}: {w:?} has surrounding space");
            }
        }
    }

    #[test]
    fn lookup_is_by_whole_word() {
        assert!(is(PHRASE_OPENERS, "during"));
        assert!(!is(PHRASE_OPENERS, "dur"));
    }
}
