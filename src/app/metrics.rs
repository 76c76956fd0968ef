//! The metrics pane's state: the portfolio figures, the measure-icon summary, and the list
//! below them — stalled projects, or the projects behind an icon count once one is chosen.

use crate::domain::ProjectRef;
use crate::store::{IconGroup, IconSummary, PortfolioMetrics, ProjectFilter, Store, StoreError};
use chrono::NaiveDate;

/// The smallest pane (inside the top bar, status and footer) that shows every panel at once;
/// a smaller one shows them a set at a time.
pub const ALL_PANELS: (u16, u16) = (110, 30);

/// How many sets of panels a pane of `size` cells shows one at a time (1: all at once).
pub fn panel_pages(size: (u16, u16)) -> usize {
    if size.0 >= ALL_PANELS.0 && size.1 >= ALL_PANELS.1 {
        1
    } else {
        3
    }
}

/// Which part of the pane `j`/`k` and Enter act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetricsFocus {
    Icons,
    List,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MetricsView {
    pub portfolio: PortfolioMetrics,
    pub icons: IconSummary,
    pub focus: MetricsFocus,
    /// The selected icon group (index into [`IconGroup::ALL`]).
    pub icon: usize,
    /// The icon group whose projects the list shows; `None`: the stalled projects.
    pub group: Option<IconGroup>,
    /// The list's rows: a project and what to say about it.
    pub list: Vec<(ProjectRef, String)>,
    pub selected: usize,
    /// Which set of panels a small window shows (see [`panel_pages`]).
    pub page: usize,
}

impl MetricsView {
    pub fn load(
        store: &Store,
        filter: &ProjectFilter,
        today: NaiveDate,
        stale_weeks: u32,
    ) -> Result<MetricsView, StoreError> {
        let mut view = MetricsView {
            portfolio: store.portfolio_metrics(filter, today, stale_weeks)?,
            icons: store.measure_icon_summary(filter)?,
            focus: MetricsFocus::List,
            icon: 0,
            group: None,
            list: Vec::new(),
            selected: 0,
            page: 0,
        };
        view.show_stalled();
        Ok(view)
    }

    /// Reloads the figures, keeping what is chosen.
    pub fn refresh(
        &mut self,
        store: &Store,
        filter: &ProjectFilter,
        today: NaiveDate,
        stale_weeks: u32,
    ) -> Result<(), StoreError> {
        let group = self.group;
        let (focus, icon, selected, page) = (self.focus, self.icon, self.selected, self.page);
        *self = MetricsView::load(store, filter, today, stale_weeks)?;
        self.focus = focus;
        self.icon = icon;
        self.page = page;
        if let Some(group) = group {
            self.show_group(group, store)?;
        }
        self.selected = selected.min(self.list.len().saturating_sub(1));
        Ok(())
    }

    pub fn show_stalled(&mut self) {
        self.group = None;
        self.selected = 0;
        self.list = self
            .portfolio
            .stalled
            .iter()
            .map(|s| {
                // Why first: a narrow panel cuts the title, never the reason.
                (
                    s.reference,
                    format!("{} — {}", s.reasons().join(", "), s.title),
                )
            })
            .collect();
    }

    /// Lists the projects behind one icon count, with their titles.
    pub fn show_group(&mut self, group: IconGroup, store: &Store) -> Result<(), StoreError> {
        let refs = self.icons.projects(group);
        let titles: std::collections::HashMap<ProjectRef, String> = store
            .search_items()?
            .into_iter()
            .map(|i| (i.reference, i.title))
            .collect();
        self.list = refs
            .iter()
            .map(|r| (*r, titles.get(r).cloned().unwrap_or_default()))
            .collect();
        self.group = Some(group);
        self.selected = 0;
        self.focus = MetricsFocus::List;
        Ok(())
    }

    /// Shows the next (or previous) set of panels in a small window.
    pub fn turn_page(&mut self, step: isize, pages: usize) {
        let pages = pages.max(1) as isize;
        self.page = (self.page as isize + step).rem_euclid(pages) as usize;
    }

    pub fn selected_group(&self) -> IconGroup {
        IconGroup::ALL[self.icon.min(IconGroup::ALL.len() - 1)]
    }

    pub fn move_selection(&mut self, step: isize) {
        match self.focus {
            MetricsFocus::Icons => {
                let n = IconGroup::ALL.len() as isize;
                self.icon = (self.icon as isize + step).clamp(0, n - 1) as usize;
            }
            MetricsFocus::List => {
                let n = self.list.len() as isize;
                self.selected = (self.selected as isize + step).clamp(0, (n - 1).max(0)) as usize;
            }
        }
    }
}
