//! Who may join whom across documents other than by the same name: a bare surname joins the
//! one person of that surname, unless the surname follows a royal's title ("King Hussein") or
//! the two hold only different offices ("Minister Wang" and An Wang, chairman of a company); the
//! spellings of a company's name with and without spaces meet ("Trans World", "Transworld"); a
//! company's full name does not join a company whose short name it only shares ("Continental
//! AG" is not "Continental Illinois Corp", called "Continental"); a person's name with and
//! without middle initials is one name when the initials agree.

use crate::model::{EntityKind, Role};
use crate::names::{normalize, without_legal_form};

/// A company's merge key without its spaces, under which the spellings of one name meet:
/// "Trans World Airlines" and "Transworld Airlines", "Paine Webber" and "PaineWebber", "U.S.
/// Air Group" and "USAir Group". None for other kinds, for a key of one word, or of fewer than
/// six letters ("U.S. Air" is not keyed "usair").
pub(super) fn unspaced(kind: EntityKind, key: &str) -> Option<String> {
    if kind != EntityKind::Organization || !key.contains(' ') {
        return None;
    }
    let joined: String = key.split(' ').collect();
    (joined.chars().count() >= 6).then_some(joined)
}

/// True when a company's full name, `name` (with its legal form: "Continental AG"), whose merge
/// key is `ours` ("continental"), found a company only through one of its shorter names: its
/// own key, `theirs` ("continental illinois"), has every word of ours and more. Two full names
/// that compete for one short name are two companies (or a group and its unit: "Revlon Inc" is
/// not "Revlon Group Inc"): a full name that meant the other would have said so. A name without
/// a legal form ("Continental") is the short name itself, and joins.
pub(super) fn rival_company(name: &str, ours: &str, theirs: &str) -> bool {
    let folded = normalize(name);
    let formal = without_legal_form(&folded) != folded || spelled_out(&folded) != folded;
    let (ours, theirs) = (spelled_out(ours), spelled_out(theirs));
    if !formal || ours == theirs {
        return false;
    }
    let theirs: Vec<&str> = theirs.split(' ').collect();
    let ours: Vec<&str> = ours.split(' ').collect();
    ours.len() < theirs.len() && ours.iter().all(|w| theirs.contains(w))
}

/// A folded company name without a legal form spelled out ("ford motor company" is "ford motor",
/// as "ford motor co" folds), which merge keys keep.
fn spelled_out(folded: &str) -> &str {
    let mut core = folded;
    while let Some((rest, last)) = core.rsplit_once(' ') {
        if !matches!(
            last,
            "company" | "companies" | "corporation" | "incorporated" | "limited"
        ) {
            break;
        }
        core = rest;
    }
    core
}

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

/// A person's merge key without its middle initials ("martin t sosnoff" -> "martin
/// sosnoff"), or none when it has none.
pub(super) fn without_initials(key: &str) -> Option<String> {
    let words: Vec<&str> = key.split(' ').collect();
    if words.len() < 3 {
        return None;
    }
    let last = words.len() - 1;
    let kept: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|&(i, w)| i == 0 || i == last || w.chars().count() > 1)
        .map(|(_, w)| *w)
        .collect();
    (kept.len() < words.len()).then(|| kept.join(" "))
}

/// The middle initials of a person's merge key.
pub(super) fn initials(key: &str) -> Vec<&str> {
    let words: Vec<&str> = key.split(' ').collect();
    let last = words.len().saturating_sub(1);
    words
        .iter()
        .enumerate()
        .filter(|&(i, w)| i > 0 && i < last && w.chars().count() == 1)
        .map(|(_, w)| *w)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{rival_company, unspaced};
    use crate::model::EntityKind;

    #[test]
    fn a_company_key_without_spaces_is_kept_only_for_names_of_two_words_and_six_letters() {
        let org = EntityKind::Organization;
        assert_eq!(
            unspaced(org, "trans world airlines").as_deref(),
            Some("transworldairlines")
        );
        assert_eq!(
            unspaced(org, "u s air group").as_deref(),
            Some("usairgroup")
        );
        assert_eq!(unspaced(org, "u s air"), None);
        assert_eq!(unspaced(org, "painewebber"), None);
        assert_eq!(unspaced(org, "pan am"), None);
        assert_eq!(unspaced(EntityKind::Person, "mary ann smith"), None);
    }

    #[test]
    fn a_full_name_that_is_only_a_short_name_of_another_company_is_a_rival() {
        assert!(rival_company(
            "Continental AG",
            "continental",
            "continental illinois"
        ));
        assert!(rival_company("Revlon Inc", "revlon", "revlon group"));
        assert!(rival_company("Bank PLC", "bank", "central bank"));
        // The short name itself, with no legal form, joins.
        assert!(!rival_company(
            "Continental",
            "continental",
            "continental illinois"
        ));
        // The same name, its legal form abbreviated or spelled out.
        assert!(!rival_company(
            "Ford Motor Co",
            "ford motor",
            "ford motor company"
        ));
        assert!(!rival_company(
            "Wickes Cos Inc",
            "wickes",
            "wickes companies"
        ));
        assert!(!rival_company("Acme Corp", "acme", "acme"));
        // A name with more words than the one found is not a short name of it.
        assert!(!rival_company("Acme Steel Corp", "acme steel", "acme"));
    }
}
