//! Whether an event happened: the words around its trigger make it planned ("will", "is to",
//! "next week"), reported ("reportedly") or denied ("did not", "denied", "was postponed").

use super::CLAUSE_BREAKS;
use super::{Events, Sent, sentence_is_headline};
use crate::lexicon::{Cue, Tense, VerbClass, flag};
use crate::text::TokenShape;

impl Events<'_, '_> {
    /// Modality and negation from the words before the trigger in its clause.
    pub(super) fn modality(&self, sent: Sent, k: usize) -> (Modality, bool) {
        let doc = self.doc;
        if self.gerund_of_a_planned_clause(sent, k) {
            return (Modality::Planned, false);
        }
        let from = k.saturating_sub(8).max(sent.start);
        let mut modality = Modality::Happened;
        let mut negated = false;
        // "There was speculation that Reagan would meet ...": a hedge keeps the event
        // reported, whatever else says it is to come.
        let mut hedged = false;
        for j in from..k {
            if doc.punct(j, CLAUSE_BREAKS) {
                modality = Modality::Happened;
                negated = false;
                hedged = false;
                continue;
            }
            let info = doc.info(j);
            let verb = info.verb.map(|v| v.class);
            // "on possible contracts he said he had discussed ...": a verb of saying opens the
            // clause it reports; the words before it say nothing of what it reports.
            if verb == Some(VerbClass::Say)
                && !info.is(Cue::Negation)
                && !info.is(Cue::Planned)
                && info
                    .verb
                    .is_some_and(|v| matches!(v.tense, Tense::Past | Tense::Present))
                && j + 1 < k
                && !doc.is(j + 1, "to")
            {
                modality = Modality::Happened;
                negated = false;
                hedged = false;
                continue;
            }
            // "will meet", "'ll meet", "hopes to meet", "is expected to visit".
            if info.is(Cue::Planned) || verb == Some(VerbClass::Plan) {
                modality = Modality::Planned;
            }
            // "is to visit", "are to meet"; "X to visit Moscow" in a headline; "is to hold two
            // days of meetings with".
            let light_then_noun = k <= j + 6
                && doc
                    .info(j + 1)
                    .verb
                    .is_some_and(|v| v.class == VerbClass::Light)
                && doc.info(k).noun.is_some();
            if doc.is(j, "to")
                && (j + 1 == k || light_then_noun)
                && j > sent.start
                && (doc
                    .info(j - 1)
                    .verb
                    .is_some_and(|v| v.class == VerbClass::Be)
                    || sentence_is_headline(doc, sent))
            {
                modality = Modality::Planned;
            }
            if info.is(Cue::Reported)
                && !info
                    .verb
                    .is_some_and(|v| v.class == VerbClass::Say && j + 1 < k && !doc.is(j + 1, "to"))
            {
                modality = Modality::Reported;
                hedged = true;
            }
            // "did not meet", "didn't meet", "denied meeting", "refused to meet".
            if info.is(Cue::Negation) || verb == Some(VerbClass::Refuse) {
                negated = true;
            }
            // "had never met him in the 1950s but had since met him twice": a denial does
            // not reach past "but" (what is to come does: "will go to Paris but meet no one").
            if info.is(Cue::ClauseWord) && doc.is(j, "but") {
                negated = false;
            }
            // "declined to detail what X and Y discussed": what a denial or refusal is about
            // is taken as having happened.
            if doc.is_any(j, &["what", "how", "why", "where"]) {
                negated = false;
            }
            // "when he pays a visit to Nairobi", "once he arrives in Bonn": with no verb in
            // the past after these words, they speak of what is to come.
            if doc.is_any(j, &["when", "once", "if", "unless", "until"])
                && !(j + 1..=k).any(|v| {
                    doc.info(v)
                        .verb
                        .is_some_and(|v| matches!(v.tense, Tense::Past | Tense::PastParticiple))
                        || doc.shape(v) == TokenShape::Lower && doc.s(v).ends_with("ed")
                        || doc.is_any(v, &["was", "were", "had", "did"])
                })
            {
                modality = Modality::Planned;
            }
        }
        let (called_off, claimed) = self.words_after_trigger(sent, k);
        negated |= called_off;
        hedged |= claimed;
        if self.planned_after_noun(sent, k) {
            modality = Modality::Planned;
        }
        if self.planned_by_main_clause(sent, k) {
            modality = Modality::Planned;
        }
        if self.time_to_come_after(sent, k) {
            modality = Modality::Planned;
        }
        if hedged {
            modality = Modality::Reported;
        }
        if doc.info(k).noun.is_some() {
            modality = self.noun_modality(sent, k).unwrap_or(modality);
        }
        (modality, negated)
    }

    /// What the words around an event noun at `k` say of its time, when they say something.
    fn noun_modality(&self, sent: Sent, k: usize) -> Option<Modality> {
        let doc = self.doc;
        // "cut short a scheduled trip to Dallas", "ended his visit": under way, or over.
        if (k.saturating_sub(5).max(sent.start)..k)
            .any(|j| doc.is_any(j, ENDED) || doc.is(j, "cut") && doc.is(j + 1, "short"))
        {
            return Some(Modality::Happened);
        }
        // "speaking before a meeting with the Paris Club", "ahead of talks with X": a meeting
        // still to come when the words were said; "flies to Brussels today for talks with X":
        // talks a trip is for are as much to come as the trip.
        (self.before_the_event(sent, k) || self.purpose_of_a_trip_to_come(sent, k))
            .then_some(Modality::Planned)
    }

    /// True when the event noun at `k` is what a trip still to come is for: "for" (and a
    /// determiner or an adjective) before it, and before that, in its clause, a verb of going
    /// whose own words make it planned ("flies to Brussels today for talks with X").
    fn purpose_of_a_trip_to_come(&self, sent: Sent, k: usize) -> bool {
        let doc = self.doc;
        let Some(f) = (k.saturating_sub(3).max(sent.start)..k)
            .rev()
            .find(|&j| doc.is(j, "for"))
        else {
            return false;
        };
        (f.saturating_sub(8).max(sent.start)..f)
            .rev()
            .take_while(|&j| !doc.punct(j, CLAUSE_BREAKS))
            .find(|&j| {
                doc.info(j).noun.is_none()
                    && doc.info(j).verb.is_some_and(|v| v.class == VerbClass::Go)
            })
            .is_some_and(|v| self.modality(sent, v).0 == Modality::Planned)
    }

    /// True when the event noun at `k` follows "ahead of", "prior to" or, after words of
    /// speaking, "before", with only determiners and words of no verb between ("speaking before
    /// a meeting with", "ahead of the talks").
    fn before_the_event(&self, sent: Sent, k: usize) -> bool {
        let doc = self.doc;
        // "before" counts after words said or being said ("speaking before a meeting"): "it
        // requested the data before its meeting" tells of a past that may include the meeting.
        let speaking = |j: usize| {
            (j.saturating_sub(4).max(sent.start)..j).any(|x| {
                doc.shape(x) == TokenShape::Lower && doc.s(x).ends_with("ing")
                    || doc.info(x).verb.is_some_and(|v| v.class == VerbClass::Say)
            })
        };
        (k.saturating_sub(4).max(sent.start + 1)..k).any(|j| {
            let opens = doc.is(j, "before") && speaking(j)
                || doc.is(j, "of") && doc.is(j - 1, "ahead")
                || doc.is(j, "to") && doc.is(j - 1, "prior");
            // ("before meeting X" is a gerund: the meeting may well be over.)
            opens
                && (j + 1 < k || !doc.s(k).ends_with("ing"))
                && (j + 1..k).all(|x| {
                    doc.cue(x, Cue::Determiner)
                        || doc.tok(x).shape == TokenShape::Clitic
                        || doc.shape(x) == TokenShape::Lower && doc.info(x).verb.is_none()
                })
        })
    }

    /// What the words after trigger `k` in its clause say of its event: called off ("Abe's
    /// trip to Canberra was postponed"), or someone's claim ("two meetings which he said took
    /// place").
    fn words_after_trigger(&self, sent: Sent, k: usize) -> (bool, bool) {
        let doc = self.doc;
        let (mut called_off, mut claimed) = (false, false);
        // "Abe's trip to Canberra was postponed": called off after the fact.
        for j in k + 1..(k + 10).min(sent.end) {
            if doc.punct(j, CLAUSE_BREAKS) || doc.punct(j, &[";"]) {
                break;
            }
            if doc.cue(j, Cue::CalledOff) || doc.is(j, "called") && doc.is(j + 1, "off") {
                called_off = true;
            }
            // "two meetings which he said took place": someone's claim.
            if doc.is_any(j, &["which", "that"])
                && (j + 1..(j + 5).min(sent.end)).any(|v| {
                    doc.info(v).verb.is_some_and(|v| v.class == VerbClass::Say)
                        && doc.is_any(v + 1, &["took", "had"])
                        && (doc.is(v + 2, "place") || doc.is(v + 3, "place"))
                })
            {
                claimed = true;
            }
        }
        (called_off, claimed)
    }

    /// "X is to meet A, before visiting B", "X will be explaining it to Z before travelling to
    /// Europe": a gerund after "before" or "after" is as planned as the clause it ends (the
    /// clause's verb, or a word of the future before it).
    fn gerund_of_a_planned_clause(&self, sent: Sent, k: usize) -> bool {
        let doc = self.doc;
        if !(k > sent.start + 1
            && doc.info(k).verb.is_some_and(|v| v.tense == Tense::Ing)
            && doc.is_any(k - 1, &["before", "after", "while"]))
        {
            return false;
        }
        let main = (sent.start..k - 1).find(|&j| {
            doc.shape(j) == TokenShape::Lower
                && doc
                    .info(j)
                    .verb
                    .is_some_and(|v| v.tense != Tense::Ing && v.class != VerbClass::Be)
        });
        main.is_some_and(|m| self.modality(sent, m).0 == Modality::Planned)
            || (sent.start..k - 1).any(|j| doc.is_any(j, &["will", "would", "shall"]))
    }

    /// "Talks between them will take place ...", "The meeting is due on ...": the verb after
    /// a noun trigger says whether its event is still to come.
    fn planned_after_noun(&self, sent: Sent, k: usize) -> bool {
        let doc = self.doc;
        // (Not a gerund: "after meeting Suharto, the gains will come" met him.)
        let gerund = k > sent.start
            && doc.is_any(
                k - 1,
                &["after", "before", "while", "since", "without", "on", "by"],
            );
        // (Nor a noun a verb in the past has made happen: "Chirac opened talks with Reagan
        // expected to focus on trade".)
        let done = (k.saturating_sub(3).max(sent.start)..k).any(|j| {
            let verb = doc.info(j).verb;
            verb.is_none_or(|v| v.class != VerbClass::Say)
                && (verb.is_some_and(|v| v.tense == Tense::Past)
                    || doc.shape(j) == TokenShape::Lower
                        && doc.s(j).ends_with("ed")
                        && !(j > sent.start && doc.cue(j - 1, Cue::Determiner)))
        });
        if doc.info(k).noun.is_some() && !gerund && !done {
            // ("The Armacost discussions with Deputy Foreign Minister Ryohei Murata and other
            // senior Japanese officials will focus on": a long list may come between.)
            for j in k + 1..(k + 16).min(sent.end) {
                // "a visit to Washington, said he expected ...": a verb of saying starts
                // another clause, whose words say nothing of the visit.
                if doc.punct(j, CLAUSE_BREAKS)
                    || doc.info(j).verb.is_some_and(|v| v.class == VerbClass::Say)
                {
                    break;
                }
                if doc.cue(j, Cue::PlannedAfter)
                    || doc.is(j, "set") && doc.is_any(j + 1, &["to", "for"])
                {
                    return true;
                }
            }
        }
        false
    }

    /// "... next week", "tomorrow" after the trigger; "flies to Washington this weekend",
    /// "leaves later this month", "visits Britain this week", "leaves on his visit to Japan
    /// on Wednesday" (a weekday not the article's own): a verb in the present with a time to
    /// come.
    fn time_to_come_after(&self, sent: Sent, k: usize) -> bool {
        let doc = self.doc;
        // ("talks" and "visits" are nouns too: then the verb before says.)
        let present = match self.noun_reading(sent, k) {
            true => self.present_verb_before(sent, k),
            false => doc
                .info(k)
                .verb
                .is_some_and(|v| matches!(v.tense, Tense::Present | Tense::Base)),
        };
        // "Reagan is going to the Capitol this morning", "Rha leaves today for Ottawa": a
        // departure in the present, or the present progressive, with a time of today is still
        // to come.
        let motion = doc
            .info(k)
            .verb
            .is_some_and(|v| matches!(v.class, VerbClass::Go | VerbClass::Leave));
        let progressive = motion
            && doc.info(k).verb.is_some_and(|v| v.tense == Tense::Ing)
            && k > sent.start
            && doc.is_any(k - 1, &["is", "are", "am"])
            && doc.is_any(k + 1, &["to", "for"]);
        let present = present || progressive;
        let past = doc
            .info(k)
            .verb
            .is_some_and(|v| matches!(v.tense, Tense::Past | Tense::PastParticiple));
        let today = |j: usize| {
            motion && (doc.is(j, "today") || doc.is(j, "this") && doc.is(j + 1, "morning"))
        };
        // The present's time is in its own clause: "who is in Rome today, will fly on Sunday".
        let end = (k + 12).min(sent.end);
        let clause_end = (k + 1..end).find(|&j| doc.punct(j, &[","])).unwrap_or(end);
        // ("is going to the U.S. Capitol to urge senators": on the way, not yet there.)
        progressive
            || (k..end).any(|j| {
                present
                    && j < clause_end
                    && (doc.is(j, "this")
                        && doc.is_any(j + 1, &["week", "weekend", "evening", "afternoon"])
                        || today(j)
                        || doc.is(j, "later") && doc.is(j + 1, "this")
                        || doc.is(j, "tonight")
                        || j > 0 && doc.is(j - 1, "on") && self.dates.another_weekday(doc, j))
                    || doc.is_any(j, &["tomorrow"])
                    // "a probable meeting between X and Y later today".
                    || doc.is(j, "later") && doc.is_any(j + 1, &["today", "tonight"]) && !past
                    || doc.is(j, "next")
                        && (doc.is_any(j + 1, &["week", "month", "year"])
                            || doc.info(j + 1).has(flag::WEEKDAY))
            })
    }

    /// True when a verb in the present that starts or makes an event stands before the noun
    /// trigger at `k`: "begins a four-day visit", "leaves on his sixth visit", "holds talks".
    fn present_verb_before(&self, sent: Sent, k: usize) -> bool {
        let doc = self.doc;
        (k.saturating_sub(6).max(sent.start)..k)
            .rev()
            .take_while(|&j| !doc.tok(j).shape.eq(&TokenShape::Punct))
            .any(|j| doc.is_any(j, PRESENT_STARTS))
    }

    /// "During his trip to Washington, Bangemann will meet ...": a noun in an opening phrase
    /// is to come when the main clause's verb is.
    fn planned_by_main_clause(&self, sent: Sent, k: usize) -> bool {
        let doc = self.doc;
        if doc.info(k).noun.is_none() {
            return false;
        }
        if doc.fronted_phrase_end(sent.index).is_none_or(|c| k >= c) {
            return false;
        }
        let Some(main) = doc.main_clause_comma(sent.index) else {
            return false;
        };
        for j in main + 1..(main + 8).min(sent.end) {
            if doc.cue(j, Cue::Planned) {
                return true;
            }
            if doc.info(j).verb.is_some() {
                return false;
            }
        }
        false
    }
}

/// What the words before a trigger say of its event, before negation.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Modality {
    Happened,
    Planned,
    Reported,
}

/// Verbs in the present that start or make an event named by a noun after them.
const PRESENT_STARTS: &[&str] = &[
    "begins", "begin", "starts", "start", "opens", "open", "leaves", "leave", "pays", "pay",
    "makes", "make", "holds", "hold", "sets", "embarks", "embark",
];

/// Verbs that end an event named by a noun after them, which therefore took place.
const ENDED: &[&str] = &[
    "ended",
    "ends",
    "ending",
    "concluded",
    "concludes",
    "concluding",
    "completed",
    "completes",
    "curtailed",
    "wound",
    "winding",
    "wrapped",
    "wrapping",
];
