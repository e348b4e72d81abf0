//! Whom each sentence is about, read from its head and the paragraph's flow.
//!
//! - a sentence that names the subject (an alias, not only as a possessor:
//!   "Trotsky's younger son" is about the son) is about the subject;
//! - otherwise the actor at the head of the sentence decides: a name that is not
//!   the subject ("Lázaro Cárdenas was born …", "Lenin's health …", "His son, …")
//!   makes the sentence about someone else; a pronoun or nothing keeps the
//!   paragraph's current subject;
//! - each paragraph starts about the subject, and the text resuming after an
//!   inserted card continues the sentence the card cut.

use std::collections::HashSet;
use std::ops::Range;

use super::all_names::holds_name;
use super::names::SubjectMatcher;
use super::{Who, clean, fold_pattern, is_capitalised, is_month, strip_possessive};
use crate::document::Document;
use crate::lexicon;

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

/// What heads `clause` (original text), whoever the subject is.
fn leading_head(clause: &str, proper: &HashSet<String>, is_event: &dyn Fn(&str) -> bool) -> Head {
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
        i = past_opener(&words, i + 1);
    }
    let mut name: Vec<&str> = Vec::new();
    let mut name_index = i;
    let head = |name: &[&str], possessive: bool, name_index: usize| Head::Name {
        folded: fold_pattern(&name.join(" ")),
        possessive,
        common: common_noun(name, name_index == first_index, proper, is_event),
    };
    while i < words.len() {
        let w = clean(words[i]);
        let lower = w.to_lowercase();
        if name.is_empty() {
            match opening(w, &lower, &words[i + 1..]) {
                Opening::Determiner => {
                    i += 1;
                    name_index = i;
                    continue;
                }
                Opening::Head(h) => return h,
                Opening::Name => {}
            }
        } else if !is_capitalised(w) && !lexicon::NAME_PARTICLES.contains(&lower.as_str()) {
            break;
        }
        let (bare, possessive) = strip_possessive(w);
        name.push(bare);
        i += 1;
        if possessive || words[i - 1].ends_with(',') {
            return head(&name, possessive, name_index);
        }
    }
    if name.is_empty() {
        return Head::None;
    }
    head(&name, false, name_index)
}

/// What the word that may open a name (`w`, cleaned; `lower`, lowercased) says
/// of the head, `rest` being the words after it.
enum Opening {
    /// A capitalised determiner ("The"): the name may start after it.
    Determiner,
    /// The word decides the head.
    Head(Head),
    /// The word opens a name.
    Name,
}

/// Reads the word that may open a name: see [`Opening`].
fn opening(w: &str, lower: &str, rest: &[&str]) -> Opening {
    if lexicon::DETERMINERS.contains(&lower) && is_capitalised(w) {
        return Opening::Determiner;
    }
    if lexicon::SUBJECT_PRONOUNS.contains(&lower) {
        return Opening::Head(Head::Pronoun);
    }
    if lexicon::POSSESSIVE_PRONOUNS.contains(&lower) {
        return Opening::Head(possessive_head(rest));
    }
    // "Died in 1851.", "Married in 1835": a verb opening a line names no one.
    if !is_capitalised(w)
        || lexicon::CAPITALISED_NON_NAMES.contains(&lower)
        || is_month(w)
        || crate::scan::tokens::is_verb_form(lower)
        || crate::scan::tokens::is_participle(lower)
    {
        return Opening::Head(Head::None);
    }
    Opening::Name
}

/// Whether a name is a common noun: a lone plural, or a word ending as an
/// abstract noun does, that opens the sentence (`at_first`) and is never
/// capitalised elsewhere ("Historians disagree", "People say", "Membership
/// grew"), not a name.
fn common_noun(
    name: &[&str],
    at_first: bool,
    proper: &HashSet<String>,
    is_event: &dyn Fn(&str) -> bool,
) -> bool {
    let w = fold_pattern(name[0]);
    name.len() == 1
        && at_first
        && !proper.contains(&w)
        && ((w.ends_with('s') && !w.ends_with("ss"))
            || lexicon::COMMON_HEADS.contains(&w.as_str())
            || lexicon::abstract_noun(&w)
            || is_event(&w))
}

/// The index of the first word after an opening adverbial phrase whose first word
/// is before `i` ("In late 1921", "After his exile,"): past a comma, or before a
/// capitalised word or a pronoun that opens the clause proper.
fn past_opener(words: &[&str], mut i: usize) -> usize {
    while i < words.len() {
        let w = words[i];
        i += 1;
        if w.ends_with(',') {
            break;
        }
        let next = words.get(i).map_or("", |w| clean(w));
        if (is_capitalised(next) && !is_month(next))
            || lexicon::SUBJECT_PRONOUNS.contains(&next.to_lowercase().as_str())
        {
            break;
        }
    }
    i
}

/// A head opening with a possessive pronoun: someone's relative ("His son", "her
/// elder sister") or the subject's own ("His life").
fn possessive_head(after: &[&str]) -> Head {
    let relative = |w: Option<&&str>| {
        w.is_some_and(|n| lexicon::RELATIVES.contains(&clean(n).to_lowercase().as_str()))
    };
    if relative(after.first()) || relative(after.get(1)) {
        Head::Relative
    } else {
        Head::Pronoun
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
    use crate::claims::SubjectKind::*;
    let person = matches!(subject.kind, Person | Group);
    match head {
        Head::Name {
            folded,
            possessive,
            common,
        } => {
            if subject.is_whole_name(folded) {
                Actor::Subject {
                    possessive: *possessive,
                }
            } else if (person && !*common) || subject.names_other(folded) {
                // For a person or a group, any name but its own is someone
                // else's, declared or not (so the declared ones are looked up
                // only for a word that may be a common noun).
                Actor::Other
            } else if *common {
                Actor::None
            } else if folded
                .split(' ')
                .any(|w| subject.is_noun(w) || subject.identifiers.iter().any(|i| i == w))
            {
                // "The Flyer II", "the Fukushima disaster": another of its kind.
                Actor::Other
            } else {
                // A thing, a place or an event: other names take part in it.
                Actor::None
            }
        }
        Head::Relative if person => Actor::Other,
        Head::Relative => Actor::None,
        Head::Pronoun => Actor::Pronoun,
        Head::None => Actor::None,
    }
}

/// Whether a unit opens a line with a bullet ("- ", "* ", "• ").
fn opens_bullet(doc: &Document, s: &crate::document::sentences::Sentence) -> bool {
    // Only blanks between the line's start and the unit (read back no further
    // than the first other character, never the whole text before it).
    let at_line_start = doc.text[..s.range.start]
        .chars()
        .rev()
        .take_while(|c| *c != '\n')
        .all(char::is_whitespace);
    let text = doc.text[s.range.clone()].trim_start();
    at_line_start
        && ["- ", "* ", "\u{2022} "]
            .iter()
            .any(|b| text.starts_with(b))
}

/// What a document says whatever the subject: its proper nouns and the head of
/// each sentence (read on first use: only the subject's flow needs them).
#[derive(Debug)]
pub struct DocFacts {
    heads: std::cell::OnceCell<Vec<Head>>,
    /// Whether each sentence holds a verb ([`super::has_verb_words`]), which is
    /// the same for every subject.
    verbs: std::cell::OnceCell<Vec<bool>>,
    /// The words the document capitalises where no sentence starts.
    pub proper: HashSet<String>,
}

/// A document's facts, built when first asked: by the scan, or by an analysis
/// that reads actors. Sentences hit only by terms of claims about no subject
/// never need them.
pub struct LazyFacts {
    /// The words of every subject's names: names wherever they stand.
    names: HashSet<String>,
    facts: std::cell::OnceCell<DocFacts>,
}

impl LazyFacts {
    pub fn new(names: HashSet<String>) -> LazyFacts {
        LazyFacts {
            names,
            facts: std::cell::OnceCell::new(),
        }
    }

    /// The facts of `doc` (always the same document).
    pub fn get(&self, doc: &Document) -> &DocFacts {
        self.facts.get_or_init(|| DocFacts::new(doc, &self.names))
    }

    /// Whether the facts have been built: something read the document whole.
    pub fn is_built(&self) -> bool {
        self.facts.get().is_some()
    }
}

impl DocFacts {
    /// The facts of `doc`; `names` are words known to be names (the subjects'),
    /// which count as proper nouns even where the document only capitalises them
    /// at the start of a sentence.
    pub fn new(doc: &Document, names: &HashSet<String>) -> DocFacts {
        let mut proper = proper_nouns(doc);
        proper.extend(names.iter().cloned());
        DocFacts {
            heads: std::cell::OnceCell::new(),
            verbs: std::cell::OnceCell::new(),
            proper,
        }
    }

    /// Whether each sentence of `doc` (the document the facts are of; `ranges`
    /// its sentences' folded ranges) holds a verb: one without is a fragment (a
    /// caption, a timeline line).
    fn verbs(&self, doc: &Document, ranges: &[Range<usize>]) -> &[bool] {
        self.verbs.get_or_init(|| {
            ranges
                .iter()
                .map(|fr| super::has_verb_words(&doc.folded.text[fr.clone()]))
                .collect()
        })
    }

    /// The head of each sentence of `doc` (the document the facts are of). A lone
    /// capitalised word that a claim's trigger matches ("Death: 1853",
    /// "Evacuation began …") names an event, not someone (`is_event`).
    fn heads(&self, doc: &Document, is_event: &dyn Fn(&str) -> bool) -> &[Head] {
        self.heads.get_or_init(|| {
            doc.sentences
                .iter()
                .map(|s| {
                    let text = &doc.text[s.range.clone()];
                    let head = text.split([',', ';']).next().unwrap_or(text);
                    leading_head(head, &self.proper, is_event)
                })
                .collect()
        })
    }
}

/// The words the document capitalises where no sentence starts: its proper nouns.
pub(crate) fn proper_nouns(doc: &Document) -> HashSet<String> {
    let mut out = HashSet::new();
    // Each written form is folded once, however often it recurs.
    let mut seen: HashSet<&str> = HashSet::new();
    for s in &doc.sentences {
        for w in doc.text[s.range.clone()].split_whitespace().skip(1) {
            // "York." ends a sentence: the name is "York".
            let w = clean(w).trim_end_matches('.');
            if is_capitalised(w) && seen.insert(w) {
                out.insert(fold_pattern(strip_possessive(w).0));
            }
        }
    }
    out
}

/// Whom each sentence of `doc` is about (`ranges`: the folded range of each
/// sentence). A paragraph starts about the subject when `assumed` (the
/// document's own subject), else about someone else until the subject is named.
/// `names` are the places the subject's names stand in the folded document
/// ([`super::AllNames::find`]): a sentence without one is not searched for a
/// mention.
pub fn sentence_scopes(
    doc: &Document,
    ranges: &[Range<usize>],
    subject: &SubjectMatcher,
    assumed: bool,
    facts: &DocFacts,
    names: &[Range<usize>],
    is_event: &dyn Fn(&str) -> bool,
) -> Vec<Who> {
    let heads = facts.heads(doc, is_event);
    let verbs = facts.verbs(doc, ranges);
    let start = if assumed { Who::Subject } else { Who::Other };
    let mut out: Vec<Who> = Vec::with_capacity(doc.sentences.len());
    let mut actors: Vec<Actor> = Vec::with_capacity(doc.sentences.len());
    let mut current = start;
    let mut paragraph = usize::MAX;
    let continued: HashSet<usize> = doc.sentences.iter().filter_map(|s| s.continues).collect();
    for (s, fr) in doc.sentences.iter().zip(ranges) {
        // Each paragraph, and each item of a bulleted list, starts from what the
        // list is about: "- Spouse: Margaret Ashby" does not make the next item
        // Margaret's.
        let new_paragraph = s.paragraph != paragraph;
        paragraph = s.paragraph;
        if new_paragraph
            || s.kind == crate::document::sentences::UnitKind::ListItem
            || opens_bullet(doc, s)
        {
            current = match s.continues {
                Some(k) => out[k],
                None => start,
            };
        }
        let folded = &doc.folded.text[fr.clone()];
        let plain_mention =
            holds_name(names, fr) && plain_mention(doc, subject, facts, s, fr.start, folded);
        if s.card {
            current = card_scope(doc, subject, s);
        }
        let mut actor = resolve(&heads[actors.len()], subject);
        // A fragment with no verb (a caption, a timeline line) names no actor,
        // unless a card cut it and the sentence goes on after the card.
        if !verbs[out.len()] && !continued.contains(&out.len()) {
            actor = Actor::None;
        }
        if let (Actor::None, Some(k)) = (actor, s.continues) {
            actor = actors[k];
        }
        let who = scope_of(actor, current, plain_mention, || {
            refers_back(folded, subject)
        });
        actors.push(actor);
        out.push(who);
        current = who;
    }
    out
}

/// Whether sentence `s` (folded text `folded`, starting at `folded_start` of the
/// folded document) mentions the subject other than as a possessor. A mention
/// counts where the whole name around it is the subject's ("Pierre Curie" and
/// "the Curie Institute" are not Marie Curie).
fn plain_mention(
    doc: &Document,
    subject: &SubjectMatcher,
    facts: &DocFacts,
    s: &crate::document::sentences::Sentence,
    folded_start: usize,
    folded: &str,
) -> bool {
    subject.mentions(folded).iter().any(|(r, possessive)| {
        let orig = doc
            .folded
            .orig_range(folded_start + r.start..folded_start + r.end);
        !possessive && subject.whole_name_in(&doc.text, s.range.start, orig, &facts.proper)
    })
}

/// Whom a card (sentence `s`) is about: its title, someone else unless the title
/// names the subject.
fn card_scope(
    doc: &Document,
    subject: &SubjectMatcher,
    s: &crate::document::sentences::Sentence,
) -> Who {
    let title = doc.text[s.range.clone()]
        .trim_start()
        .lines()
        .next()
        .unwrap_or("");
    if subject.is_subject(&fold_pattern(title)) {
        Who::Subject
    } else {
        Who::Other
    }
}

/// Whether a sentence (folded) has an object pronoun of the subject after its
/// first word: "Stalin exiled him" refers back to the subject the paragraph is
/// about (a nominative "he" or a possessive "his" may well be the new actor's
/// own).
fn refers_back(folded: &str, subject: &SubjectMatcher) -> bool {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .skip(1)
        .any(|w| {
            !matches!(w, "he" | "she" | "they" | "it" | "his" | "its" | "their")
                && subject.pronouns.iter().any(|p| p == w)
        })
}

/// Whom a sentence is about, from its `actor`, whom the paragraph is about so
/// far (`current`), whether it mentions the subject plainly, and (asked only of
/// another actor while the paragraph is about the subject) whether it refers
/// back to the subject.
fn scope_of(
    actor: Actor,
    current: Who,
    plain_mention: bool,
    refers_back: impl FnOnce() -> bool,
) -> Who {
    // "Pembury was born in Bristol. He hated Crane.": a pronoun heading the
    // sentence goes on with someone else; the subject named after it is its
    // object, and does not make the sentence (or the next) the subject's.
    let object_only = matches!(actor, Actor::Pronoun) && current == Who::Other;
    if plain_mention && !object_only {
        return Who::Subject;
    }
    match actor {
        Actor::Subject { .. } => Who::Subject,
        Actor::Other if current == Who::Subject && refers_back() => Who::Subject,
        Actor::Other => Who::Other,
        Actor::Pronoun | Actor::None => current,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::Subject;

    fn subject() -> SubjectMatcher {
        SubjectMatcher::new(Some(&Subject {
            name: "Leon Trotsky".into(),
            aliases: vec!["Trotsky".into(), "Lev Bronstein".into()],
            pronouns: vec!["he".into(), "him".into(), "his".into()],
            ..Subject::default()
        }))
        .unwrap()
    }

    fn whos(text: &str) -> Vec<Who> {
        let doc = Document::new("t", text.to_string());
        let subject = subject();
        let names =
            super::super::AllNames::new(std::slice::from_ref(&subject)).find(&doc.folded.text);
        let ranges: Vec<_> = doc
            .sentences
            .iter()
            .map(|s| doc.folded.folded_range(s.range.clone()))
            .collect();
        sentence_scopes(
            &doc,
            &ranges,
            &subject,
            true,
            &DocFacts::new(&doc, &HashSet::new()),
            &names[0],
            &|_| false,
        )
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
        // So is one ending as an abstract noun does; a lone name is not.
        assert_eq!(
            whos("Trotsky went to Mexico. Construction of the house began. Attendance fell."),
            vec![Subject, Subject, Subject]
        );
        assert_eq!(
            whos("Trotsky went to Mexico. Kamenev was shot. Clement was shot."),
            vec![Subject, Other, Other]
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
}
