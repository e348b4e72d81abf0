//! Validating a number claim's `parts`: the nouns its total is the sum of, each
//! error at its span.

use toml::Spanned;

use super::Validator;
use crate::claims::ClaimsErrorKind;
use crate::claims::model::ClaimKind;

impl Validator {
    /// A number claim's parts, folded to lowercase: at least two, none empty,
    /// none twice; a part no number can carry is warned about where it stands.
    /// `parts` on a claim of another kind is an error.
    pub(super) fn parts(
        &mut self,
        raw: Option<Spanned<Vec<Spanned<String>>>>,
        kind: Option<ClaimKind>,
    ) -> Vec<String> {
        let Some(raw) = raw else {
            return Vec::new();
        };
        let span = raw.span();
        if kind.is_some_and(|k| k != ClaimKind::Number) {
            self.error(
                ClaimsErrorKind::InvalidValue,
                span,
                "`parts` belong to a claim of kind `number`: the total they add up to",
            );
            return Vec::new();
        }
        let list = raw.into_inner();
        if list.len() < 2 {
            self.error(
                ClaimsErrorKind::InvalidValue,
                span,
                "`parts` must name at least two parts, each the noun one part counts (`parts = [\"passengers\", \"crew\"]`)",
            );
        }
        let mut parts: Vec<String> = Vec::new();
        for part in &list {
            let written = part.get_ref().trim();
            if written.is_empty() {
                self.error(
                    ClaimsErrorKind::InvalidValue,
                    part.span(),
                    "an empty part names nothing: write the noun the part counts (`crew`) or remove it",
                );
                continue;
            }
            let folded = written.to_lowercase();
            if parts.contains(&folded) {
                self.error(
                    ClaimsErrorKind::InvalidValue,
                    part.span(),
                    format!("the part `{written}` is listed twice: each part is counted once"),
                );
                continue;
            }
            self.readable(written, &folded, part.span(), "part");
            parts.push(folded);
        }
        parts
    }
}
