//! Gateway checklist items the portfolio's own data can answer. A coach should not tick
//! "PDSA cycles run" for a project with ten decided cycles, nor be warned that it is unmet:
//! the stock items below are answered from the data (and say so); any other item, or one a
//! faculty renames, stays a tick box.

/// What a project's data says, counted once for all of its checklist items.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProjectFacts {
    pub has_sponsor: bool,
    pub charter_written: bool,
    pub team_size: usize,
    pub data_points: usize,
    pub drivers: usize,
    pub change_ideas: usize,
    pub pdsa_cycles: usize,
    pub decided_cycles: usize,
    pub adopted_cycles: usize,
}

/// A kind of evidence that answers a checklist item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    Sponsor,
    Charter,
    Team,
    Baseline,
    DriverDiagram,
    ChangeIdeas,
    PdsaPlanned,
    PdsaRun,
    ChangesAdopted,
}

/// The stock items (DOMAIN.md's stages) and the evidence that answers each.
const STOCK: [(&str, Evidence); 9] = [
    ("Sponsor found", Evidence::Sponsor),
    ("Charter written", Evidence::Charter),
    ("Team formed", Evidence::Team),
    ("Baseline data collected", Evidence::Baseline),
    ("Driver diagram drawn", Evidence::DriverDiagram),
    ("Change ideas chosen", Evidence::ChangeIdeas),
    ("First PDSA planned", Evidence::PdsaPlanned),
    ("PDSA cycles run", Evidence::PdsaRun),
    ("Changes adopted", Evidence::ChangesAdopted),
];

/// Baseline data: enough points for a first run chart.
const BASELINE_POINTS: usize = 6;

impl Evidence {
    /// The evidence that answers a checklist item, if it is one of the stock items.
    pub fn for_item(item: &str) -> Option<Evidence> {
        STOCK
            .iter()
            .find(|(text, _)| text.eq_ignore_ascii_case(item.trim()))
            .map(|(_, evidence)| *evidence)
    }

    /// Whether the data meets the item, and what it says (`10 PDSA cycles decided`).
    pub fn answer(self, facts: &ProjectFacts) -> (bool, String) {
        let count =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        match self {
            Evidence::Sponsor => (
                facts.has_sponsor,
                if facts.has_sponsor {
                    "a sponsor is named"
                } else {
                    "no sponsor named"
                }
                .into(),
            ),
            Evidence::Charter => (
                facts.charter_written,
                if facts.charter_written {
                    "aim and problem written"
                } else {
                    "aim or problem still empty"
                }
                .into(),
            ),
            Evidence::Team => (
                facts.team_size >= 2,
                count(facts.team_size, "person on the team", "people on the team"),
            ),
            Evidence::Baseline => (
                facts.data_points >= BASELINE_POINTS,
                count(facts.data_points, "data point", "data points"),
            ),
            Evidence::DriverDiagram => {
                (facts.drivers > 0, count(facts.drivers, "driver", "drivers"))
            }
            Evidence::ChangeIdeas => (
                facts.change_ideas > 0,
                count(facts.change_ideas, "change idea", "change ideas"),
            ),
            Evidence::PdsaPlanned => (
                facts.pdsa_cycles > 0,
                count(facts.pdsa_cycles, "PDSA cycle", "PDSA cycles"),
            ),
            Evidence::PdsaRun => (
                facts.decided_cycles > 0,
                count(
                    facts.decided_cycles,
                    "PDSA cycle decided",
                    "PDSA cycles decided",
                ),
            ),
            Evidence::ChangesAdopted => (
                facts.adopted_cycles > 0,
                count(facts.adopted_cycles, "change adopted", "changes adopted"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stock_items_are_answered_from_the_data_and_others_are_not() {
        let facts = ProjectFacts {
            pdsa_cycles: 10,
            decided_cycles: 10,
            adopted_cycles: 3,
            ..Default::default()
        };
        let run = Evidence::for_item("PDSA cycles run").unwrap();
        assert_eq!(run.answer(&facts), (true, "10 PDSA cycles decided".into()));
        let adopted = Evidence::for_item("changes adopted").unwrap();
        assert_eq!(adopted.answer(&facts), (true, "3 changes adopted".into()));
        let sponsor = Evidence::for_item("Sponsor found").unwrap();
        assert!(!sponsor.answer(&facts).0);
        assert_eq!(Evidence::for_item("Lessons shared"), None);
        assert_eq!(Evidence::for_item("Aim agreed with sponsor"), None);
    }
}
