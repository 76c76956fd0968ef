//! The terminal: raw mode, alternate screen and bracketed paste on the way in, all of it
//! restored on the way out — on `q`, on Ctrl-c, on an error and on a panic — and the event
//! loop that feeds the app and redraws.

use std::io::{self, Stdout};
use std::time::Duration;

use crossterm::event::{self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::app::{self, Config, Model};
use crate::store::Store;

/// How often the app looks for changes made by another qiboard when no key comes.
const TICK: Duration = Duration::from_millis(500);
/// How long without a key before work is done ahead (a coach reads a screen for longer).
const IDLE: Duration = Duration::from_millis(150);

fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// Restores the terminal when dropped, so every way out (error, `?`) leaves it clean.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

fn enter() -> io::Result<(Guard, Terminal<CrosstermBackend<Stdout>>)> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    enable_raw_mode()?;
    let guard = Guard;
    execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    let terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    Ok((guard, terminal))
}

/// Runs the app on an open store until the user quits.
pub fn run(store: &mut Store, config: Config) -> Result<(), String> {
    let (_guard, mut terminal) = enter().map_err(|e| format!("cannot use this terminal: {e}"))?;
    let size = terminal.size().map_err(|e| e.to_string())?;
    let mut model =
        Model::load(store, config, (size.width, size.height)).map_err(|e| e.to_string())?;
    model.board.keep_in_view(model.size);
    // Start-up never asks; it says once how the history can name who changed things.
    if store.author().is_empty() && model.status.is_none() {
        model.warn("Changes are recorded without a name: set name = \"…\" in config.toml");
    }
    loop {
        terminal
            .draw(|frame| crate::ui::draw(frame, &model))
            .map_err(|e| format!("cannot draw: {e}"))?;
        if model.quit {
            return Ok(());
        }
        // A moment with no key: read ahead what the next pane needs, never in a key's way.
        if !event::poll(IDLE).map_err(|e| e.to_string())? {
            model.idle(store);
        }
        if event::poll(TICK).map_err(|e| e.to_string())? {
            let event = event::read().map_err(|e| e.to_string())?;
            app::handle_event(&mut model, event, store);
            // Drain what else is waiting (a held key, a paste) before the next frame.
            while !model.quit && event::poll(Duration::ZERO).map_err(|e| e.to_string())? {
                let event = event::read().map_err(|e| e.to_string())?;
                app::handle_event(&mut model, event, store);
            }
        } else {
            model.tick(store);
        }
    }
}
