//! Clause syntax: a trigger's subject to its left, its objects to its right, coordination
//! ("Putin and Lavrov"), appositions and titles ("NASA Administrator Charlie Bolden"), and what
//! governs a name (a preposition or a verb makes it an object, not a subject).

use super::CLAUSE_BREAKS;
use super::{Events, Sent};
use crate::extract::entities::{Ref, RefKind};
use crate::lexicon::{Cue, Tense, VerbClass, flag};
use crate::model::EntityKind;
use crate::text::TokenShape;

impl Events<'_, '_> {
    /// The nearest reference to a person or organisation left of `k` in the same clause, with
    /// any coordinated partners ("Lavrov and Kerry").
    pub(super) fn subject(&self, sent: Sent, k: usize) -> Vec<&Ref> {
        let doc = self.doc;
        let floor = reach(sent, k);
        let says = doc.info(k).verb.is_some_and(|v| v.class == VerbClass::Say);
        if !says && let Some(list) = self.common_noun_subject(sent, k) {
            return list;
        }
        if let Some(list) = self.subject_elsewhere(sent, k, floor) {
            return list;
        }
        // "X is to meet A and B, before visiting C", "Y will explain it to Z before travelling
        // to Europe": a gerund after "before" or "after" has the subject of the clause it ends.
        // (Not after a verb: "quoted him as saying before leaving Tripoli" is his leaving.)
        if k > sent.start + 1
            && doc.info(k).verb.is_some_and(|v| v.tense == Tense::Ing)
            && doc.is_any(k - 1, &["before", "after", "while", "without"])
            && (doc.punct(k - 2, &[","]) || self.ref_covering(k - 2).is_some())
        {
            let from = doc
                .fronted_phrase_end(sent.index)
                .filter(|&c| c < k)
                .map_or(sent.start, |c| c + 1);
            let lo = self.refs.partition_point(|r| r.from < from);
            return self.refs[lo..]
                .iter()
                .take_while(|r| r.from < k)
                .find(|r| self.agent(r) && !self.governed(sent, r.from))
                .into_iter()
                .collect();
        }
        let mut j = k;
        while j > floor {
            j -= 1;
            // "he rang Lucy ..., they met up": "they" before a verb of meeting is the two
            // people its sentence named before it.
            if doc.is(j, "they") && doc.info(k).verb.is_some_and(|v| v.class == VerbClass::Meet) {
                let pair = self.last_two_people(sent, j);
                if pair.len() == 2 && pair.iter().all(|r| r.from >= sent.start) {
                    return pair;
                }
                break;
            }
            // "The pair met", "the two leaders talked", "both men": the last two people named.
            if self.is_pair_word(j) {
                let pair = self.last_two_people(sent, j);
                if pair.len() == 2 {
                    return pair;
                }
                break;
            }
            if doc.punct(j, CLAUSE_BREAKS)
                || doc.cue(j, Cue::ClauseWord) && !self.is_relative_that(j)
            {
                break;
            }
            // "He said the company had talks with X": whoever spoke is not the subject of the
            // clause a verb of saying reports.
            if !says && self.reports_clause_of(j, k) {
                break;
            }
            if doc.is(j, "who") {
                // "Putin who met Kerry": the name before "who".
                let mut a = j;
                while a > sent.start && doc.punct(a - 1, &[","]) {
                    a -= 1;
                }
                if a > sent.start
                    && let Some(r) = self.ref_covering(a - 1)
                    && self.agent(r)
                {
                    return vec![r];
                }
                break;
            }
            if let Some(r) = self.ref_covering(j) {
                if r.from != j && j > r.from {
                    continue;
                }
                if !self.agent(r) || self.governed(sent, r.from) || self.noun_modifier(r) {
                    j = r.from;
                    continue;
                }
                // "Lavrov's remarks included ...": a possessor is not the subject.
                if doc.tok(r.to).shape == TokenShape::Clitic {
                    break;
                }
                let mut list = vec![r];
                self.coordinated_before(sent, r.from, &mut list);
                list.reverse();
                // "X met A, B and C to discuss the debt": the names before an infinitive of
                // purpose are an earlier verb's objects; its subject is that verb's.
                if k > sent.start
                    && doc.is(k - 1, "to")
                    && list.len() >= 2
                    && self.governed(sent, list[0].from)
                {
                    j = list[0].from;
                    continue;
                }
                return list;
            }
        }
        // "After talks with X in Baku, Lavrov said...": a fronted phrase takes the subject of
        // the clause after its comma.
        if let Some(comma) = doc.fronted_phrase_end(sent.index)
            && k < comma
            && let Some(r) = self.first_agent_from(sent, comma + 1)
        {
            return vec![r];
        }
        Vec::new()
    }

    /// The people among the subject of the trigger at `k`: only people see, travel and stay.
    pub(super) fn person_subjects(&self, sent: Sent, k: usize) -> Vec<Ref> {
        self.subject(sent, k)
            .into_iter()
            .filter(|r| self.kind(r) == EntityKind::Person)
            .copied()
            .collect()
    }

    /// The subject of the trigger at `k` found at another verb or before a relative clause:
    /// a verb after "and" shares the subject of the verb before it, and a relative clause
    /// between commas is passed over.
    fn subject_elsewhere(&self, sent: Sent, k: usize, floor: usize) -> Option<Vec<&Ref>> {
        let doc = self.doc;
        // "SmithKline, whose major product is Tagamet, said": a relative clause between
        // commas is passed over for the name before it.
        if k > sent.start + 2
            && doc.punct(k - 1, &[","])
            && let Some(comma) = (floor..k - 1)
                .rev()
                .find(|&j| doc.punct(j, &[","]) && doc.is_any(j + 1, &["who", "whose", "which"]))
        {
            return Some(self.subject(sent, comma));
        }
        // "Regan was formerly head of Merrill Lynch and came to Washington": a verb after "and"
        // shares the subject of the verb before it, not the name that ends that verb's phrase;
        // so does one after auxiliaries and adverbs ("and had since met him"), and after "but".
        let mut joint = k;
        while joint > sent.start + 1
            && k - joint < 3
            && doc.info(joint - 1).cues != 0
            && doc.is_any(
                joint - 1,
                &[
                    "had", "has", "have", "also", "then", "later", "since", "again",
                ],
            )
        {
            joint -= 1;
        }
        let bare_but = joint == k && doc.is(joint.saturating_sub(1), "but");
        if joint > sent.start + 1
            && doc.info(joint - 1).cues != 0
            && doc.is_any(joint - 1, &["and", "but"])
            && doc.info(k).noun.is_none()
            // The first verb of the clause before the joint, not the last: "CFTC found NYMEX
            // had a program, but noted" is CFTC's noting.
            && let Some(v) = (floor..joint - 1)
                .rev()
                .take_while(|&j| !doc.punct(j, CLAUSE_BREAKS))
                .filter(|&j| {
                    doc.shape(j) == TokenShape::Lower
                        && doc.info(j).verb.is_some_and(|v| {
                            v.class != VerbClass::Say
                                && matches!(v.tense, Tense::Past | Tense::Present)
                        })
                        // Not a relative clause's verb: "Foote, which is owned by X, has ...".
                        && !(j.saturating_sub(3)..j)
                            .any(|x| doc.is_any(x, &["which", "who", "whose", "that"]))
                })
                .last()
        {
            let subject = self.subject(sent, v);
            // A bare "but noted" goes on with the clause's first actor only, not with one a
            // verb before it governs ("CFTC found NYMEX had a program, but noted": the verb
            // found may be the inner clause's); a title between names is no verb ("White
            // House spokesman X declined ..., but said").
            let title_word = |x: usize| {
                doc.info(x)
                    .any(flag::OFFICE | flag::HEAD | flag::FIELD | flag::PREFIX | flag::OCCUPATION)
            };
            let governed = subject.first().is_some_and(|s| {
                (floor..s.from).any(|j| {
                    self.ref_starting(j).is_some_and(|r| {
                        (r.to..s.from).any(|x| doc.shape(x) == TokenShape::Lower && !title_word(x))
                    })
                })
            });
            if bare_but && governed || subject.is_empty() {
                return None;
            }
            return Some(subject);
        }
        None
    }

    /// True when token `j` cannot be the noun a possessive stands before: punctuation, a
    /// preposition, a word of when, the end of the sentence.
    pub(super) fn stands_alone(&self, j: usize) -> bool {
        let doc = self.doc;
        j >= doc.tokens.len()
            || doc.shape(j) == TokenShape::Punct
            || doc.cue(j, Cue::Preposition)
            || doc.cue(j, Cue::AdverbAfter)
            || doc.cue(j, Cue::ClauseWord)
            || doc.is_any(j, &["and", "or"])
            || doc.info(j).any(flag::WEEKDAY | flag::MONTH)
    }

    /// "that" opening a relative clause after a noun is not a clause boundary for its own verb
    /// but is for what precedes; treat every "that" as a boundary except "that" as determiner.
    pub(super) fn is_relative_that(&self, j: usize) -> bool {
        let doc = self.doc;
        doc.is(j, "that") && doc.info(j + 1).noun.is_some()
    }

    /// The person or organisation a phrase starting at `from` names, past its determiners,
    /// titles and qualifiers ("Liberal Democrat leader Charles Kennedy").
    pub(super) fn first_agent_from(&self, sent: Sent, from: usize) -> Option<&Ref> {
        let doc = self.doc;
        self.objects(sent, from, |r| self.agent(r))
            .0
            .first()
            .copied()
            .or_else(|| {
                // "..., the Crown Prince paid a call on President Reagan": a noun phrase that
                // names no one is the subject, not a name after it.
                if doc.cue(from, Cue::Determiner) {
                    return None;
                }
                // Up to the clause's verb: "..., several business leaders said they favoured
                // a return to the IMF" has no agent for a subject.
                let verb = (from..sent.end.min(from + 12)).find(|&k| {
                    self.ref_covering(k).is_none()
                        && doc
                            .info(k)
                            .verb
                            .is_some_and(|v| matches!(v.tense, Tense::Past | Tense::Present))
                });
                (from..verb.unwrap_or(sent.end).min(from + 12))
                    .filter_map(|k| self.ref_starting(k))
                    .find(|r| self.agent(r))
            })
    }

    /// True when the name modifies the common noun right after it ("aboard a U.S. Air Force
    /// plane", "the Reagan administration"): it is not the one who acts.
    pub(super) fn noun_modifier(&self, r: &Ref) -> bool {
        self.doc.is_any(r.to, MODIFIED)
    }

    /// The subject of the trigger at `k` when it is a common noun right before the trigger's
    /// verb group ("such policies had been welcomed by", "banking officials would discuss",
    /// "shareholders received"): it names no one, so the subject is no name further back,
    /// only one joined to it by "and" ("Kerry and his aides met"). `None` when the word
    /// before the verb group is no common noun.
    pub(super) fn common_noun_subject(&self, sent: Sent, k: usize) -> Option<Vec<&Ref>> {
        let doc = self.doc;
        // A noun trigger's own modifiers come before it ("brief talks", "a video call").
        if doc.info(k).noun.is_some() || doc.info(k).verb.is_none() {
            return None;
        }
        let mut j = k;
        while j > sent.start {
            let prev = j - 1;
            let adverb = doc.shape(prev) == TokenShape::Lower && doc.s(prev).ends_with("ly");
            if doc.is_any(prev, AUXILIARIES)
                || adverb
                || doc.cue(prev, Cue::Negation)
                || doc.cue(prev, Cue::AdverbAfter)
                || doc.cue(prev, Cue::Planned)
                || doc.cue(prev, Cue::Reported)
                || doc
                    .info(prev)
                    .verb
                    .is_some_and(|v| v.class == VerbClass::Light)
            {
                j = prev;
                continue;
            }
            break;
        }
        let noun = j.checked_sub(1).filter(|&n| n >= sent.start)?;
        // "as it leaves Atlanta": a thing, which neither travels nor meets.
        if doc.is(noun, "it") {
            return Some(Vec::new());
        }
        if doc.shape(noun) != TokenShape::Lower
            || doc.s(noun).len() < 3
            || doc.info(noun).verb.is_some()
            || self.ref_covering(noun).is_some()
            || self.is_pair_word(noun)
            || doc.is_any(noun, NOT_NOUNS)
            || [
                Cue::Determiner,
                Cue::Preposition,
                Cue::ClauseWord,
                Cue::NotTopic,
                Cue::PhraseOpener,
                Cue::NumberWord,
            ]
            .into_iter()
            .any(|c| doc.cue(noun, c))
        {
            return None;
        }
        // Back over the rest of the noun phrase ("the banking industry officials").
        // "a first 300,000 tonnes shipment of Dutch grain": numbers, "of" and nationality
        // words too.
        let mut start = noun;
        while start > sent.start
            && start + 8 > noun
            && (doc.shape(start - 1) == TokenShape::Lower
                || doc.cue(start - 1, Cue::Determiner)
                || doc
                    .s(start - 1)
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b',')
                || self
                    .ref_covering(start - 1)
                    .is_some_and(|r| r.kind == RefKind::Demonym))
            && !doc.is_any(start - 1, &["and", "or", "but"])
            && self
                .ref_covering(start - 1)
                .is_none_or(|r| matches!(r.kind, RefKind::Pronoun | RefKind::Demonym))
            && doc.info(start - 1).verb.is_none()
        {
            start -= 1;
        }
        // A noun by its form: a plural ("officials", "policies"), or a word a determiner or a
        // number opens ("the first cargo", "such a plan"); an unknown word alone ("just") may
        // be an adverb.
        let word = doc.s(noun);
        let plural = word.ends_with('s') && !["ss", "us", "is"].iter().any(|e| word.ends_with(e));
        let determined = (start..noun).any(|d| {
            doc.cue(d, Cue::Determiner)
                || doc.cue(d, Cue::NumberWord)
                || doc.is_any(
                    d,
                    &["such", "other", "several", "many", "some", "any", "no"],
                )
        });
        // "warships and combat aircraft headed for": a noun the lists know.
        if !plural && !determined && !doc.is_any(noun, MODIFIED) {
            return None;
        }
        let mut list = Vec::new();
        if start > sent.start + 1
            && doc.is(start - 1, "and")
            && let Some(r) = self.ref_covering(start - 2)
            && self.agent(r)
        {
            list.push(r);
            self.coordinated_before(sent, r.from, &mut list);
            list.reverse();
        }
        Some(list)
    }

    /// Where the noun phrase around a name starts: back over determiners, titles, nationality
    /// words and possessors ("the DUP's Ian Paisley", "Sinn Fein leader Gerry Adams").
    pub(super) fn phrase_start(&self, sent: Sent, from: usize) -> usize {
        let doc = self.doc;
        let mut j = from;
        while j > sent.start {
            let prev = j - 1;
            if doc.cue(prev, Cue::Determiner)
                || self.title_word(prev)
                || doc.tok(prev).shape == TokenShape::Clitic
            {
                j = prev;
                continue;
            }
            if let Some(r) = self.ref_covering(prev)
                && r.kind != RefKind::Pronoun
                && (r.kind == RefKind::Demonym
                    || self.title_word(r.to)
                    || doc.tok(r.to).shape == TokenShape::Clitic)
            {
                j = r.from;
                continue;
            }
            break;
        }
        j
    }

    /// True when a preposition or an event verb governs the name at `from` ("with Putin",
    /// "met Putin", "with NASA Administrator Charlie Bolden"): such a name is an object, not a
    /// subject. Determiners, adjectives, titles and the names that qualify a title ("NASA",
    /// "Russian", "Russia's") are passed over on the way left.
    pub(super) fn governed(&self, sent: Sent, from: usize) -> bool {
        self.governed_above(sent, from, reach(sent, from))
    }

    /// [`Events::governed`], looking no further left than token `floor`.
    fn governed_above(&self, sent: Sent, from: usize, floor: usize) -> bool {
        let doc = self.doc;
        let mut j = from;
        while j > floor {
            j -= 1;
            if doc.cue(j, Cue::Determiner)
                || doc.cue(j, Cue::Qualifier)
                || self.title_word(j)
                || doc.tok(j).shape == TokenShape::Clitic
            {
                continue;
            }
            if let Some(r) = self.ref_covering(j) {
                let qualifies = r.kind == RefKind::Demonym
                    || r.to < doc.tokens.len()
                        && (self.title_word(r.to) || doc.tok(r.to).shape == TokenShape::Clitic);
                if qualifies {
                    j = r.from;
                    continue;
                }
            }
            // "told Reuters", "assured the minister": whom one tells is an object.
            return doc.cue(j, Cue::Preposition)
                || doc.info(j).verb.is_some_and(|v| {
                    !matches!(v.class, VerbClass::Say | VerbClass::Plan | VerbClass::Be)
                        && v.tense != Tense::Ing
                })
                || doc.is_any(j, TELL)
                || doc.is(j, "and")
                    && (self.and_joins_object(sent, j, floor)
                        || self.conjunct_governed(sent, j, floor));
        }
        false
    }

    /// "attacked by both Liberals and Conservatives": the first of two names joined by the
    /// "and" at `and` follows a preposition, so both are governed by it.
    fn conjunct_governed(&self, sent: Sent, and: usize, floor: usize) -> bool {
        let doc = self.doc;
        let floor = floor.max(sent.start);
        let mut j = and;
        while j > floor && doc.capitalized(j - 1) {
            j -= 1;
        }
        if j == and {
            return false;
        }
        while j > floor && doc.is_any(j - 1, &["both", "either", "the"]) {
            j -= 1;
        }
        j > floor && doc.cue(j - 1, Cue::Preposition)
    }

    /// "met Putin and Lavrov": "and" after an object joins another object.
    fn and_joins_object(&self, sent: Sent, and: usize, floor: usize) -> bool {
        and > floor
            && self
                .ref_covering(and - 1)
                .is_some_and(|r| r.from >= floor && self.governed_above(sent, r.from, floor))
    }

    /// True when a "said"-clause starts at `j`: "the Kremlin said", "officials told reporters".
    pub(super) fn comment_clause(&self, sent: Sent, j: usize) -> bool {
        let doc = self.doc;
        (j..(j + 6).min(sent.end))
            .take_while(|&x| !doc.punct(x, &[",", "."]))
            .any(|x| {
                doc.info(x).verb.is_some_and(|v| {
                    v.class == VerbClass::Say && matches!(v.tense, Tense::Past | Tense::Present)
                })
            })
    }

    /// "union leaders and Tony Woodley": when up to three lower-case words that are neither
    /// verbs nor prepositions are followed by "and" and a name, the token after "and"; else
    /// `None`.
    pub(super) fn unnamed_item(&self, sent: Sent, j: usize) -> Option<usize> {
        let doc = self.doc;
        let mut x = j;
        while x < sent.end
            && x < j + 3
            && doc.shape(x) == TokenShape::Lower
            && doc.info(x).verb.is_none()
            && !doc.cue(x, Cue::Preposition)
            && !doc.is_any(x, &["and", "to", "that", "who", "which", "not"])
        {
            x += 1;
        }
        // Only "and" joins here: after a comma may come a comment ("..., Febres Cordero said").
        let next = if doc.is(x, "and") {
            x + 1
        } else if doc.punct(x, &[","]) && doc.is(x + 1, "and") {
            x + 2
        } else {
            return None;
        };
        if x == j {
            return None;
        }
        self.ref_starting(next).is_some().then_some(next)
    }

    /// How many lower-case words after a place name say what is there: 2 for "international
    /// airport", 1 for "station", else 0.
    pub(super) fn site_words(&self, r: &Ref) -> usize {
        let doc = self.doc;
        if !self.place(r) {
            return 0;
        }
        (r.to..(r.to + 2).min(doc.tokens.len()))
            .take_while(|&x| doc.shape(x) == TokenShape::Lower)
            .position(|x| doc.info(x).has(flag::PLACE_HEAD))
            .map_or(0, |p| p + 1)
    }

    pub(super) fn title_word(&self, j: usize) -> bool {
        if self.in_title.get(j).copied().unwrap_or(false) {
            return true;
        }
        let info = self.doc.info(j);
        info.any(
            flag::OFFICE
                | flag::HEAD
                | flag::FIELD
                | flag::PREFIX
                | flag::OCCUPATION
                | flag::HONORIFIC,
        ) || self.doc.punct(j, &["."]) && j > 0 && self.doc.info(j - 1).has(flag::HONORIFIC)
    }

    /// Adds to `list` the agents joined before `from` by "and" or commas.
    ///
    /// Read from the right, the first joint must be "and": "X, Y and Z met" is a list, but in
    /// "Napier University, he said" the comma joins nothing.
    pub(super) fn coordinated_before<'r>(
        &'r self,
        sent: Sent,
        mut from: usize,
        list: &mut Vec<&'r Ref>,
    ) {
        let doc = self.doc;
        let mut seen_and = false;
        from = self.phrase_start(sent, from);
        while from > sent.start + 1
            && (doc.is(from - 1, "and") || seen_and && doc.punct(from - 1, &[","]))
        {
            seen_and = true;
            let mut j = from - 1;
            if doc.punct(j, &[","]) && j > sent.start && doc.is(j - 1, "and") {
                j -= 1;
            }
            // Skip the partner's own title words back to its start.
            let Some(r) = (j.saturating_sub(1)..j)
                .rev()
                .find_map(|x| self.ref_covering(x))
            else {
                break;
            };
            if !self.agent(r) || list.iter().any(|l| l.entity == r.entity) {
                break;
            }
            list.push(r);
            from = self.phrase_start(sent, r.from);
        }
    }

    /// True when nothing a verb could take as its object follows it: the end, punctuation, a
    /// preposition of time or place, an adverb.
    pub(super) fn intransitive_after(&self, k: usize) -> bool {
        let doc = self.doc;
        let next = k + 1;
        let t = doc.tok(next);
        t.shape == TokenShape::Punct
            || doc.is_any(next, &["up", "and"])
            || doc.cue(next, Cue::Preposition) && !doc.is_any(next, &["with", "to"])
            || doc.cue(next, Cue::AdverbAfter)
            || doc.info(next).any(flag::WEEKDAY | flag::MONTH)
    }

    /// "Kerry's meeting", "Kerry's fourth visit": the possessor before a noun.
    pub(super) fn possessor(&self, sent: Sent, k: usize) -> Option<Ref> {
        self.possessive(sent, k).flatten()
    }

    /// The possessive before a noun at `k`: `Some(Some(r))` for a named owner ("Kerry's
    /// talks", "his visit"), `Some(None)` for one that names no one ("the government's
    /// talks": the talks are not the subject's), `None` when there is no possessive.
    pub(super) fn possessive(&self, sent: Sent, k: usize) -> Option<Option<Ref>> {
        let doc = self.doc;
        let mut j = k;
        let mut steps = 0;
        while j > sent.start && steps < 4 {
            j -= 1;
            steps += 1;
            if doc.tok(j).shape == TokenShape::Clitic && j > sent.start {
                // "after three weeks' discussions", "yesterday's talks": a time owns nothing.
                if doc.is_any(j - 1, TIME_NOUNS) || doc.info(j - 1).any(flag::WEEKDAY) {
                    return None;
                }
                return Some(self.ref_covering(j - 1).copied().filter(|r| self.agent(r)));
            }
            if doc.is_any(j, &["his", "her"]) {
                // An unresolved "his" leaves the clause's subject to decide.
                return self
                    .ref_covering(j)
                    .copied()
                    .filter(|r| r.kind == RefKind::Pronoun)
                    .map(Some);
            }
            if doc.shape(j) == TokenShape::Lower
                || doc.shape(j) == TokenShape::Number
                || doc.punct(j, &["-"])
            {
                continue;
            }
            return None;
        }
        None
    }

    pub(super) fn light_verb_before(&self, sent: Sent, k: usize) -> bool {
        (k.saturating_sub(4).max(sent.start)..k).any(|j| {
            self.doc
                .info(j)
                .verb
                .is_some_and(|v| v.class == VerbClass::Light)
        })
    }
}

/// Nouns of a stretch of time, whose possessive ("two weeks' talks") says how long or when.
const TIME_NOUNS: &[&str] = &[
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
];

/// How far left of a token the rules look for its subject or what governs it: a clause is seldom
/// longer, and the cost of reading a sentence stays linear in its length.
pub(super) const CLAUSE_REACH: usize = 40;

/// The first token a leftward search from `k` may look at.
/// Words passed over between a subject and its verb: auxiliaries, contractions, some adverbs.
pub(super) const AUXILIARIES: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "did",
    "does",
    "do",
    "to",
    "also",
    "then",
    "first",
    "still",
    "now",
    "already",
    "both",
    "each",
    "all",
    "himself",
    "herself",
    "themselves",
    "itself",
    "jointly",
    "separately",
    "didn",
    "don",
    "doesn",
    "wasn",
    "weren",
    "won",
    "isn",
    "aren",
    "hasn",
    "haven",
    "hadn",
    "wouldn",
    "couldn",
    "shouldn",
    "never",
    "not",
    "t",
    "'t",
    "\u{2019}t",
];
/// Words before a verb that are no noun: relative and clause words.
const NOT_NOUNS: &[&str] = &[
    "who", "whom", "whose", "which", "that", "where", "when", "while", "whether", "because",
    "unless", "until", "after", "before", "since", "though", "although",
];

/// Nouns a name before them modifies ("a U.S. Air Force plane", "the Reagan administration",
/// "Treasury officials"): the noun acts, not the name.
const MODIFIED: &[&str] = &[
    "plane",
    "aircraft",
    "jet",
    "helicopter",
    "ship",
    "vessel",
    "tanker",
    "frigate",
    "administration",
    "officials",
    "aides",
    "delegation",
    "delegates",
    "negotiators",
    "forces",
    "troops",
    "team",
    "camp",
    "executives",
    "representatives",
    "sources",
];

/// Verbs of saying whose object is whom one tells ("told Reuters the talks ...").
pub(super) const TELL: &[&str] = &[
    "tell", "tells", "told", "telling", "informed", "informs", "assured", "assures", "briefed",
    "reminded", "warned", "warns",
];

fn reach(sent: Sent, k: usize) -> usize {
    sent.start.max(k.saturating_sub(CLAUSE_REACH))
}
