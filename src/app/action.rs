//! Every thing a user can do in the app, one enum. The keymap maps keys to these; help and
//! the command palette list them with their descriptions.

/// A user's intent, independent of the key that asked for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leave qiboard; every change is already stored, so there is nothing to save.
    Quit,
    /// Show the next pane (Board, Detail, Metrics).
    NextPane,
    /// Show the kanban board.
    ShowBoard,
    /// Show the selected project in detail.
    ShowDetail,
    /// Show the portfolio metrics.
    ShowMetrics,
    /// Show today's (or the next) cohort session, one team at a time.
    ShowSession,
    /// Cohort session: the next team on the agenda (its clock starts afresh).
    NextTeam,
    /// Cohort session: the previous team on the agenda.
    PreviousTeam,
    /// Cohort session: start or pause the team's clock.
    ToggleClock,
    /// Cohort session: the team presents later (down the agenda).
    MoveTeamDown,
    /// Cohort session: the team presents sooner (up the agenda).
    MoveTeamUp,
    /// Cohort session: pass over the team (kept for the summary as not covered), or back.
    SkipTeam,
    /// Cohort session: take the register of who is present.
    TakeAttendance,
    /// Plan a cohort's next session (cohort, date, title, minutes per team).
    PlanSession,
    /// Record the act decision (adopt, adapt, abandon) on the team's latest PDSA cycle.
    DecideLatestCycle,
    /// Add an action the team promised (text, owner, due date).
    AddAction,
    /// Edit the selected action's text, owner or due date.
    EditAction,
    /// Mark the selected action done (or open again).
    ToggleActionDone,
    /// Drop the selected action (no longer worth doing).
    DropAction,
    /// Move the selection left (previous column or section).
    SelectLeft,
    /// Move the selection right (next column or section).
    SelectRight,
    /// Move the selection up.
    SelectUp,
    /// Move the selection down.
    SelectDown,
    /// Jump to the first item.
    SelectFirst,
    /// Jump to the last item.
    SelectLast,
    /// Move the selected card one stage left (stored at once).
    MoveCardLeft,
    /// Move the selected card one stage right (stored at once).
    MoveCardRight,
    /// Move the selected card up within its column.
    MoveCardUp,
    /// Move the selected card down within its column.
    MoveCardDown,
    /// Open the selected project (or the selected item) in detail.
    Open,
    /// Add a project with a form.
    AddProject,
    /// Edit the selected project's charter.
    EditProject,
    /// Set the progress score, with a reason.
    SetScore,
    /// Change the project's status.
    ChangeStatus,
    /// Add a note to the project.
    AddNote,
    /// Delete the project, after a confirmation (undo brings it back).
    DeleteProject,
    /// Undo the last change (also one made on the command line).
    Undo,
    /// Redo the change undone last.
    Redo,
    /// Fuzzy-search projects by ref, title, lead and aim.
    Search,
    /// Filter by cohort, coach, division and status.
    Filter,
    /// Clear the filters (or close what is open).
    Back,
    /// Show the keys.
    Help,
    /// Open the command palette of every action.
    Palette,
    /// Plan a new PDSA cycle for the project.
    AddPdsa,
    /// Record a measure's value.
    RecordValue,
    /// Fill in the selected PDSA cycle's worksheet.
    EditPdsa,
    /// Reload everything from the portfolio.
    Refresh,
    /// Switch the measure's chart between XmR and run chart.
    ToggleChart,
    /// Rebase the measure's chart at a point (asks for the reason).
    RebaseChart,
    /// Export the shown chart to an SVG file.
    ExportChart,
    /// Make the selected measure the project's main one (its icons go on the card).
    MarkMainMeasure,
    /// Select the chart's previous point (b rebases there).
    PointPrevious,
    /// Select the chart's next point.
    PointNext,
    /// Mark the selected gateway item as met, or not met again.
    ToggleGatewayItem,
    /// Metrics in a small window: show the next set of panels.
    NextPanels,
    /// Metrics in a small window: show the previous set of panels.
    PreviousPanels,
    /// Import projects from an Excel or CSV register (a dry run first, then a yes).
    ImportProjects,
    /// Export the whole portfolio to an Excel workbook in the exports folder.
    ExportWorkbook,
    /// Write the board report (HTML) for the board's filters to the exports folder.
    WriteBoardReport,
    /// Write the shown project's page (HTML) to the exports folder.
    WriteProjectReport,
    /// The session's summary, to the exports folder.
    WriteSessionReport,
    /// Add a measure to the project (kind, direction, unit, target).
    AddMeasure,
    /// Edit the selected measure's definition.
    EditMeasure,
    /// Delete the selected measure and its data, after a confirmation.
    DeleteMeasure,
    /// Add a primary or secondary driver to the diagram.
    AddDriver,
    /// Add a change idea, on a driver or not yet.
    AddChangeIdea,
    /// Rename the selected driver or change idea.
    RenameDriverOrIdea,
    /// Delete the selected driver or change idea, after a confirmation.
    DeleteDriverOrIdea,
    /// Claim a benefit (time released, money, harm avoided …).
    AddBenefit,
    /// Edit the selected benefit.
    EditBenefit,
    /// Delete the selected benefit, after a confirmation.
    DeleteBenefit,
    /// Add a person to the team (a member unless another role is picked).
    AddTeamMember,
    /// Set the project's lead.
    SetLead,
    /// Set the project's sponsor.
    SetSponsor,
    /// Set the project's improvement coach.
    SetCoach,
    /// Take the selected person's role away, after a confirmation.
    RemoveFromTeam,
    /// Rewrite the selected note.
    EditNote,
    /// Delete the selected note, after a confirmation.
    DeleteNote,
    /// Add, rename and merge the portfolio's people.
    People,
    /// Add and rename cohorts.
    Cohorts,
    /// Rename the board's stages, set WIP limits and gateway checklists.
    StageSettings,
    /// Add a person or cohort to the open list.
    ListAdd,
    /// Rename the selected person or cohort, or edit the selected stage.
    ListEdit,
    /// Merge the selected person into another spelling of them.
    ListMerge,
    /// Import a measure's dated values from a CSV or Excel file (one undoable change).
    ImportValues,
    /// Save the form (nothing is written before).
    Save,
    /// Go to the form's next field (in a name, take the suggested one first).
    NextField,
    /// Go to the form's previous field.
    PreviousField,
    /// Answer yes to the question.
    Yes,
    /// Answer no to the question.
    No,
    /// Run or open the selected item of a list.
    Choose,
    /// Select the item above (or scroll up).
    ListUp,
    /// Select the item below (or scroll down).
    ListDown,
    /// Close what is open over the pane; nothing is written.
    Close,
}

impl Action {
    /// Every action, in the order help and the palette list them.
    pub const ALL: &'static [Action] = &[
        Action::ShowBoard,
        Action::ShowDetail,
        Action::ShowMetrics,
        Action::ShowSession,
        Action::NextPane,
        Action::SelectLeft,
        Action::SelectRight,
        Action::SelectUp,
        Action::SelectDown,
        Action::SelectFirst,
        Action::SelectLast,
        Action::MoveCardLeft,
        Action::MoveCardRight,
        Action::MoveCardUp,
        Action::MoveCardDown,
        Action::Open,
        Action::AddProject,
        Action::EditProject,
        Action::SetScore,
        Action::ChangeStatus,
        Action::AddNote,
        Action::AddPdsa,
        Action::EditPdsa,
        Action::RecordValue,
        Action::ToggleChart,
        Action::RebaseChart,
        Action::ExportChart,
        Action::MarkMainMeasure,
        Action::PointPrevious,
        Action::PointNext,
        Action::ToggleGatewayItem,
        Action::NextPanels,
        Action::PreviousPanels,
        Action::ImportProjects,
        Action::ExportWorkbook,
        Action::WriteBoardReport,
        Action::WriteProjectReport,
        Action::WriteSessionReport,
        Action::AddMeasure,
        Action::EditMeasure,
        Action::DeleteMeasure,
        Action::AddDriver,
        Action::AddChangeIdea,
        Action::RenameDriverOrIdea,
        Action::DeleteDriverOrIdea,
        Action::AddBenefit,
        Action::EditBenefit,
        Action::DeleteBenefit,
        Action::AddTeamMember,
        Action::SetLead,
        Action::SetSponsor,
        Action::SetCoach,
        Action::RemoveFromTeam,
        Action::EditNote,
        Action::DeleteNote,
        Action::ImportValues,
        Action::AddAction,
        Action::EditAction,
        Action::ToggleActionDone,
        Action::DropAction,
        Action::NextTeam,
        Action::PreviousTeam,
        Action::ToggleClock,
        Action::DecideLatestCycle,
        Action::TakeAttendance,
        Action::MoveTeamUp,
        Action::MoveTeamDown,
        Action::SkipTeam,
        Action::PlanSession,
        Action::People,
        Action::Cohorts,
        Action::StageSettings,
        Action::DeleteProject,
        Action::Undo,
        Action::Redo,
        Action::Search,
        Action::Filter,
        Action::Back,
        Action::Refresh,
        Action::Help,
        Action::Palette,
        Action::Quit,
        Action::Save,
        Action::NextField,
        Action::PreviousField,
        Action::Yes,
        Action::No,
        Action::Choose,
        Action::ListUp,
        Action::ListDown,
        Action::Close,
        Action::ListAdd,
        Action::ListEdit,
        Action::ListMerge,
    ];

    /// The name used in `config.toml` under `[keys]`.
    pub fn name(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::NextPane => "next_pane",
            Action::ShowBoard => "show_board",
            Action::ShowDetail => "show_detail",
            Action::ShowMetrics => "show_metrics",
            Action::ShowSession => "show_session",
            Action::NextTeam => "next_team",
            Action::PreviousTeam => "previous_team",
            Action::ToggleClock => "toggle_clock",
            Action::MoveTeamDown => "move_team_down",
            Action::MoveTeamUp => "move_team_up",
            Action::SkipTeam => "skip_team",
            Action::TakeAttendance => "take_attendance",
            Action::PlanSession => "plan_session",
            Action::DecideLatestCycle => "decide_latest_cycle",
            Action::AddAction => "add_action",
            Action::EditAction => "edit_action",
            Action::ToggleActionDone => "toggle_action_done",
            Action::DropAction => "drop_action",
            Action::SelectLeft => "select_left",
            Action::SelectRight => "select_right",
            Action::SelectUp => "select_up",
            Action::SelectDown => "select_down",
            Action::SelectFirst => "select_first",
            Action::SelectLast => "select_last",
            Action::MoveCardLeft => "move_card_left",
            Action::MoveCardRight => "move_card_right",
            Action::MoveCardUp => "move_card_up",
            Action::MoveCardDown => "move_card_down",
            Action::Open => "open",
            Action::AddProject => "add_project",
            Action::EditProject => "edit_project",
            Action::SetScore => "set_score",
            Action::ChangeStatus => "change_status",
            Action::AddNote => "add_note",
            Action::DeleteProject => "delete_project",
            Action::Undo => "undo",
            Action::Redo => "redo",
            Action::Search => "search",
            Action::Filter => "filter",
            Action::Back => "back",
            Action::Help => "help",
            Action::Palette => "palette",
            Action::AddPdsa => "add_pdsa",
            Action::RecordValue => "record_value",
            Action::EditPdsa => "edit_pdsa",
            Action::Refresh => "refresh",
            Action::ToggleChart => "toggle_chart",
            Action::RebaseChart => "rebase_chart",
            Action::ExportChart => "export_chart",
            Action::MarkMainMeasure => "mark_main_measure",
            Action::PointPrevious => "point_previous",
            Action::PointNext => "point_next",
            Action::ToggleGatewayItem => "toggle_gateway_item",
            Action::NextPanels => "next_panels",
            Action::PreviousPanels => "previous_panels",
            Action::ImportProjects => "import_projects",
            Action::ExportWorkbook => "export_workbook",
            Action::WriteBoardReport => "write_board_report",
            Action::WriteProjectReport => "write_project_report",
            Action::WriteSessionReport => "write_session_report",
            Action::AddMeasure => "add_measure",
            Action::EditMeasure => "edit_measure",
            Action::DeleteMeasure => "delete_measure",
            Action::AddDriver => "add_driver",
            Action::AddChangeIdea => "add_change_idea",
            Action::RenameDriverOrIdea => "rename_driver_or_idea",
            Action::DeleteDriverOrIdea => "delete_driver_or_idea",
            Action::AddBenefit => "add_benefit",
            Action::EditBenefit => "edit_benefit",
            Action::DeleteBenefit => "delete_benefit",
            Action::AddTeamMember => "add_team_member",
            Action::SetLead => "set_lead",
            Action::SetSponsor => "set_sponsor",
            Action::SetCoach => "set_coach",
            Action::RemoveFromTeam => "remove_from_team",
            Action::EditNote => "edit_note",
            Action::DeleteNote => "delete_note",
            Action::People => "people",
            Action::Cohorts => "cohorts",
            Action::StageSettings => "stage_settings",
            Action::ListAdd => "list_add",
            Action::ListEdit => "list_edit",
            Action::ListMerge => "list_merge",
            Action::ImportValues => "import_values",
            Action::Save => "save",
            Action::NextField => "next_field",
            Action::PreviousField => "previous_field",
            Action::Yes => "yes",
            Action::No => "no",
            Action::Choose => "choose",
            Action::ListUp => "list_up",
            Action::ListDown => "list_down",
            Action::Close => "close",
        }
    }

    /// What help and the palette say it does.
    pub fn description(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::NextPane => "next pane",
            Action::ShowBoard => "board",
            Action::ShowDetail => "project detail",
            Action::ShowMetrics => "portfolio metrics",
            Action::ShowSession => "cohort session",
            Action::NextTeam => "next team",
            Action::PreviousTeam => "previous team",
            Action::ToggleClock => "start / pause the clock",
            Action::MoveTeamDown => "team presents later",
            Action::MoveTeamUp => "team presents sooner",
            Action::SkipTeam => "skip the team (not covered)",
            Action::TakeAttendance => "take the register",
            Action::PlanSession => "plan a cohort session",
            Action::DecideLatestCycle => "act decision on the latest cycle",
            Action::AddAction => "add an action",
            Action::EditAction => "edit the action",
            Action::ToggleActionDone => "action done / open again",
            Action::DropAction => "drop the action",
            Action::SelectLeft => "select left / previous section",
            Action::SelectRight => "select right / next section",
            Action::SelectUp => "select up",
            Action::SelectDown => "select down",
            Action::SelectFirst => "first in column",
            Action::SelectLast => "last in column",
            Action::MoveCardLeft => "move card a stage left",
            Action::MoveCardRight => "move card a stage right",
            Action::MoveCardUp => "move card up in column",
            Action::MoveCardDown => "move card down in column",
            Action::Open => "open",
            Action::AddProject => "add a project",
            Action::EditProject => "edit the charter",
            Action::SetScore => "set the progress score",
            Action::ChangeStatus => "change status",
            Action::AddNote => "add a note",
            Action::DeleteProject => "delete the project",
            Action::Undo => "undo the last change",
            Action::Redo => "redo",
            Action::Search => "search projects",
            Action::Filter => "filter by cohort, coach, division, status",
            Action::Back => "back / clear filters",
            Action::Help => "help: every key",
            Action::Palette => "command palette",
            Action::AddPdsa => "add a PDSA cycle",
            Action::RecordValue => "record a measure's value",
            Action::EditPdsa => "fill in the PDSA worksheet",
            Action::Refresh => "reload from the portfolio",
            Action::ToggleChart => "chart: XmR / run chart",
            Action::RebaseChart => "rebase the chart at a point",
            Action::ExportChart => "export the chart to SVG and PNG",
            Action::MarkMainMeasure => "make this the main measure",
            Action::PointPrevious => "chart: previous point",
            Action::PointNext => "chart: next point",
            Action::ToggleGatewayItem => "gateway item met / not met",
            Action::NextPanels => "metrics: next panels",
            Action::PreviousPanels => "metrics: previous panels",
            Action::ImportProjects => "import projects from a file",
            Action::ExportWorkbook => "export the portfolio to Excel",
            Action::WriteBoardReport => "write the board report",
            Action::WriteProjectReport => "write the project on a page",
            Action::WriteSessionReport => "write the session's summary",
            Action::AddMeasure => "add a measure",
            Action::EditMeasure => "edit the measure",
            Action::DeleteMeasure => "delete the measure",
            Action::AddDriver => "add a driver",
            Action::AddChangeIdea => "add a change idea",
            Action::RenameDriverOrIdea => "rename the driver or idea",
            Action::DeleteDriverOrIdea => "delete the driver or idea",
            Action::AddBenefit => "add a benefit",
            Action::EditBenefit => "edit the benefit",
            Action::DeleteBenefit => "delete the benefit",
            Action::AddTeamMember => "add a team member",
            Action::SetLead => "set the lead",
            Action::SetSponsor => "set the sponsor",
            Action::SetCoach => "set the coach",
            Action::RemoveFromTeam => "remove from the team",
            Action::EditNote => "edit the note",
            Action::DeleteNote => "delete the note",
            Action::People => "people",
            Action::Cohorts => "cohorts",
            Action::StageSettings => "stage settings",
            Action::ListAdd => "add to the list",
            Action::ListEdit => "edit the selected one",
            Action::ListMerge => "merge into another person",
            Action::ImportValues => "import a measure's values from a file",
            Action::Save => "save the form",
            Action::NextField => "next field",
            Action::PreviousField => "previous field",
            Action::Yes => "yes",
            Action::No => "no",
            Action::Choose => "choose the selected one",
            Action::ListUp => "up the list",
            Action::ListDown => "down the list",
            Action::Close => "close without doing anything",
        }
    }

    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.iter().copied().find(|a| a.name() == name)
    }
}
