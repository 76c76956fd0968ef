//! Whether an action can do anything where the coach is: the palette lists only what can
//! run here, the footer offers only keys that act, and a key that cannot act says why
//! instead of doing nothing silently.

use std::fmt;

use super::{Action, Model, Pane, Section};

/// Why an action cannot run here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unavailable {
    /// It acts on a project and none is selected (an empty board, say).
    NoProject,
    /// It moves a card, which only the board shows.
    NotOnBoard,
    /// It acts on a chart and none shows.
    NoChart,
    /// It acts on an item of a Detail section that is not the one shown, or is empty.
    NotInSection(Section),
    /// Metrics shows every panel at once in a window this size.
    AllPanelsShown,
    /// The board's stages are fixed in number: they are renamed, not added.
    StagesAreFixed,
    /// Only two spellings of a person merge.
    OnlyPeopleMerge,
    /// It runs a cohort session, and the Session pane shows none.
    NoSession,
}

impl fmt::Display for Unavailable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unavailable::NoProject => f.write_str("No project selected: add one or choose one"),
            Unavailable::NotOnBoard => f.write_str("Cards move on the board"),
            Unavailable::NoChart => {
                f.write_str("No chart here: open a project's measure that has data")
            }
            Unavailable::AllPanelsShown => {
                f.write_str("Every Metrics panel shows in a window this size")
            }
            Unavailable::StagesAreFixed => {
                f.write_str("The board's six stages are fixed: rename one or set its WIP limit")
            }
            Unavailable::OnlyPeopleMerge => {
                f.write_str("Only people are merged: two spellings of one person")
            }
            Unavailable::NoSession => {
                f.write_str("No cohort session to run: plan one in the Session pane")
            }
            Unavailable::NotInSection(section) => write!(
                f,
                "Choose an item in Detail's {} section first",
                section.label()
            ),
        }
    }
}

impl Action {
    /// A key of a form, question or list: it acts on what is open, never from the palette.
    pub fn is_overlay_key(self) -> bool {
        matches!(
            self,
            Action::Save
                | Action::NextField
                | Action::PreviousField
                | Action::Yes
                | Action::No
                | Action::Choose
                | Action::ListUp
                | Action::ListDown
                | Action::Close
                | Action::ListAdd
                | Action::ListEdit
                | Action::ListMerge
        )
    }

    /// Moving the selection around: the keys do it, the palette need not list it.
    pub fn is_navigation(self) -> bool {
        matches!(
            self,
            Action::SelectLeft
                | Action::SelectRight
                | Action::SelectUp
                | Action::SelectDown
                | Action::SelectFirst
                | Action::SelectLast
                | Action::NextPane
                | Action::Back
                | Action::PointPrevious
                | Action::PointNext
                | Action::Palette
        )
    }
}

/// `None` when `action` can run in the model as it is now.
pub fn unavailable(model: &Model, action: Action) -> Option<Unavailable> {
    let detail = model.detail.as_ref().filter(|_| model.pane == Pane::Detail);
    let session = model
        .session
        .as_ref()
        .filter(|_| model.pane == Pane::Session);
    let has_project = match model.pane {
        Pane::Detail => detail.is_some(),
        Pane::Session => session.and_then(|s| s.current()).is_some(),
        _ => model.board.selected().is_some(),
    };
    let in_section = |section: Section, has_items: bool| {
        let here = detail.is_some_and(|d| d.section == section) && has_items;
        (!here).then_some(Unavailable::NotInSection(section))
    };
    match action {
        Action::MoveCardLeft
        | Action::MoveCardRight
        | Action::MoveCardUp
        | Action::MoveCardDown => {
            if model.pane != Pane::Board {
                Some(Unavailable::NotOnBoard)
            } else if !has_project {
                Some(Unavailable::NoProject)
            } else {
                None
            }
        }
        Action::ShowDetail
        | Action::EditProject
        | Action::SetScore
        | Action::ChangeStatus
        | Action::AddNote
        | Action::AddPdsa
        | Action::RecordValue
        | Action::DeleteProject
        | Action::WriteProjectReport
            if !has_project =>
        {
            Some(Unavailable::NoProject)
        }
        Action::AddMeasure
        | Action::ImportValues
        | Action::AddDriver
        | Action::AddChangeIdea
        | Action::AddBenefit
        | Action::AddTeamMember
        | Action::SetLead
        | Action::SetSponsor
        | Action::SetCoach
            if !has_project =>
        {
            Some(Unavailable::NoProject)
        }
        Action::Open if model.pane == Pane::Board && !has_project => Some(Unavailable::NoProject),
        Action::NextTeam
        | Action::PreviousTeam
        | Action::ToggleClock
        | Action::MoveTeamUp
        | Action::MoveTeamDown
        | Action::SkipTeam
        | Action::TakeAttendance
        | Action::WriteSessionReport => session.is_none().then_some(Unavailable::NoSession),
        Action::DecideLatestCycle | Action::AddAction if !has_project => {
            Some(Unavailable::NoProject)
        }
        Action::EditAction | Action::ToggleActionDone | Action::DropAction => in_section(
            Section::Actions,
            detail.is_some_and(|d| !d.detail.actions.is_empty()),
        ),
        Action::EditMeasure | Action::DeleteMeasure => in_section(
            Section::Measures,
            detail.is_some_and(|d| !d.detail.measures.is_empty()),
        ),
        Action::RenameDriverOrIdea | Action::DeleteDriverOrIdea => in_section(
            Section::Drivers,
            detail.is_some_and(|d| d.selected_driver_item().is_some()),
        ),
        Action::EditBenefit | Action::DeleteBenefit => in_section(
            Section::Benefits,
            detail.is_some_and(|d| !d.detail.benefits.is_empty()),
        ),
        Action::RemoveFromTeam => in_section(
            Section::Team,
            detail.is_some_and(|d| !d.detail.team.is_empty()),
        ),
        Action::EditNote | Action::DeleteNote => in_section(
            Section::Notes,
            detail.is_some_and(|d| !d.detail.notes.is_empty()),
        ),
        Action::ToggleChart
        | Action::RebaseChart
        | Action::ExportChart
        | Action::PointPrevious
        | Action::PointNext => {
            let chart =
                detail.is_some_and(|d| d.points.as_ref().is_some_and(|(_, p)| !p.is_empty()));
            (!chart).then_some(Unavailable::NoChart)
        }
        Action::EditPdsa => in_section(
            Section::Pdsa,
            detail.is_some_and(|d| !d.detail.pdsa_cycles.is_empty()),
        ),
        Action::MarkMainMeasure => in_section(
            Section::Measures,
            detail.is_some_and(|d| !d.detail.measures.is_empty()),
        ),
        Action::ToggleGatewayItem => in_section(
            Section::Gateway,
            detail.is_some_and(|d| !d.detail.gateway.is_empty()),
        ),
        Action::ListAdd | Action::ListMerge => {
            let kind = match &model.overlay {
                Some(super::Overlay::Directory(d)) => d.kind,
                _ => return None,
            };
            use super::directory::DirectoryKind as D;
            match (action, kind) {
                (Action::ListAdd, D::Stages) => Some(Unavailable::StagesAreFixed),
                (Action::ListMerge, D::Cohorts | D::Stages) => Some(Unavailable::OnlyPeopleMerge),
                _ => None,
            }
        }
        Action::NextPanels | Action::PreviousPanels => {
            let pages = super::metrics::panel_pages(super::update::body_size(model.size));
            if model.pane != Pane::Metrics || pages == 1 {
                Some(Unavailable::AllPanelsShown)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// What the palette lists here: every action that can run, less pure navigation and the
/// keys of forms and questions.
pub fn palette_actions(model: &Model) -> Vec<Action> {
    Action::ALL
        .iter()
        .copied()
        .filter(|a| !a.is_navigation() && !a.is_overlay_key() && unavailable(model, *a).is_none())
        .collect()
}
