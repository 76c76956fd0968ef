//! Colours and emphasis for each theme. Colour never says anything alone: every coloured
//! thing also carries a letter or symbol, so `NO_COLOR` loses nothing.

use ratatui::style::{Color, Modifier, Style};

use crate::app::{Config, ThemeName};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub base: Style,
    pub dim: Style,
    pub title: Style,
    pub selected: Style,
    pub bar: Style,
    pub bar_active: Style,
    pub info: Style,
    pub warning: Style,
    pub error: Style,
    pub border: Style,
    pub border_focus: Style,
    pub key: Style,
    /// Making Data Count reference colours for point types.
    pub common_cause: Style,
    pub improvement: Style,
    pub concern: Style,
    pub neutral: Style,
    pub target: Style,
}

impl Theme {
    pub fn from_config(config: &Config) -> Theme {
        if config.no_color {
            return Theme::plain();
        }
        match config.theme {
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light(),
            ThemeName::HighContrast => Theme::high_contrast(),
        }
    }

    /// No colour at all: emphasis by bold and reverse only.
    pub fn plain() -> Theme {
        let none = Style::default();
        Theme {
            base: none,
            dim: none,
            title: none.add_modifier(Modifier::BOLD),
            selected: none.add_modifier(Modifier::REVERSED),
            bar: none,
            bar_active: none.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            info: none,
            warning: none.add_modifier(Modifier::BOLD),
            error: none.add_modifier(Modifier::BOLD),
            border: none,
            border_focus: none.add_modifier(Modifier::BOLD),
            key: none.add_modifier(Modifier::BOLD),
            common_cause: none,
            improvement: none,
            concern: none,
            neutral: none,
            target: none,
        }
    }

    fn reference_colours(mut self) -> Theme {
        self.common_cause = Style::default().fg(Color::Rgb(0xa6, 0xa6, 0xa6));
        self.improvement = Style::default().fg(Color::Rgb(0x00, 0xb0, 0xf0));
        self.concern = Style::default().fg(Color::Rgb(0xe4, 0x6c, 0x0a));
        self.neutral = Style::default().fg(Color::Rgb(0x7a, 0x3d, 0xb8));
        self.target = Style::default().fg(Color::Rgb(0xde, 0x1b, 0x1b));
        self
    }

    pub fn dark() -> Theme {
        Theme {
            base: Style::default().fg(Color::Gray),
            dim: Style::default().fg(Color::DarkGray),
            title: Style::default()
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            selected: Style::default().fg(Color::Black).bg(Color::Cyan),
            bar: Style::default()
                .fg(Color::Gray)
                .bg(Color::Rgb(0x20, 0x24, 0x2c)),
            bar_active: Style::default()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            info: Style::default().fg(Color::Green),
            warning: Style::default().fg(Color::Yellow),
            error: Style::default()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            border: Style::default().fg(Color::DarkGray),
            border_focus: Style::default().fg(Color::Cyan),
            key: Style::default()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            ..Theme::plain()
        }
        .reference_colours()
    }

    pub fn light() -> Theme {
        Theme {
            base: Style::default().fg(Color::Black),
            dim: Style::default().fg(Color::DarkGray),
            title: Style::default()
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            selected: Style::default().fg(Color::White).bg(Color::Blue),
            bar: Style::default()
                .fg(Color::Black)
                .bg(Color::Rgb(0xe4, 0xe8, 0xee)),
            bar_active: Style::default()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            info: Style::default().fg(Color::Rgb(0x00, 0x66, 0x00)),
            warning: Style::default().fg(Color::Rgb(0x99, 0x55, 0x00)),
            error: Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
            border: Style::default().fg(Color::Gray),
            border_focus: Style::default().fg(Color::Blue),
            key: Style::default()
                .fg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            ..Theme::plain()
        }
        .reference_colours()
    }

    pub fn high_contrast() -> Theme {
        Theme {
            base: Style::default().fg(Color::White),
            dim: Style::default().fg(Color::White),
            title: Style::default()
                .fg(Color::White)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected: Style::default()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            bar: Style::default().fg(Color::White).bg(Color::Black),
            bar_active: Style::default()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            info: Style::default()
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            warning: Style::default()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            error: Style::default()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            border: Style::default().fg(Color::White),
            border_focus: Style::default()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            key: Style::default()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            ..Theme::plain()
        }
        .reference_colours()
    }
}
