//! What opens over a pane: help, the command palette, search, a choice, a confirmation, a
//! form. `Esc` (or the key that opened it) closes any of them.

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config as MatcherConfig, Matcher, Utf32Str};
use ratatui_textarea::TextArea;

use super::{Action, Form};
use crate::domain::{ProjectRef, Status};
use crate::store::SearchItem;

pub enum Overlay {
    Help {
        scroll: usize,
    },
    Palette(Palette),
    Search(Search),
    Choice(Choice),
    Confirm(Confirm),
    Form(Box<Form>),
    /// People, cohorts or stage settings.
    Directory(super::directory::Directory),
}

/// A one-line text input for search and palette queries.
pub fn query_input() -> TextArea<'static> {
    TextArea::default()
}

/// Scores `haystacks` against a fuzzy query, best first; an empty query keeps the order.
pub fn fuzzy_rank<'a, T>(query: &str, items: impl Iterator<Item = (T, &'a str)>) -> Vec<T> {
    if query.trim().is_empty() {
        return items.map(|(item, _)| item).collect();
    }
    // Items holding every word of the query as typed (any case) are what a person means;
    // scattered-letter matches are the fallback when there are none.
    let items: Vec<(T, &str)> = items.collect();
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let literal: Vec<bool> = items
        .iter()
        .map(|(_, text)| {
            let text = text.to_lowercase();
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .collect();
    let any_literal = literal.iter().any(|l| *l);
    let mut matcher = Matcher::new(MatcherConfig::DEFAULT);
    let pattern = Pattern::new(
        query,
        CaseMatching::Ignore,
        Normalization::Smart,
        AtomKind::Fuzzy,
    );
    let mut buffer = Vec::new();
    let mut scored: Vec<(u32, usize, T)> = items
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !any_literal || literal[*i])
        .filter_map(|(i, (item, text))| {
            pattern
                .score(Utf32Str::new(text, &mut buffer), &mut matcher)
                .map(|score| (score, i, item))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    // Letters scattered across a long title also "match": keep those that score at least
    // half as well as the best, so "falls" does not list tree planting.
    let best = scored.first().map_or(0, |s| s.0);
    scored
        .into_iter()
        .filter(|(score, _, _)| score * 2 >= best)
        .map(|(_, _, item)| item)
        .collect()
}

pub struct Palette {
    pub query: TextArea<'static>,
    /// What can run where the palette was opened.
    pub actions: Vec<Action>,
    pub matches: Vec<Action>,
    pub selected: usize,
}

impl Palette {
    /// A palette of `actions`: what can run where it was opened.
    pub fn new(actions: Vec<Action>) -> Palette {
        let mut palette = Palette {
            query: query_input(),
            actions,
            matches: Vec::new(),
            selected: 0,
        };
        palette.refresh();
        palette
    }

    pub fn refresh(&mut self) {
        let query = self.query.lines().join(" ");
        let texts: Vec<String> = self
            .actions
            .iter()
            .map(|a| format!("{} {}", a.description(), a.name()))
            .collect();
        self.matches = fuzzy_rank(
            &query,
            self.actions
                .iter()
                .copied()
                .zip(texts.iter().map(String::as_str)),
        );
        // A description typed in full names its action: it comes first.
        if let Some(i) = self
            .matches
            .iter()
            .position(|a| a.description().eq_ignore_ascii_case(query.trim()))
        {
            let exact = self.matches.remove(i);
            self.matches.insert(0, exact);
        }
        self.selected = self.selected.min(self.matches.len().saturating_sub(1));
    }
}

pub struct Search {
    pub query: TextArea<'static>,
    pub items: Vec<SearchItem>,
    /// Indexes into `items`, best match first.
    pub matches: Vec<usize>,
    pub selected: usize,
}

impl Search {
    pub fn new(items: Vec<SearchItem>) -> Search {
        let mut search = Search {
            query: query_input(),
            items,
            matches: Vec::new(),
            selected: 0,
        };
        search.refresh();
        search
    }

    pub fn refresh(&mut self) {
        let query = self.query.lines().join(" ");
        self.matches = super::search::rank(&query, &self.items);
        self.selected = 0;
    }

    pub fn chosen(&self) -> Option<&SearchItem> {
        self.matches
            .get(self.selected)
            .and_then(|&i| self.items.get(i))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChoicePurpose {
    Status { reference: ProjectRef, version: i64 },
}

pub struct Choice {
    pub title: String,
    pub options: Vec<String>,
    pub selected: usize,
    pub purpose: ChoicePurpose,
}

impl Choice {
    pub fn status(reference: ProjectRef, version: i64, current: Status) -> Choice {
        Choice {
            title: format!("Status of {reference}"),
            options: Status::ALL.iter().map(|s| s.label().to_string()).collect(),
            selected: Status::ALL.iter().position(|s| *s == current).unwrap_or(0),
            purpose: ChoicePurpose::Status { reference, version },
        }
    }
}

/// A question to answer yes or no before something is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Confirm {
    pub title: String,
    /// Lines of the question (an empty one leaves a gap).
    pub question: Vec<String>,
    /// What yes and no do, in a word each (`delete` / `keep`).
    pub yes: &'static str,
    pub no: &'static str,
    pub purpose: ConfirmPurpose,
}

/// What a yes does.
#[derive(Debug, Clone, PartialEq)]
pub enum ConfirmPurpose {
    DeleteProject {
        reference: ProjectRef,
        version: i64,
    },
    ImportProjects(Box<super::register::PendingImport>),
    /// Deletes a thing on a project (undo brings it back).
    Delete(Deletion),
}

impl Deletion {
    pub fn reference(&self) -> ProjectRef {
        match self {
            Deletion::Measure { reference, .. }
            | Deletion::DriverOrIdea { reference, .. }
            | Deletion::Benefit { reference, .. }
            | Deletion::Note { reference, .. }
            | Deletion::Role { reference, .. } => *reference,
        }
    }

    /// What goes, in words: `the measure "Falls"`, `note 3`, `Amira Shah as coach`.
    pub fn what(&self) -> String {
        match self {
            Deletion::Measure { name, .. } => format!("the measure \"{name}\""),
            Deletion::DriverOrIdea {
                item: super::DriverItem::Driver(name),
                ..
            } => format!("the driver \"{name}\""),
            Deletion::DriverOrIdea {
                item: super::DriverItem::Idea(title),
                ..
            } => format!("the change idea \"{title}\""),
            Deletion::Benefit { number, .. } => format!("benefit {number}"),
            Deletion::Note { number, .. } => format!("note {number}"),
            Deletion::Role { role, person, .. } => format!("{person} as {role}"),
        }
    }
}

/// A thing on a project a coach can delete, named as the store finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deletion {
    Measure {
        reference: ProjectRef,
        name: String,
    },
    DriverOrIdea {
        reference: ProjectRef,
        item: super::DriverItem,
    },
    /// The `number`th benefit or note, from 1 as the store counts them.
    Benefit {
        reference: ProjectRef,
        number: usize,
    },
    Note {
        reference: ProjectRef,
        number: usize,
    },
    Role {
        reference: ProjectRef,
        role: crate::domain::Role,
        person: String,
    },
}

impl Confirm {
    /// Whether Enter says yes as `y` does: not for an import, whose summary a second press
    /// of the Enter that ran the dry run must not skip past.
    pub fn enter_confirms(&self) -> bool {
        !matches!(self.purpose, ConfirmPurpose::ImportProjects(_))
    }

    /// Asks before deleting a thing on a project, named in words.
    pub fn delete(deletion: Deletion, undo_key: &str) -> Confirm {
        let mut question = vec![format!(
            "Delete {} from {}? ({undo_key} undoes it)",
            deletion.what(),
            deletion.reference()
        )];
        if let Deletion::Measure { .. } = &deletion {
            question.push("Its data, rebases and links to PDSA cycles go with it.".into());
        }
        if let Deletion::DriverOrIdea {
            item: super::DriverItem::Driver(_),
            ..
        } = &deletion
        {
            question.push("Secondary drivers under it go with it; change ideas stay.".into());
        }
        Confirm {
            title: "Delete?".into(),
            question,
            yes: "delete",
            no: "keep",
            purpose: ConfirmPurpose::Delete(deletion),
        }
    }

    pub fn delete_project(reference: ProjectRef, version: i64, undo_key: &str) -> Confirm {
        Confirm {
            title: "Delete?".into(),
            question: vec![format!(
                "Delete {reference} and everything on it? ({undo_key} undoes it)"
            )],
            yes: "delete",
            no: "keep",
            purpose: ConfirmPurpose::DeleteProject { reference, version },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzzy_ranking_puts_the_closest_first() {
        let items = [
            "Reduce falls on Ward 10",
            "Discharge before noon",
            "Falls sensors",
        ];
        let ranked = fuzzy_rank("falls", items.iter().map(|s| (*s, *s)));
        assert_eq!(ranked.len(), 2);
        assert!(ranked.iter().all(|s| s.to_lowercase().contains("falls")));
        assert_eq!(fuzzy_rank("", items.iter().map(|s| (*s, *s))).len(), 3);
        let noisy = [
            "Falls on Ward 10",
            "Tree planting and green space for staff wellbeing",
        ];
        let ranked = fuzzy_rank("falls", noisy.iter().map(|s| (*s, *s)));
        assert_eq!(ranked, ["Falls on Ward 10"]);
        // Every word as typed wins over letters scattered through other titles.
        let many = [
            "Sickness absence in estates",
            "Falls prevention",
            "Staff retention on Ward 1",
        ];
        assert_eq!(
            fuzzy_rank("falls", many.iter().map(|s| (*s, *s))),
            ["Falls prevention"]
        );
        let both = fuzzy_rank("ward reten", many.iter().map(|s| (*s, *s)));
        assert_eq!(both, ["Staff retention on Ward 1"]);
        // No word as typed: the closest scattered matches still come.
        assert!(!fuzzy_rank("fls prv", many.iter().map(|s| (*s, *s))).is_empty());
    }
}
