//! Subject scope: which sentences, and which events in them, are about the claims'
//! subject.
//!
//! A claim applies where the document speaks of its subject. Without a parser, the
//! scope is read from cues that English prose gives reliably:
//!
//! - a sentence that names the subject (an alias, not only as a possessor:
//!   "Trotsky's younger son" is about the son) is about the subject;
//! - otherwise the actor at the head of the sentence decides: a name that is not
//!   the subject ("Lázaro Cárdenas was born …", "Lenin's health …", "His son, …")
//!   makes the sentence about someone else; a pronoun or nothing keeps the
//!   paragraph's current subject;
//! - each paragraph starts about the subject, and the text resuming after an
//!   inserted card continues the sentence the card cut;
//! - an event word can still belong to someone else inside a sentence about the
//!   subject: "Lenin's death", "the death of his father", "when Lenin died".

use crate::lexicon;
use std::collections::HashSet;
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::claims::Subject;
use crate::document::Document;
use crate::extract::calendar::MONTH_NAMES;
use crate::extract::normalize;

/// Whom a sentence or an event is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Subject,
    Other,
}

/// The head of a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Actor {
    /// The subject by name (`possessive`: "Trotsky's").
    Subject { possessive: bool },
    /// Another name, or a relative of someone ("His son").
    Other,
    /// "he", "she", "they", "his life".
    Pronoun,
    /// No actor at the head ("Born in 1879, …", a clause starting in lowercase).
    None,
}

/// Finds the subject's names in folded text.
#[derive(Debug)]
pub struct SubjectMatcher {
    names: AhoCorasick,
    /// Folded pronouns that refer to the subject ("he", "him", "his").
    pronouns: Vec<String>,
}

impl SubjectMatcher {
    /// The matcher for a subject's name and aliases; `None` without a subject.
    pub fn new(subject: Option<&Subject>) -> Option<SubjectMatcher> {
        let subject = subject?;
        let mut names: Vec<String> = std::iter::once(&subject.name)
            .chain(&subject.aliases)
            .map(|n| fold_pattern(n))
            .filter(|n| !n.is_empty())
            .collect();
        // Without aliases, a surname alone names the subject: "Leon Trotsky" is also
        // "Trotsky". With aliases the claims say which names count (a family shares
        // a surname).
        if subject.aliases.is_empty()
            && let Some(last) = fold_pattern(&subject.name).split(' ').next_back()
        {
            names.push(last.to_string());
        }
        names.sort();
        names.dedup();
        let names = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&names)
            .expect("subject names compile");
        let pronouns = subject.pronouns.iter().map(|p| fold_pattern(p)).collect();
        Some(SubjectMatcher { names, pronouns })
    }

    /// Whole-word mentions of the subject in folded `text`, with whether each is a
    /// possessive ("trotsky's").
    fn mentions(&self, text: &str) -> Vec<(Range<usize>, bool)> {
        self.names
            .find_iter(text)
            .filter(|m| {
                !text[..m.start()].ends_with(char::is_alphanumeric)
                    && !text[m.end()..].starts_with(char::is_alphanumeric)
            })
            .map(|m| {
                let rest = &text[m.end()..];
                let possessive = rest.starts_with("'s") || rest.starts_with("' ");
                (m.range(), possessive)
            })
            .collect()
    }

    /// Whether the folded `text` names the subject (not only as a possessor).
    pub fn named(&self, text: &str) -> bool {
        self.mentions(text)
            .iter()
            .any(|(_, possessive)| !possessive)
    }

    /// Whether the folded `word` is one of the subject's pronouns.
    pub fn is_pronoun(&self, word: &str) -> bool {
        self.pronouns.iter().any(|p| p == word)
    }

    /// Whether the folded `name` is (or holds) one of the subject's names.
    pub fn is_subject(&self, name: &str) -> bool {
        !self.mentions(name).is_empty()
    }
}

/// A word or name folded like the document: a fast path for plain ASCII words,
/// which most names are.
fn fold_pattern(s: &str) -> String {
    if s.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b' ' || b == b'.' || b == b'\'')
        && !s.contains("  ")
    {
        s.trim().to_ascii_lowercase()
    } else {
        normalize::fold_pattern(s)
    }
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn clean(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}' && c != '.')
}

fn strip_possessive(word: &str) -> (&str, bool) {
    for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] {
        if let Some(w) = word.strip_suffix(suffix) {
            return (w, true);
        }
    }
    (word, false)
}

/// What heads `clause` (original text), whoever the subject is.
fn leading_head(clause: &str, proper: &HashSet<String>) -> Head {
    // The head of a clause is in its first words.
    let words: Vec<&str> = clause
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .take(24)
        .collect();
    let mut i = 0;
    // Skip bullets and punctuation.
    while i < words.len() && !words[i].chars().any(char::is_alphanumeric) {
        i += 1;
    }
    let first_index = i;
    let first = words.get(i).map_or("", |w| clean(w));
    if first.is_empty() || !is_capitalised(first) {
        return Head::None;
    }
    // Skip a leading adverbial phrase ("In late 1921", "After his exile,").
    if lexicon::CLAUSE_OPENERS.contains(&first.to_lowercase().as_str()) {
        i += 1;
        while i < words.len() {
            let w = words[i];
            let c = clean(w);
            let lower = c.to_lowercase();
            i += 1;
            if w.ends_with(',') {
                break;
            }
            let next = words.get(i).map_or("", |w| clean(w));
            if (is_capitalised(next) && !is_month(next))
                || lexicon::SUBJECT_PRONOUNS.contains(&next.to_lowercase().as_str())
            {
                let _ = lower;
                break;
            }
        }
    }
    let mut name: Vec<&str> = Vec::new();
    let mut name_index = i;
    // A lone plural that opens the sentence and is never capitalised elsewhere is
    // a common noun ("Historians disagree", "People say"), not a name.
    let common = |name: &[&str], at: usize| {
        let w = fold_pattern(name[0]);
        name.len() == 1
            && at == first_index
            && !proper.contains(&w)
            && ((w.ends_with('s') && !w.ends_with("ss"))
                || lexicon::COMMON_HEADS.contains(&w.as_str()))
    };
    while i < words.len() {
        let w = clean(words[i]);
        let lower = w.to_lowercase();
        if name.is_empty() {
            if lexicon::DETERMINERS.contains(&lower.as_str()) && is_capitalised(w) {
                i += 1;
                name_index = i;
                continue;
            }
            if lexicon::SUBJECT_PRONOUNS.contains(&lower.as_str()) {
                return Head::Pronoun;
            }
            if lexicon::POSSESSIVE_PRONOUNS.contains(&lower.as_str()) {
                let noun = words
                    .get(i + 1)
                    .map_or(String::new(), |n| clean(n).to_lowercase());
                return if lexicon::RELATIVES.contains(&noun.as_str())
                    || words.get(i + 2).is_some_and(|n| {
                        lexicon::RELATIVES.contains(&clean(n).to_lowercase().as_str())
                    }) {
                    Head::Relative
                } else {
                    Head::Pronoun
                };
            }
            if !is_capitalised(w)
                || lexicon::CAPITALISED_NON_NAMES.contains(&lower.as_str())
                || is_month(w)
            {
                return Head::None;
            }
        } else if !is_capitalised(w) && !lexicon::NAME_PARTICLES.contains(&lower.as_str()) {
            break;
        }
        let (bare, possessive) = strip_possessive(w);
        name.push(bare);
        i += 1;
        if possessive || words[i - 1].ends_with(',') {
            return Head::Name {
                folded: fold_pattern(&name.join(" ")),
                possessive,
                common: common(&name, name_index),
            };
        }
    }
    if name.is_empty() {
        return Head::None;
    }
    Head::Name {
        folded: fold_pattern(&name.join(" ")),
        possessive: false,
        common: common(&name, name_index),
    }
}

/// What heads a sentence, read once per document for every subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Head {
    /// A name (folded): someone, or the subject; `common` where it is more likely
    /// a capitalised common noun ("Historians").
    Name {
        folded: String,
        possessive: bool,
        common: bool,
    },
    /// A relative of someone ("His son").
    Relative,
    /// "he", "she", "they", "his life".
    Pronoun,
    /// Nothing that acts ("Born in 1879, …").
    None,
}

/// The actor a head is for one subject.
fn resolve(head: &Head, subject: &SubjectMatcher) -> Actor {
    match head {
        Head::Name {
            folded,
            possessive,
            common,
        } => {
            if subject.is_subject(folded) {
                Actor::Subject {
                    possessive: *possessive,
                }
            } else if *common {
                Actor::None
            } else {
                Actor::Other
            }
        }
        Head::Relative => Actor::Other,
        Head::Pronoun => Actor::Pronoun,
        Head::None => Actor::None,
    }
}

/// What a document says whatever the subject: its proper nouns and the head of
/// each sentence.
#[derive(Debug)]
pub struct DocFacts {
    heads: Vec<Head>,
}

impl DocFacts {
    pub fn new(doc: &Document) -> DocFacts {
        let proper = proper_nouns(doc);
        let heads = doc
            .sentences
            .iter()
            .map(|s| {
                let text = &doc.text[s.range.clone()];
                let head = text.split([',', ';']).next().unwrap_or(text);
                leading_head(head, &proper)
            })
            .collect();
        DocFacts { heads }
    }
}

/// The words the document capitalises where no sentence starts: its proper nouns.
fn proper_nouns(doc: &Document) -> HashSet<String> {
    let mut out = HashSet::new();
    for s in &doc.sentences {
        for w in doc.text[s.range.clone()].split_whitespace().skip(1) {
            let w = clean(w);
            if is_capitalised(w) {
                out.insert(fold_pattern(strip_possessive(w).0));
            }
        }
    }
    out
}

fn is_month(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    MONTH_NAMES.iter().any(|m| m.eq_ignore_ascii_case(w))
}

/// Whom each sentence of `doc` is about. A paragraph starts about the subject
/// when `assumed` (the document's own subject), else about someone else until the
/// subject is named.
pub fn sentence_scopes(
    doc: &Document,
    subject: &SubjectMatcher,
    assumed: bool,
    facts: &DocFacts,
) -> Vec<Who> {
    let start = if assumed { Who::Subject } else { Who::Other };
    let mut out: Vec<Who> = Vec::with_capacity(doc.sentences.len());
    let mut actors: Vec<Actor> = Vec::with_capacity(doc.sentences.len());
    let mut current = start;
    let mut paragraph = usize::MAX;
    for s in &doc.sentences {
        if s.paragraph != paragraph {
            paragraph = s.paragraph;
            current = match s.continues {
                Some(k) => out[k],
                None => start,
            };
        }
        let fr = doc.folded.folded_range(s.range.clone());
        let folded = &doc.folded.text[fr];
        let plain_mention = subject
            .mentions(folded)
            .iter()
            .any(|(_, possessive)| !possessive);
        if s.card {
            // A card is about its title: someone else, unless the title names the subject.
            let title = doc.text[s.range.clone()]
                .trim_start()
                .lines()
                .next()
                .unwrap_or("");
            current = if subject.is_subject(&fold_pattern(title)) {
                Who::Subject
            } else {
                Who::Other
            };
        }
        // "Stalin exiled him": an object pronoun refers back to the subject the
        // paragraph is about (a nominative "he" or a possessive "his" may well be
        // the new actor's own).
        let pronoun_back = || {
            current == Who::Subject
                && folded
                    .split(|c: char| !c.is_alphanumeric())
                    .skip(1)
                    .any(|w| {
                        !matches!(w, "he" | "she" | "they" | "it" | "his" | "its" | "their")
                            && subject.pronouns.iter().any(|p| p == w)
                    })
        };
        let mut actor = resolve(&facts.heads[actors.len()], subject);
        if let (Actor::None, Some(k)) = (actor, s.continues) {
            actor = actors[k];
        }
        let who = if plain_mention {
            Who::Subject
        } else {
            match actor {
                Actor::Subject { .. } => Who::Subject,
                Actor::Other if pronoun_back() => Who::Subject,
                Actor::Other => Who::Other,
                Actor::Pronoun | Actor::None => current,
            }
        };
        actors.push(actor);
        out.push(who);
        current = who;
    }
    out
}

/// The whole name that ends with `last`: the capitalised words before it in the
/// reversed word list `words`, from index `from` on, up to a clause's punctuation
/// ("Lev Sedov", not only "Sedov").
fn name_ending(words: &[&str], last: &str, from: usize) -> String {
    let mut name: Vec<&str> = vec![last];
    for earlier in words.iter().skip(from) {
        let e = clean(earlier);
        if !is_capitalised(e) || earlier.ends_with([',', ';', ':', '.']) {
            break;
        }
        name.insert(0, e);
    }
    name.join(" ")
}

/// Whether the event word at `trigger` (original byte range) belongs to someone
/// other than the subject, by the words right around it: a possessor ("Lenin's
/// death", "his father's death"), an "of" ("the death of his father", "the death of
/// Lenin") or a name acting just before it ("when Lenin died").
pub fn event_of_other(
    doc: &Document,
    sentence: Range<usize>,
    trigger: Range<usize>,
    subject: &SubjectMatcher,
) -> bool {
    let before = &doc.text[sentence.start..trigger.start];
    let after = &doc.text[trigger.end..sentence.end];
    // "the death of his father", "the death of Lenin".
    let mut rest = after.split_whitespace();
    if rest.next() == Some("of")
        && let Some(w) = rest.next()
    {
        let w = clean(w);
        let lower = w.to_lowercase();
        if lexicon::POSSESSIVE_PRONOUNS.contains(&lower.as_str())
            || (is_capitalised(w)
                && !lexicon::DETERMINERS.contains(&lower.as_str())
                && !subject.is_subject(&fold_pattern(strip_possessive(w).0)))
        {
            return true;
        }
    }
    // Up to four words back: a possessor, or a name acting.
    let words: Vec<&str> = before.split_whitespace().rev().take(6).collect();
    for (k, w) in words.iter().enumerate() {
        let c = clean(w);
        let (bare, possessive) = strip_possessive(c);
        if bare.is_empty() {
            break;
        }
        let lower = bare.to_lowercase();
        // "Stalin, born in 1878, …": an event opening an apposition tells of the
        // name just before it.
        if k == 0
            && w.ends_with(',')
            && is_capitalised(bare)
            && !lexicon::SUBJECT_PRONOUNS.contains(&lower.as_str())
        {
            let name = name_ending(&words, bare, 1);
            if !lexicon::CAPITALISED_NON_NAMES.contains(&lower.as_str())
                && !lexicon::CLAUSE_OPENERS.contains(&lower.as_str())
                && !is_month(bare)
            {
                return !subject.is_subject(&fold_pattern(&name));
            }
        }
        // "Lenin, who died in 1924": a relative clause tells of the name before it.
        if matches!(lower.as_str(), "who" | "whom" | "whose")
            && let Some(antecedent) = words.get(k + 1)
            && antecedent.ends_with(',')
        {
            let a = clean(antecedent);
            if is_capitalised(a) && !lexicon::SUBJECT_PRONOUNS.contains(&a.to_lowercase().as_str())
            {
                let name = name_ending(&words, a, k + 2);
                return !subject.is_subject(&fold_pattern(&name));
            }
        }
        if k == 0 && possessive {
            // "Lenin's death", "his father's death", "Trotsky's death", "Lev
            // Sedov's death".
            let name = name_ending(&words, bare, 1);
            return !subject.is_subject(&fold_pattern(&name));
        }
        if is_capitalised(bare)
            && !lexicon::CAPITALISED_NON_NAMES.contains(&lower.as_str())
            && !lexicon::CLAUSE_OPENERS.contains(&lower.as_str())
            && !lexicon::DETERMINERS.contains(&lower.as_str())
            && !lexicon::SUBJECT_PRONOUNS.contains(&lower.as_str())
            && !is_month(bare)
        {
            // A name right before the event acts in it, unless it ends a sentence
            // or clause of its own.
            if w.ends_with([',', ';', ':', '.']) {
                break;
            }
            // The whole name ending here: "Lev Sedov", not only "Sedov".
            let name = name_ending(&words, bare, k + 1);
            return !subject.is_subject(&fold_pattern(&name));
        }
        if !matches!(
            lower.as_str(),
            "was"
                | "were"
                | "had"
                | "has"
                | "have"
                | "is"
                | "been"
                | "also"
                | "then"
                | "later"
                | "finally"
                | "eventually"
                | "reportedly"
                | "allegedly"
                | "himself"
                | "herself"
                | "soon"
                | "who"
                | "and"
                | "being"
        ) {
            break;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subject() -> SubjectMatcher {
        SubjectMatcher::new(Some(&Subject {
            name: "Leon Trotsky".into(),
            aliases: vec!["Trotsky".into(), "Lev Bronstein".into()],
            born: None,
            born_at: None,
            pronouns: vec!["he".into(), "him".into(), "his".into()],
        }))
        .unwrap()
    }

    fn whos(text: &str) -> Vec<Who> {
        let doc = Document::new("t", text.to_string());
        sentence_scopes(&doc, &subject(), true, &DocFacts::new(&doc))
    }

    #[test]
    fn sentences_about_other_people_are_told_apart() {
        use Who::*;
        assert_eq!(
            whos(
                "Trotsky was born in 1879. Lázaro Cárdenas was born on May 21, 1895. He supported his family. In 1929 he went to Turkey."
            ),
            vec![Subject, Other, Other, Other]
        );
        assert_eq!(
            whos(
                "Trotsky went to Mexico.\n\nHe supported his family. His son, Sergei Sedov, was killed in 1937. In late 1921 Lenin's health deteriorated."
            ),
            vec![Subject, Subject, Other, Other]
        );
        assert_eq!(
            whos("Trotsky went to Mexico. Stalin had him killed. Mercader struck with an axe."),
            vec![Subject, Subject, Other]
        );
        assert_eq!(
            whos("In late 1921 Lenin's health failed, he was absent, and finally death came."),
            vec![Other]
        );
        // A capitalised common noun opening a sentence is not someone else.
        assert_eq!(
            whos("Trotsky went to Mexico. Historians disagree about why. He died there."),
            vec![Subject, Subject, Subject]
        );
        assert_eq!(
            whos(
                "He met President Lázaro Cárdenas\nLázaro Cárdenas\nLázaro Cárdenas was president. He supported his family...\n\n, who welcomed him."
            ),
            vec![Subject, Other, Other, Subject]
        );
        assert_eq!(
            whos("Sergei Sedov was Leon Trotsky's younger son. He was shot."),
            vec![Other, Other]
        );
        assert_eq!(
            whos("Trotsky's death was dramatized in a film."),
            vec![Subject]
        );
    }

    #[test]
    fn events_of_others_inside_a_sentence() {
        let s = subject();
        let check = |text: &str, word: &str| {
            let doc = Document::new("t", text.to_string());
            let at = text.find(word).unwrap();
            event_of_other(&doc, 0..text.len(), at..at + word.len(), &s)
        };
        assert!(check(
            "Following Lenin's death in 1924, Trotsky was sidelined.",
            "death"
        ));
        assert!(check(
            "He worked from age 16 after the death of his father.",
            "death"
        ));
        assert!(check(
            "Trotsky was in the Caucasus when Lenin died in 1924.",
            "died"
        ));
        assert!(!check("Trotsky's death shocked the world.", "death"));
        assert!(!check("Trotsky died in 1940.", "died"));
        assert!(!check("He was killed in Mexico in 1940.", "killed"));
        assert!(!check(
            "In Mexico, Trotsky was murdered in 1940.",
            "murdered"
        ));
    }
}
