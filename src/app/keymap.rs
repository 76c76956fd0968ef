//! One keymap registry: action → keys, per context. It feeds key handling, the footer, the
//! help overlay and the command palette, so they cannot drift apart.

use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::Action;

/// Where a binding applies. A pane's keys fall back to `Global`'s, a Detail section's to
/// Detail's (so `e` edits the measure in Measures and the charter elsewhere); an overlay's
/// keys are its own, so typing in a form never runs a pane's action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    Global,
    Board,
    Detail,
    Team,
    Measures,
    Drivers,
    Benefits,
    Notes,
    Actions,
    Metrics,
    Session,
    Form,
    Confirm,
    Choice,
    /// The palette and search: a query typed over a list.
    List,
    /// People, cohorts, stage settings.
    Directory,
    Help,
}

impl Context {
    /// In the order help and the README list them.
    pub const ALL: [Context; 17] = [
        Context::Global,
        Context::Board,
        Context::Detail,
        Context::Team,
        Context::Measures,
        Context::Drivers,
        Context::Benefits,
        Context::Notes,
        Context::Actions,
        Context::Metrics,
        Context::Session,
        Context::Form,
        Context::Confirm,
        Context::Choice,
        Context::List,
        Context::Directory,
        Context::Help,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Board => "Board",
            Context::Detail => "Detail",
            Context::Team => "Detail: Team",
            Context::Measures => "Detail: Measures",
            Context::Drivers => "Detail: Drivers",
            Context::Benefits => "Detail: Benefits",
            Context::Notes => "Detail: Notes",
            Context::Actions => "Detail: Actions",
            Context::Metrics => "Metrics",
            Context::Session => "Session",
            Context::Form => "Forms",
            Context::Confirm => "Questions",
            Context::Choice => "Choices",
            Context::List => "Palette and search",
            Context::Directory => "People, cohorts, stages",
            Context::Help => "Help",
        }
    }

    /// Whose keys apply where this context binds none.
    pub fn parent(self) -> Option<Context> {
        match self {
            Context::Board | Context::Detail | Context::Metrics | Context::Session => {
                Some(Context::Global)
            }
            Context::Team
            | Context::Measures
            | Context::Drivers
            | Context::Benefits
            | Context::Notes
            | Context::Actions => Some(Context::Detail),
            _ => None,
        }
    }

    /// This context and the ones it falls back to, nearest first.
    pub fn chain(self) -> impl Iterator<Item = Context> {
        std::iter::successors(Some(self), |c| c.parent())
    }

    /// Opened over a pane: its keys are its own.
    pub fn is_overlay(self) -> bool {
        matches!(
            self,
            Context::Form
                | Context::Confirm
                | Context::Choice
                | Context::List
                | Context::Directory
                | Context::Help
        )
    }
}

/// A key as the user presses it, normalised (see [`normalise`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    /// Reads `L`, `ctrl-r`, `enter`, `left`, `shift-tab`, `f5` … as written in config.toml.
    pub fn parse(text: &str) -> Option<Key> {
        // The prefix is matched without regard to case on the original text, so the key
        // itself keeps its case (and its bytes: lowercasing may change their number).
        let prefixed = |prefix: &str| {
            text.get(..prefix.len())
                .filter(|p| p.eq_ignore_ascii_case(prefix))
                .map(|_| &text[prefix.len()..])
        };
        let (modifiers, original) = if let Some(rest) = prefixed("ctrl-") {
            (KeyModifiers::CONTROL, rest)
        } else if let Some(rest) = prefixed("alt-") {
            (KeyModifiers::ALT, rest)
        } else {
            (KeyModifiers::NONE, text)
        };
        let lower = original.to_lowercase();
        let code = match lower.as_str() {
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "shift-tab" | "backtab" => KeyCode::BackTab,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            "space" => KeyCode::Char(' '),
            "delete" => KeyCode::Delete,
            f if f.starts_with('f') && f.len() > 1 => KeyCode::F(f.get(1..)?.parse().ok()?),
            _ => {
                // Single characters keep their case: `L` and `l` are different keys.
                let mut chars = original.chars();
                let c = chars.next()?;
                if chars.next().is_some() {
                    return None;
                }
                KeyCode::Char(if modifiers == KeyModifiers::CONTROL {
                    c.to_ascii_lowercase()
                } else {
                    c
                })
            }
        };
        Some(Key { code, modifiers })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// The one place keys are normalised before lookup: a character key is matched without its
/// SHIFT flag (crossterm reports `L` as `Char('L')` with SHIFT; Windows adds SHIFT to `?`
/// and `:`), so `L` is simply `L`.
pub fn normalise(event: &KeyEvent) -> Key {
    let mut modifiers = event.modifiers;
    // The shift is in the key itself: `L`, and Shift-Tab (reported as BackTab with SHIFT).
    if let KeyCode::Char(_) | KeyCode::BackTab = event.code {
        modifiers.remove(KeyModifiers::SHIFT);
    }
    modifiers.remove(KeyModifiers::META | KeyModifiers::SUPER | KeyModifiers::HYPER);
    let code = match (event.code, modifiers.contains(KeyModifiers::CONTROL)) {
        (KeyCode::Char(c), true) => KeyCode::Char(c.to_ascii_lowercase()),
        (code, _) => code,
    };
    Key { code, modifiers }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub context: Context,
    pub action: Action,
    pub keys: Vec<Key>,
    /// Shown in the footer of its context.
    pub in_footer: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

fn bind(context: Context, action: Action, keys: &[Key], in_footer: bool) -> Binding {
    Binding {
        context,
        action,
        keys: keys.to_vec(),
        in_footer,
    }
}

impl Default for Keymap {
    fn default() -> Self {
        use Action as A;
        use Context::*;
        use KeyCode as K;
        let c = Key::char;
        let p = Key::plain;
        Keymap {
            bindings: vec![
                bind(Global, A::AddProject, &[c('a')], true),
                bind(Global, A::ShowBoard, &[c('1')], false),
                bind(Global, A::ShowDetail, &[c('2')], false),
                bind(Global, A::ShowMetrics, &[c('3')], false),
                bind(Global, A::ShowSession, &[c('4')], false),
                bind(Global, A::NextPane, &[p(K::Tab)], false),
                bind(Global, A::Help, &[c('?')], true),
                bind(Global, A::Palette, &[c(':'), Key::ctrl('p')], true),
                bind(Global, A::Undo, &[c('u')], true),
                bind(Global, A::Redo, &[Key::ctrl('r')], false),
                bind(Global, A::Search, &[c('/')], true),
                bind(Global, A::Filter, &[c('f')], false),
                bind(Global, A::Back, &[p(K::Esc)], false),
                bind(Global, A::Refresh, &[Key::ctrl('l')], false),
                bind(Global, A::ImportProjects, &[c('I')], false),
                bind(Global, A::ExportWorkbook, &[c('E')], false),
                bind(Global, A::People, &[c('@')], false),
                bind(Global, A::Cohorts, &[c('#')], false),
                bind(Global, A::StageSettings, &[c('W')], false),
                bind(Global, A::Quit, &[c('q'), Key::ctrl('c')], true),
                bind(Board, A::SelectLeft, &[c('h'), p(K::Left)], false),
                bind(Board, A::SelectRight, &[c('l'), p(K::Right)], false),
                bind(Board, A::SelectUp, &[c('k'), p(K::Up)], false),
                bind(Board, A::SelectDown, &[c('j'), p(K::Down)], false),
                bind(Board, A::SelectFirst, &[c('g'), p(K::Home)], false),
                bind(Board, A::SelectLast, &[c('G'), p(K::End)], false),
                bind(Board, A::MoveCardLeft, &[c('H')], true),
                bind(Board, A::MoveCardRight, &[c('L')], true),
                bind(Board, A::MoveCardUp, &[c('K')], false),
                bind(Board, A::MoveCardDown, &[c('J')], false),
                bind(Board, A::Open, &[p(K::Enter)], true),
                bind(Board, A::EditProject, &[c('e')], false),
                bind(Board, A::SetScore, &[c('s')], true),
                bind(Board, A::ChangeStatus, &[c('S')], false),
                bind(Board, A::AddNote, &[c('n')], true),
                bind(Board, A::DeleteProject, &[c('d')], false),
                bind(Board, A::WriteBoardReport, &[c('R')], false),
                bind(Detail, A::SelectLeft, &[c('h'), p(K::Left)], true),
                bind(Detail, A::SelectRight, &[c('l'), p(K::Right)], true),
                bind(Detail, A::SelectUp, &[c('k'), p(K::Up)], false),
                bind(Detail, A::SelectDown, &[c('j'), p(K::Down)], false),
                bind(Detail, A::SelectFirst, &[c('g'), p(K::Home)], false),
                bind(Detail, A::SelectLast, &[c('G'), p(K::End)], false),
                bind(Detail, A::EditPdsa, &[p(K::Enter)], true),
                bind(Detail, A::EditProject, &[c('e')], true),
                bind(Detail, A::SetScore, &[c('s')], true),
                bind(Detail, A::ChangeStatus, &[c('S')], false),
                bind(Detail, A::AddNote, &[c('n')], true),
                bind(Detail, A::AddPdsa, &[c('p')], true),
                bind(Detail, A::RecordValue, &[c('r')], true),
                bind(Detail, A::DeleteProject, &[c('d')], false),
                bind(Detail, A::ToggleChart, &[c('c')], true),
                bind(Detail, A::RebaseChart, &[c('b')], false),
                bind(Detail, A::ExportChart, &[c('x')], false),
                bind(Detail, A::MarkMainMeasure, &[c('m')], false),
                bind(Detail, A::PointPrevious, &[c('[')], false),
                bind(Detail, A::PointNext, &[c(']')], false),
                bind(Detail, A::ToggleGatewayItem, &[c(' ')], false),
                bind(Detail, A::WriteProjectReport, &[c('R')], false),
                bind(Team, A::AddTeamMember, &[c('a')], true),
                bind(Team, A::SetLead, &[c('L')], false),
                bind(Team, A::SetSponsor, &[c('P')], false),
                bind(Team, A::SetCoach, &[c('C')], false),
                bind(Team, A::RemoveFromTeam, &[c('d')], true),
                bind(Measures, A::AddMeasure, &[c('a')], true),
                bind(Measures, A::EditMeasure, &[c('e')], true),
                bind(Measures, A::DeleteMeasure, &[c('d')], false),
                bind(Measures, A::ImportValues, &[c('i')], false),
                bind(Drivers, A::AddDriver, &[c('a')], true),
                bind(Drivers, A::AddChangeIdea, &[c('i')], true),
                bind(Drivers, A::RenameDriverOrIdea, &[c('e')], true),
                bind(Drivers, A::DeleteDriverOrIdea, &[c('d')], false),
                bind(Benefits, A::AddBenefit, &[c('a')], true),
                bind(Benefits, A::EditBenefit, &[c('e')], true),
                bind(Benefits, A::DeleteBenefit, &[c('d')], false),
                bind(Notes, A::EditNote, &[c('e')], true),
                bind(Notes, A::DeleteNote, &[c('d')], false),
                bind(Actions, A::AddAction, &[c('a')], true),
                bind(Actions, A::EditAction, &[c('e')], true),
                bind(Actions, A::ToggleActionDone, &[c(' ')], true),
                bind(Actions, A::DropAction, &[c('d')], false),
                bind(Metrics, A::SelectLeft, &[c('h'), p(K::Left)], false),
                bind(Metrics, A::SelectRight, &[c('l'), p(K::Right)], false),
                bind(Metrics, A::SelectUp, &[c('k'), p(K::Up)], false),
                bind(Metrics, A::SelectDown, &[c('j'), p(K::Down)], false),
                bind(Metrics, A::Open, &[p(K::Enter)], true),
                bind(Metrics, A::NextPanels, &[c(']')], false),
                bind(Metrics, A::PreviousPanels, &[c('[')], false),
                bind(Metrics, A::WriteBoardReport, &[c('R')], false),
                bind(
                    Session,
                    A::NextTeam,
                    &[c('l'), p(K::Right), c('j'), p(K::Down)],
                    true,
                ),
                bind(
                    Session,
                    A::PreviousTeam,
                    &[c('h'), p(K::Left), c('k'), p(K::Up)],
                    false,
                ),
                bind(Session, A::ToggleClock, &[c(' ')], true),
                bind(Session, A::AddNote, &[c('n')], true),
                bind(Session, A::AddAction, &[c('a')], true),
                bind(Session, A::SetScore, &[c('s')], true),
                bind(Session, A::DecideLatestCycle, &[c('D')], false),
                bind(Session, A::TakeAttendance, &[c('A')], true),
                bind(Session, A::MoveTeamUp, &[c('K')], false),
                bind(Session, A::MoveTeamDown, &[c('J')], false),
                bind(Session, A::SkipTeam, &[c('x')], false),
                bind(Session, A::PlanSession, &[c('P')], false),
                bind(Session, A::Open, &[p(K::Enter)], false),
                bind(Session, A::WriteSessionReport, &[c('R')], false),
                bind(Form, A::Save, &[Key::ctrl('s')], true),
                bind(Form, A::NextField, &[p(K::Tab)], true),
                bind(Form, A::PreviousField, &[p(K::BackTab)], false),
                bind(Form, A::Close, &[p(K::Esc)], true),
                bind(Confirm, A::Yes, &[c('y'), c('Y'), p(K::Enter)], true),
                bind(Confirm, A::No, &[c('n'), c('N')], true),
                bind(Confirm, A::Close, &[p(K::Esc)], false),
                bind(Choice, A::ListUp, &[c('k'), p(K::Up)], false),
                bind(Choice, A::ListDown, &[c('j'), p(K::Down)], false),
                bind(Choice, A::Choose, &[p(K::Enter)], true),
                bind(Choice, A::Close, &[p(K::Esc)], true),
                bind(List, A::ListUp, &[p(K::Up)], false),
                bind(List, A::ListDown, &[p(K::Down)], false),
                bind(List, A::Choose, &[p(K::Enter)], true),
                bind(List, A::Close, &[p(K::Esc)], true),
                bind(Directory, A::ListUp, &[c('k'), p(K::Up)], false),
                bind(Directory, A::ListDown, &[c('j'), p(K::Down)], false),
                bind(Directory, A::ListAdd, &[c('a')], true),
                bind(Directory, A::ListEdit, &[c('e'), p(K::Enter)], true),
                bind(Directory, A::ListMerge, &[c('m')], true),
                bind(Directory, A::Close, &[p(K::Esc)], true),
                bind(Help, A::ListUp, &[c('k'), p(K::Up)], false),
                bind(Help, A::ListDown, &[c('j'), p(K::Down)], false),
                bind(Help, A::Close, &[p(K::Esc), c('?'), c('q')], true),
            ],
        }
    }
}

impl Keymap {
    /// The action for a key in a context: the context's own binding first, then those of
    /// the contexts it falls back to.
    pub fn lookup(&self, context: Context, key: Key) -> Option<Action> {
        context.chain().find_map(|ctx| {
            self.bindings
                .iter()
                .find(|b| b.context == ctx && b.keys.contains(&key))
                .map(|b| b.action)
        })
    }

    /// Where else a key does something: so a key pressed in the wrong pane can say where
    /// it works instead of doing nothing.
    pub fn elsewhere(&self, key: Key) -> Option<(Context, Action)> {
        self.bindings
            .iter()
            .find(|b| !b.context.is_overlay() && b.keys.contains(&key))
            .map(|b| (b.context, b.action))
    }

    /// The keys that do an action in a context (its own, else those it falls back to).
    pub fn keys_for(&self, context: Context, action: Action) -> Vec<Key> {
        context
            .chain()
            .map(|ctx| {
                self.bindings
                    .iter()
                    .filter(|b| b.context == ctx && b.action == action)
                    .flat_map(|b| b.keys.iter().copied())
                    .collect::<Vec<_>>()
            })
            .find(|keys| !keys.is_empty())
            .unwrap_or_default()
    }

    /// The first key that does `action` in a context, as a hint in a message names it ("u");
    /// its description when a config left it no key.
    pub fn hint(&self, context: Context, action: Action) -> String {
        self.keys_for(context, action)
            .first()
            .map_or_else(|| action.description().to_string(), ToString::to_string)
    }

    /// Footer hints for a context: key and short description.
    pub fn footer(&self, context: Context) -> Vec<(String, &'static str, Action)> {
        let mut hints: Vec<(String, &'static str, Action)> = context
            .chain()
            .flat_map(|ctx| {
                self.bindings
                    .iter()
                    .filter(move |b| b.in_footer && b.context == ctx)
            })
            // A key a nearer context took over is not offered for what it did further out.
            .filter(|b| {
                b.keys
                    .first()
                    .is_some_and(|k| self.lookup(context, *k) == Some(b.action))
            })
            .filter_map(|b| {
                b.keys
                    .first()
                    .map(|k| (k.to_string(), footer_word(b.action), b.action))
            })
            .collect();
        hints.dedup();
        hints
    }

    /// The keys as a Markdown table, per context: the README carries exactly this (a test
    /// checks), so the documented keys cannot drift from the real ones.
    pub fn markdown(&self) -> String {
        let mut out = String::from("| where | keys | does |\n|---|---|---|\n");
        for context in Context::ALL {
            for binding in self.bindings.iter().filter(|b| b.context == context) {
                let keys: Vec<String> = binding.keys.iter().map(|k| format!("`{k}`")).collect();
                out.push_str(&format!(
                    "| {} | {} | {} |\n",
                    context.label(),
                    keys.join(" "),
                    binding.action.description()
                ));
            }
        }
        out
    }

    /// A key that would do two things in one pane (its own binding or a global one), said
    /// in words; None when every key is unambiguous.
    pub fn clash(&self) -> Option<String> {
        for context in Context::ALL {
            let chain: Vec<Context> = context.chain().collect();
            let visible: Vec<&Binding> = self
                .bindings
                .iter()
                .filter(|b| chain.contains(&b.context))
                .collect();
            for (i, a) in visible.iter().enumerate() {
                for b in &visible[i + 1..] {
                    if a.action == b.action {
                        continue;
                    }
                    // A clash is two actions one key reaches at one level, or a pane's key
                    // hiding a global one (a config slip). A Detail section takes Detail's
                    // `e` and `d` over on purpose: they act on the section's item there.
                    let same_level = a.context == b.context;
                    let hides_global =
                        (a.context == Context::Global) != (b.context == Context::Global);
                    let in_section = [a.context, b.context]
                        .iter()
                        .any(|c| c.parent() == Some(Context::Detail));
                    // In a session `a` records an action: nobody adds a project mid-session.
                    let session_action = [a, b]
                        .iter()
                        .any(|x| x.context == Context::Session && x.action == Action::AddAction);
                    if let Some(key) = a.keys.iter().find(|k| b.keys.contains(k))
                        && (same_level || (hides_global && !in_section && !session_action))
                    {
                        return Some(format!(
                            "{key} would both {} and {} in {}",
                            a.action.description(),
                            b.action.description(),
                            context.label()
                        ));
                    }
                }
            }
        }
        None
    }

    /// Replaces an action's keys in every context where it is bound (from config.toml).
    pub fn rebind(&mut self, action: Action, keys: Vec<Key>) {
        for binding in self.bindings.iter_mut().filter(|b| b.action == action) {
            binding.keys = keys.clone();
        }
    }
}

fn footer_word(action: Action) -> &'static str {
    match action {
        Action::Help => "help",
        Action::Palette => "commands",
        Action::Undo => "undo",
        Action::Search => "search",
        Action::Quit => "quit",
        Action::MoveCardLeft => "move ←",
        Action::MoveCardRight => "move →",
        Action::Open => "open",
        Action::AddProject => "add",
        Action::SetScore => "score",
        Action::AddNote => "note",
        Action::SelectLeft => "section ←",
        Action::SelectRight => "section →",
        Action::EditPdsa => "worksheet",
        Action::EditProject => "edit",
        Action::AddPdsa => "PDSA",
        Action::RecordValue => "record",
        Action::ToggleChart => "XmR/run",
        Action::AddTeamMember => "add member",
        Action::AddMeasure => "add measure",
        Action::AddDriver => "add driver",
        Action::AddBenefit => "add benefit",
        Action::AddChangeIdea => "add idea",
        Action::EditMeasure => "edit measure",
        Action::EditBenefit => "edit benefit",
        Action::EditNote => "edit note",
        Action::RenameDriverOrIdea => "rename",
        Action::RemoveFromTeam => "remove",
        Action::Save => "save",
        Action::NextField => "next field",
        Action::Close => "close",
        Action::Yes => "yes",
        Action::No => "no",
        Action::Choose => "choose",
        Action::ListAdd => "add",
        Action::ListEdit => "edit",
        Action::ListMerge => "merge",
        other => other.description(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventKind;

    fn event(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: crossterm::event::KeyEventState::NONE,
        }
    }

    #[test]
    fn shifted_characters_match_without_their_shift_flag() {
        let keymap = Keymap::default();
        let shifted_l = normalise(&event(KeyCode::Char('L'), KeyModifiers::SHIFT));
        assert_eq!(
            keymap.lookup(Context::Board, shifted_l),
            Some(Action::MoveCardRight)
        );
        let windows_question = normalise(&event(KeyCode::Char('?'), KeyModifiers::SHIFT));
        assert_eq!(
            keymap.lookup(Context::Board, windows_question),
            Some(Action::Help)
        );
        let ctrl_r = normalise(&event(
            KeyCode::Char('R'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        ));
        assert_eq!(keymap.lookup(Context::Detail, ctrl_r), Some(Action::Redo));
    }

    #[test]
    fn every_action_has_a_key_somewhere_and_a_unique_name() {
        let keymap = Keymap::default();
        for action in Action::ALL {
            assert!(
                keymap.bindings.iter().any(|b| b.action == *action),
                "{action:?} has no key"
            );
            assert_eq!(Action::from_name(action.name()), Some(*action));
        }
    }

    #[test]
    fn no_key_does_two_things_in_one_context() {
        let keymap = Keymap::default();
        for (i, a) in keymap.bindings.iter().enumerate() {
            for b in &keymap.bindings[i + 1..] {
                if a.context == b.context && a.action != b.action {
                    for key in &a.keys {
                        assert!(
                            !b.keys.contains(key),
                            "{key} is {:?} and {:?}",
                            a.action,
                            b.action
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_default_keys_reach_one_action_each_in_every_pane() {
        assert_eq!(Keymap::default().clash(), None);
    }

    #[test]
    fn config_key_names_parse() {
        assert_eq!(Key::parse("L"), Some(Key::char('L')));
        assert_eq!(Key::parse("ctrl-R"), Some(Key::ctrl('r')));
        assert_eq!(Key::parse("enter"), Some(Key::plain(KeyCode::Enter)));
        assert_eq!(Key::parse("f5"), Some(Key::plain(KeyCode::F(5))));
        assert_eq!(Key::parse("nonsense"), None);
        // Characters whose lowercase has another length in bytes (Kelvin sign, dotted I).
        assert_eq!(Key::parse("\u{212a}"), Some(Key::char('\u{212a}')));
        assert_eq!(Key::parse("ctrl-\u{130}"), Some(Key::ctrl('\u{130}')));
        assert_eq!(Key::parse("CTRL-R"), Some(Key::ctrl('r')));
    }
}
