//! A demo portfolio in memory with today and the demo's anchor fixed, a model over it, and
//! key presses fed through the same path the terminal uses.

#![allow(dead_code)]

use chrono::{NaiveDate, TimeZone, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use qiboard::app::{self, Config, Model};
use qiboard::clock::Clock;
use qiboard::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub fn anchor() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

pub fn demo_store() -> Store {
    let clock = Clock::fixed(Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap());
    let mut store = Store::open_in_memory(clock).unwrap();
    let stages = store.stage_uuids().unwrap();
    let portfolio = qiboard::demo::demo_portfolio(&stages, anchor());
    store.load(&portfolio, "demo", &mut |_| {}).unwrap();
    store
}

pub fn model(store: &Store, size: (u16, u16)) -> Model {
    let mut model = Model::load(store, Config::default(), size).unwrap();
    model.board.keep_in_view(size);
    model
}

/// Draws the model into a test terminal and returns the screen as text.
pub fn screen(model: &Model) -> String {
    let backend = TestBackend::new(model.size.0, model.size.1);
    let mut terminal = Terminal::new(backend).unwrap();
    terminal
        .draw(|frame| qiboard::ui::draw(frame, model))
        .unwrap();
    let buffer = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buffer.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = ratatui::text::Span::raw(symbol).width().saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A key press as crossterm reports it (capitals carry SHIFT, as on real terminals).
pub fn press(model: &mut Model, store: &mut Store, code: KeyCode) {
    let modifiers = match code {
        KeyCode::Char(c) if c.is_ascii_uppercase() || "?:".contains(c) => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    app::handle_event(model, Event::Key(KeyEvent::new(code, modifiers)), store);
}

pub fn ctrl(model: &mut Model, store: &mut Store, c: char) {
    app::handle_event(
        model,
        Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
        store,
    );
}

pub fn keys(model: &mut Model, store: &mut Store, text: &str) {
    for c in text.chars() {
        press(model, store, KeyCode::Char(c));
    }
}
