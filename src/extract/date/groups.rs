//! A regex of many named groups, searched in two steps: a search without groups
//! finds each match, then a search anchored on that match alone reads its groups.
//!
//! One search for groups over a whole sentence may fall back (on a byte its fast
//! engine cannot take) to an engine whose memory per thread is the regex's states
//! times its groups: tens of megabytes for the date regex. Anchored on a short
//! match the groups come from an engine whose memory is bounded by the match's
//! length. Both steps read the same pattern with the same leftmost-first rules,
//! and look-around at the ends of the match sees the text around it, so the
//! match and its groups are those one search would give.
//!
use std::ops::Range;
use std::sync::OnceLock;

use regex_automata::meta::{Config, Regex};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::captures::Captures;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind};
use regex_syntax::hir::{Capture, Hir, HirKind, Look, Repetition};

/// A pattern compiled to find matches and to read a match's groups. Matches
/// are found by one of two regexes, each compiled on first use: where every
/// word char of the text is ASCII (most texts), one whose word boundaries are
/// ASCII ones, which there mark the same places; in any other text, the
/// pattern as it is. The lazy DFA that finds matches takes an ASCII word
/// boundary on any text, but gives up on a Unicode one at the first non-ASCII
/// byte (a bullet, a Cyrillic word), and a slower engine then searches the
/// whole text.
pub(super) struct GroupRegex {
    hir: Hir,
    find: OnceLock<Regex>,
    find_ascii: OnceLock<Regex>,
    groups: Regex,
}

impl GroupRegex {
    /// Compiles `pattern` as `regex::Regex::new` does. It is parsed once for
    /// every regex.
    pub(super) fn new(pattern: &str) -> Result<Self, Box<dyn std::error::Error>> {
        let hir = syntax::parse_with(pattern, &syntax::Config::new().utf8(true))?;
        // The regex for groups builds no engine its anchored search leaves
        // unused: no prefilter, no lazy DFA (nor the reverse automaton that goes
        // with it). Every engine gives the same matches, so this changes how
        // fast, never what.
        let groups = build(
            &hir,
            config().auto_prefilter(false).hybrid(false).dfa(false),
        )?;
        Ok(Self {
            hir,
            find: OnceLock::new(),
            find_ascii: OnceLock::new(),
            groups,
        })
    }

    /// The regex that finds matches in `text`.
    fn finder(&self, text: &str) -> &Regex {
        // The search for matches has no use for a one-pass automaton. The
        // groups' regex compiled from the same tree, and this one is no
        // bigger.
        let find = |hir: &Hir| {
            let config = config()
                .which_captures(WhichCaptures::Implicit)
                .onepass(false)
                .dfa(false);
            build(hir, config).expect("the groups' regex compiled from the same tree")
        };
        if ascii_words(text) {
            self.find_ascii
                .get_or_init(|| find(&ascii_boundaries(&self.hir)))
        } else {
            self.find.get_or_init(|| find(&self.hir))
        }
    }

    /// The searches of `text`, with the regex that finds matches in it chosen
    /// once.
    pub(super) fn searcher<'r, 'h>(&'r self, text: &'h str) -> Searcher<'r, 'h> {
        Searcher {
            find: self.finder(text),
            groups: &self.groups,
            text,
        }
    }
}

/// The searches of one text with a [`GroupRegex`].
pub(super) struct Searcher<'r, 'h> {
    find: &'r Regex,
    groups: &'r Regex,
    text: &'h str,
}

impl<'h> Searcher<'_, 'h> {
    /// The first match that starts at or after `from`, with its groups.
    pub(super) fn captures_at(&self, from: usize) -> Option<Groups<'h>> {
        let text = self.text;
        let found = self.find.search(&Input::new(text).range(from..))?;
        let mut caps = self.groups.create_captures();
        let on_match = Input::new(text).span(found.range()).anchored(Anchored::Yes);
        self.groups.search_captures(&on_match, &mut caps);
        caps.is_match().then_some(Groups { text, caps })
    }
}

/// The settings every regex of a [`GroupRegex`] shares: `regex::Regex`'s.
fn config() -> Config {
    Config::new()
        .match_kind(MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .nfa_size_limit(Some(10 * (1 << 20)))
        .hybrid_cache_capacity(2 * (1 << 20))
}

fn build(hir: &Hir, config: Config) -> Result<Regex, Box<dyn std::error::Error>> {
    Ok(Regex::builder().configure(config).build_from_hir(hir)?)
}

/// Whether every word char of `text` is ASCII: there an ASCII word boundary
/// and a Unicode one mark the same places, as a non-ASCII char is no word char
/// to either.
fn ascii_words(text: &str) -> bool {
    text.is_ascii()
        || text
            .chars()
            .all(|c| c.is_ascii() || !regex_syntax::is_word_character(c))
}

/// `hir` with its Unicode word boundaries made ASCII ones.
fn ascii_boundaries(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Look(look) => Hir::look(match look {
            Look::WordUnicode => Look::WordAscii,
            Look::WordStartUnicode => Look::WordStartAscii,
            Look::WordEndUnicode => Look::WordEndAscii,
            Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
            Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
            other => *other,
        }),
        HirKind::Repetition(rep) => Hir::repetition(Repetition {
            sub: Box::new(ascii_boundaries(&rep.sub)),
            ..rep.clone()
        }),
        HirKind::Capture(cap) => Hir::capture(Capture {
            sub: Box::new(ascii_boundaries(&cap.sub)),
            ..cap.clone()
        }),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(ascii_boundaries).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(ascii_boundaries).collect()),
        _ => hir.clone(),
    }
}

/// The groups of one match, read by name.
pub(super) struct Groups<'h> {
    text: &'h str,
    caps: Captures,
}

impl<'h> Groups<'h> {
    /// The whole match.
    pub(super) fn whole(&self) -> Group<'h> {
        let span = self.caps.get_match().expect("a match").span();
        Group {
            text: self.text,
            start: span.start,
            end: span.end,
        }
    }

    /// The group called `name`, where it took part in the match.
    pub(super) fn name(&self, name: &str) -> Option<Group<'h>> {
        let span = self.caps.get_group_by_name(name)?;
        Some(Group {
            text: self.text,
            start: span.start,
            end: span.end,
        })
    }
}

/// The text one group matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Group<'h> {
    text: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Group<'h> {
    pub(super) fn as_str(&self) -> &'h str {
        &self.text[self.start..self.end]
    }

    pub(super) fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub(super) fn start(&self) -> usize {
        self.start
    }

    pub(super) fn end(&self) -> usize {
        self.end
    }
}

#[cfg(test)]
mod tests {
    use super::GroupRegex;

    /// The alternatives of the pattern, some of which match at one place: the
    /// first wins.
    const ALTERNATIVES: [&str; 5] = [
        r"\b(?P<dm>(?P<d>\d{1,2}) (?P<m>may|june))\b",
        r"\b(?P<dy>(?P<dd>\d{1,2}) (?P<yy>\d{4}))\b",
        r"\b(?P<y>\d{4})\b",
        r"\b(?P<n>\d{1,2})\b",
        r"(?P<w>\bé\w+)",
    ];

    fn regex() -> GroupRegex {
        GroupRegex::new(&ALTERNATIVES.join("|")).expect("valid")
    }

    /// Every match and its groups as `regex` reads them in one search.
    fn one_search(text: &str) -> Vec<Vec<Option<(usize, usize)>>> {
        let re = regex::Regex::new(&ALTERNATIVES.join("|")).expect("valid");
        re.captures_iter(text)
            .map(|c| c.iter().map(|g| g.map(|g| (g.start(), g.end()))).collect())
            .collect()
    }

    fn two_steps(text: &str) -> Vec<Vec<Option<(usize, usize)>>> {
        let re = regex();
        let names = ["dm", "d", "m", "dy", "dd", "yy", "y", "n", "w"];
        let mut all = Vec::new();
        let mut pos = 0;
        while let Some(g) = re.searcher(text).captures_at(pos) {
            let whole = g.whole();
            let mut row = vec![Some((whole.start(), whole.end()))];
            row.extend(
                names
                    .iter()
                    .map(|n| g.name(n).map(|g| (g.start(), g.end()))),
            );
            all.push(row);
            pos = whole.end().max(whole.start() + 1);
        }
        all
    }

    #[test]
    fn reads_the_groups_one_search_reads() {
        for text in [
            "on 7 may 1921 and 12 june 1922",
            "7 mayor 1921x 1922",
            "привет 1921 and 9 june, 1922г 1923",
            "the école 1900 élan",
            "12 1921, 12 may 1921, 3 4 1999",
            // Non-ASCII chars that are no word chars: the ASCII boundaries.
            "•1921• and 7 june—1922, ×12 may 1921… «1923»",
            "• 12 may 1921 •é1924",
        ] {
            assert_eq!(two_steps(text), one_search(text), "{text}");
        }
    }

    #[test]
    fn ascii_boundaries_serve_texts_whose_word_chars_are_ascii() {
        for text in ["plain 1921", "•1921•", "7 june—1922 × 3", ""] {
            assert!(super::ascii_words(text), "{text}");
        }
        for text in ["1921г", "é1921", "the école", "\u{661}"] {
            assert!(!super::ascii_words(text), "{text}");
        }
    }

    #[test]
    fn groups_by_name() {
        let re = regex();
        let g = re
            .searcher("by 12 june 1922")
            .captures_at(0)
            .expect("a match");
        assert_eq!(g.whole().as_str(), "12 june");
        assert_eq!(g.name("d").map(|d| d.as_str()), Some("12"));
        assert_eq!(g.name("m").map(|m| m.range()), Some(6..10));
        assert_eq!(g.name("y"), None);
        assert_eq!(g.name("no such group"), None);
        let g = re
            .searcher("by 12 june 1922")
            .captures_at(10)
            .expect("a match");
        assert_eq!(g.name("y").map(|y| y.as_str()), Some("1922"));
        assert!(re.searcher("by 12 june 1922").captures_at(15).is_none());
    }

    #[test]
    fn a_word_boundary_sees_the_text_around_the_match() {
        let re = regex();
        // "1921" runs into a Cyrillic letter: no boundary, no year.
        assert!(re.searcher("1921г").captures_at(0).is_none());
        let g = re.searcher("a1921 1922").captures_at(0).expect("a match");
        assert_eq!(g.whole().range(), 6..10);
    }
}
