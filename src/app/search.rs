//! Finding a project as a coach types: the ref (or just its number) first, then whole words,
//! then the starts of words, in the title before the people and the cohort before the aim;
//! a word one slip away (`fals`) still finds `falls`. Letters scattered through unrelated text
//! never match.

use crate::domain::ProjectRef;
use crate::store::SearchItem;

/// How well one query word matched one field: lower is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Fit {
    Word,
    Prefix,
    Inside,
    /// One slip of the keyboard away from a word or its start (`fals` for falls).
    Close,
}

/// Fields by how much a match in them says (lower is better).
fn fields(item: &SearchItem) -> [(u32, &str); 5] {
    [
        (0, item.title.as_str()),
        (1, item.lead.as_deref().unwrap_or("")),
        (1, item.coach.as_deref().unwrap_or("")),
        (1, item.cohort.as_deref().unwrap_or("")),
        (2, item.aim.as_str()),
    ]
}

fn fit(word: &str, text: &str) -> Option<Fit> {
    let text = text.to_lowercase();
    let words = text.split(|c: char| !c.is_alphanumeric());
    let mut best = None;
    for w in words.filter(|w| !w.is_empty()) {
        let this = if w == word {
            Fit::Word
        } else if w.starts_with(word) {
            Fit::Prefix
        } else {
            continue;
        };
        best = Some(best.map_or(this, |b: Fit| b.min(this)));
    }
    best.or_else(|| text.contains(word).then_some(Fit::Inside))
        .or_else(|| {
            let slips = if word.chars().count() >= 8 { 2 } else { 1 };
            let close = |w: &str| {
                let start: String = w.chars().take(word.chars().count()).collect();
                strsim::damerau_levenshtein(word, w) <= slips
                    || strsim::damerau_levenshtein(word, &start) <= slips
            };
            (word.chars().count() >= 4
                && text
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.chars().count() >= 3 && close(w)))
            .then_some(Fit::Close)
        })
}

/// A ref typed as `QI-0012`, `qi-12` or `12` names that project; digits also find refs that
/// start with them (`1` finds QI-0001 and QI-0012, after QI-0001).
fn ref_score(query: &str, reference: ProjectRef) -> Option<u32> {
    if query.parse::<ProjectRef>().ok() == Some(reference) {
        return Some(0);
    }
    let digits = query
        .strip_prefix("qi-")
        .unwrap_or(query)
        .trim_start_matches('0');
    (!digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && reference.0.to_string().starts_with(digits))
    .then_some(1)
}

/// Indexes of `items` matching `query`, best first; every item for an empty query.
pub fn rank(query: &str, items: &[SearchItem]) -> Vec<usize> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return (0..items.len()).collect();
    }
    let words: Vec<&str> = query.split_whitespace().collect();
    let mut scored: Vec<(u32, usize)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            if let Some(score) = ref_score(&query, item.reference) {
                return Some((score, i));
            }
            // Every word must be found somewhere; its best place counts.
            let mut total = 0;
            for word in &words {
                let best = fields(item)
                    .iter()
                    .filter_map(|(weight, text)| fit(word, text).map(|f| (f, *weight)))
                    .min()?;
                total += 10 + best.0 as u32 * 6 + best.1 * 2;
            }
            Some((total, i))
        })
        .collect();
    scored.sort_by_key(|&(score, i)| (score, items[i].reference.0));
    scored.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(n: u32, title: &str, lead: &str, coach: &str, cohort: &str) -> SearchItem {
        SearchItem {
            reference: ProjectRef(n),
            title: title.into(),
            lead: Some(lead.into()),
            coach: Some(coach.into()),
            cohort: Some(cohort.into()),
            aim: String::new(),
        }
    }

    fn items() -> Vec<SearchItem> {
        vec![
            item(
                11,
                "Insulin safety",
                "Aisha Rahman",
                "Helen Marsh",
                "Cohort 6",
            ),
            item(
                12,
                "Falls on Ward 10",
                "Amy Pond",
                "Priya Raman",
                "Cohort 7",
            ),
            item(
                13,
                "Sickness absence in estates",
                "Oliver Grant",
                "Helen Marsh",
                "Cohort 7",
            ),
            item(
                1,
                "Discharge before noon",
                "Daniel Okoye",
                "Priya Raman",
                "Cohort 6",
            ),
        ]
    }

    fn refs(query: &str) -> Vec<u32> {
        let items = items();
        rank(query, &items)
            .into_iter()
            .map(|i| items[i].reference.0)
            .collect()
    }

    #[test]
    fn a_ref_or_its_number_comes_first() {
        assert_eq!(refs("12")[0], 12);
        assert_eq!(refs("QI-0012"), [12]);
        assert_eq!(refs("qi-12"), [12]);
        assert_eq!(refs("1"), [1, 11, 12, 13]);
    }

    #[test]
    fn words_and_their_starts_beat_scattered_letters() {
        assert_eq!(refs("fals"), [12], "the start of a word, not s-i-c-k…");
        assert_eq!(refs("falls ward"), [12]);
        assert_eq!(
            refs("priya"),
            [1, 12],
            "the coach is searched, nothing else"
        );
        assert_eq!(refs("cohort 7"), [12, 13]);
        // A title word outranks the same word in a name.
        let mut more = items();
        more.push(item(20, "Marsh drainage", "Bea", "Kit", "Cohort 8"));
        let order: Vec<u32> = rank("marsh", &more)
            .into_iter()
            .map(|i| more[i].reference.0)
            .collect();
        assert_eq!(order, [20, 11, 13]);
    }

    #[test]
    fn a_slip_of_the_keyboard_still_finds_the_word_and_nothing_scattered() {
        assert_eq!(refs("flals"), [12]);
        assert_eq!(refs("insluin"), [11]);
        assert!(refs("xylophone").is_empty());
        assert!(refs("sae").is_empty(), "s…a…e scattered through titles");
    }
}
