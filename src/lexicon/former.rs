//! Former countries that news archives still name (the Soviet Union, Yugoslavia, West
//! Germany), with the countries of the gazetteer on their land: a question `in Russia` finds a
//! meeting in the Soviet Union's Moscow, and an article of 1987 that names the Soviet Union does
//! not send a visitor of Moscow to today's Russia.

use crate::names::normalize;

/// A former country: its name, other names, the states now on its land, and the state it is now
/// part of.
pub struct Former {
    /// Its usual English name.
    pub name: &'static str,
    /// Its other names.
    pub aliases: &'static [&'static str],
    /// The countries of the gazetteer now on its land.
    pub successors: &'static [&'static str],
    /// The country it is now part of (Germany for West Germany).
    pub part_of: Option<&'static str>,
    /// The day it ended (year, month, day): the first day its land was in its successors.
    pub ended: (i16, i8, i8),
}

/// Former countries news still names, with the countries of the gazetteer on their land.
const FORMER: &[Former] = &[
    Former {
        name: "Soviet Union",
        aliases: &[
            "USSR",
            "U.S.S.R.",
            "Soviet Russia",
            "Union of Soviet Socialist Republics",
        ],
        successors: &[
            "Russia",
            "Ukraine",
            "Belarus",
            "Moldova",
            "Georgia",
            "Armenia",
            "Azerbaijan",
            "Kazakhstan",
            "Uzbekistan",
            "Turkmenistan",
            "Kyrgyzstan",
            "Tajikistan",
            "Estonia",
            "Latvia",
            "Lithuania",
        ],
        part_of: None,
        ended: (1991, 12, 26),
    },
    Former {
        name: "Yugoslavia",
        aliases: &["Socialist Federal Republic of Yugoslavia"],
        successors: &[
            "Serbia",
            "Croatia",
            "Slovenia",
            "Bosnia and Herzegovina",
            "Montenegro",
            "North Macedonia",
            "Kosovo",
        ],
        part_of: None,
        ended: (1992, 4, 27),
    },
    Former {
        name: "Czechoslovakia",
        aliases: &[],
        successors: &["Czech Republic", "Slovakia"],
        part_of: None,
        ended: (1993, 1, 1),
    },
    Former {
        name: "East Germany",
        aliases: &["German Democratic Republic", "GDR"],
        successors: &[],
        part_of: Some("Germany"),
        ended: (1990, 10, 3),
    },
    Former {
        name: "West Germany",
        aliases: &[],
        successors: &[],
        part_of: Some("Germany"),
        ended: (1990, 10, 3),
    },
];

/// The former country of this name (folded), if it is one.
pub fn former(folded: &str) -> Option<&'static Former> {
    FORMER
        .iter()
        .find(|f| normalize(f.name) == folded || f.aliases.iter().any(|a| normalize(a) == folded))
}

impl Former {
    /// True when `country` (a gazetteer country's name) lies on this former country's land.
    pub fn holds(&self, country: &str) -> bool {
        self.successors.contains(&country) || self.part_of == Some(country)
    }

    /// True when `day` comes before this country ended: its land was not yet its successors'.
    pub fn stood_on(&self, day: jiff::civil::Date) -> bool {
        let (y, m, d) = self.ended;
        day < jiff::civil::date(y, m, d)
    }
}

/// True when on `day` the land of `country` (a gazetteer country) was a former country's
/// (Russia's in 1987 was the Soviet Union's).
pub fn before_country(country: &str, day: jiff::civil::Date) -> bool {
    FORMER.iter().any(|f| f.holds(country) && f.stood_on(day))
}

/// Places that came to the country the gazetteer gives them on a later day, with that day:
/// Hong Kong was British until 1997.
const JOINED: &[(&str, (i16, i8, i8))] = &[("Hong Kong", (1997, 7, 1)), ("Macau", (1999, 12, 20))];

/// True when on `day` the place named `place` (a gazetteer name) was not yet in the country the
/// gazetteer gives it.
pub fn joined_later(place: &str, day: jiff::civil::Date) -> bool {
    JOINED
        .iter()
        .any(|&(name, (y, m, d))| name == place && day < jiff::civil::date(y, m, d))
}
