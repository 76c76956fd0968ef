//! The charter's fields, described once: the edit form, `project edit`'s flags, the history's
//! words and the store's columns all read this list, so a new field is added in one place.

use super::Project;

/// A charter field a coach can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CharterField {
    Title,
    Aim,
    Problem,
    ScopeIn,
    ScopeOut,
    Division,
    Department,
    /// A cohort name; empty leaves the cohort.
    Cohort,
    /// A date; empty clears it.
    StartDate,
    TargetDate,
    Risks,
}

impl CharterField {
    /// In the order the charter reads (and the edit form asks).
    pub const ALL: [CharterField; 11] = [
        CharterField::Title,
        CharterField::Aim,
        CharterField::Problem,
        CharterField::ScopeIn,
        CharterField::ScopeOut,
        CharterField::Division,
        CharterField::Department,
        CharterField::Cohort,
        CharterField::StartDate,
        CharterField::TargetDate,
        CharterField::Risks,
    ];

    /// As a form and the charter label it.
    pub fn label(self) -> &'static str {
        match self {
            CharterField::Title => "Title",
            CharterField::Aim => "Aim",
            CharterField::Problem => "Problem",
            CharterField::ScopeIn => "Scope in",
            CharterField::ScopeOut => "Scope out",
            CharterField::Division => "Division",
            CharterField::Department => "Department",
            CharterField::Cohort => "Cohort",
            CharterField::StartDate => "Start",
            CharterField::TargetDate => "Target date",
            CharterField::Risks => "Risks",
        }
    }

    /// What is expected, said beside the field.
    pub fn hint(self) -> &'static str {
        match self {
            CharterField::Title => "required",
            CharterField::Aim => "what, where, how much, by when",
            CharterField::Problem => "with evidence",
            CharterField::StartDate | CharterField::TargetDate => "YYYY-MM-DD",
            _ => "",
        }
    }

    /// A paragraph rather than a line.
    pub fn multiline(self) -> bool {
        matches!(
            self,
            CharterField::Aim
                | CharterField::Problem
                | CharterField::ScopeIn
                | CharterField::ScopeOut
                | CharterField::Risks
        )
    }

    /// A date, checked as one before anything is written.
    pub fn is_date(self) -> bool {
        matches!(self, CharterField::StartDate | CharterField::TargetDate)
    }

    /// How the history names it ("scope out").
    pub fn words(self) -> &'static str {
        match self {
            CharterField::StartDate => "start date",
            CharterField::TargetDate => "target date",
            CharterField::ScopeIn => "scope in",
            CharterField::ScopeOut => "scope out",
            _ => self.flag(),
        }
    }

    /// The `project edit` flag that sets it, without its dashes.
    pub fn flag(self) -> &'static str {
        match self {
            CharterField::Title => "title",
            CharterField::Aim => "aim",
            CharterField::Problem => "problem",
            CharterField::ScopeIn => "scope-in",
            CharterField::ScopeOut => "scope-out",
            CharterField::Division => "division",
            CharterField::Department => "department",
            CharterField::Cohort => "cohort",
            CharterField::StartDate => "start",
            CharterField::TargetDate => "target-date",
            CharterField::Risks => "risks",
        }
    }

    /// The project's value of it, as a form shows it.
    pub fn value(self, p: &Project) -> String {
        let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        match self {
            CharterField::Title => p.title.clone(),
            CharterField::Aim => p.aim.clone(),
            CharterField::Problem => p.problem.clone(),
            CharterField::ScopeIn => p.scope_in.clone(),
            CharterField::ScopeOut => p.scope_out.clone(),
            CharterField::Division => p.division.clone(),
            CharterField::Department => p.department.clone(),
            CharterField::Cohort => p.cohort.clone().unwrap_or_default(),
            CharterField::StartDate => date(p.start_date),
            CharterField::TargetDate => date(p.target_date),
            CharterField::Risks => p.risks.clone(),
        }
    }
}
