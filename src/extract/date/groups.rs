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

use std::ops::Range;

use regex_automata::meta::{Config, Regex};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::captures::Captures;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind};

/// A pattern compiled twice: to find matches, and to read a match's groups.
pub(super) struct GroupRegex {
    find: Regex,
    groups: Regex,
}

impl GroupRegex {
    /// Compiles `pattern` as `regex::Regex::new` does. The pattern is parsed
    /// once for both regexes.
    pub(super) fn new(pattern: &str) -> Result<Self, Box<dyn std::error::Error>> {
        let config = Config::new()
            .match_kind(MatchKind::LeftmostFirst)
            .utf8_empty(true)
            .nfa_size_limit(Some(10 * (1 << 20)))
            .hybrid_cache_capacity(2 * (1 << 20));
        let hir = syntax::parse_with(pattern, &syntax::Config::new().utf8(true))?;
        let build = |config: Config| {
            Regex::builder()
                .configure(config)
                .build_from_hir(&hir)
                .map_err(Box::new)
        };
        // Each regex builds only the engines its search uses: the unanchored
        // search for matches has no use for a one-pass automaton, and the
        // anchored one for groups none for a prefilter or the lazy DFA (nor the
        // reverse automaton that goes with it). Every engine gives the same
        // matches, so this changes how fast, never what.
        Ok(Self {
            find: build(
                config
                    .clone()
                    .which_captures(WhichCaptures::Implicit)
                    .onepass(false)
                    .dfa(false),
            )?,
            groups: build(config.auto_prefilter(false).hybrid(false).dfa(false))?,
        })
    }

    /// The first match that starts at or after `from`, with its groups.
    pub(super) fn captures_at<'h>(&self, text: &'h str, from: usize) -> Option<Groups<'h>> {
        let found = self.find.search(&Input::new(text).range(from..))?;
        let mut caps = self.groups.create_captures();
        let on_match = Input::new(text).span(found.range()).anchored(Anchored::Yes);
        self.groups.search_captures(&on_match, &mut caps);
        caps.is_match().then_some(Groups { text, caps })
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

    const PATTERN: &str =
        r"\b(?P<dm>(?P<d>\d{1,2}) (?P<m>may|june))\b|\b(?P<y>\d{4})\b|(?P<w>\bé\w+)";

    /// Every match and its groups as `regex` reads them in one search.
    fn one_search(text: &str) -> Vec<Vec<Option<(usize, usize)>>> {
        let re = regex::Regex::new(PATTERN).expect("valid");
        re.captures_iter(text)
            .map(|c| c.iter().map(|g| g.map(|g| (g.start(), g.end()))).collect())
            .collect()
    }

    fn two_steps(text: &str) -> Vec<Vec<Option<(usize, usize)>>> {
        let re = GroupRegex::new(PATTERN).expect("valid");
        let names = ["dm", "d", "m", "y", "w"];
        let mut all = Vec::new();
        let mut pos = 0;
        while let Some(g) = re.captures_at(text, pos) {
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
        ] {
            assert_eq!(two_steps(text), one_search(text), "{text}");
        }
    }

    #[test]
    fn groups_by_name() {
        let re = GroupRegex::new(PATTERN).expect("valid");
        let g = re.captures_at("by 12 june 1922", 0).expect("a match");
        assert_eq!(g.whole().as_str(), "12 june");
        assert_eq!(g.name("d").map(|d| d.as_str()), Some("12"));
        assert_eq!(g.name("m").map(|m| m.range()), Some(6..10));
        assert_eq!(g.name("y"), None);
        assert_eq!(g.name("no such group"), None);
        let g = re.captures_at("by 12 june 1922", 10).expect("a match");
        assert_eq!(g.name("y").map(|y| y.as_str()), Some("1922"));
        assert!(re.captures_at("by 12 june 1922", 15).is_none());
    }

    #[test]
    fn a_word_boundary_sees_the_text_around_the_match() {
        let re = GroupRegex::new(PATTERN).expect("valid");
        // "1921" runs into a Cyrillic letter: no boundary, no year.
        assert!(re.captures_at("1921г", 0).is_none());
        let g = re.captures_at("a1921 1922", 0).expect("a match");
        assert_eq!(g.whole().range(), 6..10);
    }
}
