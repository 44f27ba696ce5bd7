//! The extraction rules by name: what each reads, and how far it is trusted.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Declares [`Rule`] from one table, so that a rule's name, confidence and description are
/// written once and cannot disagree.
macro_rules! rules {
    ($($(#[$doc:meta])* $variant:ident = $name:literal, $confidence:literal, $description:literal;)*) => {
        /// A rule of the extractor: every relation names the rule that found it.
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[serde(rename_all = "snake_case")]
        pub enum Rule {
            $($(#[$doc])* $variant,)*
        }

        impl Rule {
            /// Every rule, in the order of the table.
            pub const ALL: &[Rule] = &[$(Rule::$variant,)*];

            /// The rule's name, as shown by `:why` and the exports (`meet`, `go_to`).
            pub const fn name(self) -> &'static str {
                match self {
                    $(Rule::$variant => $name,)*
                }
            }

            /// How far the rule is trusted, from 0 to 1: explicit verbs more than inferences.
            pub const fn confidence(self) -> f32 {
                match self {
                    $(Rule::$variant => $confidence,)*
                }
            }

            /// What the rule reads, in a sentence with an example.
            pub const fn description(self) -> &'static str {
                match self {
                    $(Rule::$variant => $description,)*
                }
            }
        }
    };
}

rules! {
    /// A verb of meeting with its subject and objects.
    Meet = "meet", 0.9, "a verb of meeting: \"Kerry met Lavrov\", \"met with\", \"conferred with\"";
    /// A host receiving a guest.
    Receive = "receive", 0.9, "a host receives a guest: \"Putin received Kerry\", \"hosted\"";
    /// The passive of receiving.
    ReceivedBy = "received_by", 0.9, "a guest is received: \"Kerry was received by Putin\"";
    /// Discussing something with someone.
    DiscussWith = "discuss_with", 0.9, "discussing with someone: \"Kerry discussed Syria with Lavrov\"";
    /// A verb of visiting a place (or a person).
    Visit = "visit", 0.9, "a verb of visiting: \"Kerry visited Moscow\", \"toured a factory in Sheffield\"";
    /// Arriving in a place.
    ArriveIn = "arrive_in", 0.9, "arriving: \"Kerry arrived in Moscow\", \"landed at Vnukovo airport\"";
    /// A quoted statement and its speaker.
    Quote = "quote", 0.9, "a quotation and its speaker: \"'...,' Lavrov said\", \"Lavrov said: '...'\"";
    /// A meeting noun with a partner.
    MeetingWith = "meeting_with", 0.8, "a meeting noun with a partner: \"talks with Lavrov\", \"Kerry's meeting with Putin\"";
    /// A meeting noun between parties.
    MeetingBetween = "meeting_between", 0.8, "a meeting noun between parties: \"talks between Kerry and Lavrov\"";
    /// Talking with or to someone.
    TalkWith = "talk_with", 0.8, "talking with someone: \"Kerry spoke with Lavrov\", \"talked to\"";
    /// Going to a place.
    GoTo = "go_to", 0.8, "going somewhere: \"Kerry flew to Moscow\", \"travelled to\", \"went to\"";
    /// A visit noun with its place.
    VisitTo = "visit_to", 0.8, "a visit noun with its place: \"Kerry's visit to Moscow\", \"a trip to Cuba\"";
    /// A light verb with a meeting noun and a subject of two or more.
    HoldTalks = "hold_talks", 0.8, "parties who hold talks: \"Kerry and Lavrov held talks\"";
    /// Seeing a person.
    See = "see", 0.8, "seeing a person: \"Kerry will see Putin\"";
    /// Two or more who discuss something together.
    DiscussTogether = "discuss_together", 0.8, "parties who discuss together: \"Kerry and Lavrov discussed Syria\"";
    /// A telephone or video call.
    Phone = "phone", 0.8, "a call: \"Obama phoned Putin\", \"spoke by telephone with\"";
    /// Visiting a person, which is meeting them.
    VisitPerson = "visit_person", 0.7, "visiting a person: \"Kerry visited Putin\"";
    /// Discussing something, with no partner named.
    Discuss = "discuss", 0.7, "discussing a topic: \"Kerry discussed Syria\"";
    /// Two or more who talked about something.
    Talked = "talked", 0.7, "parties who talked about something: \"Kerry and Lavrov talked about Syria\"";
    /// Speaking somewhere, which places the speaker there.
    SpeechIn = "speech_in", 0.7, "speaking somewhere: \"speaking in Jakarta\", \"told an audience in Birmingham\", \"a speech in Edinburgh\"";
    /// Leaving a place, which one was in.
    Left = "left", 0.7, "leaving a place: \"Thatcher left Bonn\", \"Leaving a Brussels summit, Blair said\"";
    /// Coming back from a place.
    ReturnFrom = "return_from", 0.7, "coming back: \"Kerry returned from Egypt\"";
    /// Meeting people somewhere, which places the subject there.
    MetAt = "met_at", 0.6, "meeting somewhere: \"met police chiefs in Manchester\", the place of a meeting";
    /// Being in a place.
    BeIn = "be_in", 0.6, "being somewhere: \"Kerry is in Moscow\"";
    /// A quotation with no speaker of its own, after a statement in its paragraph.
    QuoteContinued = "quote_continued", 0.7, "a quotation that goes on from the speaker before it: \"'...,' he said. 'We will go on.'\"";
    /// Reported speech without quotation marks.
    SaidThat = "said_that", 0.5, "reported speech: \"Lavrov said (that) ...\", \"..., Peskov said\"";
    /// A host's meal or reception for a guest.
    Hosted = "hosted", 0.8, "a host's meal or reception for a guest: \"a dinner given for Kerry by Putin\", \"Putin gave a lunch for Kerry\"";
    /// A title or apposition that gives a person a role.
    Title = "title", 0.9, "a title or apposition: \"Foreign Minister Sergei Lavrov\", \"Lavrov, Russia's foreign minister\"";
}

impl Rule {
    /// The rule of this name, if there is one.
    pub fn parse(name: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.name() == name)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::Rule;

    #[test]
    fn names_are_unique_and_parse_back() {
        for &rule in Rule::ALL {
            assert_eq!(Rule::parse(rule.name()), Some(rule));
            assert!((0.0..=1.0).contains(&rule.confidence()), "{rule}");
            assert!(!rule.description().is_empty(), "{rule}");
        }
    }

    #[test]
    fn serde_name_is_the_rule_name() {
        for &rule in Rule::ALL {
            let json = serde_json::to_string(&rule).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", rule.name()));
        }
    }
}
