//! Drawing one full frame at 200×50 on the large portfolio, the model already loaded:
//! the board (5,000 cards; only the visible ones are drawn) and the metrics pane.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod common;

use common::{clock, large_portfolio};
use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use qiboard::app::{self, Config, Model};
use qiboard::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn frames(c: &mut Criterion) {
    let path = large_portfolio();
    let mut store = Store::open(&path, clock()).unwrap();
    let mut model = Model::load(&store, Config::default(), (200, 50)).unwrap();
    model.board.keep_in_view(model.size);
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
    c.bench_function("draw board frame 200x50 (large)", |b| {
        b.iter(|| {
            terminal.draw(|f| qiboard::ui::draw(f, &model)).unwrap();
        })
    });
    app::handle_event(
        &mut model,
        Event::Key(KeyEvent::new(KeyCode::Char('3'), KeyModifiers::NONE)),
        &mut store,
    );
    assert!(model.metrics.is_some());
    let today = model.today;
    c.bench_function("open Metrics: read every aggregate (large)", |b| {
        b.iter(|| qiboard::app::MetricsView::load(&store, &Default::default(), today, 6).unwrap())
    });
    c.bench_function("draw metrics frame 200x50 (large)", |b| {
        b.iter(|| {
            terminal.draw(|f| qiboard::ui::draw(f, &model)).unwrap();
        })
    });
    app::handle_event(
        &mut model,
        Event::Key(KeyEvent::new(KeyCode::Char('1'), KeyModifiers::NONE)),
        &mut store,
    );
    app::handle_event(
        &mut model,
        Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
        &mut store,
    );
    c.bench_function("draw detail frame 200x50 (large)", |b| {
        b.iter(|| {
            terminal.draw(|f| qiboard::ui::draw(f, &model)).unwrap();
        })
    });
    c.bench_function("key j: selection moved + frame (large)", |b| {
        let mut model = Model::load(&store, Config::default(), (200, 50)).unwrap();
        let mut down = true;
        b.iter(|| {
            let code = if down {
                KeyCode::Char('j')
            } else {
                KeyCode::Char('k')
            };
            down = !down;
            app::handle_event(
                &mut model,
                Event::Key(KeyEvent::new(code, KeyModifiers::NONE)),
                &mut store,
            );
            terminal.draw(|f| qiboard::ui::draw(f, &model)).unwrap();
        })
    });
    c.bench_function("key L then H: card moved, stored + frame (large)", |b| {
        let mut model = Model::load(&store, Config::default(), (200, 50)).unwrap();
        let mut right = true;
        b.iter(|| {
            let code = if right {
                KeyCode::Char('L')
            } else {
                KeyCode::Char('H')
            };
            right = !right;
            app::handle_event(
                &mut model,
                Event::Key(KeyEvent::new(code, KeyModifiers::SHIFT)),
                &mut store,
            );
            terminal.draw(|f| qiboard::ui::draw(f, &model)).unwrap();
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = frames
}
criterion_main!(benches);
