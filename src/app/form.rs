//! Forms: text fields (ratatui-textarea), choices picked from a list and names picked from
//! the portfolio's people; each validates as the domain does, shows its error beside the
//! field, and writes nothing until saved. Fields are addressed by [`FieldId`], never by
//! their label, so a form cannot read a field it does not have without the compiler seeing.

use ratatui_textarea::TextArea;

use crate::domain::{CharterField, ProjectRef};

/// What a form is for, and what it acts on (with the version read, to refuse conflicts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    AddProject,
    EditProject {
        reference: ProjectRef,
        version: i64,
    },
    Score {
        reference: ProjectRef,
        version: i64,
    },
    Note {
        reference: ProjectRef,
    },
    EditNote {
        reference: ProjectRef,
        number: usize,
    },
    AddPdsa {
        reference: ProjectRef,
    },
    EditPdsa {
        reference: ProjectRef,
        number: i64,
        version: i64,
    },
    RecordValue {
        reference: ProjectRef,
    },
    Rebase {
        reference: ProjectRef,
        measure: String,
    },
    /// A measure's values from a CSV or Excel file.
    ImportValues {
        reference: ProjectRef,
    },
    AddMeasure {
        reference: ProjectRef,
    },
    EditMeasure {
        reference: ProjectRef,
        measure: String,
    },
    AddDriver {
        reference: ProjectRef,
    },
    AddChangeIdea {
        reference: ProjectRef,
    },
    /// Renames the driver or change idea `item` (as the Drivers section lists them).
    RenameDriverOrIdea {
        reference: ProjectRef,
        item: super::detail::DriverItem,
    },
    AddBenefit {
        reference: ProjectRef,
    },
    EditBenefit {
        reference: ProjectRef,
        number: usize,
    },
    /// Gives a person a role: a team member, the lead, sponsor or coach.
    Assign {
        reference: ProjectRef,
    },
    AddPerson,
    /// `at` is the row of the list to show again after saving.
    RenamePerson {
        name: String,
        at: usize,
    },
    MergePerson {
        name: String,
        at: usize,
    },
    AddCohort,
    RenameCohort {
        name: String,
        at: usize,
    },
    EditStage {
        key: String,
        at: usize,
    },
    Filter,
    /// A register file to import, checked by a dry run before the coach confirms.
    ImportProjects,
    /// An action on a project, raised in the cohort session `session` (its number) or not.
    AddAction {
        reference: ProjectRef,
        session: Option<i64>,
    },
    EditAction {
        reference: ProjectRef,
        number: i64,
    },
    /// A cohort's next session.
    PlanSession,
    /// Who is present at a session: one choice per participant, and someone to enrol.
    Register {
        cohort: String,
        number: i64,
    },
}

/// Every field a form can have. Labels come from here, once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldId {
    Charter(CharterField),
    Lead,
    Coach,
    Status,
    Score,
    Why,
    Note,
    ChangeIdea,
    Objective,
    Prediction,
    Plan,
    Do,
    Study,
    Act,
    NextStep,
    /// When a PDSA cycle started or is planned to start.
    Started,
    Finished,
    Measure,
    Date,
    Value,
    Reason,
    File,
    Sheet,
    Name,
    Kind,
    Direction,
    Definition,
    Unit,
    Source,
    Frequency,
    Target,
    Level,
    Parent,
    Drivers,
    Amount,
    Claimed,
    Person,
    Role,
    Text,
    Email,
    Into,
    Programme,
    WipLimit,
    Gateway,
    Owner,
    Due,
    Cohort,
    Title,
    Minutes,
    /// The `n`th person of a session's register.
    Attendee(u16),
    /// Someone new to the cohort, enrolled as they are marked present.
    Newcomer,
}

impl FormKind {
    /// The list a form was opened from, and the row to select when it shows again.
    pub fn directory(&self) -> Option<(super::directory::DirectoryKind, usize)> {
        use super::directory::DirectoryKind as D;
        match self {
            FormKind::AddPerson => Some((D::People, 0)),
            FormKind::RenamePerson { at, .. } | FormKind::MergePerson { at, .. } => {
                Some((D::People, *at))
            }
            FormKind::AddCohort => Some((D::Cohorts, 0)),
            FormKind::RenameCohort { at, .. } => Some((D::Cohorts, *at)),
            FormKind::EditStage { at, .. } => Some((D::Stages, *at)),
            _ => None,
        }
    }
}

impl FieldId {
    pub fn label(self) -> &'static str {
        match self {
            FieldId::Charter(c) => c.label(),
            FieldId::Lead => "Lead",
            FieldId::Coach => "Coach",
            FieldId::Status => "Status",
            FieldId::Score => "Score",
            FieldId::Why => "Why",
            FieldId::Note => "Note",
            FieldId::ChangeIdea => "Change idea",
            FieldId::Objective => "Objective",
            FieldId::Prediction => "Prediction",
            FieldId::Plan => "Plan",
            FieldId::Do => "Do",
            FieldId::Study => "Study",
            FieldId::Act => "Act",
            FieldId::NextStep => "Next step",
            FieldId::Started => "Started",
            FieldId::Finished => "Finished",
            FieldId::Measure => "Measure",
            FieldId::Date => "Date",
            FieldId::Value => "Value",
            FieldId::Reason => "Reason",
            FieldId::File => "File",
            FieldId::Sheet => "Sheet",
            FieldId::Name => "Name",
            FieldId::Kind => "Kind",
            FieldId::Direction => "Better when it goes",
            FieldId::Definition => "Definition",
            FieldId::Unit => "Unit",
            FieldId::Source => "Source",
            FieldId::Frequency => "Frequency",
            FieldId::Target => "Target",
            FieldId::Level => "Level",
            FieldId::Parent => "Under primary driver",
            FieldId::Drivers => "Serves driver",
            FieldId::Amount => "Amount",
            FieldId::Claimed => "Claimed on",
            FieldId::Person => "Name",
            FieldId::Role => "Role",
            FieldId::Text => "Text",
            FieldId::Email => "Email",
            FieldId::Into => "Merge into",
            FieldId::Programme => "Programme",
            FieldId::WipLimit => "WIP limit",
            FieldId::Gateway => "Gateway checklist",
            FieldId::Owner => "Owner",
            FieldId::Due => "Due",
            FieldId::Cohort => "Cohort",
            FieldId::Title => "Title",
            FieldId::Minutes => "Minutes per team",
            FieldId::Attendee(_) => "Attendee",
            FieldId::Newcomer => "Enrol and mark present",
        }
    }
}

/// One option of a choice field: the value a form reads, and the words shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceOption {
    pub value: String,
    pub shown: String,
}

pub struct Field {
    pub id: FieldId,
    /// The field's name on screen: its id's label, or a person's name in a register.
    pub label: String,
    pub input: TextArea<'static>,
    pub multiline: bool,
    /// What is expected, shown dimmed beside the label.
    pub hint: &'static str,
    /// Why the value was refused, shown next to the field.
    pub error: Option<String>,
    /// The value the form opened with: only fields that differ from it are saved.
    pub original: String,
    /// A choice picked from a list (kind, direction, role): ←/→ pick, typing jumps to the
    /// option starting with the letter. Empty for a typed field.
    pub options: Vec<ChoiceOption>,
    pub chosen: usize,
    /// Names offered as the coach types (people): Tab takes the first that matches.
    pub suggestions: Vec<String>,
}

impl Field {
    /// A typed field, a paragraph when the charter or `multiline` says so.
    pub fn new(id: FieldId, value: &str) -> Field {
        let multiline = matches!(id, FieldId::Charter(c) if c.multiline());
        let hint = match id {
            FieldId::Charter(c) => c.hint(),
            _ => "",
        };
        let mut input = TextArea::new(value.split('\n').map(str::to_string).collect());
        input.move_cursor(ratatui_textarea::CursorMove::Bottom);
        input.move_cursor(ratatui_textarea::CursorMove::End);
        let mut field = Field {
            id,
            label: id.label().to_string(),
            input,
            multiline: false,
            hint,
            error: None,
            original: value.to_string(),
            options: Vec::new(),
            chosen: 0,
            suggestions: Vec::new(),
        };
        if multiline {
            field = field.multiline();
        }
        field
    }

    /// A paragraph: Enter makes a new line and long text wraps.
    pub fn multiline(mut self) -> Field {
        self.multiline = true;
        // A long prediction or study reads as a paragraph, not one line scrolled sideways.
        self.input
            .set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
        self
    }

    /// Names the field other than by its id's label (a person in a register).
    pub fn labelled(mut self, label: impl Into<String>) -> Field {
        self.label = label.into();
        self
    }

    pub fn hint(mut self, hint: &'static str) -> Field {
        self.hint = hint;
        self
    }

    /// A choice of `options` (value, words shown), opened on the one whose value is
    /// `current` (else the first).
    pub fn choice(id: FieldId, options: &[(&str, &str)], current: &str) -> Field {
        let mut field = Field::new(id, "");
        field.options = options
            .iter()
            .map(|(value, shown)| ChoiceOption {
                value: value.to_string(),
                shown: shown.to_string(),
            })
            .collect();
        field.chosen = field
            .options
            .iter()
            .position(|o| o.value == current)
            .unwrap_or(0);
        field.original = field.value();
        field
    }

    /// A choice whose options are their own words (`outcome`, `process`).
    pub fn choice_of(id: FieldId, options: &[&str], current: &str) -> Field {
        let pairs: Vec<(&str, &str)> = options.iter().map(|o| (*o, *o)).collect();
        Field::choice(id, &pairs, current)
    }

    /// Offers `names` as the coach types.
    pub fn suggest(mut self, names: Vec<String>) -> Field {
        self.suggestions = names;
        self
    }

    pub fn is_choice(&self) -> bool {
        !self.options.is_empty()
    }

    /// Whether the user changed the value since the form opened.
    pub fn changed(&self) -> bool {
        self.value() != self.original
    }

    /// The text as typed (lines joined with newlines), or the chosen option's value.
    pub fn value(&self) -> String {
        match self.options.get(self.chosen) {
            Some(option) => option.value.clone(),
            None => self.input.lines().join("\n"),
        }
    }

    /// Picks the option `step` away, wrapping.
    pub fn choose_next(&mut self, step: isize) {
        let n = self.options.len() as isize;
        if n > 0 {
            self.chosen = (self.chosen as isize + step).rem_euclid(n) as usize;
        }
    }

    /// Picks the next option whose words start with `c`.
    pub fn choose_by_letter(&mut self, c: char) {
        let n = self.options.len();
        let starts = |i: usize| {
            self.options[i]
                .shown
                .chars()
                .next()
                .is_some_and(|f| f.eq_ignore_ascii_case(&c))
        };
        if let Some(i) = (1..=n).map(|k| (self.chosen + k) % n).find(|i| starts(*i)) {
            self.chosen = i;
        }
    }

    /// The names that match what is typed, best first (none for an empty field or a name
    /// already typed in full).
    pub fn matches(&self) -> Vec<&str> {
        let typed = self.value();
        if typed.trim().is_empty() || self.suggestions.is_empty() {
            return Vec::new();
        }
        let mut ranked = super::overlay::fuzzy_rank(
            &typed,
            self.suggestions.iter().map(|s| (s.as_str(), s.as_str())),
        );
        // A name that starts as typed is the one meant ("pri": Priya before Hannah Price).
        let typed_lower = typed.trim().to_lowercase();
        ranked.sort_by_key(|name| !name.to_lowercase().starts_with(&typed_lower));
        if ranked
            .first()
            .is_some_and(|best| best.eq_ignore_ascii_case(typed.trim()))
        {
            return Vec::new();
        }
        ranked
    }

    /// Takes the best matching name into the field; false when there is none to take.
    pub fn complete(&mut self) -> bool {
        let Some(best) = self.matches().first().map(|s| s.to_string()) else {
            return false;
        };
        self.input = TextArea::new(vec![best]);
        self.input.move_cursor(ratatui_textarea::CursorMove::End);
        self.error = None;
        true
    }
}

pub struct Form {
    pub kind: FormKind,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// A refusal that is not about one field (a conflict, a store error).
    pub error: Option<String>,
    /// What the choices mean (the IHI scale's words beside each score), shown under the
    /// fields when the window has room; the entry matching the first field is marked.
    pub guide: Vec<(String, String)>,
}

impl Form {
    /// A form focused on its first typed field, so a name typed at once lands in it.
    pub fn new(kind: FormKind, title: impl Into<String>, fields: Vec<Field>) -> Form {
        let focus = fields.iter().position(|f| !f.is_choice()).unwrap_or(0);
        Form {
            kind,
            title: title.into(),
            fields,
            focus,
            error: None,
            guide: Vec::new(),
        }
    }

    pub fn with_guide(mut self, guide: Vec<(String, String)>) -> Form {
        self.guide = guide;
        self
    }

    /// Opens on `id` rather than the first typed field (the record form types the value).
    pub fn focus_on(mut self, id: FieldId) -> Form {
        if let Some(i) = self.fields.iter().position(|f| f.id == id) {
            self.focus = i;
        }
        self
    }

    /// The guide entry the first field's value names (`3` names `3.0`), if any.
    pub fn guide_chosen(&self) -> Option<usize> {
        let typed = self.fields.first()?.value();
        let same = |key: &str| match (typed.trim().parse::<f64>(), key.parse::<f64>()) {
            (Ok(a), Ok(b)) => a == b,
            _ => typed.trim().eq_ignore_ascii_case(key),
        };
        self.guide.iter().position(|(key, _)| same(key))
    }

    fn field(&self, id: FieldId) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    /// The field's value; empty for a field this form does not have.
    pub fn value(&self, id: FieldId) -> String {
        self.field(id).map(Field::value).unwrap_or_default()
    }

    /// The value trimmed, `None` when empty.
    pub fn optional(&self, id: FieldId) -> Option<String> {
        Some(self.value(id).trim().to_string()).filter(|t| !t.is_empty())
    }

    /// Whether the field was changed since the form opened.
    pub fn changed(&self, id: FieldId) -> bool {
        self.field(id).is_some_and(Field::changed)
    }

    /// Says why a field's value was refused, and moves to it; a form without the field
    /// says it under the fields.
    pub fn set_error(&mut self, id: FieldId, message: impl Into<String>) {
        let message = message.into();
        match self.fields.iter().position(|f| f.id == id) {
            Some(i) => {
                self.fields[i].error = Some(message);
                self.focus = i;
            }
            None => self.error = Some(message),
        }
    }

    pub fn clear_errors(&mut self) {
        self.error = None;
        for field in &mut self.fields {
            field.error = None;
        }
    }

    pub fn has_errors(&self) -> bool {
        self.error.is_some() || self.fields.iter().any(|f| f.error.is_some())
    }

    pub fn focus_next(&mut self, step: isize) {
        let n = self.fields.len() as isize;
        self.focus = (self.focus as isize + step).rem_euclid(n.max(1)) as usize;
    }

    pub fn focused(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.focus)
    }
}
