//! Who a bare surname may join across documents: the one person of that surname, unless the
//! surname follows a royal's title ("King Hussein") or the two hold only different offices
//! ("Minister Wang" and An Wang, chairman of a company).

use crate::model::Role;
use crate::names::normalize;

/// True when the bare surname of `aliases` and `ours` (its roles) may join the one person of
/// that surname whose roles are `theirs`.
pub(super) fn may_join_by_surname<'a>(
    aliases: impl IntoIterator<Item = &'a String>,
    ours: impl IntoIterator<Item = &'a Role>,
    theirs: impl IntoIterator<Item = &'a Role> + Clone,
) -> bool {
    !royal(aliases) && !roles_clash(ours, theirs)
}

/// True when a bare surname and the one person of that surname hold only different offices
/// ("Minister Wang" is not An Wang, chairman of a company; "Chief of Staff Baker" is not
/// Treasury Secretary Baker): each has a role, and no role of one has the last word of a role
/// of the other.
fn roles_clash<'a>(
    ours: impl IntoIterator<Item = &'a Role>,
    theirs: impl IntoIterator<Item = &'a Role> + Clone,
) -> bool {
    let head = |r: &Role| {
        r.title
            .rsplit([' ', '-'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    let mut any = false;
    for ours in ours {
        any = true;
        let mut theirs = theirs.clone().into_iter().peekable();
        if theirs.peek().is_none() {
            return false;
        }
        if theirs.any(|t| head(t) == head(ours)) {
            return false;
        }
    }
    any
}

/// True when one of a person's names is a royal title and a given name ("King Hussein"): that
/// one-word name is no surname, so it joins no "... Hussein" by surname.
fn royal<'a>(aliases: impl IntoIterator<Item = &'a String>) -> bool {
    let lexicon = crate::lexicon::Lexicon::builtin();
    aliases.into_iter().any(|alias| {
        alias.split_whitespace().count() == 2
            && alias.split_whitespace().next().is_some_and(|w| {
                lexicon
                    .word_info(&normalize(w))
                    .is(crate::lexicon::Cue::Royal)
            })
    })
}
