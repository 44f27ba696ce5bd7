//! Events between entities, read from the sentences with the references already resolved.
//!
//! Each rule starts at a trigger word from `verbs.tsv` (a verb such as "met", Rule::Visit,
//! "discussed", "said", or a noun such as "talks", "meeting", Rule::Visit) and looks for its
//! arguments around it: the subject to the left (the nearest reference to a person or
//! organisation in the same clause that no preposition or verb governs, or the antecedent of
//! "who"), the objects to the right (a list joined by commas and "and", past determiners,
//! titles and nationality words). What a meeting was about comes from its own sentence
//! ("about", "on", "to discuss", "discuss ... with") or from the next one ("The agenda will
//! include ...", "The talks will focus on ..."). Modality and negation come from the words
//! between the subject and the trigger ("will", "is expected to", "did not", "denied").

use rustc_hash::FxHashMap;

use crate::extract::dates::DateFinder;
use crate::extract::doc::Doc;
use crate::extract::entities::{Ref, RefKind};
use crate::lexicon::{NounClass, Tense, VerbClass, flag};
use crate::model::{Entity, EntityId, EntityKind, PlaceKind, Relation, RelationKind, Rule, Status};
use crate::text::{Span, TokenShape};

const PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "on",
    "to",
    "from",
    "with",
    "by",
    "for",
    "of",
    "about",
    "into",
    "onto",
    "near",
    "towards",
    "toward",
    "against",
    "between",
    "among",
    "after",
    "before",
    "during",
    "without",
    "under",
    "over",
    "through",
    "across",
    "around",
    "behind",
    "beyond",
    "via",
    "like",
    "than",
    "including",
    "regarding",
    "despite",
    "since",
    "until",
    "within",
    "upon",
    "amid",
    "outside",
    "inside",
    "per",
    "alongside",
];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "this", "these", "those", "our", "your", "my",
];
const NP_ADJECTIVES: &[&str] = &[
    "new",
    "senior",
    "top",
    "former",
    "influential",
    "veteran",
    "outgoing",
    "incoming",
    "fellow",
    "visiting",
    "then",
    "acting",
    "also",
    "newly",
    "elected",
    "embattled",
];
/// Pronouns and auxiliaries: a phrase with one of these is a clause, not a topic.
const NOT_IN_TOPICS: &[&str] = &[
    "i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "them", "can", "could", "do",
    "does", "did", "will", "would", "shall", "should", "may", "might", "must", "want", "wants",
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "well", "not", "there", "here",
    "very", "so",
];
/// Words of numbers.
const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozen",
    "dozens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "or",
    "and",
    "a",
    "few",
    "several",
];
/// Nouns too vague to be a topic on their own.
const VAGUE_NOUNS: &[&str] = &[
    "matter",
    "matters",
    "issue",
    "issues",
    "situation",
    "question",
    "questions",
    "thing",
    "things",
    "subject",
    "topic",
    "topics",
    "problem",
    "problems",
    "case",
    "way",
    "ways",
    "idea",
    "ideas",
    "plan",
    "plans",
    "details",
    "possibility",
    "progress",
    "fight",
    "efforts",
    "events",
    "options",
    "prospects",
];
const CLAUSE_BREAKS: &[&str] = &[";", ":", "\u{2014}", "\u{2013}", "--"];
const CLAUSE_WORDS: &[&str] = &[
    "that", "which", "but", "whereas", "because", "although", "though", "if", "whether", "while",
    "where",
];
const PLANNED: &[&str] = &[
    "agreed",
    "agree",
    "agrees",
    "scheduled",
    "invited",
    "invites",
    "invite",
    "asked",
    "urged",
    "will",
    "shall",
    "'ll",
    "would",
    "going",
    "plans",
    "plan",
    "planning",
    "planned",
    "expected",
    "set",
    "due",
    "scheduled",
    "intends",
    "intend",
    "hopes",
    "hoping",
    "wants",
    "aims",
    "preparing",
    "prepares",
    "upcoming",
    "forthcoming",
    "future",
    "possible",
    "likely",
    "might",
    "ahead",
    "prepare",
    "prepares",
    "preparation",
    "preparations",
];
const REPORTED: &[&str] = &[
    "reportedly",
    "allegedly",
    "said",
    "rumoured",
    "rumored",
    "purportedly",
    "supposedly",
];
const NEGATIONS: &[&str] = &["not", "n't", "never", "no", "nor", "without"];
const REFUSALS: &[&str] = &[
    "denied",
    "denies",
    "deny",
    "refused",
    "refuses",
    "declined",
    "declines",
    "cancelled",
    "canceled",
    "postponed",
    "failed",
    "ruled",
    "rejected",
];

/// What the relation stage adds to the document's entities: topics and quotes.
pub(crate) struct RelationOutput {
    pub relations: Vec<Relation>,
}

pub(crate) fn find(
    doc: &Doc,
    refs: &[Ref],
    in_title: &[bool],
    entities: &mut Vec<Entity>,
    dates: &DateFinder,
) -> RelationOutput {
    let mut ref_at: Vec<Option<u32>> = vec![None; doc.tokens.len()];
    for (n, r) in refs.iter().enumerate() {
        // The first (outermost) reference at a token wins.
        for slot in &mut ref_at[r.from..r.to] {
            slot.get_or_insert(n as u32);
        }
    }
    let mut cx = Cx {
        doc,
        refs,
        in_title,
        ref_at,
        entities,
        dates,
        out: Vec::new(),
        topic_ids: FxHashMap::default(),
        last_meetings: Vec::new(),
        passive_topics: Vec::new(),
    };
    for s in 0..doc.sentences.len() {
        cx.sentence(s);
    }
    cx.quotes();
    cx.reported_speech();
    RelationOutput { relations: cx.out }
}

struct Cx<'d, 'a> {
    doc: &'d Doc<'a>,
    refs: &'d [Ref],
    in_title: &'d [bool],
    ref_at: Vec<Option<u32>>,
    entities: &'d mut Vec<Entity>,
    dates: &'d DateFinder,
    out: Vec<Relation>,
    topic_ids: FxHashMap<String, EntityId>,
    /// Relations of the last sentence that had meetings, for topics the next sentence gives.
    last_meetings: Vec<usize>,
    /// Topics of a passive "X was discussed" in the current sentence.
    passive_topics: Vec<EntityId>,
}

/// Where a sentence is: its tokens.
#[derive(Clone, Copy)]
struct Sent {
    index: usize,
    start: usize,
    end: usize,
    span: Span,
}

impl Cx<'_, '_> {
    fn kind(&self, r: &Ref) -> EntityKind {
        self.entities[r.entity].kind
    }

    /// Who can meet, say or visit: a person or an organisation named (not a nationality word).
    fn agent(&self, r: &Ref) -> bool {
        r.kind != RefKind::Demonym
            && matches!(self.kind(r), EntityKind::Person | EntityKind::Organization)
    }

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

    fn sentence(&mut self, s: usize) {
        let sent = self.sent(s);
        let first_new = self.out.len();
        let mut k = sent.start;
        while k < sent.end {
            self.trigger(sent, k);
            k += 1;
        }
        // "Climate change was discussed when X visited Y": the passive's topics go to the
        // sentence's meetings, which its later triggers found.
        let passive = std::mem::take(&mut self.passive_topics);
        for rel in &mut self.out[first_new..] {
            if is_meeting(rel.kind) && rel.topics.is_empty() {
                rel.topics = passive.clone();
            }
        }
        self.follow_up_topics(sent, first_new);
        let meetings: Vec<usize> = (first_new..self.out.len())
            .filter(|&i| is_meeting(self.out[i].kind))
            .collect();
        // Only the very next sentence may add topics to these meetings.
        self.last_meetings = meetings;
    }

    fn trigger(&mut self, sent: Sent, k: usize) {
        let doc = self.doc;
        let info = doc.info(k);
        if doc.tok(k).shape == TokenShape::Capitalized
            && !doc.starts_sentence(k)
            && !sentence_is_headline(doc, sent)
        {
            return;
        }
        // "meeting"/"talks"/"visit" are verbs or nouns; the words before them decide.
        let noun_reading =
            info.noun.is_some() && (info.verb.is_none() || self.reads_as_noun(sent, k));
        if noun_reading {
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
            VerbClass::Be if doc.is(k + 1, "in") || doc.is(k + 1, "at") => self.be_in(sent, k),
            VerbClass::Light => {
                // "hold talks with", "have dinner with": the noun carries the rule.
            }
            _ => {}
        }
    }

    /// True when a word of telephoning stands near the trigger at `k`, so that the event it
    /// finds is a call ("spoke by telephone with", "in a phone conversation with", "phoned").
    fn phone_near(&self, sent: Sent, k: usize) -> bool {
        let doc = self.doc;
        (k.saturating_sub(4).max(sent.start)..(k + 9).min(sent.end)).any(|j| {
            doc.shape(j) == TokenShape::Lower
                && (doc.info(j).noun == Some(NounClass::Phone) && !self.call_for(j)
                    || doc
                        .info(j)
                        .verb
                        .is_some_and(|v| v.class == VerbClass::Phone))
        })
    }

    /// "calls for restraint", "a call on Israel to": a demand, not a telephone call.
    fn call_for(&self, k: usize) -> bool {
        self.doc.is_any(k + 1, &["for", "on", "upon", "off"])
    }

    /// The length of "by phone", "by telephone", "on the phone", "over the telephone", "by video
    /// link" at `k`, or 0.
    fn phone_phrase(&self, k: usize) -> usize {
        let doc = self.doc;
        if !doc.is_any(k, &["by", "on", "over", "via"]) {
            return 0;
        }
        let mut j = k + 1;
        if doc.is_any(j, &["the", "a"]) {
            j += 1;
        }
        if doc.is(j, "video") {
            j += 1;
            if doc.is_any(j, &["link", "call", "conference"]) {
                return j + 1 - k;
            }
        }
        if doc.info(j).noun == Some(NounClass::Phone) {
            return j + 1 - k;
        }
        0
    }

    /// "Obama phoned Putin", "Merkel called Hollande on Monday": a call with a named person.
    /// "called" also names ("a group called X") and judges ("called Y a liar"), so its object
    /// must come straight after it and be a person, and the subject must be one too.
    fn phone_verb(&mut self, sent: Sent, k: usize) {
        let doc = self.doc;
        let passive = k > sent.start
            && doc.is_any(
                k - 1,
                &["was", "were", "been", "being", "be", "is", "are", "so"],
            );
        if passive || self.call_for(k) || k > sent.start && doc.punct(k - 1, &["-"]) {
            return;
        }
        let person = |r: &Ref| r.kind != RefKind::Demonym && self.kind(r) == EntityKind::Person;
        let subjects: Vec<Ref> = self
            .subject(sent, k)
            .into_iter()
            .copied()
            .filter(|r| person(r))
            .collect();
        let (objects, after) = self.objects(sent, k + 1, person);
        let objects: Vec<Ref> = objects.into_iter().copied().collect();
        // The callee comes straight after the verb, past a title ("phoned Prime Minister X").
        let straight = objects.first().is_some_and(|o| {
            (k + 1..o.from).all(|j| self.title_word(j) || self.doc.is_any(j, DETERMINERS))
        });
        if subjects.is_empty() || !straight {
            return;
        }
        // "called Y a liar", "called Y the best": a judgement.
        if doc.is_any(after, &["a", "an", "the", "his", "her"]) {
            return;
        }
        self.emit_pairs(sent, k, &subjects, &objects, Rule::Phone, after, true);
    }

    /// True when an ambiguous form ("meeting", "talks", Rule::Visit) is a noun here.
    fn reads_as_noun(&self, sent: Sent, k: usize) -> bool {
        let doc = self.doc;
        if k == sent.start {
            return true;
        }
        let prev = k - 1;
        if doc.is_any(prev, DETERMINERS) || doc.tok(prev).shape == TokenShape::Clitic {
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
            && !doc.is_any(prev, PREPOSITIONS)
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
        if doc.is_any(prev, PREPOSITIONS)
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

    // ----- arguments -------------------------------------------------------------------------

    /// The nearest reference to a person or organisation left of `k` in the same clause, with
    /// any coordinated partners ("Lavrov and Kerry").
    fn subject(&self, sent: Sent, k: usize) -> Vec<&Ref> {
        let doc = self.doc;
        let mut j = k;
        while j > sent.start {
            j -= 1;
            // "The pair met", "the two leaders talked", "both men": the last two people named.
            if self.is_pair_word(j) {
                let pair = self.last_two_people(sent, j);
                if pair.len() == 2 {
                    return pair;
                }
                break;
            }
            if doc.punct(j, CLAUSE_BREAKS)
                || doc.is_any(j, CLAUSE_WORDS) && !self.is_relative_that(j)
            {
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
                if !self.agent(r) || self.governed(sent, r.from) {
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
                return list;
            }
        }
        // "After talks with X in Baku, Lavrov said...": a fronted phrase takes the subject of
        // the clause after its comma.
        if doc.is_any(
            sent.start,
            &[
                "after",
                "following",
                "during",
                "at",
                "before",
                "ahead",
                "on",
                "in",
            ],
        ) {
            let mut c = k;
            while c < sent.end && !doc.punct(c, &[","]) {
                c += 1;
            }
            if let Some(r) = self.first_agent_from(sent, c + 1) {
                return vec![r];
            }
        }
        Vec::new()
    }

    /// "pair" in "the pair", "two"/"both" before a plural noun for people.
    fn is_pair_word(&self, j: usize) -> bool {
        let doc = self.doc;
        const PEOPLE: &[&str] = &[
            "men",
            "women",
            "leaders",
            "ministers",
            "politicians",
            "sides",
            "officials",
            "presidents",
            "diplomats",
            "rivals",
        ];
        doc.is(j, "pair") && j > 0 && doc.is_any(j - 1, &["the", "this"])
            || doc.is_any(j, PEOPLE) && j > 0 && doc.is_any(j - 1, &["two", "both"])
    }

    /// The last two different people named before token `j`, within three sentences. "The two
    /// presidents" takes people who are presidents, when the document says so.
    fn last_two_people(&self, sent: Sent, j: usize) -> Vec<&Ref> {
        let doc = self.doc;
        let earliest = doc.sentences[sent.index.saturating_sub(3)].tokens.start;
        let noun = doc.s(j).to_lowercase();
        let singular = noun.strip_suffix('s').unwrap_or(&noun).to_string();
        let has_role = |r: &Ref| {
            self.entities[r.entity]
                .roles
                .iter()
                .any(|role| role.title.to_lowercase().ends_with(&singular))
        };
        let by_role = !matches!(noun.as_str(), "pair" | "men" | "women" | "sides" | "rivals")
            && self
                .refs
                .iter()
                .filter(|r| r.from < j && r.from >= earliest && has_role(r))
                .map(|r| r.entity)
                .collect::<std::collections::BTreeSet<_>>()
                .len()
                >= 2;
        let mut out: Vec<&Ref> = Vec::new();
        for r in self.refs.iter().rev() {
            if r.from >= j || r.kind == RefKind::Demonym || self.kind(r) != EntityKind::Person {
                continue;
            }
            if by_role && !has_role(r) {
                continue;
            }
            if r.from < earliest {
                break;
            }
            if !out.iter().any(|o| o.entity == r.entity) {
                out.push(r);
                if out.len() == 2 {
                    break;
                }
            }
        }
        out.reverse();
        out
    }

    /// "that" opening a relative clause after a noun is not a clause boundary for its own verb
    /// but is for what precedes; treat every "that" as a boundary except "that" as determiner.
    fn is_relative_that(&self, j: usize) -> bool {
        let doc = self.doc;
        doc.is(j, "that") && doc.info(j + 1).noun.is_some()
    }

    /// The person or organisation a phrase starting at `from` names, past its determiners,
    /// titles and qualifiers ("Liberal Democrat leader Charles Kennedy").
    fn first_agent_from(&self, sent: Sent, from: usize) -> Option<&Ref> {
        self.objects(sent, from, |r| self.agent(r))
            .0
            .first()
            .copied()
            .or_else(|| {
                (from..sent.end.min(from + 12))
                    .filter_map(|k| self.ref_starting(k))
                    .find(|r| self.agent(r))
            })
    }

    /// Where the noun phrase around a name starts: back over determiners, titles, nationality
    /// words and possessors ("the DUP's Ian Paisley", "Sinn Fein leader Gerry Adams").
    fn phrase_start(&self, sent: Sent, from: usize) -> usize {
        let doc = self.doc;
        let mut j = from;
        while j > sent.start {
            let prev = j - 1;
            if doc.is_any(prev, DETERMINERS)
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
    fn governed(&self, sent: Sent, from: usize) -> bool {
        let doc = self.doc;
        let mut j = from;
        while j > sent.start {
            j -= 1;
            if doc.is_any(j, DETERMINERS)
                || doc.is_any(j, NP_ADJECTIVES)
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
            return doc.is_any(j, PREPOSITIONS)
                || doc.info(j).verb.is_some_and(|v| {
                    !matches!(v.class, VerbClass::Say | VerbClass::Plan | VerbClass::Be)
                        && v.tense != Tense::Ing
                })
                || doc.is(j, "and")
                    && (self.and_joins_object(sent, j) || self.conjunct_governed(sent, j));
        }
        false
    }

    /// "attacked by both Liberals and Conservatives": the first of two names joined by the
    /// "and" at `and` follows a preposition, so both are governed by it.
    fn conjunct_governed(&self, sent: Sent, and: usize) -> bool {
        let doc = self.doc;
        let mut j = and;
        while j > sent.start && doc.capitalized(j - 1) {
            j -= 1;
        }
        if j == and {
            return false;
        }
        while j > sent.start && doc.is_any(j - 1, &["both", "either", "the"]) {
            j -= 1;
        }
        j > sent.start && doc.is_any(j - 1, PREPOSITIONS)
    }

    /// "met Putin and Lavrov": "and" after an object joins another object.
    fn and_joins_object(&self, sent: Sent, and: usize) -> bool {
        and > sent.start
            && self
                .ref_covering(and - 1)
                .is_some_and(|r| self.governed(sent, r.from))
    }

    /// True when a "said"-clause starts at `j`: "the Kremlin said", "officials told reporters".
    fn comment_clause(&self, sent: Sent, j: usize) -> bool {
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
    fn unnamed_item(&self, sent: Sent, j: usize) -> Option<usize> {
        let doc = self.doc;
        let mut x = j;
        while x < sent.end
            && x < j + 3
            && doc.shape(x) == TokenShape::Lower
            && doc.info(x).verb.is_none()
            && !doc.is_any(x, PREPOSITIONS)
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
    fn site_words(&self, r: &Ref) -> usize {
        let doc = self.doc;
        if !self.place(r) {
            return 0;
        }
        (r.to..(r.to + 2).min(doc.tokens.len()))
            .take_while(|&x| doc.shape(x) == TokenShape::Lower)
            .position(|x| doc.info(x).has(flag::PLACE_HEAD))
            .map_or(0, |p| p + 1)
    }

    fn title_word(&self, j: usize) -> bool {
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
    fn coordinated_before<'r>(&'r self, sent: Sent, mut from: usize, list: &mut Vec<&'r Ref>) {
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

    /// The references listed right after `k`: "Putin and Lavrov", "NASA Administrator Charlie
    /// Bolden", "his Russian counterpart Sergey Lavrov". `accept` filters what may be listed.
    fn objects(&self, sent: Sent, k: usize, accept: impl Fn(&Ref) -> bool) -> (Vec<&Ref>, usize) {
        let doc = self.doc;
        let mut list: Vec<&Ref> = Vec::new();
        let mut j = k;
        let mut expecting = true;
        while j < sent.end {
            if expecting {
                let skippable = doc.is_any(j, DETERMINERS)
                    || doc.is_any(j, NP_ADJECTIVES)
                    || self.title_word(j)
                    // "Work and Pensions Secretary X".
                    || doc.is(j, "and") && j > k && self.in_title[j - 1] && self.in_title.get(j + 1).copied().unwrap_or(false)
                    || doc.tok(j).shape == TokenShape::Clitic;
                if skippable && self.ref_starting(j).is_none() {
                    j += 1;
                    continue;
                }
                // "his", "her" are determiners here, whoever they point at.
                if doc.is_any(j, &["his", "her", "its", "their"]) {
                    j += 1;
                    continue;
                }
                if let Some(r) = self.ref_starting(j) {
                    // "Noi Bai international airport", "Sunderland station": a place and the
                    // lower-case words that say what is there.
                    let site = self.site_words(r);
                    if site > 0 && accept(r) {
                        if !list.iter().any(|l| l.entity == r.entity) {
                            list.push(r);
                        }
                        j = r.to + site;
                        expecting = false;
                        continue;
                    }
                    // "NASA Administrator Charlie Bolden": a name that qualifies a title or
                    // another name is passed over for the name it qualifies.
                    let qualifier = r.to < sent.end
                        && (self.title_word(r.to)
                            || self.ref_starting(r.to).is_some()
                            || doc.tok(r.to).shape == TokenShape::Clitic)
                        && (r.to..(r.to + 6).min(sent.end))
                            .any(|x| self.ref_starting(x).is_some_and(&accept));
                    if qualifier {
                        j = r.to;
                        continue;
                    }
                    // "welcomed Roh's announcement", "met Putin's envoy": the name owns what
                    // is met, and is not met itself.
                    if r.to < sent.end && doc.tok(r.to).shape == TokenShape::Clitic {
                        break;
                    }
                    if accept(r) {
                        if !list.iter().any(|l| l.entity == r.entity) {
                            list.push(r);
                        }
                        j = r.to;
                        expecting = false;
                        continue;
                    }
                    // A nationality or a country before the name it qualifies: skip it.
                    if r.kind == RefKind::Demonym
                        || self.ref_starting(r.to).is_some()
                        || self.title_word(r.to)
                        || doc
                            .tokens
                            .get(r.to)
                            .is_some_and(|t| t.shape == TokenShape::Clitic)
                    {
                        j = r.to;
                        continue;
                    }
                } else if let Some(next) = self.unnamed_item(sent, j) {
                    // "met union leaders and Tony Woodley": a group no name stands for, then
                    // the names.
                    j = next;
                    continue;
                }
                break;
            }
            // Between items: ",", "and", ", and", "as well as"; but ", the State Department
            // said" is a comment clause, not another item.
            if doc.punct(j, &[","]) && self.comment_clause(sent, j + 1) {
                break;
            }
            if doc.punct(j, &[","])
                && (self.ref_starting(j + 1).is_some()
                    || doc.is(j + 1, "and")
                    || doc.is_any(j + 1, DETERMINERS)
                    || self.title_word(j + 1))
            {
                j += 1;
                expecting = true;
                continue;
            }
            if doc.is_any(j, &["and", "&"]) {
                j += 1;
                expecting = true;
                continue;
            }
            if doc.is(j, "as") && doc.is(j + 1, "well") && doc.is(j + 2, "as") {
                j += 3;
                expecting = true;
                continue;
            }
            break;
        }
        (list, j)
    }

    // ----- rules -----------------------------------------------------------------------------

    /// "is scheduled to see Putin": seeing a person is meeting them; seeing anything else is not.
    /// Gives `topics` to the meetings of this sentence among `members`, whichever rule found
    /// them first.
    fn add_meeting_topics(&mut self, sent: Sent, members: &[Ref], topics: &[EntityId]) {
        let member = |e: EntityId| members.iter().any(|m| m.entity == e);
        for rel in &mut self.out {
            if !is_meeting(rel.kind)
                || rel.sentence != sent.span
                || !member(rel.source)
                || !rel.target.is_some_and(member)
            {
                continue;
            }
            for &t in topics {
                if !rel.topics.contains(&t) && t != rel.source && Some(t) != rel.target {
                    rel.topics.push(t);
                }
            }
        }
    }

    fn see_verb(&mut self, sent: Sent, k: usize) {
        let subjects: Vec<Ref> = self.subject(sent, k).into_iter().copied().collect();
        let (objects, after) = self.objects(sent, k + 1, |r| {
            r.kind != RefKind::Demonym && self.kind(r) == EntityKind::Person
        });
        let objects: Vec<Ref> = objects.into_iter().copied().collect();
        // "X will see Y" but not "saw his chance": the object must come straight after.
        if subjects.is_empty() || objects.is_empty() || objects[0].from > k + 4 {
            return;
        }
        self.emit_pairs(sent, k, &subjects, &objects, Rule::See, after, true);
    }

    fn meet_verb(&mut self, sent: Sent, k: usize, rule: Rule) {
        let o = k + 1 + self.phone_phrase(k + 1);
        self.meet_verb_at(sent, k, o, rule);
    }

    /// "sat down with", "shook hands with", "was joined by": a meeting said in a phrase, whose
    /// other party starts at the returned token.
    fn meeting_phrase(&self, sent: Sent, k: usize) -> Option<usize> {
        let doc = self.doc;
        let w = |i: usize, words: &[&str]| doc.is_any(i, words);
        if w(k, &["sat", "sit", "sits", "sitting"]) && w(k + 1, &["down"]) && w(k + 2, &["with"])
            || w(k, &["shook", "shake", "shakes", "shaking"])
                && w(k + 1, &["hands"])
                && w(k + 2, &["with"])
        {
            return Some(k + 3);
        }
        // "X was joined by Y": by people only; "joined by thousands" names no one.
        if w(k, &["joined"])
            && w(k + 1, &["by"])
            && k > sent.start
            && w(k - 1, &["was", "were", "is", "are", "been"])
        {
            return Some(k + 2);
        }
        None
    }

    fn meet_verb_at(&mut self, sent: Sent, k: usize, o: usize, rule: Rule) {
        let doc = self.doc;
        let mut o = o;
        // "meet with", "meet and have dinner with" (the later trigger handles that one).
        if doc.is_any(o, &["with", "to"]) {
            o += 1;
        }
        let subjects: Vec<Ref> = self.subject(sent, k).into_iter().copied().collect();
        let (objects, after) = self.objects(sent, o, |r| self.agent(r));
        let objects: Vec<Ref> = objects.into_iter().copied().collect();
        // "Lavrov and Kerry met (on Friday)": everyone in the subject met; but not in
        // "Lavrov and Kerry spoke to journalists", whose object is not a name.
        if objects.is_empty() && subjects.len() >= 2 && self.intransitive_after(k) {
            self.emit_group(sent, k, &subjects, rule, after);
            return;
        }
        // "met police chiefs in Manchester": no one named was met, but the subject was there.
        if objects.is_empty() && !subjects.is_empty() && !self.phone_near(sent, k) {
            let people: Vec<Ref> = subjects
                .iter()
                .copied()
                .filter(|r| self.kind(r) == EntityKind::Person)
                .collect();
            let mut end = o;
            while end < sent.end
                && doc.shape(end) == TokenShape::Lower
                && !doc.is_any(end, &["in", "at"])
                && end < o + 5
            {
                end += 1;
            }
            if let Some(place) = self.meeting_place(sent, end) {
                let at = Ref::name(end, end, place);
                self.emit_visits(sent, k, &people, &[at], Rule::MetAt);
            }
            return;
        }
        if subjects.is_empty() {
            return;
        }
        self.emit_pairs(sent, k, &subjects, &objects, rule, after, true);
    }

    /// "X was speaking in Cardiff", "X, speaking in Jakarta, said", "X told an audience in
    /// Birmingham", "X said in Washington": who spoke somewhere was there. True when it found
    /// the place (and the speaker), so that the verb's other readings are not tried.
    fn speech_place(&mut self, sent: Sent, k: usize) -> bool {
        let doc = self.doc;
        const AUDIENCE: &[&str] = &[
            "a",
            "an",
            "the",
            "audience",
            "rally",
            "reporters",
            "journalists",
            "supporters",
            "delegates",
            "students",
            "conference",
            "crowd",
            "crowds",
            "activists",
            "party",
            "members",
            "workers",
            "voters",
            "business",
            "leaders",
            "news",
            "meeting",
            "gathering",
        ];
        let mut p = k + 1;
        while p < sent.end && p < k + 5 && doc.is_any(p, AUDIENCE) {
            p += 1;
        }
        if !doc.is_any(p, &["in", "at"]) {
            return false;
        }
        let Some(place) = self.place_at(p + 1, doc.is(p, "at")) else {
            return false;
        };
        if self.entities[place].kind != EntityKind::Place {
            return false;
        }
        // "X, speaking in Jakarta,": the name before the comma.
        let speakers: Vec<Ref> = if k > sent.start + 1 && doc.punct(k - 1, &[","]) {
            self.refs
                .iter()
                .filter(|r| r.to == k - 1 && self.kind(r) == EntityKind::Person)
                .copied()
                .collect()
        } else {
            self.subject(sent, k)
                .into_iter()
                .filter(|r| self.kind(r) == EntityKind::Person)
                .copied()
                .collect()
        };
        // A spokesman speaking in his own capital went nowhere ("Kremlin spokesman Dmitry
        // Peskov told reporters in Moscow").
        let speakers: Vec<Ref> = speakers
            .into_iter()
            .filter(|s| !self.home_capital(s.entity, place))
            .collect();
        if speakers.is_empty() {
            return false;
        }
        let at = Ref::name(p + 1, p + 2, place);
        self.emit_visits(sent, k, &speakers, &[at], Rule::SpeechIn);
        true
    }

    /// True when `place` is the capital of the country a role of `person` belongs to (the
    /// country itself, or a known organisation's country).
    fn home_capital(&self, person: EntityId, place: EntityId) -> bool {
        let lex = self.doc.lex;
        let capital = self.entities[place].name.as_str();
        self.entities[person].roles.iter().any(|role| {
            let Some(of) = role.of.as_deref() else {
                return false;
            };
            [EntityKind::Place, EntityKind::Organization]
                .into_iter()
                .filter_map(|kind| lex.known_named(kind, of))
                .filter_map(|id| lex.capital_of(id))
                .any(|c| lex.known(c).name == capital)
        })
    }

    /// "Speaking in Cardiff, Mr Kennedy said": an opening participle places the subject of
    /// the main clause.
    fn fronted_presence(&mut self, sent: Sent, k: usize) {
        let Some(place) = self.place_at(k + 2, self.doc.is(k + 1, "at")) else {
            return;
        };
        let mut comma = k;
        while comma < sent.end && !self.doc.punct(comma, &[","]) {
            comma += 1;
        }
        let Some(subject) = self.first_agent_from(sent, comma + 1).copied() else {
            return;
        };
        if self.kind(&subject) == EntityKind::Person {
            let at = Ref::name(k + 2, k + 3, place);
            self.emit_visits(sent, k, &[subject], &[at], Rule::SpeechIn);
        }
    }

    /// True when nothing a verb could take as its object follows it: the end, punctuation, a
    /// preposition of time or place, an adverb.
    fn intransitive_after(&self, k: usize) -> bool {
        let doc = self.doc;
        let next = k + 1;
        let t = doc.tok(next);
        t.shape == TokenShape::Punct
            || doc.is_any(next, PREPOSITIONS) && !doc.is_any(next, &["with", "to"])
            || doc.is_any(
                next,
                &[
                    "again",
                    "twice",
                    "privately",
                    "briefly",
                    "later",
                    "yesterday",
                    "today",
                    "last",
                    "earlier",
                    "separately",
                    "together",
                    "recently",
                    "regularly",
                    "face",
                ],
            )
            || doc.info(next).any(flag::WEEKDAY | flag::MONTH)
    }

    fn symmetric_subjects(&mut self, sent: Sent, k: usize, rule: Rule) {
        let subjects: Vec<Ref> = self.subject(sent, k).into_iter().copied().collect();
        if subjects.len() >= 2 {
            self.emit_group(sent, k, &subjects, rule, k + 1);
        }
    }

    fn receive_verb(&mut self, sent: Sent, k: usize) {
        let doc = self.doc;
        let passive = k > sent.start
            && doc.is_any(k - 1, &["was", "were", "been", "being", "be", "is", "are"])
            && doc
                .info(k)
                .verb
                .is_some_and(|v| matches!(v.tense, Tense::Past | Tense::PastParticiple));
        if passive && doc.is(k + 1, "by") {
            let guests: Vec<Ref> = self.subject(sent, k).into_iter().copied().collect();
            let (hosts, after) = self.objects(sent, k + 2, |r| self.agent(r));
            let hosts: Vec<Ref> = hosts.into_iter().copied().collect();
            if !guests.is_empty() && !hosts.is_empty() {
                self.emit_pairs(sent, k, &hosts, &guests, Rule::ReceivedBy, after, true);
            }
            return;
        }
        let hosts: Vec<Ref> = self.subject(sent, k).into_iter().copied().collect();
        let (guests, after) = self.objects(sent, k + 1, |r| {
            self.kind(r) == EntityKind::Person && r.kind != RefKind::Demonym
        });
        let guests: Vec<Ref> = guests.into_iter().copied().collect();
        if !hosts.is_empty() && !guests.is_empty() {
            self.emit_pairs(sent, k, &hosts, &guests, Rule::Receive, after, true);
        }
    }

    fn discuss_verb(&mut self, sent: Sent, k: usize) {
        let doc = self.doc;
        let subjects: Vec<Ref> = self.subject(sent, k).into_iter().copied().collect();
        // The topic runs to "with", to the end of the clause, or to a place phrase.
        // topic_end stops at the "with" that names a partner; look at that token too.
        let end = self.topic_end(sent, k + 1);
        let with = (k + 1..(end + 1).min(sent.end)).find(|&j| {
            doc.is(j, "with") && !self.objects(sent, j + 1, |r| self.agent(r)).0.is_empty()
        });
        let topic_end = with.unwrap_or(end);
        let exclude: Vec<EntityId> = subjects.iter().map(|r| r.entity).collect();
        let topics = self.topics_in(sent, k + 1, topic_end, &exclude);
        if let Some(w) = with {
            let (partners, after) = self.objects(sent, w + 1, |r| self.agent(r));
            let partners: Vec<Ref> = partners.into_iter().copied().collect();
            if !subjects.is_empty() && !partners.is_empty() {
                self.emit_pairs(
                    sent,
                    k,
                    &subjects,
                    &partners,
                    Rule::DiscussWith,
                    after,
                    false,
                );
                let mut everyone = subjects.clone();
                everyone.extend(partners);
                self.add_meeting_topics(sent, &everyone, &topics);
                self.emit_discussed(sent, k, &everyone, &topics, Rule::DiscussWith);
                return;
            }
        }
        // "Kerry and Steinmeier will discuss ...": a meeting of the subjects; but two who
        // raise or address a matter need not have met ("criticised by both Labour and the
        // Tories, the plan raises ...").
        let together = !doc.is_any(
            k,
            &[
                "raise",
                "raised",
                "raises",
                "raising",
                "address",
                "addressed",
                "addresses",
                "addressing",
            ],
        );
        if subjects.len() >= 2 && together {
            self.emit_group(sent, k, &subjects, Rule::DiscussTogether, topic_end);
            self.add_meeting_topics(sent, &subjects, &topics);
        }
        // A passive topic: "Climate change was discussed when X visited Y".
        if subjects.is_empty()
            && k > sent.start
            && doc.is_any(k - 1, &["was", "were", "been", "be"])
        {
            // The topic is the noun phrase right before "was": "Climate change was discussed".
            let be = k - 1;
            let mut from = be;
            while from > sent.start
                && be - from < 4
                && (doc.shape(from - 1) != TokenShape::Punct
                    && !doc.is_any(from - 1, PREPOSITIONS)
                    && doc.info(from - 1).verb.is_none()
                    || self.ref_covering(from - 1).is_some())
            {
                from -= 1;
            }
            self.passive_topics = self.topics_in(sent, from, be, &[]);
            return;
        }
        if !subjects.is_empty() {
            self.emit_discussed(sent, k, &subjects, &topics, Rule::Discuss);
        }
    }

    fn visit_verb(&mut self, sent: Sent, k: usize) {
        let subjects: Vec<Ref> = self.subject(sent, k).into_iter().copied().collect();
        if subjects.is_empty() {
            return;
        }
        let (objects, after) = self.objects(sent, k + 1, |r| {
            self.place(r) || self.kind(r) == EntityKind::Person && r.kind != RefKind::Demonym
        });
        let objects: Vec<Ref> = objects.into_iter().copied().collect();
        let places: Vec<Ref> = objects.iter().copied().filter(|r| self.place(r)).collect();
        let people: Vec<Ref> = objects
            .iter()
            .copied()
            .filter(|r| self.kind(r) == EntityKind::Person)
            .collect();
        if !places.is_empty() {
            self.emit_visits(sent, k, &subjects, &places, Rule::Visit);
        } else if people.is_empty()
            && let Some(place) = self.meeting_place(sent, k + 1)
            && self.entities[place].kind == EntityKind::Place
        {
            // "visited a school in Leeds", "toured a factory in Sheffield".
            let at = Ref::name(k + 1, k + 2, place);
            self.emit_visits(sent, k, &subjects, &[at], Rule::Visit);
        }
        if !people.is_empty() {
            // Visiting a person is meeting them.
            self.emit_pairs(sent, k, &subjects, &people, Rule::VisitPerson, after, true);
        }
    }

    fn motion_verb(&mut self, sent: Sent, k: usize, preps: &[&str], rule: Rule) {
        let doc = self.doc;
        let mut p = k + 1;
        // "arrived on Thursday in Moscow", "sailed across the lake in Bromsgrove", "flew from
        // London to Paris": a few words may intervene; but "from" before anything but a place
        // starts another phrase ("came from products made in the US").
        let mut skipped = 0;
        while p < sent.end && !doc.is_any(p, preps) && skipped < 4 {
            if doc.punct(p, &[",", "."]) {
                return;
            }
            if doc.is(p, "from") {
                match self.ref_starting(p + 1).filter(|r| self.place(r)).copied() {
                    // "returned from Egypt": where one comes back from, one has been.
                    Some(r) if doc.s(k).to_lowercase().starts_with("return") => {
                        // Not the noun: "on (his) return from Belgrade".
                        if k > sent.start
                            && doc.is_any(k - 1, &["on", "upon", "his", "her", "their", "its"])
                        {
                            return;
                        }
                        let subjects: Vec<Ref> = self
                            .subject(sent, k)
                            .into_iter()
                            .filter(|s| self.kind(s) == EntityKind::Person)
                            .copied()
                            .collect();
                        self.emit_visits(sent, k, &subjects, &[r], Rule::ReturnFrom);
                        return;
                    }
                    Some(r) => {
                        p = r.to;
                        skipped += 2;
                        continue;
                    }
                    None => return,
                }
            }
            if self.ref_starting(p).is_some() {
                return;
            }
            p += 1;
            skipped += 1;
        }
        if !doc.is_any(p, preps) {
            return;
        }
        let (places, after) = self.objects(sent, p + 1, |r| self.place(r));
        let mut places: Vec<Ref> = places.into_iter().copied().collect();
        // "went straight to the Kremlin": an organisation's building.
        if places.is_empty()
            && doc.is(p + 1, "the")
            && let Some(building) = self.place_at(p + 1, true)
        {
            places.push(Ref::name(p + 1, p + 2, building));
        }
        if places.is_empty() {
            return;
        }
        // "landed at Vnukovo airport in Moscow": the city too.
        let last = places[places.len() - 1].to.max(after);
        if doc.is_any(last, &["in", "near", "outside"])
            && let Some(r) = self.ref_starting(last + 1)
            && self.place(r)
        {
            places.push(*r);
        }
        let subjects: Vec<Ref> = self.subject(sent, k).into_iter().copied().collect();
        if !subjects.is_empty() {
            self.emit_visits(sent, k, &subjects, &places, rule);
        }
    }

    fn be_in(&mut self, sent: Sent, k: usize) {
        let (places, _) = self.objects(sent, k + 2, |r| self.place(r));
        let places: Vec<Ref> = places
            .into_iter()
            .copied()
            .filter(|r| {
                self.entities[r.entity].place_kind.is_none_or(|p| {
                    matches!(
                        p,
                        PlaceKind::City | PlaceKind::Facility | PlaceKind::Country
                    )
                })
            })
            .collect();
        if places.is_empty() {
            return;
        }
        let subjects: Vec<Ref> = self
            .subject(sent, k)
            .into_iter()
            .copied()
            .filter(|r| self.kind(r) == EntityKind::Person)
            .collect();
        if !subjects.is_empty() {
            self.emit_visits(sent, k, &subjects, &places[..1], Rule::BeIn);
        }
    }

    /// "talks with X", "a meeting with X", "dinner with X", "talks between X and Y".
    fn meeting_noun(&mut self, sent: Sent, k: usize) {
        let doc = self.doc;
        let mut j = k + 1;
        // "the first high-level meeting in years with X" is rare; allow "on Friday with".
        if doc.is(j, "between") {
            let (parties, after) = self.objects(sent, j + 1, |r| self.agent(r));
            let mut parties: Vec<Ref> = parties.into_iter().copied().collect();
            // "talks between the two ministers", "between the pair".
            if parties.is_empty()
                && let Some(pair) = (j + 2..(j + 4).min(sent.end)).find(|&x| self.is_pair_word(x))
            {
                parties = self
                    .last_two_people(sent, pair)
                    .into_iter()
                    .copied()
                    .collect();
            }
            if parties.len() >= 2 {
                self.emit_group(sent, k, &parties, Rule::MeetingBetween, after);
            }
            return;
        }
        if !doc.is(j, "with") {
            // "Lavrov and Kerry will hold separate talks on Friday."
            if doc.is_any(
                k,
                &[
                    "talks",
                    "meeting",
                    "negotiations",
                    "discussions",
                    "consultations",
                    "conversation",
                    "call",
                    "calls",
                    "conference",
                    "summit",
                ],
            ) {
                let subjects: Vec<Ref> = self.subject(sent, k).into_iter().copied().collect();
                if subjects.len() >= 2 && self.light_verb_before(sent, k) {
                    self.emit_group(sent, k, &subjects, Rule::HoldTalks, k + 1);
                }
            }
            return;
        }
        j += 1;
        let (partners, after) = self.objects(sent, j, |r| self.agent(r));
        let partners: Vec<Ref> = partners.into_iter().copied().collect();
        if partners.is_empty() {
            return;
        }
        // The owner: "Kerry's meeting with", else the clause's subject.
        let mut owner: Vec<Ref> = match self.possessive(sent, k) {
            Some(Some(r)) => vec![r],
            // "the government's talks with the IMF": not the subject's talks.
            Some(None) => return,
            None => self.subject(sent, k).into_iter().copied().collect(),
        };
        // "During talks with X, Y said ...", "In a phone call with X, Y raised ...": the
        // subject of the main clause after the fronted phrase.
        if owner.is_empty()
            && doc.is_any(
                sent.start,
                &["in", "during", "at", "after", "before", "following"],
            )
            && let Some(comma) = (after..sent.end).find(|&j| doc.punct(j, &[","]))
        {
            owner.extend(self.first_agent_from(sent, comma + 1).copied());
        }
        if owner.is_empty() {
            return;
        }
        self.emit_pairs(sent, k, &owner, &partners, Rule::MeetingWith, after, true);
    }

    /// "Kerry's meeting", "Kerry's fourth visit": the possessor before a noun.
    fn possessor(&self, sent: Sent, k: usize) -> Option<Ref> {
        self.possessive(sent, k).flatten()
    }

    /// The possessive before a noun at `k`: `Some(Some(r))` for a named owner ("Kerry's
    /// talks", "his visit"), `Some(None)` for one that names no one ("the government's
    /// talks": the talks are not the subject's), `None` when there is no possessive.
    fn possessive(&self, sent: Sent, k: usize) -> Option<Option<Ref>> {
        let doc = self.doc;
        let mut j = k;
        let mut steps = 0;
        while j > sent.start && steps < 4 {
            j -= 1;
            steps += 1;
            if doc.tok(j).shape == TokenShape::Clitic && j > sent.start {
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

    fn light_verb_before(&self, sent: Sent, k: usize) -> bool {
        (k.saturating_sub(4).max(sent.start)..k).any(|j| {
            self.doc
                .info(j)
                .verb
                .is_some_and(|v| v.class == VerbClass::Light)
        })
    }

    /// "X's visit to P", "his visit to Moscow", "a trip to Cuba", "his holiday in Egypt",
    /// "In a speech in Edinburgh, the prime minister said".
    fn visit_noun(&mut self, sent: Sent, k: usize) {
        let doc = self.doc;
        let speech = doc.info(k).noun == Some(NounClass::Speech);
        let prep_ok = if speech {
            doc.is_any(k + 1, &["in", "at"])
        } else {
            doc.is_any(k + 1, &["to", "in", "at"])
        };
        if !prep_ok {
            return;
        }
        let (places, _) = self.objects(sent, k + 2, |r| self.place(r));
        let places: Vec<Ref> = places.into_iter().copied().collect();
        if places.is_empty() {
            return;
        }
        let owner: Vec<Ref> = match self.possessor(sent, k) {
            Some(r) => vec![r],
            None => self
                .subject(sent, k)
                .into_iter()
                .copied()
                .filter(|r| self.kind(r) == EntityKind::Person)
                .collect(),
        };
        if !owner.is_empty() {
            self.emit_visits(
                sent,
                k,
                &owner,
                &places,
                if speech {
                    Rule::SpeechIn
                } else {
                    Rule::VisitTo
                },
            );
        }
    }

    // ----- topics ----------------------------------------------------------------------------

    /// Where a topic phrase after `from` stops.
    fn topic_end(&self, sent: Sent, from: usize) -> usize {
        let doc = self.doc;
        let mut j = from;
        while j < sent.end {
            if doc.punct(j, CLAUSE_BREAKS) || doc.punct(j, &[".", "?", "!", "("]) {
                break;
            }
            if doc.is_any(
                j,
                &[
                    "which", "who", "whom", "whose", "where", "but", "while", "when", "after",
                    "before", "because", "although", "so",
                ],
            ) {
                break;
            }
            if doc.is(j, "and")
                && (doc.is_any(
                    j + 1,
                    &["this", "it", "he", "she", "they", "that", "there", "we"],
                ))
            {
                break;
            }
            // "at the Kremlin" is where, not what.
            if doc.is(j, "at") {
                break;
            }
            // "discuss trade with Merkel": "with" and a partner end the topic; "relations
            // with Russia" keep theirs.
            if doc.is(j, "with") && !self.objects(sent, j + 1, |r| self.agent(r)).0.is_empty() {
                break;
            }
            // ", the Kremlin said": a comment clause.
            if doc.punct(j, &[","])
                && (j + 1..(j + 5).min(sent.end))
                    .any(|x| doc.info(x).verb.is_some_and(|v| v.class == VerbClass::Say))
            {
                break;
            }
            j += 1;
        }
        j
    }

    /// The topics named in `from..to`: entities (places, organisations, people not in
    /// `exclude`, nationality words as their country) and, for list items with no entity, the
    /// noun phrase itself ("bilateral relations").
    fn topics_in(
        &mut self,
        sent: Sent,
        from: usize,
        to: usize,
        exclude: &[EntityId],
    ) -> Vec<EntityId> {
        let doc = self.doc;
        let mut topics: Vec<EntityId> = Vec::new();
        let mut item_start = from;
        let mut item_has_entity = false;
        let mut j = from;
        let mut items: Vec<(usize, usize, bool)> = Vec::new();
        while j <= to {
            let boundary = j == to
                || doc.punct(j, &[","])
                || doc.is(j, "and")
                || doc.is(j, "as") && doc.is(j + 1, "well");
            if boundary {
                items.push((item_start, j, item_has_entity));
                item_start = j + 1;
                item_has_entity = false;
                j += 1;
                continue;
            }
            if let Some(r) = self.ref_starting(j) {
                let r = *r;
                let usable = match self.kind(&r) {
                    EntityKind::Person => !exclude.contains(&r.entity) && r.kind == RefKind::Name,
                    EntityKind::Place | EntityKind::Organization => true,
                    _ => false,
                };
                if usable && !topics.contains(&r.entity) {
                    topics.push(r.entity);
                }
                item_has_entity = true;
                j = r.to;
                continue;
            }
            j += 1;
        }
        let _ = sent;
        for (a, b, has_entity) in items {
            if has_entity {
                continue;
            }
            if let Some(phrase) = self.noun_phrase(a, b) {
                let id = self.topic_entity(&phrase);
                if !topics.contains(&id) {
                    topics.push(id);
                }
            }
        }
        topics
    }

    /// A short noun phrase in `from..to` with determiners dropped: "bilateral relations".
    fn noun_phrase(&self, from: usize, to: usize) -> Option<String> {
        let doc = self.doc;
        let mut words: Vec<&str> = Vec::new();
        for j in from..to {
            if doc.is_any(j, DETERMINERS)
                || doc.is_any(
                    j,
                    &[
                        "primarily",
                        "mainly",
                        "also",
                        "chiefly",
                        "especially",
                        "particularly",
                    ],
                ) && words.is_empty()
            {
                continue;
            }
            if !doc.tok(j).is_word() && !doc.punct(j, &["-"])
                || doc.is_any(j, PREPOSITIONS) && !doc.is(j, "of")
            {
                break;
            }
            if doc
                .info(j)
                .verb
                .is_some_and(|v| !matches!(v.tense, Tense::Ing | Tense::PastParticiple))
                && doc.info(j).noun.is_none()
            {
                return None;
            }
            words.push(doc.s(j));
        }
        while words
            .last()
            .is_some_and(|w| w.eq_ignore_ascii_case("of") || *w == "-")
        {
            words.pop();
        }
        if words.is_empty() || words.len() > 4 {
            return None;
        }
        // "of course", "that efforts", "this matter": not a subject of talks.
        if doc.is_any(
            from,
            &[
                "of", "that", "which", "who", "what", "how", "whether", "it", "this", "these",
            ],
        ) || words.len() == 1 && VAGUE_NOUNS.iter().any(|v| words[0].eq_ignore_ascii_case(v))
        {
            return None;
        }
        // "We can", "police do want", "six or seven million": a clause or a number, not a topic.
        if words
            .iter()
            .any(|w| NOT_IN_TOPICS.iter().any(|s| w.eq_ignore_ascii_case(s)))
            || words.iter().all(|w| {
                NUMBER_WORDS.iter().any(|n| w.eq_ignore_ascii_case(n))
                    || w.chars().all(|c| c.is_ascii_digit() || c == ',')
            })
        {
            return None;
        }
        // Kept as written, but a capital that only opens the sentence is lowered.
        let mut phrase = words.join(" ").replace(" - ", "-");
        if doc.starts_sentence(from) && doc.info(from).has(flag::COMMON) {
            phrase = phrase[..1].to_lowercase() + &phrase[1..];
        }
        // One short function word is not a topic.
        if phrase.len() < 4 {
            return None;
        }
        Some(phrase)
    }

    fn topic_entity(&mut self, phrase: &str) -> EntityId {
        if let Some(&id) = self.topic_ids.get(phrase) {
            return id;
        }
        let id = self.entities.len();
        self.entities.push(Entity::new(phrase, EntityKind::Topic));
        self.topic_ids.insert(phrase.to_string(), id);
        id
    }

    /// Topics a sentence gives for the meetings of the sentence before: "The agenda will
    /// include Syria", "The talks will focus on ...", "They will discuss ...".
    fn follow_up_topics(&mut self, sent: Sent, first_new: usize) {
        let doc = self.doc;
        if self.last_meetings.is_empty()
            || self.out.len() > first_new
                && self.out[first_new..].iter().any(|r| is_meeting(r.kind))
        {
            return;
        }
        let s = sent.start;
        let opener = doc.is_any(s, &["the", "their", "they", "both", "these"])
            || doc.is_any(s, &["this", "that"]) && doc.info(s + 1).noun == Some(NounClass::Meet);
        if !opener {
            return;
        }
        let mut k = s;
        while k < sent.end && k < s + 8 {
            let word = doc.s(k).to_ascii_lowercase();
            let start = match word.as_str() {
                "include" | "includes" | "included" | "including" => Some(k + 1),
                "focus" | "focused" | "focuses" | "centre" | "center" | "concentrate"
                    if doc.is(k + 1, "on") || doc.is(k + 2, "on") =>
                {
                    Some(if doc.is(k + 1, "on") { k + 2 } else { k + 3 })
                }
                "discuss" | "discussed" | "address" | "cover" | "covered" => Some(k + 1),
                _ => None,
            };
            if let Some(start) = start {
                let end = self.topic_end(sent, start);
                let topics = self.topics_in(sent, start, end, &[]);
                let meetings = self.last_meetings.clone();
                for m in meetings {
                    for &t in &topics {
                        if !self.out[m].topics.contains(&t)
                            && Some(t) != self.out[m].target
                            && t != self.out[m].source
                        {
                            self.out[m].topics.push(t);
                        }
                    }
                }
                return;
            }
            k += 1;
        }
    }

    // ----- emitting --------------------------------------------------------------------------

    /// Modality and negation from the words before the trigger in its clause.
    fn modality(&self, sent: Sent, k: usize) -> (Modality, bool) {
        let doc = self.doc;
        let from = k.saturating_sub(8).max(sent.start);
        let mut modality = Modality::Happened;
        let mut negated = false;
        for j in from..k {
            if doc.punct(j, CLAUSE_BREAKS) {
                modality = Modality::Happened;
                negated = false;
                continue;
            }
            let w = doc.s(j);
            if PLANNED.iter().any(|p| w.eq_ignore_ascii_case(p))
                || doc.tok(j).shape == TokenShape::Clitic && w.ends_with("ll")
            {
                modality = Modality::Planned;
            }
            // "is to visit", "are to meet"; "X to visit Moscow" in a headline.
            if doc.is(j, "to")
                && j + 1 == k
                && j > sent.start
                && (doc
                    .info(j - 1)
                    .verb
                    .is_some_and(|v| v.class == VerbClass::Be)
                    || sentence_is_headline(doc, sent))
            {
                modality = Modality::Planned;
            }
            if REPORTED.iter().any(|p| w.eq_ignore_ascii_case(p))
                && !doc
                    .info(j)
                    .verb
                    .is_some_and(|v| v.class == VerbClass::Say && j + 1 < k && !doc.is(j + 1, "to"))
            {
                modality = Modality::Reported;
            }
            if NEGATIONS.iter().any(|p| w.eq_ignore_ascii_case(p))
                || REFUSALS.iter().any(|p| w.eq_ignore_ascii_case(p))
            {
                negated = true;
            }
        }
        // "Abe's trip to Canberra was postponed": called off after the fact.
        for j in k + 1..(k + 10).min(sent.end) {
            if doc.punct(j, CLAUSE_BREAKS) || doc.punct(j, &[";"]) {
                break;
            }
            if doc.is_any(
                j,
                &[
                    "postponed",
                    "cancelled",
                    "canceled",
                    "scrapped",
                    "shelved",
                    "abandoned",
                ],
            ) || doc.is(j, "called") && doc.is(j + 1, "off")
            {
                negated = true;
            }
        }
        // "Talks between them will take place ...", "The meeting is due on ...": the verb
        // after a noun trigger says whether its event is still to come.
        if doc.info(k).noun.is_some() {
            for j in k + 1..(k + 12).min(sent.end) {
                if doc.punct(j, CLAUSE_BREAKS) {
                    break;
                }
                if doc.is_any(
                    j,
                    &["will", "shall", "scheduled", "due", "planned", "expected"],
                ) || doc.tok(j).shape == TokenShape::Clitic && doc.s(j).ends_with("ll")
                    || doc.is(j, "set") && doc.is_any(j + 1, &["to", "for"])
                {
                    modality = Modality::Planned;
                    break;
                }
            }
        }
        // "... next week", "tomorrow" after the trigger.
        for j in k..(k + 12).min(sent.end) {
            if doc.is_any(j, &["tomorrow"])
                || doc.is(j, "next")
                    && (doc.is_any(j + 1, &["week", "month", "year"])
                        || doc.info(j + 1).has(flag::WEEKDAY))
            {
                modality = Modality::Planned;
            }
        }
        (modality, negated)
    }

    /// The place a meeting took place at: "in P" / "at P" after its participants.
    fn meeting_place(&self, sent: Sent, after: usize) -> Option<EntityId> {
        let doc = self.doc;
        let mut j = after;
        let limit = (after + 8).min(sent.end);
        while j < limit {
            if doc.punct(j, CLAUSE_BREAKS)
                || doc.punct(j, &[".", ","])
                || doc.is_any(
                    j,
                    &[
                        "which", "who", "before", "after", "when", "while", "but", "ahead", "to",
                    ],
                )
            {
                return None;
            }
            if doc.is_any(j, &["in", "at"]) {
                // Only the first place phrase counts: "receives Kerry in Kremlin ahead of a
                // meeting in New York" is not about New York.
                return self.place_at(j + 1, doc.is(j, "at"));
            }
            j += 1;
        }
        None
    }

    /// The place named at `x` (after "in"/"at"): "the Kremlin" (an organisation stands for its
    /// building after "at the", or when its name is a building's: "Downing Street"), and "the
    /// Black Sea resort of Sochi" is Sochi.
    fn place_at(&self, mut x: usize, at: bool) -> Option<EntityId> {
        let doc = self.doc;
        let the = doc.is(x, "the");
        if the {
            x += 1;
        }
        // "the mountain resort of Hakone": a place word and "of" before the name.
        if self.ref_starting(x).is_none() {
            let mut y = x;
            while y < x + 3 && doc.shape(y) == TokenShape::Lower && !doc.is(y, "of") {
                y += 1;
            }
            if y > x && doc.is(y, "of") && doc.info(y - 1).has(flag::PLACE_TYPE) {
                return self
                    .ref_starting(y + 1)
                    .filter(|r| self.place(r))
                    .map(|r| r.entity);
            }
            return None;
        }
        let r = self.ref_starting(x)?;
        // "at the Kremlin", and in or at a building that names an institution ("in Downing
        // Street", "at Lancaster House").
        let building = r.kind == RefKind::Name
            && self.kind(r) == EntityKind::Organization
            && (at && the || {
                let last = r.to - 1;
                doc.is_any(
                    last,
                    &[
                        "Street", "House", "Palace", "Castle", "Hall", "Square", "Manor",
                    ],
                )
            });
        let place = self.place(r) || building;
        if !place {
            return None;
        }
        // "resort of Sochi", "port city of Vladivostok"
        let mut y = r.to;
        while y < r.to + 3 && doc.shape(y) == TokenShape::Lower && !doc.is(y, "of") {
            y += 1;
        }
        if y > r.to
            && doc.is(y, "of")
            && doc.info(y - 1).has(flag::PLACE_TYPE)
            && let Some(inner) = self.ref_starting(y + 1)
            && self.place(inner)
        {
            return Some(inner.entity);
        }
        Some(r.entity)
    }

    fn base_relation(
        &self,
        sent: Sent,
        k: usize,
        kind: RelationKind,
        source: EntityId,
        target: EntityId,
        rule: Rule,
    ) -> Relation {
        let (modality, negated) = self.modality(sent, k);
        let planned = modality == Modality::Planned;
        let date = self.dates.for_sentence(self.doc, sent.index, k, planned);
        let status = match modality {
            _ if negated => Status::Denied,
            Modality::Happened => Status::Happened,
            Modality::Planned => Status::Planned,
            Modality::Reported => Status::Reported,
        };
        Relation {
            date,
            status,
            ..Relation::new(kind, source, Some(target), sent.span, rule)
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn emit_pairs(
        &mut self,
        sent: Sent,
        k: usize,
        subjects: &[Ref],
        objects: &[Ref],
        rule: Rule,
        after: usize,
        own_topics: bool,
    ) {
        // A telephone call is not a meeting, but an event of its own.
        let kind = if rule == Rule::Phone || self.phone_near(sent, k) {
            RelationKind::Called
        } else {
            RelationKind::Met
        };
        // A call joins people in two places; where it was made from is not a meeting place.
        let place = self
            .meeting_place(sent, after)
            .filter(|_| kind == RelationKind::Met);
        let topics = if own_topics {
            self.own_topics(
                sent,
                after,
                matches!(
                    rule,
                    Rule::MeetingWith | Rule::MeetingBetween | Rule::HoldTalks
                ),
            )
        } else {
            Vec::new()
        };
        for s in subjects {
            for o in objects {
                if s.entity == o.entity {
                    continue;
                }
                // The same meeting found twice in a sentence ("The meeting between Putin and
                // Erdogan ..., and the two leaders discussed X") is one relation with both
                // findings' topics.
                if let Some(existing) = self.out.iter_mut().find(|r| {
                    r.kind == kind
                        && r.sentence == sent.span
                        && (r.source == s.entity && r.target == Some(o.entity)
                            || r.source == o.entity && r.target == Some(s.entity))
                }) {
                    for &t in &topics {
                        if t != s.entity && t != o.entity && !existing.topics.contains(&t) {
                            existing.topics.push(t);
                        }
                    }
                    continue;
                }
                let mut rel = self.base_relation(sent, k, kind, s.entity, o.entity, rule);
                rel.place = place;
                rel.topics = topics
                    .iter()
                    .copied()
                    .filter(|&t| t != s.entity && t != o.entity)
                    .collect();
                self.out.push(rel);
            }
        }
        // Who met somewhere was there; but a meeting in an institution's building ("at
        // Downing Street") says where it was, not that anyone went there.
        if let Some(place) = place
            && self.entities[place].kind == EntityKind::Place
        {
            let here: Vec<Ref> = subjects
                .iter()
                .chain(objects)
                .copied()
                .filter(|r| self.kind(r) == EntityKind::Person)
                .collect();
            let at = Ref::name(after, after, place);
            self.emit_visits(sent, k, &here, &[at], Rule::MetAt);
        }
        if !topics.is_empty() {
            let mut everyone: Vec<Ref> = subjects.to_vec();
            everyone.extend_from_slice(objects);
            self.emit_discussed(sent, k, &everyone, &topics, rule);
        }
    }

    /// "about X", "on X", "to discuss X" after a meeting's participants.
    ///
    /// "on" gives a topic only after a meeting noun ("talks on Syria"); after a verb it is
    /// mostly when or where ("met on the platform", "met on Friday").
    fn own_topics(&mut self, sent: Sent, after: usize, after_noun: bool) -> Vec<EntityId> {
        let doc = self.doc;
        let mut j = after;
        let limit = (after + 6).min(sent.end);
        while j < limit {
            let preposition = if after_noun {
                &["about", "on", "over", "regarding"][..]
            } else {
                &["about", "over", "regarding"][..]
            };
            if doc.is_any(j, preposition)
                && doc.shape(j + 1) != TokenShape::Number
                && !doc.info(j + 1).any(flag::MONTH | flag::WEEKDAY)
            {
                let end = self.topic_end(sent, j + 1);
                return self.topics_in(sent, j + 1, end, &[]);
            }
            if doc.is(j, "to")
                && doc
                    .info(j + 1)
                    .verb
                    .is_some_and(|v| v.class == VerbClass::Discuss)
            {
                let end = self.topic_end(sent, j + 2);
                return self.topics_in(sent, j + 2, end, &[]);
            }
            if doc.punct(j, &[".", ";"]) {
                break;
            }
            j += 1;
        }
        Vec::new()
    }

    fn emit_group(&mut self, sent: Sent, k: usize, members: &[Ref], rule: Rule, after: usize) {
        for (a, x) in members.iter().enumerate() {
            for y in &members[a + 1..] {
                self.emit_pairs(
                    sent,
                    k,
                    std::slice::from_ref(x),
                    std::slice::from_ref(y),
                    rule,
                    after,
                    true,
                );
            }
        }
    }

    fn emit_visits(&mut self, sent: Sent, k: usize, visitors: &[Ref], places: &[Ref], rule: Rule) {
        // "Sunderland station" is in Sunderland: who was at the one was in the other.
        let mut places = places.to_vec();
        for p in places.clone() {
            if let Some(city) = self.containing_place(p.entity)
                && !places.iter().any(|q| q.entity == city)
            {
                places.push(Ref { entity: city, ..p });
            }
        }
        let places = &places[..];
        for v in visitors {
            if self.kind(v) != EntityKind::Person && self.kind(v) != EntityKind::Organization {
                continue;
            }
            for p in places {
                if self.out.iter().any(|r| {
                    r.kind == RelationKind::Visited
                        && r.sentence == sent.span
                        && r.source == v.entity
                        && r.target == Some(p.entity)
                }) {
                    continue;
                }
                let rel =
                    self.base_relation(sent, k, RelationKind::Visited, v.entity, p.entity, rule);
                self.out.push(rel);
            }
        }
    }

    /// The city or region a facility is named after ("Sunderland station" -> Sunderland).
    fn containing_place(&self, facility: EntityId) -> Option<EntityId> {
        let f = &self.entities[facility];
        if f.place_kind != Some(PlaceKind::Facility) {
            return None;
        }
        let name = f.name.to_lowercase();
        (0..self.entities.len()).find(|&e| {
            let c = &self.entities[e];
            e != facility
                && c.kind == EntityKind::Place
                && matches!(c.place_kind, Some(PlaceKind::City | PlaceKind::Region))
                && name
                    .strip_prefix(&c.name.to_lowercase())
                    .is_some_and(|rest| rest.starts_with(' ') || rest.starts_with("'s"))
        })
    }

    fn emit_discussed(
        &mut self,
        sent: Sent,
        k: usize,
        who: &[Ref],
        topics: &[EntityId],
        rule: Rule,
    ) {
        for w in who {
            if !matches!(self.kind(w), EntityKind::Person | EntityKind::Organization) {
                continue;
            }
            for &t in topics {
                if t == w.entity
                    || self.out.iter().any(|r| {
                        r.kind == RelationKind::Discussed
                            && r.sentence == sent.span
                            && r.source == w.entity
                            && r.target == Some(t)
                    })
                {
                    continue;
                }
                let rel = self.base_relation(sent, k, RelationKind::Discussed, w.entity, t, rule);
                self.out.push(rel);
            }
        }
    }

    // ----- quotes ----------------------------------------------------------------------------

    /// Direct quotes and their speakers: `"...," X said`, `"...," said X`, `X said: "..."`.
    fn quotes(&mut self) {
        let doc = self.doc;
        let mut k = 0;
        let n = doc.tokens.len();
        while k < n {
            let open = doc.punct(k, &["\u{201c}", "\""])
                && (k + 1 < n && doc.tokens[k + 1].span.start == doc.tokens[k].span.end);
            if !open {
                k += 1;
                continue;
            }
            let closer: &[&str] = if doc.s(k) == "\"" {
                &["\""]
            } else {
                &["\u{201d}", "\""]
            };
            let mut e = k + 1;
            while e < n && !doc.punct(e, closer) {
                e += 1;
            }
            if e >= n {
                break;
            }
            let inner = Span::new(doc.tokens[k].span.end, doc.tokens[e].span.start);
            let words = (k + 1..e).filter(|&x| doc.tok(x).is_word()).count();
            // Five words or more: shorter quoted fragments ("affordable", "six or seven
            // million") are scare quotes, not statements.
            if words >= 5 {
                if let Some((speaker, s)) = self.speaker(k, e) {
                    let text = one_line(inner.of(doc.text).trim().trim_end_matches([',', ' ']));
                    let quote = self.entities.len();
                    self.entities.push(Entity::new(text, EntityKind::Quote));
                    // The quote may open in an earlier sentence: the evidence covers it.
                    let mut sent = self.sent(s);
                    sent.span = sent.span.cover(doc.tokens[k].span);
                    let mut rel = self.base_relation(
                        sent,
                        e,
                        RelationKind::Said,
                        speaker,
                        quote,
                        Rule::Quote,
                    );
                    rel.status = Status::Happened;
                    let quoted_topics = self.topics_in(sent, k + 1, e, &[speaker]);
                    rel.topics = quoted_topics
                        .into_iter()
                        .filter(|&t| self.entities[t].kind != EntityKind::Topic)
                        .collect();
                    self.out.push(rel);
                }
            }
            k = e + 1;
        }
    }

    /// Reported speech in sentences without quote marks: "Lavrov said (that) CLAUSE",
    /// "X told reporters CLAUSE", "CLAUSE, Peskov said." The clause becomes the quote.
    fn reported_speech(&mut self) {
        let doc = self.doc;
        for s in 0..doc.sentences.len() {
            let sentence = &doc.sentences[s];
            let (start, end) = (sentence.tokens.start, sentence.tokens.end);
            if (start..end).any(|j| doc.punct(j, &["\u{201c}", "\u{201d}", "\""])) {
                continue;
            }
            let sent = self.sent(s);
            // A present form ("claims", "says") is a verb only right after its subject: "opposition
            // claims he was ..." is a noun.
            let says = |j: usize| {
                doc.shape(j) == TokenShape::Lower
                    && doc.info(j).verb.is_some_and(|v| {
                        v.class == VerbClass::Say
                            && (v.tense == Tense::Past
                                || v.tense == Tense::Present
                                    && j > start
                                    && self.ref_covering(j - 1).is_some())
                    })
            };
            let Some(v) = (start..end).find(|&j| says(j)) else {
                continue;
            };
            let speaking = |r: &Ref| self.agent(r);
            // "CLAUSE, Peskov said." / "CLAUSE, said Peskov."
            // The speaker ends the sentence there: ", said Peskov." or ", Peskov said on Monday."
            let ends_here = |j: usize| {
                j >= end
                    || doc.tok(j).shape == TokenShape::Punct
                    || doc.info(j).any(flag::WEEKDAY)
                    || doc.is_any(j, &["on", "yesterday", "today", "later", "in"])
            };
            let tail_speaker = (v > start + 4 && doc.punct(v - 1, &[","]))
                .then(|| {
                    let (found, after) = self.objects(sent, v + 1, speaking);
                    found
                        .first()
                        .filter(|_| ends_here(after))
                        .map(|r| (r.entity, start, v - 1))
                })
                .flatten()
                .or_else(|| {
                    if !ends_here(v + 1) {
                        return None;
                    }
                    let r = self
                        .refs
                        .iter()
                        .find(|r| r.to == v && r.from > start && speaking(r))?;
                    let mut c = r.from;
                    while c > start && (doc.is_any(c - 1, DETERMINERS) || self.title_word(c - 1)) {
                        c -= 1;
                    }
                    (c > start + 4 && doc.punct(c - 1, &[","])).then_some((r.entity, start, c - 1))
                });
            let (speaker, from, to) = if let Some(found) = tail_speaker {
                found
            } else {
                let Some(speaker) = self
                    .subject(sent, v)
                    .into_iter()
                    .find(|r| speaking(r))
                    .map(|r| r.entity)
                else {
                    continue;
                };
                // The clause: after "that" within a few words ("told reporters on Monday that"),
                // else right after the verb and its hearer ("told the BBC").
                let that = (v + 1..(v + 8).min(end))
                    .take_while(|&j| !doc.punct(j, &[".", ";"]))
                    .find(|&j| doc.is(j, "that"));
                let from = match that {
                    Some(t) => t + 1,
                    None if doc.is(v, "told") => {
                        let (hearer, after) = self.objects(sent, v + 1, |_| true);
                        if hearer.is_empty()
                            && !doc
                                .is_any(v + 1, &["reporters", "journalists", "parliament", "mps"])
                        {
                            continue;
                        }
                        let mut from = if hearer.is_empty() { v + 2 } else { after };
                        // "told reporters in Tokyo the talks went well": where is not said.
                        if doc.is_any(from, &["in", "at"])
                            && self.ref_starting(from + 1).is_some_and(|r| self.place(r))
                            && let Some(r) = self.ref_starting(from + 1)
                        {
                            from = r.to;
                        }
                        from
                    }
                    None if doc.tok(v + 1).is_capitalized()
                        || doc.is_any(
                            v + 1,
                            &[
                                "the", "a", "he", "she", "it", "they", "there", "this", "his",
                                "her", "its", "their",
                            ],
                        ) =>
                    {
                        v + 1
                    }
                    None => continue,
                };
                (speaker, from, end)
            };
            let mut to = to;
            while to > from && doc.tok(to - 1).shape == TokenShape::Punct {
                to -= 1;
            }
            if (from..to).filter(|&j| doc.tok(j).is_word()).count() < 4 {
                continue;
            }
            let text: String = one_line(doc.range_text(from, to))
                .chars()
                .take(400)
                .collect();
            let quote = self.entities.len();
            self.entities.push(Entity::new(text, EntityKind::Quote));
            let mut rel =
                self.base_relation(sent, v, RelationKind::Said, speaker, quote, Rule::SaidThat);
            rel.status = Status::Happened;
            rel.topics = self
                .topics_in(sent, from, to, &[speaker])
                .into_iter()
                .filter(|&t| self.entities[t].kind != EntityKind::Topic)
                .collect();
            self.out.push(rel);
        }
    }

    /// The speaker of the quote between tokens `open` and `close`.
    fn speaker(&self, open: usize, close: usize) -> Option<(EntityId, usize)> {
        let doc = self.doc;
        let n = doc.tokens.len();
        let says = |j: usize| j < n && doc.info(j).verb.is_some_and(|v| v.class == VerbClass::Say);
        let speaking = |r: &Ref| self.agent(r);
        // After: `," he said`, `," said X`, `," X told reporters`.
        let mut j = close + 1;
        while j < n && doc.punct(j, &[",", "\u{201d}", "\""]) {
            j += 1;
        }
        if says(j) {
            let (objs, _) = self.objects(self.sent(doc.sentence_of[j] as usize), j + 1, speaking);
            if let Some(r) = objs.first() {
                return Some((r.entity, doc.sentence_of[j] as usize));
            }
        }
        if let Some(r) = self.ref_starting(j).or_else(|| {
            if doc.is(j, "the") {
                self.ref_starting(j + 1)
            } else {
                None
            }
        }) && speaking(r)
            && (says(r.to) || says(r.to + 1))
        {
            return Some((r.entity, doc.sentence_of[j] as usize));
        }
        // Before: `X said: "`, `X said that "`, `X told the BBC: "`.
        let s = doc.sentence_of[open] as usize;
        let start = doc.sentences[s].tokens.start;
        let mut j = open;
        while j > start {
            j -= 1;
            if says(j) {
                if let Some(r) = self
                    .subject(self.sent(s), j)
                    .into_iter()
                    .find(|r| speaking(r))
                {
                    return Some((r.entity, s));
                }
                return None;
            }
            if doc.punct(j, &["\u{201d}", "\u{201c}", "\""]) {
                return None;
            }
        }
        None
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

fn sentence_is_headline(doc: &Doc, sent: Sent) -> bool {
    doc.sentences[sent.index].headline
}

/// What the words before a trigger say of its event, before negation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Modality {
    Happened,
    Planned,
    Reported,
}
