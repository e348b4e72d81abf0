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

/// Determiners of quantity that open a noun phrase ("another flight", "both brothers").
pub const QUANTIFIERS: &[&str] = &[
    "all", "another", "any", "both", "each", "either", "every", "few", "many", "most", "much",
    "neither", "no", "other", "several", "some", "such",
];

/// Personal pronouns as objects.
pub const OBJECT_PRONOUNS: &[&str] = &["her", "him", "it", "me", "them", "us", "you"];

/// Pronouns that open a relative clause about the noun before them.
pub const RELATIVE_PRONOUNS: &[&str] = &["which", "who", "whom", "whose"];

/// Auxiliary and copular verbs.
pub const AUXILIARIES: &[&str] = &[
    "am", "are", "be", "been", "being", "can", "could", "did", "do", "does", "had", "has", "have",
    "having", "is", "may", "might", "must", "shall", "should", "was", "were", "will", "would",
];

/// Conjunctions that join two clauses of equal rank.
pub const COORDINATORS: &[&str] = &["and", "but", "nor", "or", "yet"];

/// Conjunctions that open a subordinate clause.
pub const SUBORDINATORS: &[&str] = &[
    "after", "although", "as", "because", "before", "if", "once", "since", "though", "till",
    "unless", "until", "when", "whenever", "where", "whereas", "wherever", "while", "whilst",
];

/// Prepositions.
pub const PREPOSITIONS: &[&str] = &[
    "about",
    "above",
    "across",
    "after",
    "against",
    "along",
    "amid",
    "among",
    "around",
    "as",
    "at",
    "before",
    "behind",
    "below",
    "beneath",
    "beside",
    "besides",
    "between",
    "beyond",
    "by",
    "despite",
    "during",
    "except",
    "for",
    "from",
    "in",
    "inside",
    "into",
    "like",
    "near",
    "of",
    "off",
    "on",
    "onto",
    "out",
    "outside",
    "over",
    "past",
    "per",
    "since",
    "through",
    "throughout",
    "till",
    "to",
    "toward",
    "towards",
    "under",
    "underneath",
    "until",
    "upon",
    "via",
    "with",
    "within",
    "without",
];

/// Verb forms that do not end in "-ed": irregular pasts and participles, and a few common presents.
pub const IRREGULAR_VERBS: &[&str] = &[
    "ate",
    "beat",
    "became",
    "become",
    "began",
    "begun",
    "bent",
    "bit",
    "blew",
    "blown",
    "bore",
    "born",
    "borne",
    "bought",
    "bred",
    "broke",
    "broken",
    "brought",
    "built",
    "burnt",
    "came",
    "caught",
    "chose",
    "chosen",
    "clung",
    "crept",
    "dealt",
    "dies",
    "drawn",
    "drew",
    "driven",
    "drove",
    "dug",
    "dwelt",
    "eaten",
    "fallen",
    "fed",
    "fell",
    "felt",
    "fled",
    "flew",
    "flown",
    "flung",
    "forgave",
    "forgot",
    "forgotten",
    "fought",
    "found",
    "froze",
    "frozen",
    "gave",
    "given",
    "gone",
    "got",
    "gotten",
    "grew",
    "grown",
    "heard",
    "held",
    "hid",
    "hidden",
    "hung",
    "kept",
    "knelt",
    "knew",
    "known",
    "laid",
    "lain",
    "lay",
    "leapt",
    "learnt",
    "led",
    "left",
    "lent",
    "lit",
    "lost",
    "made",
    "meant",
    "met",
    "overcame",
    "paid",
    "ran",
    "rang",
    "risen",
    "rode",
    "rose",
    "said",
    "sang",
    "sank",
    "sat",
    "saw",
    "seen",
    "sent",
    "sewn",
    "shaken",
    "shone",
    "shook",
    "shot",
    "slid",
    "sold",
    "sought",
    "sped",
    "spent",
    "spoke",
    "spoken",
    "sprang",
    "sprung",
    "spun",
    "stank",
    "stole",
    "stolen",
    "stood",
    "strove",
    "struck",
    "stuck",
    "stung",
    "sung",
    "sunk",
    "swam",
    "swept",
    "swore",
    "sworn",
    "swung",
    "taken",
    "taught",
    "threw",
    "thrown",
    "told",
    "took",
    "tore",
    "torn",
    "trod",
    "understood",
    "undertook",
    "went",
    "wept",
    "withdrew",
    "woke",
    "woken",
    "won",
    "wore",
    "worn",
    "woven",
    "written",
    "wrote",
];

/// Words in "-ed" that are not verbs.
pub const NOT_VERBS_IN_ED: &[&str] = &[
    "bed", "breed", "creed", "crooked", "deed", "feed", "heed", "hundred", "indeed", "jagged",
    "kindred", "naked", "ragged", "red", "reed", "rugged", "sacred", "seed", "shed", "sled",
    "speed", "steed", "tweed", "weed", "wicked", "wretched",
];

/// Irregular past participles that open a phrase of their own ("born in 1871").
pub const PARTICIPLES: &[&str] = &[
    "begun",
    "born",
    "borne",
    "broken",
    "brought",
    "built",
    "caught",
    "chosen",
    "drawn",
    "driven",
    "eaten",
    "fallen",
    "flown",
    "forgotten",
    "found",
    "given",
    "grown",
    "held",
    "hidden",
    "known",
    "laid",
    "led",
    "left",
    "lost",
    "made",
    "paid",
    "risen",
    "said",
    "seen",
    "sent",
    "shaken",
    "shot",
    "sold",
    "spent",
    "spoken",
    "stolen",
    "struck",
    "sunk",
    "sworn",
    "taken",
    "taught",
    "thrown",
    "told",
    "torn",
    "won",
    "worn",
    "written",
];

/// Adverbs that, after "and", open a clause of their own ("and later exiled").
pub const CLAUSE_ADVERBS: &[&str] = &[
    "afterwards",
    "also",
    "eventually",
    "finally",
    "later",
    "meanwhile",
    "never",
    "soon",
    "subsequently",
    "then",
    "thereafter",
    "thus",
];

/// Words of approximation or bound that may open a bare value ("(approximately 19 miles)").
pub const APPROXIMATIONS: &[&str] = &[
    "about",
    "almost",
    "approximately",
    "around",
    "c",
    "ca",
    "circa",
    "close",
    "estimated",
    "nearly",
    "over",
    "roughly",
    "some",
    "under",
];

/// Titles that stand before a name without being part of it ("Madame Curie").
pub const TITLES: &[&str] = &[
    "bishop",
    "brother",
    "capt",
    "captain",
    "colonel",
    "count",
    "countess",
    "czar",
    "dame",
    "doctor",
    "dr",
    "duchess",
    "duke",
    "emperor",
    "empress",
    "father",
    "gen",
    "general",
    "governor",
    "king",
    "lady",
    "lieutenant",
    "lord",
    "lt",
    "madam",
    "madame",
    "mademoiselle",
    "miss",
    "mme",
    "mr",
    "mrs",
    "ms",
    "pope",
    "president",
    "prince",
    "princess",
    "prof",
    "professor",
    "queen",
    "rev",
    "reverend",
    "saint",
    "senator",
    "sergeant",
    "sgt",
    "sir",
    "sister",
    "st",
    "tsar",
];

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
        ("QUANTIFIERS", QUANTIFIERS),
        ("OBJECT_PRONOUNS", OBJECT_PRONOUNS),
        ("RELATIVE_PRONOUNS", RELATIVE_PRONOUNS),
        ("AUXILIARIES", AUXILIARIES),
        ("COORDINATORS", COORDINATORS),
        ("SUBORDINATORS", SUBORDINATORS),
        ("PREPOSITIONS", PREPOSITIONS),
        ("IRREGULAR_VERBS", IRREGULAR_VERBS),
        ("NOT_VERBS_IN_ED", NOT_VERBS_IN_ED),
        ("PARTICIPLES", PARTICIPLES),
        ("CLAUSE_ADVERBS", CLAUSE_ADVERBS),
        ("APPROXIMATIONS", APPROXIMATIONS),
        ("TITLES", TITLES),
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
