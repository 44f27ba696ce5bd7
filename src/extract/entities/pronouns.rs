//! Pronouns: he / she / his / her / him to the people named before them.

use super::{Ref, RefKind};
use crate::extract::doc::Doc;
use crate::lexicon::{Tense, VerbClass, flag};
use crate::model::{Entity, EntityKind};
use crate::text::TokenShape;

/// The person right after the first comma when token `k` lies in an opening phrase.
pub(super) fn fronted_subject<'r>(
    doc: &Doc,
    people: &'r [Ref],
    s: usize,
    k: usize,
) -> Option<&'r Ref> {
    let sentence = &doc.sentences[s];
    if k > doc.fronted_phrase_end(s)? {
        return None;
    }
    let comma = doc.main_clause_comma(s)?;
    people
        .iter()
        .find(|r| r.from > comma && r.from <= comma + 3 && r.from < sentence.tokens.end)
}

/// Resolves he / she / his / her / him to people named before them.
///
/// People are kept per sentence, so that a pronoun looks at its own sentence and the two before
/// it, whatever the length of the document.
pub(super) fn link_pronouns(doc: &Doc, entities: &[Entity], gender: &[u32], refs: &mut Vec<Ref>) {
    let mut out = Vec::new();
    // Resolved pronouns join the candidates, so "he ... he ... he" follows one person through a
    // paragraph.
    let mut people: Vec<Vec<Ref>> = vec![Vec::new(); doc.sentences.len()];
    for r in refs.iter() {
        if entities[r.entity].kind == EntityKind::Person && r.kind != RefKind::Demonym {
            people[doc.sentence_of[r.from] as usize].push(*r);
        }
    }
    let quoted = quoted_tokens(doc);
    for (s, sentence) in doc.sentences.iter().enumerate() {
        for k in sentence.tokens.clone() {
            let word = doc.s(k);
            let (want, class) = match word.to_ascii_lowercase().as_str() {
                "he" => (flag::MALE, 's'),
                "she" => (flag::FEMALE, 's'),
                "his" => (flag::MALE, 'p'),
                "him" | "himself" => (flag::MALE, 'o'),
                "her" => (flag::FEMALE, 'p'),
                "herself" => (flag::FEMALE, 'o'),
                _ => continue,
            };
            if class == 's' && unnamed_speaker(doc, refs, &people[s], s, k) {
                continue;
            }
            let fits = |r: &Ref| {
                let g = gender[r.entity];
                g == 0 || g & want != 0
            };
            // "'... without Ronald Reagan,' he told reporters": a name inside a quotation is not
            // who the words outside it are about.
            let fits = |r: &Ref| fits(r) && (quoted[k] || !quoted[r.from]);
            let here: Vec<&Ref> = people[s].iter().filter(|r| r.to <= k && fits(r)).collect();
            // The person a sentence before is about: the subject of its main clause after an
            // opening phrase ("Before meeting with Bush, the Crown Prince paid ..."), else its
            // first person.
            let before = |back: usize| -> Option<&Ref> {
                let earlier = s.checked_sub(back)?;
                // "Noting the package Nakasone announced last week Lawson said ...": the one
                // who spoke there is the one a "he" after it goes on with.
                if let Some(p) = named_speaker(doc, &people[earlier], earlier).filter(|p| fits(p)) {
                    return Some(p);
                }
                let first = || people[earlier].iter().find(|r| fits(r));
                match doc.main_clause_comma(earlier) {
                    Some(comma) => people[earlier]
                        .iter()
                        .find(|r| r.from > comma && r.from <= comma + 4 && fits(r))
                        .or_else(first),
                    None => first(),
                }
            };
            // "Within hours of his final talks with Mr Thorpe, Sir Edward told...": a pronoun
            // in an opening phrase points ahead, at the subject after the comma.
            if class != 's'
                && let Some(r) = fronted_subject(doc, &people[s], s, k)
                && fits(r)
            {
                out.push(Ref {
                    from: k,
                    to: k + 1,
                    entity: r.entity,
                    kind: RefKind::Pronoun,
                });
                continue;
            }
            // "Chirac will canvass support for the idea, first proposed by Francois Guillaume,
            // during his visit": the agent of a passive in a parenthesis is not "his".
            let parenthetical = |r: &Ref| {
                let mut b = r.from;
                while b > sentence.tokens.start
                    && doc.tokens[b - 1].shape == TokenShape::Capitalized
                {
                    b -= 1;
                }
                b > sentence.tokens.start
                    && doc.is(b - 1, "by")
                    && (r.to..k).any(|j| doc.punct(j, &[","]))
            };
            let possessor = match here.as_slice() {
                [.., before, last] if parenthetical(last) => Some(*before),
                _ => here.last().copied(),
            };
            // "him" is not the subject of its clause: the last person named before it but the
            // sentence's first, whatever that one's sex ("Ann Bell liked John Hale but met him").
            let subject = people[s].iter().find(|r| r.to <= k).map(|r| r.from);
            let choice = match class {
                's' => here.first().copied(),
                'p' => possessor,
                _ => here.iter().rev().find(|r| Some(r.from) != subject).copied(),
            }
            .or_else(|| before(1))
            .or_else(|| before(2));
            if let Some(r) = choice {
                let resolved = Ref {
                    from: k,
                    to: k + 1,
                    entity: r.entity,
                    kind: RefKind::Pronoun,
                };
                out.push(resolved);
                let at = people[s].partition_point(|p| p.from < k);
                people[s].insert(at, resolved);
            }
        }
    }
    refs.extend(out);
}

/// The person of sentence `s` (among its `people`) right before a verb of saying ("Lawson
/// said"), or, when a firm's "of", "at" or "from" comes between, the one before it: "William
/// Arndt of Dean Witter said", "Abele Kuypers, secretary of the farmers' organisation
/// Landbouwschap said".
fn named_speaker<'r>(doc: &Doc, people: &'r [Ref], s: usize) -> Option<&'r Ref> {
    let r = people.iter().find(|r| {
        r.to < doc.tokens.len()
            && doc.sentence_of[r.to] as usize == s
            && doc
                .info(r.to)
                .verb
                .is_some_and(|v| v.class == VerbClass::Say)
    })?;
    let of = (r.from.saturating_sub(12)..r.from)
        .rev()
        .take_while(|&o| doc.info(o).verb.is_none())
        .find(|&o| doc.is_any(o, &["of", "at", "from"]));
    match of {
        Some(o) => people
            .iter()
            .rev()
            .find(|p| p.to <= o && p.to + 12 > r.from),
        None => Some(r),
    }
}

/// Which tokens stand inside double quotation marks.
fn quoted_tokens(doc: &Doc) -> Vec<bool> {
    let mut quoted = vec![false; doc.tokens.len()];
    let mut inside = false;
    for (j, q) in quoted.iter_mut().enumerate() {
        if doc.quote_mark(j) {
            inside = !inside;
        } else {
            *q = inside;
        }
    }
    quoted
}

/// True when sentence `s` ends with an unnamed speaker: "..., a Western banker said." or
/// "..., said one dealer." (a determiner and no name but a nationality between the comma and
/// the stop, with a verb of saying among them).
fn ends_with_anonymous_speaker(doc: &Doc, refs: &[Ref], s: usize) -> bool {
    let range = doc.sentences[s].tokens.clone();
    let mut end = range.end;
    while end > range.start && doc.tokens[end - 1].shape == TokenShape::Punct {
        end -= 1;
    }
    let Some(comma) = (range.start..end)
        .rev()
        .take(7)
        .find(|&j| doc.punct(j, &[","]))
    else {
        return false;
    };
    let tail = comma + 1..end;
    let said = tail
        .clone()
        .any(|j| doc.info(j).verb.is_some_and(|v| v.class == VerbClass::Say));
    let determined = tail
        .clone()
        .any(|j| doc.is_any(j, &["the", "a", "an", "one", "another"]));
    said && determined
        && !refs
            .iter()
            .any(|r| tail.contains(&r.from) && r.kind != RefKind::Demonym)
}

/// True when "he" or "she" at `k` in sentence `s` (whose `people` are named) is a speaker no
/// name gives: "The spokesman said he believed ..." (after a say verb whose subject is a
/// common noun); "..., a Western banker said. He added ..." (opening the next sentence, the
/// unnamed speaker still); "A third arbitrageur noted X had been involved in takeovers. 'They
/// are not beginners,' he said." (the unnamed speaker the sentence before opened with).
fn unnamed_speaker(doc: &Doc, refs: &[Ref], people: &[Ref], s: usize, k: usize) -> bool {
    let opening = k == doc.sentences[s].tokens.start;
    after_anonymous_speaker(doc, refs, k)
        || s > 0
            && (opening && ends_with_anonymous_speaker(doc, refs, s - 1)
                || !people.iter().any(|r| r.to <= k)
                    && opens_with_unnamed_speaker(doc, refs, s - 1))
}

/// Words that open the phrase of someone no name gives ("a dealer", "one analyst", "another
/// arbitrageur"); "the" is not one ("the company said" goes back to who spoke).
pub(crate) const UNNAMED: &[&str] = &["a", "an", "one", "another"];

/// True when sentence `s` opens with a speaker no name gives: "A third arbitrageur noted ...",
/// "Another said ...", "One analyst added ...".
pub(crate) fn opens_with_unnamed_speaker(doc: &Doc, refs: &[Ref], s: usize) -> bool {
    let range = doc.sentences[s].tokens.clone();
    let start = range.start;
    if !doc.is_any(start, UNNAMED) {
        return false;
    }
    let mut j = start + 1;
    while j < range.end
        && j < start + 4
        && doc.tokens[j].shape == TokenShape::Lower
        && doc.info(j).verb.is_none()
    {
        j += 1;
    }
    // ("A reply would be made, Ozal said": a noun, no verb of saying.)
    let says = |x: usize| {
        doc.info(x).verb.is_some_and(|v| {
            v.class == VerbClass::Say && matches!(v.tense, Tense::Past | Tense::Present)
        })
    };
    (j > start + 1 || doc.is(start, "another"))
        && j < range.end
        && says(j)
        && !refs.iter().any(|r| (start..j).contains(&r.from))
}

/// True when pronoun `k` follows "said" (or another say verb) whose subject is a common
/// noun phrase in the singular, which no name stands for: "The spokesman said he", "a
/// ministry official told him".
fn after_anonymous_speaker(doc: &Doc, refs: &[Ref], k: usize) -> bool {
    let Some(noun) = k.checked_sub(2) else {
        return false;
    };
    let word = doc.s(noun);
    let plain = |j: usize| doc.tokens[j].shape == TokenShape::Lower && doc.info(j).verb.is_none();
    if doc.sentence_of[noun] != doc.sentence_of[k]
        || !doc
            .info(k - 1)
            .verb
            .is_some_and(|v| v.class == VerbClass::Say)
        || !plain(noun)
        || word.ends_with('s') && !word.ends_with("ss")
    {
        return false;
    }
    let mut j = noun;
    while j > 0 && noun - j < 3 && plain(j - 1) && !doc.is_any(j - 1, &["the", "a", "an"]) {
        j -= 1;
    }
    j > 0
        && doc.is_any(j - 1, &["the", "a", "an"])
        && !refs.iter().any(|r| r.from < k - 1 && j <= r.from)
}
