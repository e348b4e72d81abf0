//! A bound on the memory the regex compiler's automaton builder needs for a
//! claim regex, worked out without compiling it: from the translated tree
//! ([`nfa_bound`]), or from the syntax tree alone ([`ast_bound`]), which spares
//! loading the translation of every regex that no document reaches.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::{LazyLock, OnceLock};

use regex_syntax::ast::{self, Ast};
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind};

/// Bytes of the automaton builder's memory, with room to spare (measured: about
/// 80 a literal byte; about 11 for each byte of a class's UTF-8 sequences, and
/// each sequence, compiled in reverse, the larger of the two directions).
const PER_STATE: usize = 96;
const PER_SEQUENCE_BYTE: usize = 24;

/// An upper bound of the memory the regex compiler's automaton builder uses for
/// `hir`, forward or reverse, which is what its size limit is checked against: a
/// state for every literal byte and every other node, every byte range of a
/// class's UTF-8 sequences a state, a repetition as many copies as the compiler
/// makes. The tests check it against the compiler.
pub(crate) fn nfa_bound(hir: &Hir) -> usize {
    // The unanchored prefix, the match state and the pattern's own group.
    node_bound(hir).saturating_add(16 * PER_STATE)
}

fn node_bound(hir: &Hir) -> usize {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => PER_STATE,
        HirKind::Literal(lit) => (lit.0.len() + 1) * PER_STATE,
        HirKind::Class(Class::Bytes(c)) => (c.ranges().len() + 2) * PER_STATE,
        HirKind::Class(Class::Unicode(c)) => class_bound(c.ranges()) + 2 * PER_STATE,
        HirKind::Capture(cap) => node_bound(&cap.sub).saturating_add(2 * PER_STATE),
        HirKind::Repetition(rep) => copies(rep.min, rep.max)
            .saturating_mul(node_bound(&rep.sub).saturating_add(2 * PER_STATE)),
        HirKind::Concat(subs) => subs
            .iter()
            .map(node_bound)
            .fold(PER_STATE, usize::saturating_add),
        HirKind::Alternation(subs) => subs
            .iter()
            .map(|h| node_bound(h).saturating_add(2 * PER_STATE))
            .fold(2 * PER_STATE, usize::saturating_add),
    }
}

/// The bytes of a class's UTF-8 sequences, each counted once per class: a
/// claims file writes the same few classes (`\s`, `\S`, `\w`) in many
/// patterns, and `\w` alone has hundreds of ranges to cut into sequences.
fn class_bound(ranges: &[ClassUnicodeRange]) -> usize {
    thread_local! {
        static KNOWN: RefCell<BTreeMap<Vec<ClassUnicodeRange>, usize>> =
            const { RefCell::new(BTreeMap::new()) };
    }
    if let Some(bound) = KNOWN.with(|k| k.borrow().get(ranges).copied()) {
        return bound;
    }
    let bound = sequences_bound(ranges);
    KNOWN.with(|k| k.borrow_mut().insert(ranges.to_vec(), bound));
    bound
}

/// The bytes of the UTF-8 sequences of `ranges` (see [`class_bound`], which
/// keeps them for each class).
fn sequences_bound(ranges: &[ClassUnicodeRange]) -> usize {
    ranges
        .iter()
        .flat_map(|r| regex_syntax::utf8::Utf8Sequences::new(r.start(), r.end()))
        .map(|s| (s.len() + 1) * PER_SEQUENCE_BYTE)
        .sum()
}

/// [`nfa_bound`] of the tree that translating `ast` case-insensitively gives,
/// or more, read off the syntax tree: each char as the larger of its literal
/// and the class of its case variants, `.` and `\w`, `\d`, `\s` (and their
/// negations) as the classes they translate to, whatever the flags. `None`
/// where the tree holds what only translating tells, or may make an error: a
/// bracketed or Unicode class, or Unicode turned off. The tests check it
/// against [`nfa_bound`].
pub(super) fn ast_bound(ast: &Ast) -> Option<usize> {
    Some(ast_node_bound(ast)?.saturating_add(16 * PER_STATE))
}

fn ast_node_bound(ast: &Ast) -> Option<usize> {
    Some(match ast {
        Ast::Empty(_) | Ast::Assertion(_) => PER_STATE,
        Ast::Flags(set) if turns_unicode_off(&set.flags) => return None,
        Ast::Flags(_) => PER_STATE,
        Ast::Literal(lit) => char_bound(lit.c),
        Ast::Dot(_) => *DOT,
        Ast::ClassPerl(class) => {
            let kind = match class.kind {
                ast::ClassPerlKind::Digit => 0,
                ast::ClassPerlKind::Space => 1,
                ast::ClassPerlKind::Word => 2,
            };
            perl_bound(2 * kind + usize::from(class.negated))
        }
        Ast::ClassUnicode(_) | Ast::ClassBracketed(_) => return None,
        Ast::Repetition(rep) => {
            let (min, max) = match &rep.op.kind {
                ast::RepetitionKind::ZeroOrOne => (0, Some(1)),
                ast::RepetitionKind::ZeroOrMore => (0, None),
                ast::RepetitionKind::OneOrMore => (1, None),
                ast::RepetitionKind::Range(ast::RepetitionRange::Exactly(n)) => (*n, Some(*n)),
                ast::RepetitionKind::Range(ast::RepetitionRange::AtLeast(n)) => (*n, None),
                ast::RepetitionKind::Range(ast::RepetitionRange::Bounded(m, n)) => (*m, Some(*n)),
            };
            copies(min, max).saturating_mul(ast_node_bound(&rep.ast)?.saturating_add(2 * PER_STATE))
        }
        Ast::Group(group) => {
            if group.flags().is_some_and(turns_unicode_off) {
                return None;
            }
            let sub = ast_node_bound(&group.ast)?;
            if group.is_capturing() {
                sub.saturating_add(2 * PER_STATE)
            } else {
                sub
            }
        }
        Ast::Alternation(alt) => alt.asts.iter().try_fold(2 * PER_STATE, |sum, a| {
            Some(sum.saturating_add(ast_node_bound(a)?.saturating_add(2 * PER_STATE)))
        })?,
        Ast::Concat(concat) => concat.asts.iter().try_fold(PER_STATE, |sum, a| {
            Some(sum.saturating_add(ast_node_bound(a)?))
        })?,
    })
}

/// Whether `flags` turn Unicode off (`(?-u)`): a class may then translate
/// to bytes, or fail to.
fn turns_unicode_off(flags: &ast::Flags) -> bool {
    flags.flag_state(ast::Flag::Unicode) == Some(false)
}

/// The copies of its part the compiler makes of a repetition.
fn copies(min: u32, max: Option<u32>) -> usize {
    match max {
        Some(max) => max.max(1) as usize,
        None => min as usize + 1,
    }
}

/// The larger of what `c` translates to, with and without case: a literal, or
/// the class of `c` and its case variants. Worked out once for each ASCII char.
fn char_bound(c: char) -> usize {
    static ASCII: LazyLock<[usize; 128]> =
        LazyLock::new(|| std::array::from_fn(|b| folded_char_bound(char::from(b as u8))));
    match usize::try_from(u32::from(c)) {
        Ok(b) if b < 128 => ASCII[b],
        _ => folded_char_bound(c),
    }
}

fn folded_char_bound(c: char) -> usize {
    let literal = (c.len_utf8() + 1) * PER_STATE;
    let mut class = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
    class.case_fold_simple();
    literal.max(sequences_bound(class.ranges()) + 2 * PER_STATE)
}

/// [`node_bound`] of `.`, whatever the flags: the class it translates to.
static DOT: LazyLock<usize> = LazyLock::new(|| largest([r".", r"(?s:.)", r"(?R:.)", r"(?sR:.)"]));

/// [`node_bound`] of `\d`, `\D`, `\s`, `\S`, `\w`, `\W`, in that order, with
/// or without case: the classes they translate to, each worked out when a
/// regex first holds it.
fn perl_bound(k: usize) -> usize {
    const NAMES: [&str; 6] = [r"\d", r"\D", r"\s", r"\S", r"\w", r"\W"];
    static KNOWN: [OnceLock<usize>; 6] = [const { OnceLock::new() }; 6];
    *KNOWN[k].get_or_init(|| largest([NAMES[k].to_string(), format!("(?-i:{})", NAMES[k])]))
}

/// The largest [`node_bound`] of the case-insensitive trees of `patterns`.
fn largest<S: AsRef<str>>(patterns: impl IntoIterator<Item = S>) -> usize {
    patterns
        .into_iter()
        .map(|p| {
            regex_syntax::ParserBuilder::new()
                .case_insensitive(true)
                .build()
                .parse(p.as_ref())
                .map_or(usize::MAX, |hir| node_bound(&hir))
        })
        .max()
        .unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::pattern::REGEX_SIZE_LIMIT;
    use regex_automata::nfa::thompson;

    use crate::claims::pattern::case_insensitive_hir as hir;

    /// Whether the compiler builds `folded`'s automaton, forward and reverse,
    /// within `limit` bytes.
    fn fits(folded: &str, limit: usize) -> bool {
        let h = hir(folded);
        [false, true].into_iter().all(|reverse| {
            // The reverse automaton is built without groups, as the meta regex
            // builds it.
            let groups = if reverse {
                thompson::WhichCaptures::None
            } else {
                thompson::WhichCaptures::All
            };
            thompson::Compiler::new()
                .configure(
                    thompson::Config::new()
                        .nfa_size_limit(Some(limit))
                        .reverse(reverse)
                        .which_captures(groups),
                )
                .build_from_hir(&h)
                .is_ok()
        })
    }

    #[test]
    fn the_size_bound_is_never_below_the_compilers_size() {
        for p in [
            r"\bdied\b",
            r"\b(?:died|death|killed herself)\b",
            r"\bescaped?\b(?:\s\S+){0,4}\s(?:from\s)?(?:siberia|exile)",
            r"\barrest\w*\b.*\bsouth russian workers.? union\b",
            r"\brefus\w+ to sign\b",
            r"\w{3,7}",
            r"\w{10}",
            r"[^a-z]{2}\d+",
            r"(?-u:[\x00-\x7f])+ \p{Greek}",
            r"\bk[sß]\b|\bω\b",
            r"(a|b|)*?c{0}",
            r".{0,40}",
            r"(?s:.)\W",
            r"\d{4}",
            r"(?:a|bc|def){2,5}",
            r"(?:x*)*",
            r"\bσ\w*",
            r"[\x{10000}-\x{10FFFF}]",
            r"[\x{80}-\x{10FFFF}]{3}",
            r"(?:.{0,3}\s){0,8}",
            r"[^\s\S]",
            "",
        ] {
            let bound = nfa_bound(&hir(p));
            assert!(fits(p, bound), "{p}: bound {bound} too small");
        }
    }

    #[test]
    fn the_bound_is_tight_enough_to_leave_common_regexes_uncompiled() {
        for p in [
            r"\bborn\b",
            r"\b(?:moved|went|came)\b(?:\s\S+){0,3}\s(?:to|in)\s(?:norway|oslo)\b",
            r"\brenamed (?:itself )?(?:to )?the international communist league\b",
        ] {
            assert!(nfa_bound(&hir(p)) <= REGEX_SIZE_LIMIT, "{p}");
        }
    }

    fn ast(folded: &str) -> Ast {
        ast::parse::Parser::new().parse(folded).unwrap()
    }

    /// Whether the syntax tree's bound of `p`, where it gives one, is at least
    /// the translated tree's.
    fn ast_bound_holds(p: &str) -> bool {
        ast_bound(&ast(p)).is_none_or(|b| b >= nfa_bound(&hir(p)))
    }

    #[test]
    fn the_syntax_trees_bound_is_never_below_the_translated_trees() {
        for p in [
            r"\bdied\b",
            r"\b(?:died|death|killed herself)\b",
            r"\bescaped?\b(?:\s\S+){0,4}\s(?:from\s)?(?:siberia|exile)",
            r"\barrest\w*\b.*\bsouth russian workers.? union\b",
            r"\w{3,7}",
            r"(a|b|)*?c{0}",
            r"(?s:.)\W\D",
            r"(?R).(?-i:\w)",
            r"\bk\b|\bω\b|ß|ſ|İ|ǅ",
            r"(?:a|bc|def){2,5}",
            r"(?:x*)*",
            r"(?P<year>\d{4})|(\d)",
            r"(?i)a(?-i)b(?x) c ",
            r"^$\A\z",
            "",
        ] {
            assert!(ast_bound(&ast(p)).is_some(), "{p}");
            assert!(ast_bound_holds(p), "{p}");
        }
    }

    #[test]
    fn the_syntax_trees_bound_holds_for_the_shipped_claims() {
        for file in ["claims/trotsky.toml", "tests/claims/chernobyl.toml"] {
            let text = std::fs::read_to_string(file).unwrap();
            let claims: toml::Value = toml::from_str(&text).unwrap();
            let mut read = 0;
            for claim in claims["claim"].as_array().unwrap() {
                for key in ["triggers", "context"] {
                    let patterns = claim.get(key).and_then(|v| v.as_array());
                    for p in patterns.into_iter().flatten() {
                        let folded = crate::claims::validate::fold_regex(p.as_str().unwrap());
                        assert!(ast_bound_holds(&folded), "{folded}");
                        read += 1;
                    }
                }
            }
            assert!(read > 50, "{file}: {read} regexes");
        }
    }

    #[test]
    fn classes_only_translation_can_tell_give_no_bound() {
        for p in [r"[a-z]", r"\p{Greek}", r"(?-u:\w)", r"(?-u)a", r"\PL"] {
            assert_eq!(ast_bound(&ast(p)), None, "{p}");
        }
    }

    #[test]
    fn the_syntax_trees_bound_is_tight_enough_to_leave_common_regexes_uncompiled() {
        for p in [
            r"\bborn\b",
            r"\b(?:moved|went|came)\b(?:\s\S+){0,3}\s(?:to|in)\s(?:norway|oslo)\b",
            r"\brenamed (?:itself )?(?:to )?the international communist league\b",
            r"\b(?:russian social democratic labou?r party|rsdlp)\b.{0,40}\b(?:joined|member)\b",
        ] {
            let bound = ast_bound(&ast(p)).expect("a bound");
            assert!(bound <= REGEX_SIZE_LIMIT, "{p}: {bound}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_syntax_trees_bound_is_never_below_the_translated_trees_on_any_pattern(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "K", "k", "s", "ß", "σ", "İ", "1", " ", "-", r"\b", r"\w", r"\W",
                    r"\s", r"\S", r"\d", ".", "(?:", "(", "(?P<n>", ")", "|", "*", "+", "?",
                    "{2}", "{1,3}", "{2,}", "(?i)", "(?-i)", "(?s)", "(?i:", "(?-i:",
                    "(?R)", "(?U)", "^", "$",
                ]),
                0..14,
            )
        ) {
            let p = parts.concat();
            let parsed = ast::parse::Parser::new().parse(&p);
            let translated = regex_syntax::ParserBuilder::new()
                .case_insensitive(true)
                .build()
                .parse(&p);
            if let (Ok(tree), Ok(h)) = (parsed, translated)
                && let Some(b) = ast_bound(&tree)
            {
                proptest::prop_assert!(b >= nfa_bound(&h), "{}: {} < {}", p, b, nfa_bound(&h));
            }
        }
    }
}
