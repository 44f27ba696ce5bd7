//! Events between entities, read from the sentences with the references already resolved.
//!
//! Each rule starts at a trigger word from `verbs.tsv` (a verb such as "met", "visit",
//! "discussed", "said", or a noun such as "talks", "meeting", "visit") and looks for its
//! arguments around it ([`clause`]): the subject to the left (the nearest reference to a person
//! or organisation in the same clause that no preposition or verb governs, or the antecedent of
//! "who"), the objects to the right (a list joined by commas and "and", past determiners,
//! titles and nationality words). One module per event family reads its triggers: [`meet`],
//! [`call`], [`visit`], [`discuss`], [`speech`] (quotes and reported speech). What a meeting was
//! about comes from [`topics`]: its own sentence ("about", "on", "to discuss", "discuss ...
//! with") or the next one ("The agenda will include ...", "The talks will focus on ...").
//! Whether it happened comes from [`modality`] (the words around the trigger: "will", "is
//! expected to", "did not", "denied"), where from [`place`], and [`emit`] turns what a rule
//! found into relations, once each.

mod call;
mod clause;
mod discuss;
mod emit;
mod meet;
mod modality;
mod objects;
mod pairs;
mod place;
mod reported;
mod speech;
mod topics;
mod visit;

use crate::extract::dates::DateFinder;
use crate::extract::doc::Doc;
use crate::extract::entities::{Ref, RefKind};
use crate::lexicon::{Cue, NounClass, Tense, VerbClass};
use crate::model::{Entity, EntityId, EntityKind, Relation, RelationKind, Rule};
use crate::text::{Span, TokenShape};
use emit::Emitter;

/// Punctuation that ends a clause.
pub(super) const CLAUSE_BREAKS: &[&str] = &[";", ":", "\u{2014}", "\u{2013}", "--"];

/// Finds the events of a document: every relation its sentences state, in the order found, and
/// the topics and quotes they made (entities numbered after `entities`).
pub(crate) fn find(
    doc: &Doc,
    refs: &[Ref],
    in_title: &[bool],
    entities: &[Entity],
    dates: &DateFinder,
) -> (Vec<Relation>, Vec<Entity>) {
    let mut ref_at: Vec<Option<u32>> = vec![None; doc.tokens.len()];
    for (n, r) in refs.iter().enumerate() {
        // The first (outermost) reference at a token wins.
        for slot in &mut ref_at[r.from..r.to] {
            slot.get_or_insert(n as u32);
        }
    }
    let mut events = Events {
        doc,
        refs,
        in_title,
        ref_at,
        entities,
        dates,
        emit: Emitter::new(entities.len()),
        last_meetings: Vec::new(),
        passive_topics: Vec::new(),
        sentence_first: 0,
        question: None,
    };
    for s in 0..doc.sentences.len() {
        events.sentence(s);
    }
    events.statements();
    events.emit.finish()
}

/// What the rules of one document read (the text, its references, its entities) and write
/// (the [`Emitter`]).
struct Events<'d, 'a> {
    doc: &'d Doc<'a>,
    refs: &'d [Ref],
    /// Per token: true inside a title ("Prime Minister").
    in_title: &'d [bool],
    /// Per token: the (outermost) reference covering it, as an index into `refs`.
    ref_at: Vec<Option<u32>>,
    /// The document's entities; the emitter numbers what it makes after them.
    entities: &'d [Entity],
    dates: &'d DateFinder,
    emit: Emitter,
    /// Relations of the last sentence that had meetings, for topics the next sentence gives.
    last_meetings: Vec<usize>,
    /// Topics of a passive "X was discussed" in the current sentence.
    passive_topics: Vec<EntityId>,
    /// The index in the output of the current sentence's first relation.
    sentence_first: usize,
    /// Where the current sentence opens a question: "whether", or "if" after "asked".
    question: Option<usize>,
}

/// Where a sentence is: its index and tokens.
#[derive(Clone, Copy)]
struct Sent {
    index: usize,
    start: usize,
    end: usize,
    span: Span,
}

impl Events<'_, '_> {
    /// The type of the entity a reference points at.
    fn kind(&self, r: &Ref) -> EntityKind {
        self.entities[r.entity].kind
    }

    /// Who can meet, say or visit: a person or an organisation named (not a nationality word).
    fn agent(&self, r: &Ref) -> bool {
        r.kind != RefKind::Demonym
            && matches!(self.kind(r), EntityKind::Person | EntityKind::Organization)
    }

    /// A place named (not a nationality word).
    fn place(&self, r: &Ref) -> bool {
        r.kind != RefKind::Demonym && self.kind(r) == EntityKind::Place
    }

    /// The reference that starts at token `k`.
    fn ref_starting(&self, k: usize) -> Option<&Ref> {
        self.ref_covering(k).filter(|r| r.from == k)
    }

    /// The (outermost) reference that covers token `k`.
    fn ref_covering(&self, k: usize) -> Option<&Ref> {
        self.ref_at
            .get(k)
            .copied()
            .flatten()
            .map(|n| &self.refs[n as usize])
    }

    /// Sentence `s` of the document.
    fn sent(&self, s: usize) -> Sent {
        let sentence = &self.doc.sentences[s];
        Sent {
            index: s,
            start: sentence.tokens.start,
            end: sentence.tokens.end,
            span: sentence.span,
        }
    }

    /// Runs every trigger of sentence `s`, then gives its meetings the topics of a passive
    /// ("X was discussed") and of a follow-up sentence.
    fn sentence(&mut self, s: usize) {
        let sent = self.sent(s);
        let first_new = self.emit.out.len();
        self.sentence_first = first_new;
        self.question = self.question_in(sent);
        let mut k = sent.start;
        while k < sent.end {
            self.trigger(sent, k);
            k += 1;
        }
        // "Climate change was discussed when X visited Y": the passive's topics go to the
        // sentence's meetings, which its later triggers found.
        let passive = std::mem::take(&mut self.passive_topics);
        for rel in &mut self.emit.out[first_new..] {
            if is_meeting(rel.kind) && rel.topics.is_empty() {
                rel.topics = passive.clone();
            }
        }
        self.follow_up_topics(sent, first_new);
        let meetings: Vec<usize> = (first_new..self.emit.out.len())
            .filter(|&i| is_meeting(self.emit.out[i].kind))
            .collect();
        // Only the very next sentence may add topics to these meetings.
        self.last_meetings = meetings;
    }

    /// Dispatches token `k` to the rule of its event family, if it is a trigger.
    fn trigger(&mut self, sent: Sent, k: usize) {
        let doc = self.doc;
        let info = doc.info(k);
        if doc.tok(k).shape == TokenShape::Capitalized
            && !doc.starts_sentence(k)
            && !sentence_is_headline(doc, sent)
        {
            return;
        }
        if self.asked_for(sent, k) || self.in_a_question(k) {
            return;
        }
        // "meeting"/"talks"/"visit" are verbs or nouns; the words before them decide.
        if self.noun_reading(sent, k) {
            match info.noun {
                Some(NounClass::Meet | NounClass::Meal) => self.meeting_noun(sent, k),
                Some(NounClass::Visit | NounClass::Speech) => self.visit_noun(sent, k),
                Some(NounClass::Phone) if !self.call_for(k) => self.meeting_noun(sent, k),
                _ => {}
            }
            return;
        }
        if let Some(o) = self.meeting_phrase(sent, k) {
            self.meet_verb_at(sent, k, o, Rule::Meet);
            return;
        }
        let Some(verb) = info.verb else { return };
        match verb.class {
            VerbClass::Meet => self.meet_verb(sent, k, Rule::Meet),
            VerbClass::See => self.see_verb(sent, k),
            // "Speaking in Cardiff, Mr Kennedy said ...": where the speaker was.
            VerbClass::Talk | VerbClass::Say
                if verb.tense == Tense::Ing
                    && doc.starts_sentence(k)
                    && doc.is_any(k + 1, &["in", "at"]) =>
            {
                self.fronted_presence(sent, k)
            }
            VerbClass::Talk | VerbClass::Say if self.speech_place(sent, k) => {}
            VerbClass::Talk => {
                // "spoke by phone with X", "talked on the telephone to X".
                let o = k + 1 + self.phone_phrase(k + 1);
                // "speaking to the Chamber of Commerce", "talked to Reuters": an address or an
                // interview, not a meeting.
                let first = if doc.is(o + 1, "the") { o + 2 } else { o + 1 };
                let to_a_body = doc.is(o, "to")
                    && self
                        .ref_starting(first)
                        .is_some_and(|r| self.kind(r) == EntityKind::Organization);
                if to_a_body {
                    return;
                }
                if doc.is_any(o, &["with", "to"]) {
                    self.meet_verb(sent, k, Rule::TalkWith);
                } else if doc.is(o, "about") || doc.is(o, "on") && o == k + 1 {
                    self.symmetric_subjects(sent, k, Rule::Talked);
                } else if o > k + 1 {
                    // "The two leaders spoke by phone."
                    self.symmetric_subjects(sent, k, Rule::Phone);
                }
            }
            VerbClass::Phone => self.phone_verb(sent, k),
            VerbClass::Receive => self.receive_verb(sent, k),
            VerbClass::Discuss => self.discuss_verb(sent, k),
            VerbClass::Visit => self.visit_verb(sent, k),
            VerbClass::Arrive => self.motion_verb(sent, k, &["in", "at", "into"], Rule::ArriveIn),
            VerbClass::Go => self.motion_verb(sent, k, &["to", "for", "in", "into"], Rule::GoTo),
            VerbClass::Leave if !self.leave_verb(sent, k) => {
                self.motion_verb(sent, k, &["for"], Rule::GoTo)
            }
            VerbClass::Be if doc.is(k + 1, "in") || doc.is(k + 1, "at") => self.be_in(sent, k),
            VerbClass::Light => {
                // "hold talks with", "have dinner with": the noun carries the rule.
            }
            _ => {}
        }
    }

    /// True when a word before trigger `k` in its clause asks for the event, which is then no
    /// event yet: "will seek a meeting with", "suggested holding talks with", "urged Gorbachev
    /// to meet", "had offered to enter into acquisition talks with", "tried unsuccessfully to
    /// open merger discussions with", "will propose to the member countries a summit meeting
    /// with" (but "the proposed talks" are planned).
    fn asked_for(&self, sent: Sent, k: usize) -> bool {
        let doc = self.doc;
        let window = k.saturating_sub(8).max(sent.start)..k;
        // Most triggers have no such word before them: one cheap look first.
        if !window.clone().any(|j| doc.cue(j, Cue::AskedFor)) {
            return false;
        }
        // "sought the meeting in a telephone conversation with": a word asks for the first
        // event after it ("summit meeting" is one).
        let earlier_event = |j: usize| {
            j + 1 < k
                && matches!(
                    doc.info(j).noun,
                    Some(NounClass::Meet | NounClass::Meal | NounClass::Visit)
                )
        };
        // "proposed the fund during a trip to": a trigger in a phrase of time or
        // circumstance is not what the word asks for.
        let circumstance = |j: usize| {
            doc.cue(j, Cue::PhraseOpener)
                && doc.is_any(
                    j,
                    &[
                        "during",
                        "after",
                        "before",
                        "following",
                        "since",
                        "amid",
                        "despite",
                        "until",
                    ],
                )
        };
        window
            .rev()
            .take_while(|&j| !doc.punct(j, CLAUSE_BREAKS) && !earlier_event(j) && !circumstance(j))
            .any(|j| {
                doc.cue(j, Cue::AskedFor)
                    && !(j > sent.start
                        && doc.cue(j - 1, Cue::Determiner)
                        && doc.s(j).ends_with("ed"))
            })
    }

    /// "Asked if Reagan would discuss the issue with Volcker, ...", "reporters asked him
    /// whether he would meet X": an event in a question put to someone is none, whatever the
    /// answer. True when the trigger at `k` is within ten words of the sentence's question,
    /// in its clause.
    fn in_a_question(&self, k: usize) -> bool {
        self.question.is_some_and(|q| {
            q < k && k - q <= 10 && !(q..k).any(|j| self.doc.punct(j, CLAUSE_BREAKS))
        })
    }

    /// Where a sentence opens a question: a "whether", which does whatever asks it ("declined
    /// to say whether X and Y had held talks", "it is not clear whether he will visit"), or an
    /// "if" up to three words after a form of "ask".
    fn question_in(&self, sent: Sent) -> Option<usize> {
        let doc = self.doc;
        (sent.start..sent.end).find(|&j| {
            doc.cue(j, Cue::ClauseWord)
                && (doc.is(j, "whether")
                    || doc.is(j, "if")
                        && (j.saturating_sub(3).max(sent.start)..j)
                            .any(|a| doc.is_any(a, &["asked", "asking", "ask", "asks"])))
        })
    }

    /// True when the trigger at `k` is read as a noun: it is only one, or an ambiguous form
    /// that the words before make one.
    fn noun_reading(&self, sent: Sent, k: usize) -> bool {
        let info = self.doc.info(k);
        info.noun.is_some() && (info.verb.is_none() || self.reads_as_noun(sent, k))
    }

    /// True when an ambiguous form ("meeting", "talks", "visit") is a noun here.
    fn reads_as_noun(&self, sent: Sent, k: usize) -> bool {
        let doc = self.doc;
        if k == sent.start {
            return true;
        }
        let prev = k - 1;
        if doc.cue(prev, Cue::Determiner) || doc.tok(prev).shape == TokenShape::Clitic {
            return true;
        }
        // "GATT talks in Geneva", "the OPEC meeting", "a Moscow visit": after the name of a
        // body or a place, these are nouns (after a person's, "Kerry visits", a verb).
        if !sentence_is_headline(doc, sent)
            && let Some(r) = self.ref_covering(prev)
            && r.to == k
            && matches!(self.kind(r), EntityKind::Organization | EntityKind::Place)
        {
            return true;
        }
        // "closed meeting", "separate talks", "two-day visit", "fourth visit", "first high-level meeting".
        let p = doc.info(prev);
        // "phone call", "telephone conversation".
        if p.noun == Some(NounClass::Phone) && doc.shape(prev) == TokenShape::Lower {
            return true;
        }
        if doc.shape(prev) == TokenShape::Lower
            && p.verb.is_none()
            && !doc.cue(prev, Cue::Preposition)
            && !doc.is_any(
                prev,
                &[
                    "to", "not", "and", "or", "will", "would", "also", "then", "before", "after",
                    "while", "by",
                ],
            )
        {
            return true;
        }
        if doc.shape(prev) == TokenShape::Number || doc.punct(prev, &["-"]) {
            return true;
        }
        // "for talks", "after talks": a preposition before a plural noun.
        if doc.cue(prev, Cue::Preposition)
            && doc.is_any(
                k,
                &[
                    "talks",
                    "meetings",
                    "visits",
                    "negotiations",
                    "consultations",
                    "discussions",
                    "trip",
                    "visit",
                    "meeting",
                ],
            )
        {
            return !doc.is_any(prev, &["before", "after", "while", "by", "to"])
                || doc.is(k, "talks");
        }
        // A verb of holding before it: "hold talks", "had lunch".
        if p.verb.is_some_and(|v| v.class == VerbClass::Light) {
            return true;
        }
        false
    }
}

/// A stretch of text on one line: runs of white space, line breaks included, become one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Meetings and calls: events between parties that topics and follow-up sentences attach to.
fn is_meeting(kind: RelationKind) -> bool {
    matches!(kind, RelationKind::Met | RelationKind::Called)
}

/// True when the sentence is the document's headline.
fn sentence_is_headline(doc: &Doc, sent: Sent) -> bool {
    doc.sentences[sent.index].headline
}
