//! The board's state: its columns and cards (from the store's summary columns), the
//! selection, and which columns and cards are scrolled into view.

use crate::domain::ProjectRef;
use crate::store::{BoardCard, BoardColumn};

/// Lines a card takes on screen (four of text, one of space).
pub const CARD_HEIGHT: u16 = 5;
/// The narrowest a column may be before fewer columns are shown (six fit in 120).
pub const MIN_COLUMN_WIDTH: u16 = 20;
/// Rows that are not cards: top bar, column heading and rule, status line, footer.
pub const CHROME_ROWS: u16 = 5;

#[derive(Debug, Clone, PartialEq)]
pub struct BoardView {
    pub columns: Vec<BoardColumn>,
    /// The selected column.
    pub column: usize,
    /// The selected card in each column.
    pub rows: Vec<usize>,
    /// The first card shown in each column.
    pub offsets: Vec<usize>,
    /// The first column shown (when the window is too narrow for all).
    pub first_column: usize,
}

impl BoardView {
    pub fn new(columns: Vec<BoardColumn>) -> Self {
        let n = columns.len();
        let mut view = BoardView {
            columns,
            column: 0,
            rows: vec![0; n],
            offsets: vec![0; n],
            first_column: 0,
        };
        // Open on the first card of the first column that has one.
        if let Some(first) = view.columns.iter().position(|c| !c.cards.is_empty()) {
            view.column = first;
        }
        view
    }

    pub fn total_cards(&self) -> usize {
        self.columns.iter().map(|c| c.cards.len()).sum()
    }

    pub fn selected(&self) -> Option<&BoardCard> {
        let column = self.columns.get(self.column)?;
        column.cards.get(*self.rows.get(self.column)?)
    }

    /// Swaps in fresh columns, keeping the selection on the same project when it still shows.
    pub fn replace(&mut self, columns: Vec<BoardColumn>) {
        let keep = self.selected().map(|c| c.reference);
        let column = self.column;
        let rows = std::mem::take(&mut self.rows);
        self.columns = columns;
        let n = self.columns.len();
        self.rows = (0..n).map(|i| rows.get(i).copied().unwrap_or(0)).collect();
        self.offsets.resize(n, 0);
        self.column = column.min(n.saturating_sub(1));
        if let Some(reference) = keep {
            self.select(reference);
        }
        for (i, column) in self.columns.iter().enumerate() {
            self.rows[i] = self.rows[i].min(column.cards.len().saturating_sub(1));
        }
    }

    /// Puts a re-read card in place: where it was when its stage is unchanged, else at the end
    /// of its new stage's column (where the store puts a moved project).
    pub fn apply(&mut self, stage_id: i64, card: BoardCard) {
        let Some(target) = self.columns.iter().position(|c| c.stage.id == stage_id) else {
            return;
        };
        let found = self.columns.iter().enumerate().find_map(|(c, column)| {
            column
                .cards
                .iter()
                .position(|x| x.reference == card.reference)
                .map(|r| (c, r))
        });
        match found {
            Some((c, r)) if c == target => self.columns[c].cards[r] = card,
            Some((c, r)) => {
                self.columns[c].cards.remove(r);
                self.rows[c] = self.rows[c].min(self.columns[c].cards.len().saturating_sub(1));
                self.columns[target].cards.push(card);
            }
            None => self.columns[target].cards.push(card),
        }
    }

    /// Selects a project wherever it is; false when it is not on the board (filtered out).
    pub fn select(&mut self, reference: ProjectRef) -> bool {
        for (c, column) in self.columns.iter().enumerate() {
            if let Some(r) = column
                .cards
                .iter()
                .position(|card| card.reference == reference)
            {
                self.column = c;
                self.rows[c] = r;
                return true;
            }
        }
        false
    }

    pub fn move_selection(&mut self, columns: isize, rows: isize) {
        let n = self.columns.len();
        if n == 0 {
            return;
        }
        self.column = (self.column as isize + columns).clamp(0, n as isize - 1) as usize;
        let len = self.columns[self.column].cards.len();
        let row = self.rows[self.column] as isize + rows;
        self.rows[self.column] = row.clamp(0, len.saturating_sub(1) as isize) as usize;
    }

    pub fn select_end(&mut self, last: bool) {
        if let Some(column) = self.columns.get(self.column) {
            self.rows[self.column] = if last {
                column.cards.len().saturating_sub(1)
            } else {
                0
            };
        }
    }

    /// How many columns fit side by side in `width`.
    pub fn columns_that_fit(&self, width: u16) -> usize {
        ((width / MIN_COLUMN_WIDTH) as usize).clamp(1, self.columns.len().max(1))
    }

    /// How many cards fit in a column of a window `height` rows tall.
    pub fn cards_that_fit(height: u16) -> usize {
        (height.saturating_sub(CHROME_ROWS) / CARD_HEIGHT).max(1) as usize
    }

    /// Scrolls columns and cards so the selection is visible in a window of `size`.
    pub fn keep_in_view(&mut self, size: (u16, u16)) {
        let fit = self.columns_that_fit(size.0);
        if self.column < self.first_column {
            self.first_column = self.column;
        } else if self.column >= self.first_column + fit {
            self.first_column = self.column + 1 - fit;
        }
        self.first_column = self
            .first_column
            .min(self.columns.len().saturating_sub(fit));
        let cards = Self::cards_that_fit(size.1);
        for (i, offset) in self.offsets.iter_mut().enumerate() {
            let row = self.rows.get(i).copied().unwrap_or(0);
            if row < *offset {
                *offset = row;
            } else if row >= *offset + cards {
                *offset = row + 1 - cards;
            }
            // A column that lost cards scrolls back rather than showing empty slots.
            let len = self.columns.get(i).map_or(0, |c| c.cards.len());
            *offset = (*offset).min(len.saturating_sub(cards));
        }
    }
}
