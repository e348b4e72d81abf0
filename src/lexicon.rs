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

// Assertion modes (scan/assertion): negation, denial and hedging cues. A cue of
// several words is one entry; "n't" attaches to the word before it.

/// Words that deny the verb of their clause ("he was not born", "she never remarried").
pub const NEGATION_CUES: &[&str] = &[
    "cannot", "n't", "neither", "never", "no", "no one", "nobody", "none", "nor", "not", "nothing",
];

/// Phrases that open with a negation cue but deny nothing ("not only … but", "no longer").
pub const NEGATION_NON_DENIALS: &[&str] = &[
    "no doubt",
    "no longer",
    "no sooner",
    "none other",
    "not just",
    "not least",
    "not long",
    "not merely",
    "not only",
    "not simply",
    "not until",
    "not without",
    "nothing but",
];

/// Words that deny what follows them closely ("rather than an ice pick", "wrongly said to be").
pub const DENIAL_CUES: &[&str] = &[
    "contrary to",
    "debunked",
    "disproved",
    "erroneously",
    "falsely",
    "far from",
    "inaccurately",
    "incorrectly",
    "instead of",
    "misattributed",
    "misconception",
    "mistakenly",
    "myth",
    "not the case",
    "not true",
    "rather than",
    "refuted",
    "untrue",
    "wrongly",
];

/// Words that may stand between a negation and the value it denies ("not in 1871", "not an ice pick").
pub const VALUE_LEADS: &[&str] = &[
    "a", "about", "an", "around", "as", "at", "by", "during", "for", "from", "in", "of", "on",
    "the", "to", "with",
];

/// Words after which a negated verb states when it happened ("he did not leave until 1929").
pub const UNTIL_WORDS: &[&str] = &["till", "until"];

/// Words that open a phrase contrasting with a denial before it ("not in 1871 but in 1872").
pub const CONTRAST_OPENERS: &[&str] = &["but", "instead", "rather", "yet"];

/// Words that open a subordinate clause, out of the reach of a negation before them ("no one knew why …").
pub const SUBORDINATORS: &[&str] = &[
    "although", "because", "how", "if", "though", "unless", "what", "when", "whenever", "where",
    "whereas", "whether", "which", "while", "who", "whom", "whose", "why",
];

/// Verbs whose object is a statement: negating them does not deny it ("he did not know she had died").
pub const PROPOSITION_VERBS: &[&str] = &[
    "believe",
    "believed",
    "believes",
    "claim",
    "claimed",
    "claims",
    "doubt",
    "doubted",
    "expect",
    "expected",
    "expects",
    "feel",
    "felt",
    "guess",
    "hear",
    "heard",
    "imagine",
    "imagined",
    "knew",
    "know",
    "known",
    "knows",
    "notice",
    "noticed",
    "realise",
    "realised",
    "realize",
    "realized",
    "recall",
    "recalled",
    "remember",
    "remembered",
    "said",
    "saw",
    "say",
    "says",
    "see",
    "seen",
    "suspect",
    "suspected",
    "tell",
    "think",
    "thought",
    "told",
    "understand",
    "understood",
    "wonder",
    "wondered",
];

/// Auxiliary and modal verbs: a phrase holding one is a clause.
pub const AUXILIARIES: &[&str] = &[
    "am", "are", "be", "been", "being", "can", "could", "did", "do", "does", "had", "has", "have",
    "is", "may", "might", "must", "shall", "should", "was", "were", "will", "would",
];

/// Words and phrases that hedge the rest of their clause ("reportedly", "probably", "may have").
pub const HEDGE_WORDS: &[&str] = &[
    "allegedly",
    "apparently",
    "appear to",
    "appeared to",
    "appears to",
    "conceivably",
    "could have",
    "estimate",
    "estimated",
    "estimates",
    "in all likelihood",
    "it appears",
    "it seems",
    "legend has it",
    "likely",
    "may have",
    "maybe",
    "might have",
    "must have",
    "no evidence",
    "no proof",
    "not clear",
    "not known",
    "perhaps",
    "possibly",
    "presumably",
    "probably",
    "purportedly",
    "reportedly",
    "rumored",
    "rumoured",
    "seem to",
    "seemed to",
    "seemingly",
    "seems to",
    "supposedly",
    "uncertain",
    "unclear",
    "unconfirmed",
    "unverified",
];

/// Participles that report what others hold: "is said to have", "thought to be", "it is believed".
pub const REPORT_PARTICIPLES: &[&str] = &[
    "alleged",
    "believed",
    "claimed",
    "estimated",
    "reported",
    "reputed",
    "rumored",
    "rumoured",
    "said",
    "supposed",
    "thought",
];

/// Verbs that attribute a statement to someone: "historians say", "studies have suggested that".
pub const ATTRIBUTION_VERBS: &[&str] = &[
    "allege",
    "alleged",
    "alleges",
    "argue",
    "argued",
    "argues",
    "assert",
    "asserted",
    "asserts",
    "believe",
    "believed",
    "believes",
    "claim",
    "claimed",
    "claims",
    "contend",
    "contended",
    "contends",
    "estimate",
    "estimated",
    "estimates",
    "insist",
    "insisted",
    "insists",
    "maintain",
    "maintained",
    "maintains",
    "recall",
    "recalled",
    "recalls",
    "report",
    "reported",
    "reports",
    "said",
    "say",
    "says",
    "speculate",
    "speculated",
    "speculates",
    "suggest",
    "suggested",
    "suggests",
    "suspect",
    "suspected",
    "suspects",
    "think",
    "thinks",
    "thought",
    "write",
    "writes",
    "wrote",
];

/// Verbs of saying: they attribute the rest of their clause wherever they stand ("he said he …").
pub const SAYING_VERBS: &[&str] = &["said", "say", "says"];

/// Verbs of claiming: they attribute only a clause that follows them ("claimed he …", "claimed
/// to have"), not an object ("the disease claimed 31 lives").
pub const CLAIMING_VERBS: &[&str] = &["allege", "alleged", "alleges", "claim", "claimed", "claims"];

/// Who a hedge attributes a statement to: "some accounts", "historians say".
pub const HEDGE_SOURCES: &[&str] = &[
    "accounts",
    "biographers",
    "critics",
    "estimates",
    "experts",
    "historians",
    "legends",
    "observers",
    "officials",
    "others",
    "reports",
    "researchers",
    "rumors",
    "rumours",
    "scholars",
    "scientists",
    "sources",
    "stories",
    "studies",
    "tradition",
    "witnesses",
    "writers",
];

/// Phrases that name the source of what follows or precedes them ("according to the family").
pub const SOURCE_PREPOSITIONS: &[&str] = &["according to", "as reported by", "in the words of"];

/// Conjunctions that join clauses ("and", "but").
pub const COORDINATORS: &[&str] = &["and", "but", "nor", "or", "so", "yet"];

/// Quantifiers that make a source a hedge ("some accounts", "many historians", "some say").
pub const HEDGE_QUANTIFIERS: &[&str] = &["certain", "many", "most", "other", "several", "some"];

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
        ("NEGATION_CUES", NEGATION_CUES),
        ("NEGATION_NON_DENIALS", NEGATION_NON_DENIALS),
        ("DENIAL_CUES", DENIAL_CUES),
        ("VALUE_LEADS", VALUE_LEADS),
        ("UNTIL_WORDS", UNTIL_WORDS),
        ("CONTRAST_OPENERS", CONTRAST_OPENERS),
        ("SUBORDINATORS", SUBORDINATORS),
        ("PROPOSITION_VERBS", PROPOSITION_VERBS),
        ("AUXILIARIES", AUXILIARIES),
        ("HEDGE_WORDS", HEDGE_WORDS),
        ("REPORT_PARTICIPLES", REPORT_PARTICIPLES),
        ("ATTRIBUTION_VERBS", ATTRIBUTION_VERBS),
        ("SAYING_VERBS", SAYING_VERBS),
        ("CLAIMING_VERBS", CLAIMING_VERBS),
        ("HEDGE_SOURCES", HEDGE_SOURCES),
        ("SOURCE_PREPOSITIONS", SOURCE_PREPOSITIONS),
        ("COORDINATORS", COORDINATORS),
        ("HEDGE_QUANTIFIERS", HEDGE_QUANTIFIERS),
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
