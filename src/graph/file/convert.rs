//! Records and corrections to blocks of bytes and back, and the names that enum values are saved
//! by.
//!
//! Every enum is saved by a name that is part of the format: kinds by `as_str` (`Person`,
//! `MET`, `city`), a status by `as_str` (`planned`), a precision by `as_str` (`month`), a rule
//! by `name` (`go_to`) and a link reason by [`link_reason_name`]. Renaming one changes the
//! format; adding one does not.

use super::GraphFileError;
use super::records::{DateRecord, Decoder, Encoder};
use crate::graph::corrections::{Corrections, Different, Drop, Retype, RoleFix, Same};
use crate::graph::record::{Record, RecordEntity, RecordRelation};
use crate::model::{
    Date, DateRange, DateRef, EntityKind, Link, LinkReason, PlaceKind, Precision, RelationKind,
    Role, Rule, Status,
};
use crate::text::Span;

/// Every place kind, for reading names back.
const PLACE_KINDS: [PlaceKind; 4] = [
    PlaceKind::Country,
    PlaceKind::City,
    PlaceKind::Region,
    PlaceKind::Facility,
];

/// Every precision, for reading names back.
const PRECISIONS: [Precision; 4] = [
    Precision::Day,
    Precision::Week,
    Precision::Month,
    Precision::Year,
];

/// Every link reason, for reading names back.
pub(super) const LINK_REASONS: [LinkReason; 12] = [
    LinkReason::Surname,
    LinkReason::Title,
    LinkReason::KnownName,
    LinkReason::OfficialName,
    LinkReason::OrganisationEnd,
    LinkReason::Acronym,
    LinkReason::GivenAfterSir,
    LinkReason::FamilyFirst,
    LinkReason::GivenName,
    LinkReason::Spelling,
    LinkReason::LegalForm,
    LinkReason::Ticker,
];

/// The saved name of a link reason (the same as its serde name).
pub(super) const fn link_reason_name(reason: LinkReason) -> &'static str {
    match reason {
        LinkReason::Surname => "surname",
        LinkReason::Title => "title",
        LinkReason::KnownName => "known_name",
        LinkReason::OfficialName => "official_name",
        LinkReason::OrganisationEnd => "organisation_end",
        LinkReason::Acronym => "acronym",
        LinkReason::GivenAfterSir => "given_after_sir",
        LinkReason::FamilyFirst => "family_first",
        LinkReason::GivenName => "given_name",
        LinkReason::Spelling => "spelling",
        LinkReason::LegalForm => "legal_form",
        LinkReason::Ticker => "ticker",
    }
}

/// Reads back a name saved for an enum value, or says which name was not known.
fn named<T: Copy>(
    what: &'static str,
    all: impl IntoIterator<Item = T>,
    name_of: impl Fn(T) -> &'static str,
    name: &str,
) -> Result<T, GraphFileError> {
    all.into_iter()
        .find(|&v| name_of(v) == name)
        .ok_or_else(|| GraphFileError::UnknownName {
            what,
            name: name.to_string(),
        })
}

/// The values of one enum's names as met in a file, by the address of the name in the file: a
/// file writes each name once and refers to it after, so the same few names come back many
/// times and each is compared with the enum's names once. Only the first few addresses are
/// remembered, so a file that writes a name out many times costs no more than one comparison
/// with every name.
pub(super) struct Names<T: 'static> {
    what: &'static str,
    all: &'static [T],
    name_of: fn(T) -> &'static str,
    seen: Vec<((usize, usize), T)>,
}

impl<T: Copy> Names<T> {
    fn new(what: &'static str, all: &'static [T], name_of: fn(T) -> &'static str) -> Names<T> {
        Names {
            what,
            all,
            name_of,
            seen: Vec::new(),
        }
    }

    pub(super) fn get(&mut self, name: &str) -> Result<T, GraphFileError> {
        let address = (name.as_ptr() as usize, name.len());
        if let Some(&(_, value)) = self.seen.iter().find(|(seen, _)| *seen == address) {
            return Ok(value);
        }
        let value = named(self.what, self.all.iter().copied(), self.name_of, name)?;
        if self.seen.len() < 64 {
            self.seen.push((address, value));
        }
        Ok(value)
    }
}

/// The names read back while loading one file.
pub(crate) struct Lookups {
    pub(super) kinds: Names<EntityKind>,
    pub(super) places: Names<PlaceKind>,
    pub(super) relations: Names<RelationKind>,
    pub(super) rules: Names<Rule>,
    pub(super) statuses: Names<Status>,
    pub(super) precisions: Names<Precision>,
    pub(super) links: Names<LinkReason>,
}

impl Lookups {
    pub(crate) fn new() -> Lookups {
        Lookups {
            kinds: Names::new("entity kind", &EntityKind::ALL, EntityKind::as_str),
            places: Names::new("place kind", &PLACE_KINDS, PlaceKind::as_str),
            relations: Names::new("relation", &RelationKind::ALL, RelationKind::as_str),
            rules: Names::new("rule", Rule::ALL, Rule::name),
            statuses: Names::new("status", &Status::ALL, Status::as_str),
            precisions: Names::new("precision", &PRECISIONS, Precision::as_str),
            links: Names::new("link reason", &LINK_REASONS, link_reason_name),
        }
    }
}

/// A day as saved.
pub(super) fn date_record(date: Date) -> DateRecord {
    DateRecord {
        year: date.year().into(),
        month: date.month() as u8,
        day: date.day() as u8,
    }
}

/// A saved day back, if it is a day of the calendar.
pub(super) fn day(record: DateRecord) -> Result<Date, GraphFileError> {
    let bad = || GraphFileError::Inconsistent("a date is not a day of the calendar");
    let year = i16::try_from(record.year).map_err(|_| bad())?;
    let month = i8::try_from(record.month).map_err(|_| bad())?;
    let day = i8::try_from(record.day).map_err(|_| bad())?;
    Date::new(year, month, day).map_err(|_| bad())
}

/// The fewest bytes an entity takes (name, kind, place kind, three counts, mentions).
const ENTITY_MIN: usize = 7;
/// The fewest bytes a relation takes (twelve one-byte fields and the `f32`).
const RELATION_MIN: usize = 16;

/// A record as a block of bytes.
pub(crate) fn encode_record(record: &Record) -> Vec<u8> {
    let mut out = Encoder::default();
    out.str(&record.id);
    out.w.u64(record.text_hash);
    out.w.u64(record.fingerprint);
    out.opt_str(record.title.as_deref());
    out.present(record.date.is_some());
    if let Some(date) = record.date {
        out.date(date_record(date));
    }
    out.w.len(record.entities.len());
    for e in &record.entities {
        out.str(&e.name);
        out.str(e.kind.as_str());
        out.opt_str(e.place_kind.map(PlaceKind::as_str));
        out.w.len(e.aliases.len());
        for a in &e.aliases {
            out.str(a);
        }
        out.w.len(e.links.len());
        for l in &e.links {
            out.str(&l.alias);
            out.str(link_reason_name(l.reason));
        }
        out.w.len(e.roles.len());
        for r in &e.roles {
            out.str(&r.title);
            out.opt_str(r.of.as_deref());
        }
        out.w.uint(e.mentions.into());
    }
    out.w.len(record.relations.len());
    for r in &record.relations {
        out.str(r.kind.as_str());
        out.w.uint(r.source.into());
        out.w.uint(r.target.into());
        out.w.len(r.topics.len());
        for &t in &r.topics {
            out.w.uint(t.into());
        }
        out.w.uint(r.place.map_or(0, |p| u64::from(p) + 1));
        out.present(r.date.is_some());
        if let Some(date) = &r.date {
            out.str(&date.text);
            out.present(date.range.is_some());
            if let Some(range) = date.range {
                out.date(date_record(range.start));
                out.date(date_record(range.end));
                out.str(range.precision.as_str());
            }
        }
        out.str(r.status.as_str());
        out.opt_str(r.role.as_deref());
        out.w.uint(r.span.start as u64);
        out.w.uint((r.span.end - r.span.start) as u64);
        out.str(&r.sentence);
        out.str(r.rule.name());
        out.w.f32(r.confidence);
    }
    out.finish()
}

/// The id and the two hashes at the start of a record's block, read without the rest.
pub(super) fn record_head(block: &[u8]) -> Result<(&str, u64, u64), GraphFileError> {
    let mut input = Decoder::new(block);
    let id = input.str()?;
    let text_hash = input.r.u64()?;
    let fingerprint = input.r.u64()?;
    Ok((id, text_hash, fingerprint))
}

/// The date at the start of a record's block (after its id, hashes and title), read without
/// the rest; none when it has none or it does not read.
pub(super) fn record_date(block: &[u8]) -> Option<crate::model::Date> {
    let mut input = Decoder::new(block);
    input.str().ok()?;
    input.r.u64().ok()?;
    input.r.u64().ok()?;
    input.opt_str().ok()?;
    if input.present().ok()? {
        day(input.date().ok()?).ok()
    } else {
        None
    }
}

/// Reads a record's block back, checking what it means: names of enum values, positions of
/// entities, spans, dates and confidences.
pub(super) fn decode_record(block: &[u8], names: &mut Lookups) -> Result<Record, GraphFileError> {
    let mut input = Decoder::new(block);
    let id = input.str()?.to_string();
    let text_hash = input.r.u64()?;
    let fingerprint = input.r.u64()?;
    let title = input.opt_str()?.map(str::to_string);
    let date = if input.present()? {
        Some(day(input.date()?)?)
    } else {
        None
    };
    let n = input.r.count(ENTITY_MIN)?;
    let mut entities = Vec::with_capacity(n);
    for _ in 0..n {
        entities.push(decode_entity(&mut input, names)?);
    }
    let entity = |i: u64| -> Result<u32, GraphFileError> {
        match u32::try_from(i) {
            Ok(i) if (i as usize) < n => Ok(i),
            _ => Err(GraphFileError::Inconsistent(
                "a relation names an entity that is not in its record",
            )),
        }
    };
    let count = input.r.count(RELATION_MIN)?;
    let mut relations = Vec::with_capacity(count);
    for _ in 0..count {
        let kind = names.relations.get(input.str()?)?;
        let source = entity(input.r.uint()?)?;
        let target = entity(input.r.uint()?)?;
        let topic_count = input.r.count(1)?;
        let mut topics = Vec::with_capacity(topic_count);
        for _ in 0..topic_count {
            topics.push(entity(input.r.uint()?)?);
        }
        let place = match input.r.uint()? {
            0 => None,
            p => Some(entity(p - 1)?),
        };
        let date = decode_date_ref(&mut input, names)?;
        let status = names.statuses.get(input.str()?)?;
        let role = input.opt_str()?.map(str::to_string);
        let start = usize::try_from(input.r.uint()?).ok();
        let end = usize::try_from(input.r.uint()?)
            .ok()
            .and_then(|len| start?.checked_add(len));
        let (Some(start), Some(end)) = (start, end) else {
            return Err(GraphFileError::Inconsistent(
                "a sentence's span is too large for this machine",
            ));
        };
        let sentence = input.str()?.to_string();
        let rule = names.rules.get(input.str()?)?;
        let confidence = input.r.f32()?;
        if !(0.0..=1.0).contains(&confidence) {
            return Err(GraphFileError::Inconsistent(
                "a confidence is not between 0 and 1",
            ));
        }
        relations.push(RecordRelation {
            kind,
            source,
            target,
            topics,
            place,
            date,
            status,
            role,
            span: Span::new(start, end),
            sentence,
            rule,
            confidence,
        });
    }
    input.finish()?;
    Ok(Record {
        id,
        title,
        date,
        text_hash,
        fingerprint,
        entities,
        relations,
    })
}

/// One entity of a record's block.
fn decode_entity(
    input: &mut Decoder<'_>,
    names: &mut Lookups,
) -> Result<RecordEntity, GraphFileError> {
    let name = input.str()?.to_string();
    let kind = names.kinds.get(input.str()?)?;
    let place_kind = input.opt_str()?.map(|k| names.places.get(k)).transpose()?;
    let aliases = input.strs()?.into_iter().map(str::to_string).collect();
    let count = input.r.count(2)?;
    let mut links = Vec::with_capacity(count);
    for _ in 0..count {
        links.push(Link {
            alias: input.str()?.to_string(),
            reason: names.links.get(input.str()?)?,
        });
    }
    let count = input.r.count(2)?;
    let mut roles = Vec::with_capacity(count);
    for _ in 0..count {
        roles.push(Role {
            title: input.str()?.to_string(),
            of: input.opt_str()?.map(str::to_string),
        });
    }
    let mentions = input.r.u32()?;
    Ok(RecordEntity {
        name,
        kind,
        place_kind,
        aliases,
        links,
        roles,
        mentions,
    })
}

/// The date a relation's sentence gives, if any: its text and the range it was read as.
fn decode_date_ref(
    input: &mut Decoder<'_>,
    names: &mut Lookups,
) -> Result<Option<DateRef>, GraphFileError> {
    Ok(if input.present()? {
        let text = input.str()?.to_string();
        let range = if input.present()? {
            let (start, end) = (day(input.date()?)?, day(input.date()?)?);
            if end < start {
                return Err(GraphFileError::Inconsistent(
                    "a date range ends before it starts",
                ));
            }
            Some(DateRange {
                start,
                end,
                precision: names.precisions.get(input.str()?)?,
            })
        } else {
            None
        };
        Some(DateRef { text, range })
    } else {
        None
    })
}

/// The corrections as a block of bytes.
pub(super) fn encode_corrections(c: &Corrections) -> Vec<u8> {
    let mut out = Encoder::default();
    for list in [
        c.same
            .iter()
            .map(|s| (&s.names, &s.note))
            .collect::<Vec<_>>(),
        c.different.iter().map(|s| (&s.names, &s.note)).collect(),
    ] {
        out.w.len(list.len());
        for (names, note) in list {
            out.w.len(names.len());
            for n in names {
                out.str(n);
            }
            out.opt_str(note.as_deref());
        }
    }
    out.w.len(c.retype.len());
    for fix in &c.retype {
        out.str(&fix.name);
        out.str(&fix.kind);
        out.opt_str(fix.note.as_deref());
    }
    out.w.len(c.drop.len());
    for fix in &c.drop {
        out.str(&fix.name);
        out.opt_str(fix.of.as_deref());
        out.opt_str(fix.note.as_deref());
    }
    out.w.len(c.role.len());
    for fix in &c.role {
        out.str(&fix.name);
        out.str(&fix.title);
        out.opt_str(fix.of.as_deref());
        out.w.byte(u8::from(fix.remove));
        out.opt_str(fix.note.as_deref());
    }
    out.finish()
}

/// Reads the corrections' block back; they must be corrections a user could have written.
pub(super) fn decode_corrections(block: &[u8]) -> Result<Corrections, GraphFileError> {
    let mut input = Decoder::new(block);
    let owned = |s: Option<&str>| s.map(str::to_string);
    let mut lists = Vec::new();
    for _ in 0..2 {
        let n = input.r.count(2)?;
        let mut list = Vec::with_capacity(n);
        for _ in 0..n {
            let names = input.strs()?.into_iter().map(str::to_string).collect();
            list.push((names, owned(input.opt_str()?)));
        }
        lists.push(list);
    }
    let different = lists
        .pop()
        .unwrap_or_default()
        .into_iter()
        .map(|(names, note)| Different { names, note })
        .collect();
    let same = lists
        .pop()
        .unwrap_or_default()
        .into_iter()
        .map(|(names, note)| Same { names, note })
        .collect();
    let n = input.r.count(3)?;
    let mut retype = Vec::with_capacity(n);
    for _ in 0..n {
        retype.push(Retype {
            name: input.str()?.to_string(),
            kind: input.str()?.to_string(),
            note: owned(input.opt_str()?),
        });
    }
    let n = input.r.count(3)?;
    let mut drop = Vec::with_capacity(n);
    for _ in 0..n {
        drop.push(Drop {
            name: input.str()?.to_string(),
            of: owned(input.opt_str()?),
            note: owned(input.opt_str()?),
        });
    }
    let n = input.r.count(5)?;
    let mut role = Vec::with_capacity(n);
    for _ in 0..n {
        role.push(RoleFix {
            name: input.str()?.to_string(),
            title: input.str()?.to_string(),
            of: owned(input.opt_str()?),
            remove: input.present()?,
            note: owned(input.opt_str()?),
        });
    }
    input.finish()?;
    let corrections = Corrections {
        same,
        different,
        retype,
        drop,
        role,
    };
    corrections
        .check()
        .map_err(|_| GraphFileError::Inconsistent("a correction cannot be applied"))?;
    Ok(corrections)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// Fails to compile when a variant is added to one of these enums, so that the lists the
    /// names are read back from are brought up to date with it: `PLACE_KINDS`, `PRECISIONS`
    /// and `LINK_REASONS` here, `EntityKind::ALL`, `RelationKind::ALL` and `Status::ALL` in
    /// `src/model/` (`Rule::ALL` is made by the macro that makes `Rule`).
    #[allow(dead_code)]
    fn every_variant_is_listed(
        p: PlaceKind,
        q: Precision,
        l: LinkReason,
        e: EntityKind,
        r: RelationKind,
        s: Status,
    ) {
        match p {
            PlaceKind::Country | PlaceKind::City | PlaceKind::Region | PlaceKind::Facility => {}
        }
        match q {
            Precision::Day | Precision::Week | Precision::Month | Precision::Year => {}
        }
        match l {
            LinkReason::Surname
            | LinkReason::Title
            | LinkReason::KnownName
            | LinkReason::OfficialName
            | LinkReason::OrganisationEnd
            | LinkReason::Acronym
            | LinkReason::GivenAfterSir
            | LinkReason::FamilyFirst
            | LinkReason::GivenName
            | LinkReason::Spelling
            | LinkReason::LegalForm
            | LinkReason::Ticker => {}
        }
        match e {
            EntityKind::Person
            | EntityKind::Organization
            | EntityKind::Place
            | EntityKind::Topic
            | EntityKind::Quote => {}
        }
        match r {
            RelationKind::Met
            | RelationKind::Visited
            | RelationKind::Discussed
            | RelationKind::Said
            | RelationKind::HoldsRole
            | RelationKind::Called => {}
        }
        match s {
            Status::Happened | Status::Reported | Status::Planned | Status::Denied => {}
        }
    }

    fn distinct(names: &[&str]) -> bool {
        names.iter().collect::<BTreeSet<_>>().len() == names.len()
    }

    #[test]
    fn every_name_reads_back_to_its_value() {
        for k in EntityKind::ALL {
            assert_eq!(
                named("", EntityKind::ALL, EntityKind::as_str, k.as_str()).ok(),
                Some(k)
            );
        }
        for k in RelationKind::ALL {
            assert_eq!(
                named("", RelationKind::ALL, RelationKind::as_str, k.as_str()).ok(),
                Some(k)
            );
        }
        for k in PLACE_KINDS {
            assert_eq!(
                named("", PLACE_KINDS, PlaceKind::as_str, k.as_str()).ok(),
                Some(k)
            );
        }
        for k in PRECISIONS {
            assert_eq!(
                named("", PRECISIONS, Precision::as_str, k.as_str()).ok(),
                Some(k)
            );
        }
        for k in Status::ALL {
            assert_eq!(
                named("", Status::ALL, Status::as_str, k.as_str()).ok(),
                Some(k)
            );
        }
        for &k in Rule::ALL {
            assert_eq!(Rule::parse(k.name()), Some(k));
        }
        for k in LINK_REASONS {
            assert_eq!(
                named("", LINK_REASONS, link_reason_name, link_reason_name(k)).ok(),
                Some(k)
            );
            // The saved name is the serde name, so the JSON export and the file agree.
            let json = serde_json::to_string(&k).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", link_reason_name(k)));
        }
        assert!(distinct(&EntityKind::ALL.map(EntityKind::as_str)));
        assert!(distinct(&RelationKind::ALL.map(RelationKind::as_str)));
        assert!(distinct(&PLACE_KINDS.map(PlaceKind::as_str)));
        assert!(distinct(&PRECISIONS.map(Precision::as_str)));
        assert!(distinct(&Status::ALL.map(Status::as_str)));
        assert!(distinct(&LINK_REASONS.map(link_reason_name)));
        let rules: Vec<&str> = Rule::ALL.iter().map(|r| r.name()).collect();
        assert!(distinct(&rules));
    }

    /// The names files of format version 3 were written with. A name that stops reading back
    /// makes every such file unreadable: keep the name, or bump `FORMAT_VERSION` and update
    /// this list. New names may be added freely.
    #[test]
    fn names_saved_by_version_3_still_read_back() {
        let kinds = ["Person", "Organization", "Place", "Topic", "Quote"];
        let relations = [
            "MET",
            "CALLED",
            "VISITED",
            "DISCUSSED",
            "SAID",
            "HOLDS_ROLE",
        ];
        let places = ["country", "city", "region", "facility"];
        let precisions = ["day", "week", "month", "year"];
        let statuses = ["happened", "reported", "planned", "denied"];
        let links = [
            "surname",
            "title",
            "known_name",
            "official_name",
            "organisation_end",
            "acronym",
            "given_after_sir",
            "family_first",
            "given_name",
            "spelling",
        ];
        let rules = [
            "meet",
            "receive",
            "received_by",
            "discuss_with",
            "visit",
            "arrive_in",
            "quote",
            "meeting_with",
            "meeting_between",
            "talk_with",
            "go_to",
            "visit_to",
            "hold_talks",
            "see",
            "discuss_together",
            "phone",
            "visit_person",
            "discuss",
            "talked",
            "speech_in",
            "return_from",
            "met_at",
            "be_in",
            "said_that",
            "title",
        ];
        let changed = "a name saved by format version 3 no longer reads back: keep it, or bump \
                       FORMAT_VERSION and update this list (version 2 saved the same names)";
        for name in kinds {
            assert!(
                named("", EntityKind::ALL, EntityKind::as_str, name).is_ok(),
                "{changed}: {name}"
            );
        }
        for name in relations {
            assert!(
                named("", RelationKind::ALL, RelationKind::as_str, name).is_ok(),
                "{changed}: {name}"
            );
        }
        for name in places {
            assert!(
                named("", PLACE_KINDS, PlaceKind::as_str, name).is_ok(),
                "{changed}: {name}"
            );
        }
        for name in precisions {
            assert!(
                named("", PRECISIONS, Precision::as_str, name).is_ok(),
                "{changed}: {name}"
            );
        }
        for name in statuses {
            assert!(
                named("", Status::ALL, Status::as_str, name).is_ok(),
                "{changed}: {name}"
            );
        }
        for name in links {
            assert!(
                named("", LINK_REASONS, link_reason_name, name).is_ok(),
                "{changed}: {name}"
            );
        }
        for name in rules {
            assert!(Rule::parse(name).is_some(), "{changed}: {name}");
        }
    }
}
