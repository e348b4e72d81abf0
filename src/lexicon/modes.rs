//! How a document stands behind a statement: negation, denial, hedges and attribution.

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
    "not till",
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

/// Denial cues that are prepositions: they deny their object ("contrary to the
/// ice pick story", "instead of an ice pick"), and a clause after the object
/// ("contrary to legend he was killed with an ice axe") states what it says.
pub const DENIAL_PREPOSITIONS: &[&str] = &["contrary to", "instead of", "rather than"];

/// Auxiliaries that are no finite verb: they open no clause ("rather than being
/// killed", "instead of having").
pub const NONFINITE_AUXILIARIES: &[&str] = &["be", "been", "being", "having"];

/// Words that may stand between a negation and the value it denies ("not in 1871", "not an
/// ice pick", "not before 1935").
pub const VALUE_LEADS: &[&str] = &[
    "a", "about", "after", "an", "around", "as", "at", "before", "by", "during", "for", "from",
    "in", "of", "on", "the", "to", "with",
];

/// Words after which a negated verb states when it happened ("he did not leave until 1929").
pub const UNTIL_WORDS: &[&str] = &["till", "until"];

/// Words that, after a negation that puts a date first, make it the time an event
/// first happened: "not until 1935 did she die", "it was not before 1935 that he
/// returned".
pub const FIRST_TIME_WORDS: &[&str] = &["before", "till", "until"];

/// Words that open a phrase contrasting with a denial before it ("not in 1871 but in 1872").
pub const CONTRAST_OPENERS: &[&str] = &["but", "instead", "rather", "yet"];

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

/// Words and phrases that hedge the rest of their clause ("reportedly", "probably", "may have").
pub const HEDGE_WORDS: &[&str] = &[
    "allegedly",
    "almost certainly",
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

/// Hedges that lean towards denial: "it is unlikely that she died in 1932" doubts the
/// statement rather than reporting it, as "she probably did not die in 1932" does.
pub const DOUBT_CUES: &[&str] = &[
    "doubt",
    "doubted",
    "doubtful",
    "doubts",
    "implausible",
    "improbable",
    "little evidence",
    "no evidence",
    "no proof",
    "unlikely",
];

/// Words that dismiss the doubt a word or two after them: "there is no doubt that",
/// "little doubt", "without a doubt", "beyond any doubt" state the statement.
pub const DOUBT_DISMISSALS: &[&str] = &["beyond", "little", "no", "without"];

/// Nouns of a report that a sentence may name before what it reports ("rumours
/// that she remarried", "claims that he was born in 1871") and then call false.
pub const REPORT_NOUNS: &[&str] = &[
    "accounts",
    "allegation",
    "allegations",
    "assertion",
    "assertions",
    "belief",
    "claim",
    "claims",
    "idea",
    "legend",
    "notion",
    "report",
    "reports",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "stories",
    "story",
    "suggestion",
    "suggestions",
];

/// Verbs that tell what a report is ("were false", "has proved untrue",
/// "turned out to be false").
pub const REPORT_VERDICT_VERBS: &[&str] = &[
    "are", "be", "been", "is", "proved", "proven", "turned", "was", "were",
];

/// Words that may stand between such a verb and its verdict ("were entirely false",
/// "is a myth", "were later shown to be false", "turned out to be untrue").
pub const REPORT_VERDICT_GAPS: &[&str] = &[
    "a",
    "all",
    "be",
    "clearly",
    "completely",
    "entirely",
    "found",
    "later",
    "now",
    "out",
    "proved",
    "proven",
    "shown",
    "simply",
    "to",
    "totally",
    "wholly",
];

/// Words that call a report false ("rumours that she remarried were unfounded",
/// "reports of 500 deaths were exaggerated").
pub const FALSITY_WORDS: &[&str] = &[
    "apocryphal",
    "baseless",
    "erroneous",
    "exaggerated",
    "fabricated",
    "fabrication",
    "false",
    "fiction",
    "groundless",
    "hoax",
    "inaccurate",
    "incorrect",
    "mistaken",
    "myth",
    "overstated",
    "spurious",
    "unfounded",
    "untrue",
    "wrong",
];

/// Words that call a report true ("reports that the fire killed 31 people were
/// confirmed", "rumours that she left proved accurate").
pub const TRUTH_WORDS: &[&str] = &[
    "accurate",
    "confirmed",
    "correct",
    "substantiated",
    "true",
    "verified",
];

/// Words after a reported statement that set it against what follows: "some
/// say she moved in 1907, but letters show 1905", "…, though records show
/// 1905" ("in fact", "in reality" and "in truth" too).
pub const CORRECTION_CONTRASTS: &[&str] =
    &["actually", "but", "however", "though", "whereas", "yet"];

/// Words that open a sentence conceding what its first clause reports, before
/// the clause that corrects it: "although some claim it had 5,200 members, it
/// had 3,400".
pub const CONCESSIONS: &[&str] = &["although", "though", "whereas", "while"];

/// Modals that hedge a negation right after them: "she may not have died", "he might never
/// have married".
pub const HEDGING_MODALS: &[&str] = &["may", "might"];

/// Words and phrases that make the event right after them one that did not happen: it
/// nearly did ("almost died", "was nearly killed", "came close to exploding"), was tried
/// or stopped ("tried to remarry", "averted a meltdown"), or is imagined ("would have
/// died"). Auxiliaries, "to", articles and possessives may stand between.
pub const COUNTERFACTUAL_CUES: &[&str] = &[
    "almost",
    "attempted to",
    "averted",
    "came close to",
    "came near to",
    "came within an inch of",
    "come close to",
    "comes close to",
    "coming close to",
    "failed to",
    "nearly",
    "on the brink of",
    "on the point of",
    "on the verge of",
    "prevented",
    "tried to",
    "would have",
];

/// Words that make a counterfactual only right before the event word ("near death",
/// "escaped death", "cheated death"), not before a phrase ("near the explosion site",
/// "escaped the fire", which happened).
pub const COUNTERFACTUAL_TOUCHING: &[&str] = &["cheated", "escaped", "near"];

/// Words that open a condition: a clause they open supposes its statement
/// ("if the choir had 5,200 members, …", "unless she left in 1907") and
/// neither states nor denies it.
pub const CONDITION_OPENERS: &[&str] = &["if", "unless"];

/// Words that may come before a condition's opener in its clause ("even if",
/// "as if", "and if").
pub const CONDITION_LEADS: &[&str] = &["and", "as", "but", "even", "only", "or"];

/// Words that may stand between a counterfactual cue and its event ("was nearly being
/// killed", "came close to a meltdown"), besides the auxiliaries.
pub const COUNTERFACTUAL_GAPS: &[&str] = &[
    "a", "an", "another", "being", "her", "his", "its", "the", "their", "to",
];

/// Verbs that attribute a quotation to its speaker or writer, before it (the paper
/// wrote: “…”) or after it (“…,” she recalled).
pub const SPEECH_VERBS: &[&str] = &[
    "added",
    "admitted",
    "announced",
    "answered",
    "argued",
    "asked",
    "claimed",
    "claims",
    "commented",
    "complained",
    "concluded",
    "confirmed",
    "continued",
    "cried",
    "declared",
    "exclaimed",
    "explained",
    "insisted",
    "noted",
    "observed",
    "proclaimed",
    "read",
    "reads",
    "recalled",
    "recalls",
    "recounted",
    "remarked",
    "remembered",
    "replied",
    "reported",
    "reports",
    "said",
    "says",
    "shouted",
    "stated",
    "states",
    "told",
    "warned",
    "whispered",
    "writes",
    "wrote",
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
    "biographies",
    "critics",
    "estimates",
    "experts",
    "historians",
    "legends",
    "memoirs",
    "newspapers",
    "obituaries",
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

/// Verbs by which a source gives a figure as its own estimate ("some sources put the losses
/// at 6,000"): they attribute only after a source ("historians put"), never alone.
pub const ESTIMATING_VERBS: &[&str] = &["place", "placed", "places", "put", "puts"];

/// Phrases that name the source of what follows or precedes them ("according to the family").
pub const SOURCE_PREPOSITIONS: &[&str] = &["according to", "as reported by", "in the words of"];

/// Quantifiers that make a source a hedge ("some accounts", "many historians", "some say"),
/// with a word between them or not ("a few early biographies").
pub const HEDGE_QUANTIFIERS: &[&str] = &[
    "a few", "certain", "many", "most", "other", "several", "some",
];
