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
use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use regex_automata::meta::Regex;
use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input, MatchKind, PatternID};
use regex_syntax::hir::Hir;

/// A pattern compiled to find matches and to read a match's groups, by one of
/// two regexes: where every word char of the text is ASCII (most texts), one
/// whose word boundaries are ASCII ones, which there mark the same places, and
/// whose classes hold the non-ASCII chars such a text may hold or none
/// ([`super::mask::for_ascii_words`]: `\W` as a few ranges); in
/// any other text, the same regex on the text masked where the pattern allows
/// it, else the pattern as it is, compiled on first use. The lazy DFA that
/// finds matches takes an ASCII word boundary on any text, but gives up on a
/// Unicode one at the first non-ASCII byte (a bullet, a Cyrillic word), and a
/// slower engine then searches the whole text.
///
/// Each regex serves both steps, so a text needs one pattern compiled: its
/// forward automaton with groups (the lazy DFA skips them) and the reverse one
/// that finds where a match starts.
pub(super) struct GroupRegex {
    alternatives: Vec<String>,
    ascii: Regex,
    unicode: OnceLock<Regex>,
    /// No match holds `_` or a non-ASCII word char: any other text is searched
    /// masked with the ASCII regex (see [`super::mask`]).
    maskable: bool,
    known: Known,
}

/// The groups that span a match whole where its words alone tell which
/// alternative matched (the date regex's bare year), or `None`: such a match
/// needs no second search. The search for groups on a match of a regex of many
/// alternatives tries each of them there, which costs as much as finding it.
pub(super) type Known = fn(&str) -> Option<&'static [&'static str]>;

impl GroupRegex {
    /// Compiles the alternatives of a pattern (`a|b|c`, each its own pattern
    /// of one regex, in order) to find what `regex::Regex::new` finds with the
    /// pattern, with the groups `known` tells of a match from its words. A match
    /// tells which alternative it is, and the search for its groups tries that
    /// one alone; leftmost-first, the first alternative that matches at a place
    /// wins, as in the pattern.
    pub(super) fn new(
        alternatives: &[String],
        known: Known,
    ) -> Result<Self, Box<dyn std::error::Error>> {
        let hirs = alternatives
            .iter()
            .map(|a| parse(&ascii_boundaries(a)))
            .collect::<Result<Vec<_>, _>>()?;
        let maskable = hirs.iter().all(super::mask::maskable);
        // The ASCII regex reads only texts whose word chars are ASCII.
        let hirs: Vec<Hir> = hirs.into_iter().map(super::mask::for_ascii_words).collect();
        Ok(Self {
            alternatives: alternatives.to_vec(),
            ascii: build(&hirs)?,
            unicode: OnceLock::new(),
            maskable,
            known,
        })
    }

    /// The searches of `text`, with the regex for it chosen once: the ASCII
    /// regex for a text whose word chars are all ASCII, or for the masked text
    /// where the pattern allows; else the pattern as it is.
    pub(super) fn searcher<'r, 'h>(&'r self, text: &'h str) -> Searcher<'r, 'h> {
        let (regex, hay) = if ascii_words(text) {
            (&self.ascii, Cow::Borrowed(text))
        } else if self.maskable {
            (&self.ascii, Cow::Owned(super::mask::mask(text)))
        } else {
            (self.unicode(), Cow::Borrowed(text))
        };
        Searcher {
            regex,
            known: self.known,
            text,
            hay,
        }
    }

    /// The pattern as it is, with Unicode word boundaries, compiled on first
    /// use.
    fn unicode(&self) -> &Regex {
        self.unicode.get_or_init(|| {
            let hirs: Vec<Hir> = self
                .alternatives
                .iter()
                .map(|a| parse(a).expect("the pattern parsed with ASCII boundaries"))
                .collect();
            build(&hirs).expect("the pattern compiled with ASCII boundaries")
        })
    }

    /// Whether a text with non-ASCII word chars is searched masked.
    #[cfg(test)]
    pub(super) fn is_maskable(&self) -> bool {
        self.maskable
    }

    /// The searches of `text` with the pattern as it is, never masked.
    #[cfg(test)]
    pub(super) fn unmasked<'r, 'h>(&'r self, text: &'h str) -> Searcher<'r, 'h> {
        Searcher {
            regex: self.unicode(),
            known: self.known,
            text,
            hay: Cow::Borrowed(text),
        }
    }
}

/// The searches of one text with a [`GroupRegex`].
pub(super) struct Searcher<'r, 'h> {
    regex: &'r Regex,
    known: Known,
    /// The text, whose words the groups read.
    text: &'h str,
    /// What is searched: the text, or it masked (the same offsets).
    hay: Cow<'h, str>,
}

impl<'h> Searcher<'_, 'h> {
    /// The first match that starts at or after `from`, with its groups.
    pub(super) fn captures_at(&self, from: usize) -> Option<Groups<'h>> {
        let found = self.regex.search(&Input::new(&*self.hay).range(from..))?;
        let whole = found.range();
        match (self.known)(&self.text[whole.clone()]) {
            Some(names) => Some(Groups {
                text: self.text,
                whole,
                read: Read::Whole(names),
            }),
            None => self.groups_on(whole, found.pattern()),
        }
    }

    /// The groups of the match `whole` of alternative `pattern`, searched for.
    fn groups_on(&self, whole: Range<usize>, pattern: PatternID) -> Option<Groups<'h>> {
        let mut caps = self.regex.create_captures();
        let on_match = Input::new(self.text)
            .span(whole.clone())
            .anchored(Anchored::Pattern(pattern));
        self.regex.search_captures(&on_match, &mut caps);
        caps.is_match().then_some(Groups {
            text: self.text,
            whole,
            read: Read::Searched(caps),
        })
    }

    /// [`Searcher::captures_at`] with the groups always searched for.
    #[cfg(test)]
    pub(super) fn searched_at(&self, from: usize) -> Option<Groups<'h>> {
        let found = self.regex.search(&Input::new(&*self.hay).range(from..))?;
        self.groups_on(found.range(), found.pattern())
    }

    /// The name of every group of the regex.
    #[cfg(test)]
    pub(super) fn group_names(&self) -> Vec<&str> {
        let info = self.regex.group_info();
        info.all_names().filter_map(|(_, _, name)| name).collect()
    }
}

/// Parses `pattern` as `regex::Regex::new` does.
fn parse(pattern: &str) -> Result<Hir, Box<dyn std::error::Error>> {
    Ok(crate::re::parse(pattern)?)
}

/// Compiles the alternatives `hirs` as patterns of one regex, with
/// `regex::Regex`'s settings. A one-pass automaton would serve only anchored
/// searches of one-pass patterns, which these are not; the search for groups on
/// a match takes the bounded backtracker instead.
fn build(hirs: &[Hir]) -> Result<Regex, Box<dyn std::error::Error>> {
    let config = crate::re::regex_crate_config()
        .match_kind(MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .onepass(false)
        .dfa(false)
        .auto_prefilter(false);
    Ok(Regex::builder()
        .configure(config)
        .build_many_from_hir(hirs)?)
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

/// `pattern` with each word boundary (`\b`, `\B`, `\b{start}`, `\<`, `\>`)
/// an ASCII one. Rewriting the pattern costs less than rewriting its parsed
/// tree, whose every node is rebuilt.
fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 64);
    let mut rest = pattern;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let escape = &rest[at..];
        let len = match escape.as_bytes().get(1) {
            Some(b'b') if escape[2..].starts_with('{') => {
                escape.find('}').map_or(escape.len(), |end| end + 1)
            }
            Some(b'b' | b'B' | b'<' | b'>') => 2,
            Some(_) => {
                let next = escape[1..].chars().next().map_or(0, char::len_utf8);
                out.push_str(&escape[..1 + next]);
                rest = &escape[1 + next..];
                continue;
            }
            None => 1,
        };
        if len == 1 {
            out.push('\\');
        } else {
            out.push_str("(?-u:");
            out.push_str(&escape[..len]);
            out.push(')');
        }
        rest = &escape[len..];
    }
    out.push_str(rest);
    out
}

/// The groups of one match, read by name.
pub(super) struct Groups<'h> {
    text: &'h str,
    whole: Range<usize>,
    read: Read,
}

/// How a match's groups were read.
enum Read {
    /// The groups that span the match whole, known from its words.
    Whole(&'static [&'static str]),
    /// Searched for on the match.
    Searched(Captures),
}

impl<'h> Groups<'h> {
    /// The whole match.
    pub(super) fn whole(&self) -> Group<'h> {
        self.group(self.whole.clone())
    }

    /// The group called `name`, where it took part in the match.
    pub(super) fn name(&self, name: &str) -> Option<Group<'h>> {
        match &self.read {
            Read::Whole(names) => names.contains(&name).then(|| self.whole()),
            Read::Searched(caps) => caps
                .get_group_by_name(name)
                .map(|span| self.group(span.range())),
        }
    }

    fn group(&self, range: Range<usize>) -> Group<'h> {
        Group {
            text: self.text,
            start: range.start,
            end: range.end,
        }
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
        GroupRegex::new(&ALTERNATIVES.map(String::from), |_| None).expect("valid")
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
    fn ascii_boundaries_rewrite_only_word_boundaries() {
        let cases = [
            (r"\b(?P<y>\d{4})\b", r"(?-u:\b)(?P<y>\d{4})(?-u:\b)"),
            (
                r"\\b\.\b{start}x\b{end}",
                r"\\b\.(?-u:\b{start})x(?-u:\b{end})",
            ),
            (r"\<é\>|\B", r"(?-u:\<)é(?-u:\>)|(?-u:\B)"),
            (r"a\", r"a\"),
            ("", ""),
        ];
        for (pattern, ascii) in cases {
            assert_eq!(super::ascii_boundaries(pattern), ascii, "{pattern}");
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
