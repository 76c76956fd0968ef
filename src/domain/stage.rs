use super::text::normalise_choice;

/// A column of the board. The six QSIR stages are the default set; they live in the
/// database so a faculty can rename them or set WIP limits and gateway items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    pub id: i64,
    pub key: String,
    pub name: String,
    /// 1-based order on the board.
    pub position: i64,
    pub wip_limit: Option<i64>,
    /// The checklist to meet before a project moves on from this stage.
    pub gateway: Vec<String>,
}

impl Stage {
    /// Stages are typed by name, key or number, in any case ("Pilot and implement", "pilot", "5").
    pub fn matches(&self, input: &str) -> bool {
        let wanted = normalise_choice(input);
        wanted == normalise_choice(&self.key)
            || wanted == normalise_choice(&self.name)
            || input.trim().parse::<i64>().ok() == Some(self.position)
    }
}

/// The NHS Institute project framework that QSIR descends from (DOMAIN.md).
pub fn default_stages() -> Vec<Stage> {
    let stages: [(&str, &str, &[&str]); 6] = [
        (
            "start",
            "Start out",
            &["Sponsor found", "Idea described in a sentence"],
        ),
        (
            "define",
            "Define and scope",
            &["Charter written", "Team formed", "Aim agreed with sponsor"],
        ),
        (
            "measure",
            "Measure and understand",
            &[
                "Baseline data collected",
                "Process mapped",
                "Root causes explored",
            ],
        ),
        (
            "design",
            "Design and plan",
            &[
                "Driver diagram drawn",
                "Change ideas chosen",
                "First PDSA planned",
            ],
        ),
        (
            "pilot",
            "Pilot and implement",
            &["PDSA cycles run", "Changes adopted"],
        ),
        (
            "sustain",
            "Sustain and share",
            &["Measures holding", "Handover agreed", "Lessons shared"],
        ),
    ];
    stages
        .iter()
        .zip(1..)
        .map(|((key, name, gateway), position)| Stage {
            id: position,
            key: key.to_string(),
            name: name.to_string(),
            position,
            wip_limit: None,
            gateway: gateway.iter().map(|g| g.to_string()).collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stage_is_found_by_name_key_or_number() {
        let pilot = &default_stages()[4];
        for ok in [
            "pilot",
            "PILOT",
            "Pilot and implement",
            "pilot AND implement",
            "5",
        ] {
            assert!(pilot.matches(ok), "{ok}");
        }
        assert!(!pilot.matches("4"));
        assert!(!pilot.matches("sustain"));
    }
}
