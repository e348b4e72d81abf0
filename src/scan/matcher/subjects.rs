//! The subjects the claims declare, as the matcher knows them: each distinct
//! subject once, the members of a group, and the names of the others.

use crate::claims::{ClaimScope, ClaimSet, Subject, SubjectKind};
use crate::extract::normalize::fold_pattern;

/// Every distinct subject once: the file's first, then the named and inline
/// subjects of the claims (the same name is the same subject); each claim's
/// subject among them; and whether each is assumed where a sentence names none.
pub(super) fn declared_subjects(
    claims: &ClaimSet,
) -> (Vec<Subject>, Vec<Option<usize>>, Vec<bool>) {
    let mut declared: Vec<Subject> = Vec::new();
    let has_file_subject = claims.subject.is_some();
    declared.extend(claims.subject.iter().cloned());
    let key = |s: &Subject| s.id.clone().unwrap_or_else(|| fold_pattern(&s.name));
    let claim_subject = claims
        .claims
        .iter()
        .map(|c| match &c.scope {
            ClaimScope::FileSubject => has_file_subject.then_some(0),
            ClaimScope::Any => None,
            ClaimScope::Own(s) => Some(
                declared
                    .iter()
                    .position(|d| key(d) == key(s))
                    .unwrap_or_else(|| {
                        declared.push(s.clone());
                        declared.len() - 1
                    }),
            ),
        })
        .collect();
    declared.extend(
        claims
            .subjects
            .iter()
            .filter(|s| !declared.iter().any(|d| key(d) == key(s)))
            .cloned()
            .collect::<Vec<_>>(),
    );
    // A page about a group is about each of its members.
    let assumed: Vec<bool> = declared
        .iter()
        .enumerate()
        .map(|(k, s)| {
            (has_file_subject && k == 0)
                || (has_file_subject
                    && declared[0].kind == SubjectKind::Group
                    && std::iter::once(&s.name).chain(&s.aliases).any(|n| {
                        declared[0]
                            .members
                            .iter()
                            .any(|m| fold_pattern(m) == fold_pattern(n))
                    }))
        })
        .collect();
    (declared, claim_subject, assumed)
}

/// The matchers, each told the names of the other declared subjects that are not
/// also its own (a surname two subjects share names neither alone).
pub(super) fn with_others(
    mut matchers: Vec<crate::scan::subject::SubjectMatcher>,
    declared: &[Subject],
) -> Vec<crate::scan::subject::SubjectMatcher> {
    for (k, m) in matchers.iter_mut().enumerate() {
        let others: Vec<String> = declared
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != k)
            .flat_map(|(_, s)| std::iter::once(&s.name).chain(&s.aliases))
            .map(|n| fold_pattern(n))
            .filter(|n| !n.is_empty() && !m.is_own(n))
            .collect();
        m.set_others(others);
    }
    matchers
}

/// The subjects, each member of a group also named by the group's names and
/// pronouns: what is said of "the Wright brothers" or "they" is said of Wilbur.
pub(super) fn with_groups(subjects: &[Subject]) -> Vec<Subject> {
    let groups: Vec<&Subject> = subjects
        .iter()
        .filter(|s| s.kind == SubjectKind::Group)
        .collect();
    subjects
        .iter()
        .map(|s| {
            let mut s = s.clone();
            let own: Vec<String> = std::iter::once(&s.name)
                .chain(&s.aliases)
                .map(|n| fold_pattern(n))
                .collect();
            for g in &groups {
                let member = g.members.iter().any(|m| own.contains(&fold_pattern(m)));
                if member && s.kind != SubjectKind::Group {
                    if s.aliases.is_empty() && s.kind == SubjectKind::Person {
                        // Keep the surname rule of a person named without aliases.
                        if let Some(last) = s.name.split_whitespace().next_back() {
                            s.aliases.push(last.to_string());
                        }
                    }
                    s.aliases.push(g.name.clone());
                    s.aliases.extend(g.aliases.iter().cloned());
                    for p in &g.pronouns {
                        if !s.pronouns.contains(p) {
                            s.pronouns.push(p.clone());
                        }
                    }
                }
            }
            s
        })
        .collect()
}
