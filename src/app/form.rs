//! Forms: text fields (ratatui-textarea) that validate as the domain does, show errors next
//! to the field, and write nothing until confirmed. Enter moves on in a one-line field and
//! makes a new line in a multi-line one; Ctrl-s confirms; Esc leaves with nothing written.

use ratatui_textarea::TextArea;

use crate::domain::ProjectRef;

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
    Filter,
    /// A register file to import, checked by a dry run before the coach confirms.
    ImportProjects,
}

pub struct Field {
    pub label: &'static str,
    pub input: TextArea<'static>,
    pub multiline: bool,
    /// What is expected, shown dimmed beside the label.
    pub hint: &'static str,
    /// Why the value was refused, shown next to the field.
    pub error: Option<String>,
    /// The value the form opened with: only fields that differ from it are saved.
    pub original: String,
}

impl Field {
    pub fn new(label: &'static str, value: &str, multiline: bool, hint: &'static str) -> Field {
        let mut input = TextArea::new(value.split('\n').map(str::to_string).collect());
        input.move_cursor(ratatui_textarea::CursorMove::Bottom);
        input.move_cursor(ratatui_textarea::CursorMove::End);
        if multiline {
            // A long prediction or study reads as a paragraph, not one line scrolled sideways.
            input.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
        }
        Field {
            label,
            input,
            multiline,
            hint,
            error: None,
            original: value.to_string(),
        }
    }

    /// Whether the user changed the value since the form opened.
    pub fn changed(&self) -> bool {
        self.value() != self.original
    }

    /// The text as typed, lines joined with newlines.
    pub fn value(&self) -> String {
        self.input.lines().join("\n")
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
    pub fn new(kind: FormKind, title: impl Into<String>, fields: Vec<Field>) -> Form {
        Form {
            kind,
            title: title.into(),
            fields,
            focus: 0,
            error: None,
            guide: Vec::new(),
        }
    }

    pub fn with_guide(mut self, guide: Vec<(String, String)>) -> Form {
        self.guide = guide;
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

    pub fn value(&self, label: &str) -> String {
        self.fields
            .iter()
            .find(|f| f.label == label)
            .map(Field::value)
            .unwrap_or_default()
    }

    /// Whether the field with this label was changed since the form opened.
    pub fn changed(&self, label: &str) -> bool {
        self.fields.iter().any(|f| f.label == label && f.changed())
    }

    pub fn set_error(&mut self, label: &str, message: impl Into<String>) {
        let message = message.into();
        match self.fields.iter().position(|f| f.label == label) {
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
