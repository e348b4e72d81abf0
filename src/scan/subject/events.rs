//! Events of others inside a sentence about the subject: "Lenin's death", "the
//! death of his father", "Stalin, born in 1878", "Lenin, who died in 1924", and a
//! name acting right before the event's words ("when Lenin died").

use std::ops::Range;

use super::names::SubjectMatcher;
use super::{clean, fold_pattern, is_capitalised, is_month, strip_possessive};
use crate::document::Document;
use crate::lexicon;

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

/// How many bytes of the sentence each side of an event's words are read to
/// tell whose event it is. The readings need six words back and a name forward,
/// far less than this; the bound keeps a sentence with thousands of triggers in
/// one long run of letters and hyphens linear, each trigger reading this much
/// and not the rest of the run.
const READ_AROUND: usize = 512;

/// Whether the event word at `trigger` (original byte range) belongs to someone
/// other than the subject, by the words right around it: a possessor ("Lenin's
/// death", "his father's death"), an "of" ("the death of his father", "the death of
/// Lenin"), an apposition ("Stalin, born in 1878"), a relative clause ("Lenin,
/// who died in 1924") or another name acting right before them ("when Lenin
/// died"), unless the subject is that name's object ("Stalin expelled Trotsky").
pub fn event_of_other(
    doc: &Document,
    sentence: Range<usize>,
    trigger: Range<usize>,
    subject: &SubjectMatcher,
) -> bool {
    use crate::claims::SubjectKind;
    let text = doc.text.as_str();
    let from = text.ceil_char_boundary(
        trigger
            .start
            .saturating_sub(READ_AROUND)
            .max(sentence.start),
    );
    let to = text.floor_char_boundary(trigger.end.saturating_add(READ_AROUND).min(sentence.end));
    let before = &text[from..trigger.start];
    let after = &text[trigger.end..to.max(trigger.end)];
    // A trigger may match the start of a word ("evacuat"): read on from its end.
    let after = after.trim_start_matches(char::is_alphanumeric);
    // The words after the event's first word: a trigger may span its object
    // ("expelled Trotsky from the Soviet Union").
    let rest_of_event =
        text[trigger.start..to.max(trigger.end)].trim_start_matches(|c: char| !c.is_whitespace());
    // People, places and things take part in an event: their names near its
    // words do not make it someone else's.
    if subject.kind == SubjectKind::Event {
        return false;
    }
    let person = matches!(subject.kind, SubjectKind::Person | SubjectKind::Group);
    // "the evacuation from the neighbouring zones": a place's event names the
    // place it happened to.
    if subject.kind == SubjectKind::Place && of_another_place(after, subject) {
        return true;
    }
    if of_another(&doc.text[trigger.clone()], after, subject) {
        return true;
    }
    if !person {
        return false;
    }
    actor_before(before, rest_of_event, subject).is_some_and(|own| !own)
}

/// "the death of his father", "the death of Lenin": an event noun's "of" phrase
/// names whose event it is. A verb's "of" is its cause ("died of his wounds").
fn of_another<'a>(trigger: &str, after: &'a str, subject: &SubjectMatcher) -> bool {
    let word = trigger
        .rsplit(' ')
        .next()
        .unwrap_or_default()
        .to_lowercase();
    if crate::scan::tokens::word_class(&word) == crate::scan::tokens::WordClass::Verb {
        return false;
    }
    let mut rest = after.split_whitespace();
    if rest.next() != Some("of") {
        return false;
    }
    let Some(first) = rest.next() else {
        return false;
    };
    let w = clean(first);
    let lower = w.to_lowercase();
    if lexicon::POSSESSIVE_PRONOUNS.contains(&lower.as_str()) {
        return true;
    }
    if !is_capitalised(w) || lexicon::DETERMINERS.contains(&lower.as_str()) {
        return false;
    }
    // The whole name after "of": "the mayor of Port Senna" is Port Senna's.
    let bare = |w: &'a str| strip_possessive(w.trim_end_matches('.')).0;
    let mut name = vec![bare(w)];
    let mut last = first;
    for next in rest {
        let n = clean(next);
        if last.ends_with([',', ';', ':', '.', '?', '!']) || !is_capitalised(n) {
            break;
        }
        name.push(bare(n));
        last = next;
    }
    !subject.is_whole_name(&fold_pattern(&name.join(" ")))
}
/// The name the words before an event tell of, looking up to six words back past
/// auxiliaries and adverbs ("Lenin had finally died"): a possessor ("Lenin's
/// death"), the name an apposition or a relative clause follows ("Stalin, born
/// in…", "Lenin, who died…"), or a name acting. `Some(true)` when that name is the
/// subject's, `Some(false)` when it is another's, `None` when no name is read.
fn actor_before(before: &str, rest_of_event: &str, subject: &SubjectMatcher) -> Option<bool> {
    let words: Vec<&str> = before.split_whitespace().rev().take(6).collect();
    let own = |name: &str| subject.is_own(&fold_pattern(name));
    for (k, w) in words.iter().enumerate() {
        let c = clean(w);
        let (bare, possessive) = strip_possessive(c);
        if bare.is_empty() {
            return None;
        }
        let lower = bare.to_lowercase();
        // "Stalin, born in 1878, …": an event opening an apposition tells of the
        // name just before it.
        if k == 0
            && w.ends_with(',')
            && is_capitalised(bare)
            && !lexicon::SUBJECT_PRONOUNS.contains(&lower.as_str())
            && !lexicon::CAPITALISED_NON_NAMES.contains(&lower.as_str())
            && !lexicon::CLAUSE_OPENERS.contains(&lower.as_str())
            && !is_month(bare)
        {
            // Not a name that ends a phrase of its own ("Crane, born in Leeds,
            // died"): the event then is the predicate of the clause's actor.
            let name = name_ending(&words, bare, 1);
            let before = words
                .get(name.split(' ').count())
                .map(|w| clean(w).to_lowercase());
            if before.is_some_and(|w| lexicon::is(lexicon::PREPOSITIONS, &w)) {
                return None;
            }
            return Some(own(&name));
        }
        // "Lenin, who died in 1924": a relative clause tells of the name before it.
        if matches!(lower.as_str(), "who" | "whom" | "whose")
            && let Some(antecedent) = words.get(k + 1)
            && antecedent.ends_with(',')
        {
            let a = clean(antecedent);
            if is_capitalised(a) && !lexicon::SUBJECT_PRONOUNS.contains(&a.to_lowercase().as_str())
            {
                return Some(own(&name_ending(&words, a, k + 2)));
            }
        }
        if k == 0 && possessive {
            // "Lenin's death", "his father's death", "Trotsky's death", "Lev
            // Sedov's death".
            return Some(own(&name_ending(&words, bare, 1)));
        }
        if is_name_word(bare, &lower) {
            return acting_name(&words, k, w, bare, rest_of_event, subject);
        }
        if !lexicon::is(lexicon::ACTOR_GAP_WORDS, &lower) {
            return None;
        }
    }
    None
}

/// Whether a capitalised word may be (the end of) a name: not a pronoun, a
/// determiner, a clause opener, a month or a word of a known class.
fn is_name_word(bare: &str, lower: &str) -> bool {
    is_capitalised(bare)
        && !lexicon::CAPITALISED_NON_NAMES.contains(&lower)
        && !lexicon::CLAUSE_OPENERS.contains(&lower)
        && !lexicon::DETERMINERS.contains(&lower)
        && !lexicon::SUBJECT_PRONOUNS.contains(&lower)
        && crate::scan::tokens::word_class(lower) == crate::scan::tokens::WordClass::Other
        && !is_month(bare)
}

/// A name right before the event acts in it ("when Lenin died", "Orville was born
/// in 1871 and Wilbur in 1867"), unless it ends a clause of its own, stands in an
/// "of" phrase, or the subject is the event's object right after it ("Stalin
/// expelled Trotsky in 1928"). `words` run backwards; the name's last word is
/// `words[k]`.
fn acting_name(
    words: &[&str],
    k: usize,
    w: &str,
    bare: &str,
    rest_of_event: &str,
    subject: &SubjectMatcher,
) -> Option<bool> {
    if w.ends_with([',', ';', ':', '.']) || object_is_subject(rest_of_event, subject) {
        return None;
    }
    // The whole name ending here: "Lev Sedov", not only "Sedov".
    let name = name_ending(words, bare, k + 1);
    let before_name = k + name.split_whitespace().count();
    let in_of_phrase = words
        .iter()
        .skip(before_name)
        .take(3)
        .map(|w| clean(w).to_lowercase())
        .take_while(|w| {
            w == "of"
                || lexicon::is(lexicon::DETERMINERS, w)
                || lexicon::is(lexicon::QUANTIFIERS, w)
                || crate::scan::tokens::word_class(w) == crate::scan::tokens::WordClass::Other
        })
        .any(|w| w == "of");
    if in_of_phrase {
        return None;
    }
    Some(subject.is_own(&fold_pattern(&name)))
}

/// Whether the subject is named within the first words after an event word, as
/// its object ("expelled Trotsky", "attacked him"), before any value.
fn object_is_subject(after: &str, subject: &SubjectMatcher) -> bool {
    after
        .split_whitespace()
        .take(4)
        .take_while(|w| !w.starts_with(|c: char| c.is_ascii_digit()))
        .map(|w| fold_pattern(clean(w)))
        .any(|w| {
            subject.is_own(&w)
                || (subject.is_pronoun(&w) && !matches!(w.as_str(), "he" | "she" | "they" | "it"))
        })
}

/// Whether the words after a place's event word ("… of the neighbouring zones",
/// "… from the surrounding villages") name another place than the subject: a
/// noun phrase whose head is neither one of the subject's nouns nor people.
pub(crate) fn of_another_place(after: &str, subject: &SubjectMatcher) -> bool {
    let mut raw = after.split_whitespace().take(7);
    if !matches!(raw.next().map(clean), Some("of" | "from" | "in")) {
        return false;
    }
    let mut head: Option<String> = None;
    let mut ended = false;
    // The phrase's words: a name of several words names the subject as a whole
    // ("of Port Senna").
    let mut phrase: Vec<String> = Vec::new();
    for w in raw {
        // The phrase ends at its punctuation: "the mayor of Marrowgate, Peter
        // Quill," is Marrowgate's.
        if ended {
            break;
        }
        ended = w.ends_with([',', ';', ':', '.', ')', '?', '!']);
        let w = clean(w).to_lowercase();
        if lexicon::is(lexicon::DETERMINERS, &w) || lexicon::is(lexicon::QUANTIFIERS, &w) {
            if head.is_some() {
                break;
            }
            continue;
        }
        if lexicon::is(lexicon::PREPOSITIONS, &w)
            || lexicon::is(lexicon::COORDINATORS, &w)
            || crate::scan::tokens::is_verb_form(&w)
            || lexicon::is(lexicon::AUXILIARIES, &w)
            || (w.ends_with("ing") && w.len() > 5 && head.is_some())
        {
            break;
        }
        phrase.push(w.clone());
        head = Some(w);
    }
    let Some(head) = head else { return false };
    let named = subject.is_subject(&head) || subject.is_subject(&phrase.join(" "));
    !named
        && !subject.is_noun(&head)
        && !lexicon::is(
            lexicon::PEOPLE_NOUNS,
            &crate::extract::number::singular(&head),
        )
        && head.chars().all(char::is_alphabetic)
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

    #[test]
    fn another_place_is_read_up_to_the_phrase_end() {
        let place = SubjectMatcher::new(Some(&Subject {
            name: "Easterby".into(),
            kind: crate::claims::SubjectKind::Place,
            ..Subject::default()
        }))
        .unwrap();
        assert!(!of_another_place("of easterby, tom vale, came", &place));
        assert!(of_another_place("of carrick, tom vale, came", &place));
        assert!(of_another_place("from the villages nearby", &place));
        assert!(!of_another_place("of easterby was rebuilt", &place));
    }

    #[test]
    fn a_place_named_in_several_words_is_the_place_of_its_own_events() {
        let s = SubjectMatcher::new(Some(&Subject {
            name: "Port Senna".into(),
            kind: crate::claims::SubjectKind::Place,
            nouns: vec!["port".into()],
            ..Subject::default()
        }))
        .unwrap();
        assert!(!of_another_place(" of Port Senna?", &s));
        assert!(!of_another_place(" of the port", &s));
        assert!(of_another_place(" of Gorra Bay", &s));
        assert!(of_another_place(" from the nearby villages", &s));
    }

    /// Whether the event `word` at byte `at` of the one-sentence `text` is
    /// another's than the subject `s`'s.
    fn another_at(s: &SubjectMatcher, text: &str, at: usize, word: &str) -> bool {
        let doc = Document::new("t", text.to_string());
        event_of_other(&doc, 0..text.len(), at..at + word.len(), s)
    }

    #[test]
    fn an_event_is_read_in_the_words_around_it_however_long_its_sentence() {
        let s = subject();
        let check = |text: &str, word: &str| another_at(&s, text, text.rfind(word).unwrap(), word);
        // A long run before and after, of letters two and three bytes long, so
        // that the bytes read end inside a character unless rounded to one.
        for run in ["é".repeat(700), "€".repeat(500), "x-".repeat(900)] {
            let lenin = format!("{run} Following Lenin's death in 1924, he left. {run}");
            assert!(check(&lenin, "death"), "{run}");
            let own = format!("{run} Trotsky's death shocked the world. {run}");
            assert!(!check(&own, "death"), "{run}");
            let after = format!("{run} He mourned the death of Lenin in 1924 {run}");
            assert!(check(&after, "death"), "{run}");
        }
        // A trigger deep inside a run of letters and hyphens reads no name.
        let run = format!("Lenin's {}", "died-".repeat(2000));
        assert!(!check(&run, "died"));
    }

    #[test]
    fn events_of_others_inside_a_sentence() {
        let s = subject();
        let check = |text: &str, word: &str| another_at(&s, text, text.find(word).unwrap(), word);
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
        assert!(check("Stalin, born in 1878, was older.", "born"));
        assert!(check("He outlived Lenin, who died in 1924.", "died"));
        assert!(!check("Trotsky's death shocked the world.", "death"));
        assert!(!check("Trotsky died in 1940.", "died"));
        assert!(!check("Trotsky died of his wounds in 1940.", "died"));
        assert!(check("He mourned the death of Lenin in 1924.", "death"));
        // The whole name after "of" tells whose: the subject's names, or others'
        // sharing a word with them.
        assert!(!check("He recalled the exile of Lev Bronstein.", "exile"));
        assert!(!check("He recalled the exile of Trotsky in 1929.", "exile"));
        assert!(check("He recalled the exile of Natalia Trotsky.", "exile"));
        assert!(check("He recalled the exile of Lev Kamenev.", "exile"));
        assert!(!check(
            "Stalin expelled Trotsky from the Soviet Union in 1928.",
            "expelled"
        ));
        // A trigger may span the object.
        assert!(!check(
            "Stalin expelled Trotsky from the Soviet Union in 1928.",
            "expelled Trotsky from the Soviet Union"
        ));
        assert!(!check("He was killed in Mexico in 1940.", "killed"));
        assert!(!check(
            "In Mexico, Trotsky was murdered in 1940.",
            "murdered"
        ));
    }
}
