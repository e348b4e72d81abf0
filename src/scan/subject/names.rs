//! A subject's names, pronouns and nouns, and how a sentence names it.
//!
//! A name in a sentence is the whole run of capitalised words around it: "Pierre
//! Curie" names Pierre even where "Curie" is one of Marie's names, and "Curie
//! Institute" names an institute. A run names the subject where the words before
//! its name (titles aside) are the subject's own, and any words after it end with
//! one of the subject's names ("Maria Salomea Skłodowska").

use std::collections::HashSet;
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use super::fold_pattern;
use crate::claims::{Subject, SubjectKind};
use crate::lexicon;
use crate::scan::tokens::{Token, TokenKind, WordClass, word_class};
use crate::span::LocalSpan;

/// Finds one subject's names in folded text.
#[derive(Debug)]
pub struct SubjectMatcher {
    names: AhoCorasick,
    /// The folded names `names` searches for.
    name_forms: Vec<String>,
    /// Every word of the subject's names, folded.
    words: HashSet<String>,
    /// Its members' names (a group), folded.
    members: Option<AhoCorasick>,
    member_words: HashSet<String>,
    /// Folded pronouns that refer to the subject ("he", "him", "his").
    pub pronouns: Vec<String>,
    pub kind: SubjectKind,
    /// Folded common nouns that name it with "the" ("aircraft", "accident").
    pub nouns: Vec<String>,
    /// Words of its names that tell it from others of its kind ("first" in "the
    /// first flight", "4" in "reactor 4").
    pub identifiers: Vec<String>,
    /// The subject's name, for messages.
    pub name: String,
    /// The folded name of each member of a group.
    pub member_names: Vec<String>,
    /// The folded names of the other subjects the claims declare, where they are
    /// not also this one's: a clause acted in by one of them is theirs. Sorted,
    /// without repeats ([`SubjectMatcher::set_others`]).
    others: Vec<String>,
    /// The length of the longest of them.
    others_longest: usize,
    /// Whether one of them is as long as the index: most stretches of a run
    /// are no name's length, and need no search.
    others_lengths: Vec<bool>,
}

/// One naming of a subject in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub span: LocalSpan,
    /// "Trotsky's": the subject owns what follows.
    pub possessive: bool,
    /// It names a member of the group, not the group.
    pub member: bool,
}

/// The mentions inside `span`, of `mentions` sorted by start (as
/// [`SubjectMatcher::mentions_in`] gives them): only those that start in the
/// span are read, so that a clause of a long sentence does not read all of the
/// sentence's mentions.
pub fn mentions_within(mentions: &[Mention], span: LocalSpan) -> impl Iterator<Item = &Mention> {
    let from = mentions.partition_point(|x| x.span.start < span.start);
    mentions[from..]
        .iter()
        .take_while(move |x| x.span.start <= span.end)
        .filter(move |x| span.contains(x.span))
}

/// The common noun a name of an event or a thing ends with, which names it
/// where the claims give no `nouns`: "bridge" of "Skarv Bridge", "flood" of
/// "Great Varnholm Flood", "siege" of "Siege of Tollin" (the word before "of").
/// A name of one word, or one ending in a number ("Apollo 11"), has none.
fn name_noun(folded: &str) -> Option<String> {
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let head = match words.iter().position(|&w| w == "of") {
        Some(k) if k > 0 => words[k - 1],
        Some(_) => return None,
        None if words.len() >= 2 => words[words.len() - 1],
        None => return None,
    };
    (head.len() > 2 && head.chars().all(|c| c.is_alphabetic())).then(|| head.to_string())
}

fn automaton(names: &[String]) -> Option<AhoCorasick> {
    if names.is_empty() {
        return None;
    }
    Some(
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(names)
            .expect("subject names compile"),
    )
}

fn singular(word: &str) -> String {
    crate::extract::number::singular(word)
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
        // Without aliases, a surname alone names a person: "Leon Trotsky" is also
        // "Trotsky". With aliases the claims say which names count (a family
        // shares a surname); other kinds are named as written.
        if subject.aliases.is_empty()
            && subject.kind == crate::claims::SubjectKind::Person
            && let Some(last) = fold_pattern(&subject.name).split(' ').next_back()
        {
            names.push(last.to_string());
        }
        names.sort();
        names.dedup();
        let words: HashSet<String> = names
            .iter()
            .flat_map(|n| n.split(' ').map(str::to_string))
            .filter(|w| !lexicon::is(lexicon::DETERMINERS, w))
            .collect();
        let mut nouns: Vec<String> = subject
            .nouns
            .iter()
            .map(|n| singular(&fold_pattern(n)))
            .filter(|n| !n.is_empty())
            .collect();
        if nouns.is_empty()
            && matches!(
                subject.kind,
                crate::claims::SubjectKind::Event | crate::claims::SubjectKind::Thing
            )
            && let Some(noun) = name_noun(&fold_pattern(&subject.name))
        {
            nouns.push(singular(&noun));
        }
        let identifiers: Vec<String> = words
            .iter()
            .filter(|w| !nouns.contains(&singular(w)))
            .cloned()
            .collect();
        let member_names: Vec<String> = subject
            .members
            .iter()
            .map(|m| fold_pattern(m))
            .filter(|m| !m.is_empty())
            .collect();
        // A member is named by their full name or their first name alone.
        let mut member_patterns = member_names.clone();
        member_patterns.extend(
            member_names
                .iter()
                .filter_map(|m| m.split(' ').next().map(str::to_string)),
        );
        member_patterns.sort();
        member_patterns.dedup();
        let member_words = member_patterns
            .iter()
            .flat_map(|n| n.split(' ').map(str::to_string))
            .collect();
        Some(SubjectMatcher {
            names: automaton(&names).expect("a subject has a name"),
            name_forms: names,
            words,
            members: automaton(&member_patterns),
            member_words,
            pronouns: subject.pronouns.iter().map(|p| fold_pattern(p)).collect(),
            kind: subject.kind,
            nouns,
            identifiers,
            name: subject.name.clone(),
            member_names,
            others: Vec::new(),
            others_longest: 0,
            others_lengths: Vec::new(),
        })
    }

    /// Whole-word mentions of the subject in folded `text`, with whether each is a
    /// possessive ("trotsky's"). Capitalisation unknown: every match counts.
    pub fn mentions(&self, text: &str) -> Vec<(Range<usize>, bool)> {
        self.whole_names(text)
            .map(|m| (m.range(), possessive_after(&text[m.end()..])))
            .collect()
    }

    /// The subject's names in the folded `text` that stand as whole words, in
    /// order, found as they are asked for.
    fn whole_names<'t>(&'t self, text: &'t str) -> impl Iterator<Item = aho_corasick::Match> + 't {
        self.names
            .find_iter(text)
            .filter(move |m| whole_word(text, m.range()))
    }

    /// The subject's names, folded, as [`SubjectMatcher::mentions`] finds them.
    pub fn name_forms(&self) -> &[String] {
        &self.name_forms
    }

    /// Whether the folded `text` names the subject (not only as a possessor).
    pub fn named(&self, text: &str) -> bool {
        // Stops at the first naming: a long sentence is read no further.
        self.whole_names(text)
            .any(|m| !possessive_after(&text[m.end()..]))
    }

    /// Whether the name at `orig` (bytes of the prose `text`, in a sentence
    /// starting at `sentence_start`) stands as the subject's whole name: no
    /// capitalised word of another name right before it (titles and a sentence's
    /// opening word aside), and no capitalised word after it that is not the
    /// subject's own ("Curie Institute").
    pub fn whole_name_in(
        &self,
        text: &str,
        sentence_start: usize,
        orig: Range<usize>,
        proper: &HashSet<String>,
    ) -> bool {
        let word_of = |w: &str| fold_pattern(w.trim_matches(|c: char| !c.is_alphanumeric()));
        let before = text[sentence_start..orig.start].trim_end();
        if !before.ends_with([',', ';', ':', '(', '"', '.']) {
            let mut words = before.split_whitespace().rev();
            if let Some(prev) = words.next() {
                let earlier = words.next();
                let w = word_of(prev);
                let named = prev.starts_with(char::is_uppercase)
                    && !w.is_empty()
                    && (earlier.is_some() || proper.contains(&w))
                    && word_class(&w) == WordClass::Other
                    && !lexicon::is(lexicon::TITLES, &w)
                    && !crate::scan::subject::is_month(&w);
                // One other name word right before it is another person's first
                // name ("Pierre Curie"); a longer run is a name of its own that
                // happens to stand there ("the February Revolution Trotsky").
                let run_before = earlier.is_some_and(|e| {
                    e.starts_with(char::is_uppercase)
                        && !lexicon::is(lexicon::TITLES, &word_of(e))
                        && !e.ends_with([',', ';', ':', '.'])
                        && word_class(&word_of(e)) == WordClass::Other
                });
                if named
                    && !run_before
                    && !self.words.contains(&w)
                    && !self.member_words.contains(&w)
                {
                    return false;
                }
            }
        }
        let after = text[orig.end..].trim_start_matches(['\'', '\u{2019}', 's']);
        if let Some(next) = after.split_whitespace().next()
            && text[orig.end..].starts_with(' ')
        {
            let w = word_of(next);
            let capitalised = next.starts_with(char::is_uppercase)
                && word_class(&w) == WordClass::Other
                && !crate::scan::subject::is_month(&w);
            if capitalised && !self.words.contains(&w) && !self.member_words.contains(&w) {
                return false;
            }
        }
        true
    }

    /// The words of the subject's names and of its members' (folded).
    pub fn name_words(&self) -> impl Iterator<Item = String> + '_ {
        self.words.iter().chain(&self.member_words).cloned()
    }

    /// Whether the folded `word` is one of the subject's pronouns.
    pub fn is_pronoun(&self, word: &str) -> bool {
        self.pronouns.iter().any(|p| p == word)
    }

    /// Tells the matcher the folded names of the other declared subjects.
    pub fn set_others(&mut self, mut others: Vec<String>) {
        others.sort();
        others.dedup();
        self.others_longest = others.iter().map(String::len).max().unwrap_or(0);
        self.others_lengths = vec![false; self.others_longest + 1];
        for o in &others {
            self.others_lengths[o.len()] = true;
        }
        self.others = others;
    }

    /// Whether a folded run of name words holds another declared subject's name
    /// ("the battle of ostrau", "ostrau"): whole words of it, from a word's start
    /// to a word's end, are one of the names. Each such stretch no longer than
    /// the longest name is looked up, so that the cost is the run's, not the
    /// number of subjects'.
    pub fn names_other(&self, run: &str) -> bool {
        let bytes = run.as_bytes();
        let starts = std::iter::once(0).chain(
            bytes
                .iter()
                .enumerate()
                .filter(|&(_, &b)| b == b' ')
                .map(|(i, _)| i + 1),
        );
        for i in starts {
            let reach = (i + self.others_longest + 1).min(run.len());
            let spaces = bytes[i..reach]
                .iter()
                .enumerate()
                .filter(|&(_, &b)| b == b' ')
                .map(|(k, _)| i + k);
            let whole = (run.len() - i <= self.others_longest).then_some(run.len());
            for j in spaces.chain(whole) {
                let stretch = &run[i..j];
                if self.others_lengths.get(stretch.len()) == Some(&true)
                    && self
                        .others
                        .binary_search_by(|o| crate::lexicon::word_order(o, stretch))
                        .is_ok()
                {
                    return true;
                }
            }
        }
        false
    }

    pub fn is_subject(&self, name: &str) -> bool {
        // The first mention is enough: none is collected.
        self.whole_names(name).next().is_some()
    }

    /// Whether the folded `name` is the subject's, or one of its members' (a
    /// group acts through its members).
    pub fn is_own(&self, name: &str) -> bool {
        self.is_subject(name) || self.is_member(name)
    }

    /// Whether a folded run of name words is the subject's whole name: it holds
    /// one of its names, and its first and last words (titles aside) are the
    /// subject's own ("lev davidovich bronstein" yes; "pierre curie", "curie
    /// institute" no).
    pub fn is_whole_name(&self, run: &str) -> bool {
        if !self.is_subject(run) && !self.is_member(run) {
            return false;
        }
        let own = |w: &&str| self.words.contains(*w) || self.member_words.contains(*w);
        let words: Vec<&str> = run
            .split(' ')
            .filter(|w| !lexicon::is(lexicon::TITLES, w))
            .collect();
        // Words before the name: one is another person's first name ("pierre
        // curie"), several are a name of their own that stands before it.
        let lead = words.iter().take_while(|w| !own(w)).count();
        (lead == 0 || lead >= 2) && words.last().is_some_and(own)
    }

    /// Whether the folded `name` is one of the group's members.
    pub fn is_member(&self, name: &str) -> bool {
        self.members
            .as_ref()
            .is_some_and(|m| m.find_iter(name).any(|x| whole_word(name, x.range())))
    }

    /// Whether the folded word is one of the nouns that name the subject.
    pub fn is_noun(&self, word: &str) -> bool {
        let w = singular(word);
        self.nouns.contains(&w)
    }

    /// The subject's mentions in a tokenised sentence, by the whole-name rule.
    /// `proper(word)` tells whether a capitalised word that opens the sentence is
    /// a name the document capitalises elsewhere.
    pub fn mentions_in(
        &self,
        text: &str,
        tokens: &[Token],
        proper: &dyn Fn(&str) -> bool,
    ) -> Vec<Mention> {
        let mut out = Vec::new();
        for (auto, member) in [(Some(&self.names), false), (self.members.as_ref(), true)] {
            let Some(auto) = auto else { continue };
            for m in auto.find_iter(text) {
                if !whole_word(text, m.range()) {
                    continue;
                }
                let span: LocalSpan = m.range().into();
                let own: &HashSet<String> = if member {
                    &self.member_words
                } else {
                    &self.words
                };
                if !run_is_own(text, tokens, span, own, proper) {
                    continue;
                }
                out.push(Mention {
                    span,
                    possessive: possessive_after(&text[m.end()..]),
                    member,
                });
            }
        }
        out.sort_by_key(|m| m.span.start);
        out
    }
}

fn whole_word(text: &str, r: Range<usize>) -> bool {
    !text[..r.start].ends_with(char::is_alphanumeric)
        && !text[r.end..].starts_with(char::is_alphanumeric)
}

fn possessive_after(rest: &str) -> bool {
    rest.starts_with("'s") || rest.starts_with("' ")
}

impl SubjectMatcher {
    /// Whether the words at `span` stand inside someone else's name: a run of
    /// capitalised words that a word before them, not the subject's own nor a
    /// title, opens ("Wladyslaw Sklodowski", "Pierre Curie").
    pub fn in_other_name(
        &self,
        text: &str,
        tokens: &[Token],
        span: LocalSpan,
        proper: &dyn Fn(&str) -> bool,
    ) -> bool {
        let first = tokens.partition_point(|t| t.span.end <= span.start);
        if first == 0 || !tokens.get(first).is_some_and(|t| t.cap) {
            return false;
        }
        let prev = &tokens[first - 1];
        let w = prev.text(text);
        let sentence_start = tokens.iter().position(|t| t.is_word()).unwrap_or(0);
        prev.kind == TokenKind::Word
            && prev.cap
            && word_class(w) == WordClass::Other
            && (first - 1 != sentence_start || proper(w))
            && !self.words.contains(w)
            && !lexicon::is(lexicon::TITLES, w)
            && !crate::scan::subject::is_month(w)
    }
}

/// Whether the capitalised run around `span` is the subject's: the words before
/// the name (titles aside) are its own, and a run going on after the name ends
/// with one of its own words.
fn run_is_own(
    text: &str,
    tokens: &[Token],
    span: LocalSpan,
    own: &HashSet<String>,
    proper: &dyn Fn(&str) -> bool,
) -> bool {
    let first = tokens.partition_point(|t| t.span.end <= span.start);
    let last = tokens.partition_point(|t| t.span.start < span.end);
    if first >= last || !tokens[first..last].iter().any(|t| t.cap) {
        // A name written in lowercase ("the accident"): the words decide alone.
        return true;
    }
    let sentence_start = tokens.iter().position(|t| t.is_word()).unwrap_or(0);
    let in_run = |k: usize| -> bool {
        let t = &tokens[k];
        if t.kind != TokenKind::Word || !t.cap {
            return false;
        }
        let w = t.text(text);
        if k == sentence_start
            && ((!proper(w) && !own.contains(w))
                || lexicon::is(lexicon::CLAUSE_OPENERS, w)
                || lexicon::is(lexicon::CAPITALISED_NON_NAMES, w))
        {
            return false;
        }
        word_class(w) == WordClass::Other
    };
    let mut k = first;
    while k > 0 && in_run(k - 1) {
        k -= 1;
        let w = tokens[k].text(text);
        if !own.contains(w) && !lexicon::is(lexicon::TITLES, w) {
            return false;
        }
    }
    let mut end = last;
    while end < tokens.len() && in_run(end) {
        end += 1;
    }
    end == last || own.contains(tokens[end - 1].text(text))
}

#[cfg(test)]
mod tests;
