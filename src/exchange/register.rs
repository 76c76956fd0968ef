//! A portfolio register as faculties keep it (an Excel tracker, a Life QI export, a
//! SharePoint list saved as CSV) read into typed project rows: the header row found under any
//! title rows, its headers matched to fields by the names trackers use, every cell checked
//! before anything is written, every refusal naming the sheet, row, column and value.

use std::path::Path;

use chrono::NaiveDate;

use super::table::{Cell, Row, Sheet, TableError, for_message, pick_sheet, read_sheets};
use crate::domain::{ProgressScore, ProjectRef, Stage, Status, read_date};
use crate::store::{ProjectImport, RegisterOutcome, RowAction};

/// A project field a register column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RegisterField {
    Ref,
    Title,
    Aim,
    Problem,
    ScopeIn,
    ScopeOut,
    Stage,
    Status,
    Score,
    Lead,
    Sponsor,
    Coach,
    Cohort,
    Division,
    Department,
    StartDate,
    TargetDate,
    Risks,
    Members,
    ExternalId,
}

impl RegisterField {
    pub const ALL: [RegisterField; 20] = [
        RegisterField::Ref,
        RegisterField::Title,
        RegisterField::Aim,
        RegisterField::Problem,
        RegisterField::ScopeIn,
        RegisterField::ScopeOut,
        RegisterField::Stage,
        RegisterField::Status,
        RegisterField::Score,
        RegisterField::Lead,
        RegisterField::Sponsor,
        RegisterField::Coach,
        RegisterField::Cohort,
        RegisterField::Division,
        RegisterField::Department,
        RegisterField::StartDate,
        RegisterField::TargetDate,
        RegisterField::Risks,
        RegisterField::Members,
        RegisterField::ExternalId,
    ];

    /// The name `--map "HEADER=FIELD"` and the export's headers use.
    pub fn key(self) -> &'static str {
        match self {
            RegisterField::Ref => "ref",
            RegisterField::Title => "title",
            RegisterField::Aim => "aim",
            RegisterField::Problem => "problem",
            RegisterField::ScopeIn => "scope_in",
            RegisterField::ScopeOut => "scope_out",
            RegisterField::Stage => "stage",
            RegisterField::Status => "status",
            RegisterField::Score => "score",
            RegisterField::Lead => "lead",
            RegisterField::Sponsor => "sponsor",
            RegisterField::Coach => "coach",
            RegisterField::Cohort => "cohort",
            RegisterField::Division => "division",
            RegisterField::Department => "department",
            RegisterField::StartDate => "start_date",
            RegisterField::TargetDate => "target_date",
            RegisterField::Risks => "risks",
            RegisterField::Members => "members",
            RegisterField::ExternalId => "external_id",
        }
    }

    /// The header an export writes (and an import reads back).
    pub fn header(self) -> &'static str {
        match self {
            RegisterField::Ref => "Ref",
            RegisterField::Title => "Title",
            RegisterField::Aim => "Aim",
            RegisterField::Problem => "Problem",
            RegisterField::ScopeIn => "Scope in",
            RegisterField::ScopeOut => "Scope out",
            RegisterField::Stage => "Stage",
            RegisterField::Status => "Status",
            RegisterField::Score => "Score",
            RegisterField::Lead => "Lead",
            RegisterField::Sponsor => "Sponsor",
            RegisterField::Coach => "Coach",
            RegisterField::Cohort => "Cohort",
            RegisterField::Division => "Division",
            RegisterField::Department => "Department",
            RegisterField::StartDate => "Start date",
            RegisterField::TargetDate => "Target date",
            RegisterField::Risks => "Risks",
            RegisterField::Members => "Team members",
            RegisterField::ExternalId => "External ID",
        }
    }

    /// Other headers trackers use for the field (matched as [`header_key`] folds them).
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            RegisterField::Ref => &["reference", "qiboardref"],
            RegisterField::Title => &["project", "projecttitle", "projectname", "name"],
            RegisterField::Problem => &["problemstatement"],
            RegisterField::Stage => &["phase", "qsirstage", "projectstage"],
            RegisterField::Status => &["projectstatus"],
            RegisterField::Score => &["progressscore", "ihiscore", "ihiprogressscore"],
            RegisterField::Lead => &["projectlead", "owner"],
            RegisterField::Sponsor => &["executivesponsor"],
            RegisterField::Coach => &["qicoach", "improvementcoach", "improvementadvisor"],
            RegisterField::StartDate => &["start"],
            RegisterField::TargetDate => &["target", "enddate", "duedate", "completiondate"],
            RegisterField::Members => &["team", "teammembers"],
            RegisterField::ExternalId => &["id", "projectid", "lifeqiid"],
            _ => &[],
        }
    }

    pub fn parse(name: &str) -> Option<RegisterField> {
        let wanted = header_key(name);
        RegisterField::ALL
            .into_iter()
            .find(|f| header_key(f.key()) == wanted || f.synonyms().contains(&wanted.as_str()))
    }
}

/// Headers match in any case, with spaces, underscores, hyphens and punctuation alike.
fn header_key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// One refused cell, said as the person will find it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadCell {
    pub row: u64,
    pub column: String,
    pub value: String,
    pub expected: String,
}

/// What a register holds, ready for the store.
#[derive(Debug, Clone, PartialEq)]
pub struct Register {
    /// The sheet read (`None` for CSV).
    pub sheet: Option<String>,
    pub rows: Vec<ProjectImport>,
    /// Headers that name no field, in the sheet's order.
    pub ignored: Vec<String>,
}

/// Why a register was refused as a whole, or which cells were.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RegisterError {
    #[error("--map {0:?}: {1}")]
    BadMap(String, String),
    #[error(
        "no header row names a project title (headers found: {found}); name the title column \
         with --map \"HEADER=title\""
    )]
    NoTitle { found: String },
    #[error("{} bad cell{}", .cells.len(), if .cells.len() == 1 { "" } else { "s" })]
    BadCells {
        /// The sheet the cells are in (`None` for CSV).
        sheet: Option<String>,
        cells: Vec<BadCell>,
    },
}

/// A register file refused: the file unreadable, or its contents.
#[derive(Debug, Clone, PartialEq)]
pub enum RegisterFileError {
    Table(TableError),
    Register { file: String, error: RegisterError },
}

impl RegisterFileError {
    /// One line per thing wrong, each naming the file, sheet, row and column; at most `most`
    /// bad cells, then a count of them all.
    pub fn lines(&self, most: usize) -> Vec<String> {
        match self {
            RegisterFileError::Table(e) => vec![e.to_string()],
            RegisterFileError::Register {
                error: error @ RegisterError::BadMap(..),
                ..
            } => vec![error.to_string()],
            RegisterFileError::Register {
                file,
                error: RegisterError::BadCells { sheet, cells },
            } => {
                let sheet = sheet
                    .as_ref()
                    .map(|n| format!(", sheet {n:?}"))
                    .unwrap_or_default();
                let mut lines: Vec<String> = cells
                    .iter()
                    .take(most)
                    .map(|c| {
                        format!(
                            "{file}{sheet}, row {}, column {:?}: {:?} is not {}",
                            c.row, c.column, c.value, c.expected
                        )
                    })
                    .collect();
                if cells.len() > 1 {
                    lines.push(format!(
                        "{} bad cells in all; nothing was imported",
                        cells.len()
                    ));
                }
                lines
            }
            RegisterFileError::Register { file, error } => vec![format!("{file}: {error}")],
        }
    }
}

/// What an import did (or a dry run would do), in words: `12 projects added, 3 updated, 15
/// unchanged (sheet "Projects"); ignored columns: RAG, Notes`.
pub fn summary(outcome: &RegisterOutcome, register: &Register) -> String {
    let added = outcome.count(RowAction::Added);
    let plural = if added == 1 { "project" } else { "projects" };
    let mut said = format!(
        "{added} {plural} added, {} updated, {} unchanged",
        outcome.count(RowAction::Updated),
        outcome.count(RowAction::Unchanged)
    );
    if let Some(sheet) = &register.sheet {
        said.push_str(&format!(" (sheet {sheet:?})"));
    }
    if !register.ignored.is_empty() {
        said.push_str(&format!(
            "; ignored columns: {}",
            register.ignored.join(", ")
        ));
    }
    said
}

/// Reads the register in `path` (`-` is standard input): the sheet named, else the first
/// with a recognisable header; `maps` as `--map` gives them.
pub fn read_register_file(
    path: &Path,
    sheet: Option<&str>,
    maps: &[String],
    stages: &[Stage],
) -> Result<Register, RegisterFileError> {
    let file = if path == Path::new("-") {
        "standard input".to_string()
    } else {
        path.display().to_string()
    };
    let refused = |error| RegisterFileError::Register {
        file: file.clone(),
        error,
    };
    let maps = maps
        .iter()
        .map(|m| parse_map(m))
        .collect::<Result<Vec<_>, _>>()
        .map_err(refused)?;
    let sheets = read_sheets(path)
        .and_then(|sheets| pick_sheet(sheets, sheet, &file))
        .map_err(RegisterFileError::Table)?;
    read_register(&sheets, &maps, stages).map_err(refused)
}

/// `--map "Scheme=title"`: a header named explicitly.
pub fn parse_map(text: &str) -> Result<(String, RegisterField), RegisterError> {
    let (header, field) = text.split_once('=').ok_or_else(|| {
        RegisterError::BadMap(
            text.into(),
            "expected HEADER=FIELD, e.g. Scheme=title".into(),
        )
    })?;
    let field = RegisterField::parse(field).ok_or_else(|| {
        let fields: Vec<&str> = RegisterField::ALL.iter().map(|f| f.key()).collect();
        RegisterError::BadMap(
            text.into(),
            format!(
                "{:?} is not a field (use one of {})",
                field.trim(),
                fields.join(", ")
            ),
        )
    })?;
    Ok((header_key(header), field))
}

/// The first sheet (or the named one) whose header row is recognisable.
pub fn read_register(
    sheets: &[Sheet],
    maps: &[(String, RegisterField)],
    stages: &[Stage],
) -> Result<Register, RegisterError> {
    let field_of = |header: &str| -> Option<RegisterField> {
        let key = header_key(header);
        maps.iter()
            .find(|(h, _)| *h == key)
            .map(|(_, f)| *f)
            .or_else(|| RegisterField::parse(header))
    };
    // The header is the first row in which at least two cells name known fields (one will do
    // when it is the title), above it title rows and blank rows.
    let found = sheets.iter().find_map(|sheet| {
        sheet
            .rows
            .iter()
            .position(|row| {
                let fields: Vec<RegisterField> = row
                    .cells
                    .iter()
                    .filter_map(|c| field_of(&c.shown()))
                    .collect();
                fields.contains(&RegisterField::Title)
                    && (fields.len() >= 2 || !maps.is_empty() || row.cells.len() == 1)
            })
            .map(|at| (sheet, at))
    });
    let Some((sheet, at)) = found else {
        let headers: Vec<String> = sheets
            .iter()
            .flat_map(|s| s.rows.iter().find(|r| !r.is_blank()))
            .flat_map(|r| r.cells.iter().map(Cell::shown))
            .filter(|h| !h.trim().is_empty())
            .take(12)
            .map(|h| for_message(h.trim()))
            .collect();
        return Err(RegisterError::NoTitle {
            found: if headers.is_empty() {
                "none".into()
            } else {
                headers.join(", ")
            },
        });
    };
    let header = &sheet.rows[at];
    let mut columns: Vec<(usize, RegisterField, String)> = Vec::new();
    let mut ignored = Vec::new();
    for (i, cell) in header.cells.iter().enumerate() {
        let name = cell.shown().trim().to_string();
        if name.is_empty() {
            continue;
        }
        match field_of(&name) {
            // The first column naming a field wins; a second one is ignored and said so.
            Some(field) if !columns.iter().any(|(_, f, _)| *f == field) => {
                columns.push((i, field, name))
            }
            _ => ignored.push(for_message(&name)),
        }
    }
    let mut rows = Vec::new();
    let mut bad = Vec::new();
    for row in sheet.rows[at + 1..].iter().filter(|r| !r.is_blank()) {
        rows.push(read_row(row, &columns, stages, &mut bad));
    }
    if !bad.is_empty() {
        return Err(RegisterError::BadCells {
            sheet: sheet.name.clone(),
            cells: bad,
        });
    }
    Ok(Register {
        sheet: sheet.name.clone(),
        rows,
        ignored,
    })
}

fn read_row(
    row: &Row,
    columns: &[(usize, RegisterField, String)],
    stages: &[Stage],
    bad: &mut Vec<BadCell>,
) -> ProjectImport {
    let mut out = ProjectImport {
        row: row.number,
        ..Default::default()
    };
    let mut foreign_ref = None;
    for (i, field, header) in columns {
        let cell = row.cell(*i);
        if cell.is_empty() {
            continue;
        }
        let shown = unquote(cell.shown().trim());
        let mut refuse = |expected: &str| {
            bad.push(BadCell {
                row: row.number,
                column: header.clone(),
                value: shown.clone(),
                expected: expected.to_string(),
            })
        };
        match field {
            RegisterField::Ref => match shown.parse::<ProjectRef>() {
                Ok(r) => out.reference = Some(r),
                Err(_) => foreign_ref = Some(shown.clone()),
            },
            RegisterField::Stage => match stages.iter().find(|s| s.matches(&shown)) {
                Some(stage) => out.stage = Some(stage.key.clone()),
                None => {
                    let names: Vec<&str> = stages.iter().map(|s| s.name.as_str()).collect();
                    refuse(&format!("a stage: {}, or its number", names.join(", ")))
                }
            },
            RegisterField::Status => match shown.parse::<Status>() {
                Ok(status) => out.status = Some(status),
                Err(_) => refuse("active, on hold, completed or stopped"),
            },
            RegisterField::Score => match score_of(cell, &shown) {
                Some(score) => out.score = Some(score),
                None => refuse("a score from 0.5 to 5.0 in steps of 0.5, e.g. 3.5"),
            },
            RegisterField::StartDate | RegisterField::TargetDate => match date_of(cell, &shown) {
                Some(date) if *field == RegisterField::StartDate => out.start_date = Some(date),
                Some(date) => out.target_date = Some(date),
                None => refuse("a date as DD/MM/YYYY, YYYY-MM-DD or 3 Mar 2026"),
            },
            RegisterField::Members => {
                out.members = shown
                    .split(';')
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(str::to_string)
                    .collect();
            }
            RegisterField::Title if shown.chars().count() > crate::domain::MAX_TITLE_CHARS => {
                refuse(&format!(
                    "a title of at most {} characters",
                    crate::domain::MAX_TITLE_CHARS
                ))
            }
            // Long text keeps its lines; names and ids lose stray spaces.
            RegisterField::Title => out.title = Some(shown),
            RegisterField::Aim => out.aim = Some(unquote(&cell.shown())),
            RegisterField::Problem => out.problem = Some(unquote(&cell.shown())),
            RegisterField::ScopeIn => out.scope_in = Some(unquote(&cell.shown())),
            RegisterField::ScopeOut => out.scope_out = Some(unquote(&cell.shown())),
            RegisterField::Risks => out.risks = Some(unquote(&cell.shown())),
            RegisterField::Division => out.division = Some(shown),
            RegisterField::Department => out.department = Some(shown),
            RegisterField::Cohort => out.cohort = Some(shown),
            RegisterField::Lead => out.lead = Some(shown),
            RegisterField::Sponsor => out.sponsor = Some(shown),
            RegisterField::Coach => out.coach = Some(shown),
            RegisterField::ExternalId => out.external_id = Some(shown),
        }
    }
    // A ref that is no ref of ours is the project's id in the other system.
    if out.external_id.is_none() {
        out.external_id = foreign_ref;
    }
    out
}

/// A score as `3.5`, a number cell, or a text starting with one (`3.5 Improvement`, as Life
/// QI shows it).
fn score_of(cell: &Cell, shown: &str) -> Option<ProgressScore> {
    if let Cell::Number(n) = cell {
        return n.to_string().parse().ok();
    }
    let number: String = shown
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    number.parse().ok()
}

/// A date cell, or a date typed as the domain reads it.
fn date_of(cell: &Cell, shown: &str) -> Option<NaiveDate> {
    match cell {
        Cell::Date(date) => Some(*date),
        _ => read_date(shown),
    }
}

/// A CSV export writes `'=SUM…` so no spreadsheet runs it as a formula: take the `'` off.
pub fn unquote(text: &str) -> String {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_string(),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::default_stages;

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet {
            name: Some("Projects".into()),
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, cells)| Row {
                    number: i as u64 + 1,
                    cells: cells
                        .iter()
                        .map(|c| {
                            if c.is_empty() {
                                Cell::Empty
                            } else {
                                Cell::Text(c.to_string())
                            }
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    #[test]
    fn headers_match_the_names_trackers_use() {
        for (header, field) in [
            ("Project title", RegisterField::Title),
            ("PROJECT_NAME", RegisterField::Title),
            ("QSIR stage", RegisterField::Stage),
            ("IHI score", RegisterField::Score),
            ("Improvement advisor", RegisterField::Coach),
            ("Executive sponsor", RegisterField::Sponsor),
            ("Completion date", RegisterField::TargetDate),
            ("Team members", RegisterField::Members),
            ("Life QI ID", RegisterField::ExternalId),
            ("scope-in", RegisterField::ScopeIn),
            ("Problem statement", RegisterField::Problem),
        ] {
            assert_eq!(RegisterField::parse(header), Some(field), "{header}");
        }
        assert_eq!(RegisterField::parse("RAG"), None);
    }

    #[test]
    fn the_header_is_found_under_title_rows_and_values_are_typed() {
        let stages = default_stages();
        let register = read_register(
            &[sheet(&[
                &["Trust QI register 2026"],
                &[],
                &[
                    "Ref",
                    "Project",
                    "Phase",
                    "Progress score",
                    "Start",
                    "RAG",
                    "Team",
                ],
                &[
                    "QI-0004",
                    "Falls",
                    "3",
                    "3.5 Improvement",
                    "03/03/2026",
                    "G",
                    "A; B ;",
                ],
                &[],
                &["LQI-77", "Sepsis", "pilot", "", "3 Mar 2026", "", ""],
            ])],
            &[],
            &stages,
        )
        .unwrap();
        assert_eq!(register.ignored, vec!["RAG"]);
        let [first, second] = &register.rows[..] else {
            panic!("{register:?}")
        };
        assert_eq!((first.row, second.row), (4, 6));
        assert_eq!(first.reference, Some(ProjectRef(4)));
        assert_eq!(first.title.as_deref(), Some("Falls"));
        assert_eq!(first.stage.as_deref(), Some("measure"));
        assert_eq!(first.score.map(|s| s.to_string()), Some("3.5".into()));
        assert_eq!(first.start_date, NaiveDate::from_ymd_opt(2026, 3, 3));
        assert_eq!(first.members, vec!["A", "B"]);
        assert_eq!(second.external_id.as_deref(), Some("LQI-77"));
        assert_eq!(second.score, None);
        assert_eq!(second.start_date, NaiveDate::from_ymd_opt(2026, 3, 3));
    }

    #[test]
    fn every_bad_cell_is_named_with_its_row_and_column() {
        let err = read_register(
            &[sheet(&[
                &["Title", "Start date", "Status"],
                &["Falls", "31/02/2026", "paused"],
                &["Sepsis", "01/02/2026", "on hold"],
            ])],
            &[],
            &default_stages(),
        )
        .unwrap_err();
        let RegisterError::BadCells { cells, .. } = err else {
            panic!("{err:?}")
        };
        assert_eq!(cells.len(), 2);
        assert_eq!(
            (
                cells[0].row,
                cells[0].column.as_str(),
                cells[0].value.as_str()
            ),
            (2, "Start date", "31/02/2026")
        );
        assert_eq!((cells[1].row, cells[1].column.as_str()), (2, "Status"));
    }

    #[test]
    fn a_register_without_a_title_column_says_what_it_found() {
        let err = read_register(
            &[sheet(&[&["Scheme", "Owner"], &["Falls", "Amy"]])],
            &[],
            &[],
        )
        .unwrap_err();
        assert!(err.to_string().contains("Scheme, Owner"), "{err}");
        assert!(err.to_string().contains("--map \"HEADER=title\""), "{err}");
        let mapped = read_register(
            &[sheet(&[&["Scheme", "Owner"], &["Falls", "Amy"]])],
            &[parse_map("Scheme=title").unwrap()],
            &[],
        )
        .unwrap();
        assert_eq!(mapped.rows[0].title.as_deref(), Some("Falls"));
        assert_eq!(mapped.rows[0].lead.as_deref(), Some("Amy"));
    }

    #[test]
    fn neutralised_formulas_come_back_as_typed() {
        assert_eq!(unquote("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(unquote("'-5 beds"), "-5 beds");
        assert_eq!(unquote("'quoted"), "'quoted");
    }
}
