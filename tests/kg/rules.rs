//! The extraction rules, one family a file: `tests/data/rules/FAMILY.cases` holds short texts and
//! the facts each must give, and every case is a test of its own
//! (`cargo test --test kg rules::meet::received_by`).
//!
//! ```text
//! # what the family is; a header line may say which relations the cases list:
//! # kinds: MET CALLED VISITED        (default: every kind but HOLDS_ROLE; `entities` lists
//! #                                   the entities instead, quotes and topics left out)
//!
//! == received-by (issue 12)          a case: its name, and the issue a regression came from
//! lexicon cues.tsv: mulls\tplanned   a row of a user's list: the case runs through the CLI
//!                                    (`kg extract --lexicon DIR`), and must differ without it
//! date: 26-FEB-1987 15:01:01.79      the record's `date` field
//! Tony Blair was received by Jacques Chirac in Paris.
//! => MET Jacques Chirac -- Tony Blair | place: Paris | happened | received_by
//! => nothing                         (no relation of the kinds listed)
//! ```
//!
//! A fact is `KIND source -- target` (`->` for a relation with a direction), then what the
//! relation says, each after ` | `: `topics: a; b`, `place: P`, `date: D` (ISO, or the words
//! when unresolved), its status, and the rule. The facts must be exactly those the text gives,
//! in any order. `BLESS=1` rewrites the facts from what the extractor finds; read the diff.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use kg::extract::extract;
use kg::lexicon::Lexicon;
use kg::model::{EntityKind, Extraction, RelationKind};
use kg::text::Document;

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/rules")
}

/// One case of a family file.
struct Case {
    name: String,
    /// Rows of a user's word lists: (file name, row).
    lexicon: Vec<(String, String)>,
    /// The record's `date` field.
    date: Option<String>,
    text: String,
    facts: Vec<String>,
    /// The line of the `==` header in the file, from 1.
    line: usize,
}

/// A family file: which relations its facts list, and its cases.
struct Family {
    /// `None`: every kind but HOLDS_ROLE; `Some(["entities"])`: entity lines.
    kinds: Option<Vec<String>>,
    cases: Vec<Case>,
}

fn parse(text: &str) -> Family {
    let mut kinds = None;
    let mut cases: Vec<Case> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if let Some(rest) = line.strip_prefix("# kinds:") {
            kinds = Some(rest.split_whitespace().map(str::to_string).collect());
            continue;
        }
        if let Some(header) = line.strip_prefix("== ") {
            let name = header.split(" (").next().unwrap_or(header).trim();
            cases.push(Case {
                name: name.to_string(),
                lexicon: Vec::new(),
                date: None,
                text: String::new(),
                facts: Vec::new(),
                line: n + 1,
            });
            continue;
        }
        let Some(case) = cases.last_mut() else {
            continue;
        };
        if let Some(fact) = line.strip_prefix("=> ") {
            if fact.trim() != "nothing" {
                case.facts.push(fact.trim().to_string());
            }
        } else if let Some(date) = line.strip_prefix("date: ") {
            case.date = Some(date.to_string());
        } else if let Some(row) = line.strip_prefix("lexicon ") {
            let (file, row) = row.split_once(": ").expect("lexicon FILE: ROW");
            case.lexicon
                .push((file.to_string(), row.replace("\\t", "\t")));
        } else if case.facts.is_empty() && !line.starts_with('#') {
            if !case.text.is_empty() {
                case.text.push('\n');
            }
            case.text.push_str(line);
        }
    }
    for case in &mut cases {
        case.text = case.text.trim().to_string();
    }
    Family { kinds, cases }
}

/// One relation as a fact line.
#[allow(clippy::too_many_arguments)]
fn fact(
    kind: &str,
    source: &str,
    target: &str,
    topics: &[String],
    place: Option<&str>,
    date: Option<&str>,
    role: Option<&str>,
    status: &str,
    rule: &str,
) -> String {
    let symmetric = RelationKind::parse(kind).is_some_and(RelationKind::is_symmetric);
    let arrow = if symmetric { "--" } else { "->" };
    let mut line = format!("{kind} {source} {arrow} {target}");
    if !topics.is_empty() {
        let _ = write!(line, " | topics: {}", topics.join("; "));
    }
    if let Some(place) = place {
        let _ = write!(line, " | place: {place}");
    }
    if let Some(date) = date {
        let _ = write!(line, " | date: {date}");
    }
    if let Some(role) = role {
        let _ = write!(line, " | role: {role}");
    }
    let _ = write!(line, " | {status} | {rule}");
    line
}

/// True when a fact of this kind is one the family lists.
fn listed(kinds: &Option<Vec<String>>, kind: &str) -> bool {
    match kinds {
        Some(kinds) => kinds.iter().any(|k| k == kind),
        None => kind != "HOLDS_ROLE",
    }
}

/// The facts of an extraction made by the library.
fn facts_of(ex: &Extraction, kinds: &Option<Vec<String>>) -> Vec<String> {
    if kinds
        .as_ref()
        .is_some_and(|k| k.iter().any(|k| k == "entities"))
    {
        return ex
            .entities
            .iter()
            .filter(|e| !matches!(e.kind, EntityKind::Quote | EntityKind::Topic))
            .map(|e| {
                let kind = e.place_kind.map_or(e.kind.to_string(), |k| {
                    format!("{}({})", e.kind, k.as_str())
                });
                let mut line = format!("entity {kind} {}", e.name);
                let mut aliases = e.aliases.clone();
                aliases.sort();
                if !aliases.is_empty() {
                    let _ = write!(line, " | aliases: {}", aliases.join("; "));
                }
                if !e.roles.is_empty() {
                    let roles: Vec<String> = e.roles.iter().map(ToString::to_string).collect();
                    let _ = write!(line, " | roles: {}", roles.join("; "));
                }
                line
            })
            .collect();
    }
    let name = |i: usize| ex.entities[i].name.clone();
    ex.relations
        .iter()
        .filter(|r| listed(kinds, r.kind.as_str()))
        .map(|r| {
            let topics: Vec<String> = r.topics.iter().map(|&t| name(t)).collect();
            let target = r.target.map_or_else(|| "-".to_string(), name);
            fact(
                r.kind.as_str(),
                &name(r.source),
                &target,
                &topics,
                r.place.map(name).as_deref(),
                r.date.as_ref().map(|d| d.iso()).as_deref(),
                r.role.as_deref(),
                r.status.as_str(),
                r.rule.name(),
            )
        })
        .collect()
}

/// The facts `kg extract` prints for a text, with a user's lists in a folder when given.
fn facts_through_the_cli(
    text: &str,
    lexicon: &[(String, String)],
    kinds: &Option<Vec<String>>,
) -> Vec<String> {
    let dir = tempfile::TempDir::new().expect("a temporary folder");
    let input = dir.path().join("case.txt");
    std::fs::write(&input, text).expect("write the case");
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_kg"));
    cmd.arg("extract").arg(&input);
    if !lexicon.is_empty() {
        let lists = dir.path().join("lists");
        std::fs::create_dir(&lists).expect("a folder for the lists");
        let mut files: BTreeMap<&str, String> = BTreeMap::new();
        for (file, row) in lexicon {
            let body = files.entry(file).or_default();
            body.push_str(row);
            body.push('\n');
        }
        for (file, body) in files {
            std::fs::write(lists.join(format!("user-{file}")), body).expect("write a list");
        }
        cmd.arg("--lexicon").arg(&lists);
    }
    let output = cmd.output().expect("kg runs");
    assert!(
        output.status.success(),
        "kg extract failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("one JSON object for one document");
    let strings = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    json["relations"]
        .as_array()
        .expect("relations")
        .iter()
        .filter(|r| listed(kinds, r["type"].as_str().unwrap_or("")))
        .map(|r| {
            let a = &r["attributes"];
            fact(
                r["type"].as_str().unwrap_or(""),
                r["source"].as_str().unwrap_or(""),
                r["target"].as_str().unwrap_or(""),
                &strings(&a["topics"]),
                a["place"].as_str(),
                a["date"].as_str(),
                a["role"].as_str(),
                a["status"].as_str().unwrap_or(""),
                a["rule"].as_str().unwrap_or(""),
            )
        })
        .collect()
}

/// Held while a case file is read or rewritten, so that `BLESS=1` on several threads loses no
/// case's facts.
static FILES: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Runs one case of a family: its facts must be exactly those listed (`BLESS=1` rewrites them).
fn run(family: &str, name: &str) {
    let path = data().join(format!("{family}.cases"));
    let file = {
        let _guard = FILES
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        std::fs::read_to_string(&path).expect("the family's case file")
    };
    let parsed = parse(&file);
    let case = parsed
        .cases
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no case `{name}` in {}", path.display()));
    let mut got = if case.lexicon.is_empty() {
        let mut doc = Document::new(format!("{name}.txt"), case.text.as_str());
        doc.date = case.date.clone();
        facts_of(&extract(&doc, Lexicon::builtin()), &parsed.kinds)
    } else {
        let with = facts_through_the_cli(&case.text, &case.lexicon, &parsed.kinds);
        let without = facts_through_the_cli(&case.text, &[], &parsed.kinds);
        assert_ne!(
            sorted(with.clone()),
            sorted(without),
            "{family}::{name}: the user's row changes nothing"
        );
        with
    };
    got = sorted(got);
    if std::env::var_os("BLESS").is_some() {
        bless(&path, name, &got);
        return;
    }
    let want = sorted(case.facts.clone());
    assert!(
        got == want,
        "{family}::{name} ({}:{}):\n--- expected\n{}\n+++ got\n{}\n(BLESS=1 rewrites the facts)",
        path.display(),
        case.line,
        want.join("\n"),
        got.join("\n")
    );
}

fn sorted(mut facts: Vec<String>) -> Vec<String> {
    facts.sort();
    facts
}

/// Rewrites the facts of case `name`, keeping everything else. Tests run on several threads: the
/// file is read and written under one lock, and the case found again in what is read.
fn bless(path: &Path, name: &str, facts: &[String]) {
    let _guard = FILES
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let file = std::fs::read_to_string(path).expect("the case file");
    let line = parse(&file)
        .cases
        .iter()
        .find(|c| c.name == name)
        .map(|c| c.line)
        .expect("the case is still there");
    let lines: Vec<&str> = file.lines().collect();
    let start = line - 1;
    let end = lines[start + 1..]
        .iter()
        .position(|l| l.starts_with("== "))
        .map_or(lines.len(), |p| start + 1 + p);
    let mut body: Vec<&str> = lines[start..end]
        .iter()
        .copied()
        .filter(|l| !l.starts_with("=> "))
        .collect();
    while body.len() > 1 && body.last().is_some_and(|l| l.trim().is_empty()) {
        body.pop();
    }
    let mut out: Vec<String> = lines[..start].iter().map(|l| l.to_string()).collect();
    out.extend(body.iter().map(|l| l.to_string()));
    if facts.is_empty() {
        out.push("=> nothing".to_string());
    }
    out.extend(facts.iter().map(|f| format!("=> {f}")));
    if end < lines.len() {
        out.push(String::new());
    }
    out.extend(lines[end..].iter().map(|l| l.to_string()));
    std::fs::write(path, out.join("\n") + "\n").expect("rewrite the case file");
}

/// Declares one test per case, a module per family, and a check that every case in the files
/// is declared (so none is silently never run) and every declared case exists.
macro_rules! families {
    ($($family:ident => [$($case:ident),* $(,)?]),* $(,)?) => {
        $(
            mod $family {
                $(
                    #[test]
                    fn $case() {
                        super::run(stringify!($family), &stringify!($case).replace('_', "-"));
                    }
                )*
            }
        )*

        #[test]
        fn every_case_is_a_test() {
            let declared: Vec<(String, String)> = vec![
                $($((stringify!($family).to_string(), stringify!($case).replace('_', "-")),)*)*
            ];
            let mut missing = Vec::new();
            let mut found = Vec::new();
            let mut entries: Vec<_> = std::fs::read_dir(data()).expect("tests/data/rules")
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "cases"))
                .collect();
            entries.sort();
            for path in entries {
                let family = path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
                let text = {
                    let _guard = FILES.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                    std::fs::read_to_string(&path).expect("a case file")
                };
                for case in parse(&text).cases {
                    let key = (family.clone(), case.name.clone());
                    if !declared.contains(&key) {
                        missing.push(format!("{} => {}", family, case.name.replace('-', "_")));
                    }
                    found.push(key);
                }
            }
            let stale: Vec<_> = declared.iter().filter(|d| !found.contains(d)).collect();
            assert!(missing.is_empty(), "cases not declared in tests/kg/rules.rs: {missing:#?}");
            assert!(stale.is_empty(), "declared cases with no case in the files: {stale:?}");
        }
    };
}

families! {
    call => [
        phoned,
        called_on_monday,
        spoke_by_telephone_with,
        video_call,
        called_him_a_liar_is_no_call,
        a_man_called_is_no_call,
        calls_for_is_no_call,
    ],
    dates => [
        wire_record_date,
        rfc_2822_record_date,
        unix_seconds_record_date,
        spelt_out_record_date,
        a_planned_weekday_is_the_next_one,
        dated_after_its_article_is_planned,
        a_city_in_an_article_of_1987_is_in_no_country_of_today,
        a_city_in_an_article_of_2016_is_in_its_country,
    ],
    discuss => [
        discussed_with,
        two_discussed,
        discussed,
        raised_together_is_no_meeting,
        passive_topic_goes_to_the_meeting,
        the_with_of_another_verbs_infinitive_names_no_partner,
        two_who_discuss_a_matter_with_others_did_not_meet_each_other,
        the_matters_own_with_names_no_partner,
        declining_to_detail_what_two_discussed_is_no_denial,
        a_debate_after_a_preposition_and_a_determiner_is_a_noun,
    ],
    entities => [
        surname_and_title,
        acronym,
        sir_and_given_name,
        a_surname_is_not_a_given_name,
        known_name,
        a_name_across_a_wrapped_line,
        mr_and_a_place_name_is_a_person,
        a_ticker_names_a_company,
        said_its_names_a_company,
        a_legal_form_names_a_company,
        common_words_name_no_one,
        mr_and_a_common_word_is_a_person,
        countries_of_older_news,
        a_company_named_after_its_founders,
        a_company_name_may_start_with_a_title_word,
        without_its_group_a_company_keeps_its_name,
        fields_joined_by_and,
        officials_and_an_administration_are_no_one,
        a_company_named_by_what_it_deals_in,
        two_names_hyphened_before_their_meeting_name_no_one,
        a_charge_daffaires_is_a_title,
        a_hyphened_pair_lends_no_alias,
        a_utility_named_by_what_it_sells,
        a_common_word_opening_a_quote_is_no_name,
        a_firm_before_an_analyst_is_an_organisation,
        a_surname_set_beside_a_full_name_is_another_person,
        mrs_and_a_surname_is_not_the_man_of_that_name,
        a_surnames_relative_is_another_person,
        an_apostrophe_inside_a_name_is_no_clitic,
        a_hyphened_given_name_after_a_family_name,
        a_full_name_son_of_the_surname_is_another_person,
        a_headline_in_capitals_names_no_one,
        a_place_named_with_a_title,
        a_party_member_is_no_name,
        fsb_is_a_legal_form,
        a_party_in_the_plural,
        a_company_by_its_first_word,
        a_first_word_that_is_a_surname_here,
        a_common_word_opens_a_company_name,
        a_word_with_a_prefix_is_no_name,
        common_words_joined_by_and_in_a_company,
        two_bodies_joined_by_and,
        a_word_that_opens_company_names_opens_a_sentence,
        a_company_named_after_two_founders_and_its_legal_form,
        two_parties_joined_by_and_are_two,
        said_it_bought_names_a_company,
        an_apposition_of_business_names_a_company,
        said_it_was_says_nothing_of_the_speaker,
        a_word_of_time_opening_a_sentence_opens_no_name,
        arap_joins_a_kenyan_name,
        a_ship_is_no_one,
        a_rating_agency_by_its_wire_short_name,
        a_word_the_wire_capitalised_after_us_goes_on_with_the_sentence,
        a_first_word_other_languages_open_companies_with,
        abbreviations_of_a_table_name_no_one,
        a_hyphened_name_after_a_name_is_the_names_own,
        the_wires_sign_off_after_wrapped_text_is_no_name,
        part_of_a_month_is_no_place,
        a_legal_form_with_stops_ends_a_company,
        an_office_in_the_plural_before_its_holders,
        a_capital_particle_after_a_comma_is_the_surname,
        a_nickname_in_quotes_inside_a_name,
        a_name_in_round_brackets_opening_a_story_is_a_company,
        a_plural_in_men_is_no_one,
        letters_after_a_name_are_no_part_of_it,
        a_title_in_small_letters_is_no_part_of_a_firm,
        a_known_company_by_a_name_its_era_had,
    ],
    lexicon => [
        preposition,
        determiner,
        qualifier,
        clause_word,
        planned,
        planned_after,
        reported,
        negation,
        called_off,
        vague_noun,
        not_topic,
        topic_adverb,
        number_word,
        pair_noun,
        audience,
        adverb_after,
        particle,
        calendar,
        building,
        plan_verb,
        refuse_verb,
        agenda_noun,
    ],
    meet => [
        met,
        met_with,
        conferred_with,
        received,
        received_by,
        will_see,
        saw_his_chance_is_no_meeting,
        talks_with,
        possessive_meeting_with,
        talks_between,
        two_held_talks,
        spoke_with,
        talked_about,
        visited_a_person,
        sat_down_with,
        joined_by,
        the_pair_met,
        the_governments_talks_are_not_the_subjects,
        a_list_of_senators_from_their_states,
        after_talks_in_a_fronted_participle,
        nine_hours_of_talks_with_her,
        talks_on_sunday_with,
        a_word_typed_twice,
        the_speaker_is_not_the_subject_of_what_he_reports,
        speaking_to_a_body_is_no_meeting,
        a_meeting_noun_in_a_reported_clause_is_the_speakers,
        a_common_noun_subject_is_no_one_named_before_it,
        welcomed_by_with_a_common_noun_subject,
        and_his_aides_met,
        a_fronted_phrase_whose_subject_is_no_name,
        whom_one_tells_holds_no_talks,
        being_willing_to_negotiate_is_no_meeting,
        being_ready_to_meet_is_no_meeting,
        two_who_travel_together_discuss_with_their_hosts,
        whether_opens_an_open_question,
        urging_a_meeting_is_no_meeting_yet,
        objects_before_an_infinitive_are_not_its_subject,
        meeting_demands_is_satisfying_them,
        a_name_before_the_plane_is_not_who_met,
        suggesting_talks_is_no_talks_yet,
        they_met_up_after_a_call,
        seeking_a_meeting_is_no_meeting_yet,
        the_proposed_talks_are_planned,
        opened_talks_expected_to_focus_happened,
        speculation_that_they_would_meet_is_reported,
        said_negotiators_had_talks_is_not_the_speakers,
        the_two_leaders_are_the_leaders_named_earlier,
        paying_a_call_on_someone_is_meeting_them,
        before_meeting_x_comma_the_title_is_the_subject,
        met_for_an_hour_with,
        the_body_of_an_unnamed_title_holder_is_not_met,
        a_company_that_sees_forecasts,
        he_is_the_subject_after_the_opening_phrase_before,
        reception_held_for_him_by,
        dinner_given_for_a_guest,
        a_day_owns_no_meeting,
        weeks_of_talks,
        a_gerund_after_before_has_the_clause_subject,
        seeing_someone_do_something_is_no_meeting,
        who_tells_of_the_two_men_is_not_one,
        an_opening_phrase_with_a_list_of_names,
        a_name_that_qualifies_a_noun_is_not_met,
        a_name_before_owned_qualifies_the_next,
        an_offer_or_an_attempt_is_no_meeting,
        a_shared_stage_is_no_meeting,
        joined_by_for_talks_is_a_meeting,
        we_hold_the_meeting_not_the_names_before,
        a_proposal_eight_words_before_is_no_meeting,
        what_is_sought_is_the_first_event_after,
        a_meeting_in_a_reporters_question_is_none,
        visiting_before_a_name_says_who_visits,
        a_denial_does_not_reach_past_but,
        looking_forward_to_talks_is_planned,
        talks_a_speaker_reports_on_are_not_his,
        his_own_talks_are_his,
        speaking_before_a_meeting_is_planned,
        what_a_plural_noun_was_received_by_is_no_meeting,
        rejecting_the_idea_of_talks_is_no_meeting,
    ],
    place => [
        met_at_the_kremlin,
        downing_street_is_where_not_a_visit,
        the_resort_of,
    ],
    roles => [
        title_before_the_name,
        apposition_after_the_name,
        the_mayor_of_paris_comma,
        copula,
        counterpart,
        ambassador_to_a_capital,
        a_nationality_and_an_industry_before_minister,
        two_titles_joined_by_and,
        a_managing_director,
        the_comma_ending_an_opening_phrase_is_no_apposition,
        a_name_and_anothers_title_is_no_firm,
        a_field_in_the_possessive_before_a_title,
        fields_in_small_letters_before_a_title,
        an_occupation_in_apposition,
        a_former_office_and_now_another,
        fields_that_qualify_a_department_are_not_the_title,
        fields_of_two_words_before_minister,
        economic_and_corporate_fields,
        an_adjective_ends_no_title_tail,
    ],
    speech => [
        quote_then_said,
        said_then_quote,
        said_that,
        told_reporters,
        clause_then_said,
        short_scare_quotes_are_no_statement,
        said_an_agreement,
        but_said_goes_with_the_first_subject,
        saying_reports_for_the_subject,
        complaining_that,
        agreed_comma_quote,
        a_quote_goes_on_from_its_speaker,
        scare_quotes_leave_reported_speech,
        denied_meeting_is_no_statement,
        a_fronted_participle_points_ahead,
        his_comments_is_no_verb_of_saying,
        a_firm_before_an_analyst_is_not_the_speaker,
        unnamed_sources_at_the_end_own_the_sentence,
        a_denial_is_a_denied_statement,
        a_relative_clause_between_commas_is_passed_over,
        participle_between_commas_then_also_said,
        told_reporters_after_a_meeting,
        said_in_an_interview,
        told_reporters_after_a_speech_is_no_statement,
        told_reporters_yesterday,
        he_after_an_unnamed_speaker_is_unnamed,
        he_goes_on_with_who_spoke,
        the_reporters_attribution_is_not_the_statement,
        a_name_inside_the_quote_is_not_he,
        a_short_quotation_opening_its_sentence,
        one_who_opens_a_sentence_unnamed_is_the_he_after_it,
        a_quotation_an_unnamed_one_said_is_not_the_last_speaker,
        a_quotation_after_one_unnamed_said,
        a_verb_after_but_and_an_auxiliary_shares_the_subject,
        a_bare_but_goes_on_with_the_first_actor,
        a_quote_a_longer_unnamed_phrase_says_does_not_go_on,
        told_a_nations_television_the_clause,
        the_that_of_a_noun_is_not_the_verbs,
        told_an_audience_of_two_words,
        a_firms_officer_named_after_the_quote,
        said_a_lead_manager_named_after_the_verb,
        the_narrators_clause_after_a_statement_is_not_part_of_it,
    ],
    status => [
        will_is_planned,
        expects_is_planned,
        hoped_is_planned,
        aimed_is_planned,
        did_not_is_denied,
        didnt_is_denied,
        refusing_is_denied,
        postpones_is_denied,
        cancels_is_denied,
        called_off_after,
        reportedly_is_reported,
        next_week_is_planned,
        a_visit_before_said_expected_happened,
        unlikely_is_not_happening,
        flies_this_weekend_is_planned,
        when_he_pays_a_visit_is_planned,
        after_meeting_is_past_whatever_follows,
        what_comes_before_a_verb_of_saying_says_nothing_of_what_it_reports,
        is_to_hold_meetings_is_planned,
        leaves_on_a_weekday_to_come,
        starts_a_visit_on_a_weekday,
        visits_this_week,
        here_today_there_on_a_weekday,
        held_talks_on_a_weekday_happened,
        who_will_leave_a_place_is_there,
        a_trip_cut_short_happened,
        a_noun_with_a_long_list_before_will,
        on_the_way_or_leaving_today_is_still_to_come,
        meetings_someone_said_took_place_are_a_claim,
        talks_a_trip_to_come_is_for_are_planned,
        a_probable_meeting_later_today_is_planned,
    ],
    topics => [
        about,
        talks_on,
        to_discuss,
        the_agenda_will_include,
        on_the_agenda_were,
        numbers_are_no_topic,
        the_words_before_a_noun_of_talks_are_its_topic,
        how_the_talks_were_held_is_no_topic,
        the_verb_before_the_talks_is_no_topic,
    ],
    visit => [
        visited,
        toured_a_factory_in,
        arrived_in,
        landed_at_airport_in,
        flew_to,
        went_straight_to_the_kremlin,
        his_trip_to,
        returned_from,
        on_his_return_from_is_no_visit,
        is_in,
        speaking_in,
        told_reporters_in,
        spokesman_in_his_own_capital_went_nowhere,
        met_police_chiefs_in,
        met_in,
        station_is_in_its_city,
        left_a_place,
        leaving_a_summit_opens_the_sentence,
        left_for_goes,
        a_foreign_visitor_visits_the_country,
        a_minister_at_home_visits_no_country,
        flight_to,
        going_home_is_no_visit,
        a_host_in_his_own_capital_visits_nothing,
        only_people_travel,
        a_cargo_leaving_is_no_visit,
        a_shipment_going_is_no_visit,
        a_place_after_another_noun_is_that_nouns,
        speaking_to_concerns_is_meeting_no_one,
        speaking_to_reporters_in,
        his_in_an_opening_phrase_is_the_subjects_past_a_relative_clause,
        a_visit_by_someone,
        the_agent_in_a_parenthesis_is_not_his,
        a_conjunction_before_an_opening_phrase,
        an_official_at_the_seat_of_his_bank_is_home,
        an_official_in_his_countrys_capital_of_the_day_is_home,
        the_head_of_a_body_at_its_seat_is_home,
        he_after_the_spokesman_said_is_no_one_named,
        a_place_qualifying_a_noun_is_no_visit,
        asked_to_return_from_a_post_is_no_visit,
        things_announced_somewhere_went_nowhere,
        heads_of_state_in_a_city_is_no_speech,
        a_verb_after_and_shares_the_subject_of_the_verb_before,
        a_verb_after_and_shares_the_subject_before_it,
        aircraft_headed_for_is_no_persons_trip,
        a_diplomat_comes_home,
        an_unknown_name_after_said_travels_not_the_speaker,
        talks_of_a_body_are_no_speech,
        a_meeting_named_again_with_its_place,
        a_party_office_keeps_no_one_home,
        a_gerund_after_before_travels_with_the_subject,
        hong_kong_was_british_in_1987,
        his_own_department_is_no_visit,
        should_be_somewhere_is_planned,
        the_coming_summit_goes_nowhere,
        a_bodys_convention_is_no_building,
        a_proposal_during_a_trip_keeps_the_trip,
        a_national_speaking_in_his_capital_went_nowhere,
        a_national_speaking_abroad_visited,
        a_headline_nationality_is_no_ones,
    ],
}
