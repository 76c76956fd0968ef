use chrono::NaiveDate;

use super::DomainError;

/// A required text field: refused when blank, otherwise kept exactly as typed.
pub fn require_text(field: &'static str, value: &str) -> Result<String, DomainError> {
    if value.trim().is_empty() {
        return Err(DomainError::Blank { field });
    }
    Ok(value.to_string())
}

/// A title is read on a card, a board paper and a report line: one sentence, not an essay.
pub const MAX_TITLE_CHARS: usize = 200;

/// A project's title: not blank, and at most [`MAX_TITLE_CHARS`] characters.
pub fn require_title(value: &str) -> Result<String, DomainError> {
    let title = require_text("title", value)?;
    let length = title.trim().chars().count();
    if length > MAX_TITLE_CHARS {
        return Err(DomainError::TooLong {
            field: "title",
            length,
            max: MAX_TITLE_CHARS,
        });
    }
    Ok(title)
}

/// A date as people and spreadsheets write it: `YYYY-MM-DD`, `DD/MM/YYYY` with one- or
/// two-digit day and month (as Excel may write them; UK order, never US), or `3 Mar 2026`.
/// 2026-02-30 is refused, not rolled over.
pub fn read_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    // `3 Mar 2026` and `3 March 2026`, as registers type dates out.
    if text.contains(' ') {
        return ["%d %b %Y", "%d %B %Y"]
            .iter()
            .find_map(|format| NaiveDate::parse_from_str(text, format).ok());
    }
    let number = |part: &str, min: usize, max: usize| -> Option<u32> {
        let ok = (min..=max).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
        ok.then(|| part.parse().ok()).flatten()
    };
    let (year, month, day) = if let Some((y, rest)) = text.split_once('-') {
        let (m, d) = rest.split_once('-')?;
        (number(y, 4, 4)?, number(m, 1, 2)?, number(d, 1, 2)?)
    } else {
        let mut parts = text.split('/');
        let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        (number(y, 4, 4)?, number(m, 1, 2)?, number(d, 1, 2)?)
    };
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// A date typed in a form or on the command line (see [`read_date`]); empty is said as such.
pub fn parse_date(input: &str) -> Result<NaiveDate, DomainError> {
    if input.trim().is_empty() {
        return Err(DomainError::Empty {
            what: "the date",
            expected: "use YYYY-MM-DD or DD/MM/YYYY",
        });
    }
    read_date(input).ok_or_else(|| DomainError::Date(input.into()))
}

/// Measure values may be negative but must be finite: NaN and infinities are refused.
pub fn parse_value(input: &str) -> Result<f64, DomainError> {
    if input.trim().is_empty() {
        return Err(DomainError::Empty {
            what: "the value",
            expected: "type a number, e.g. 42 or -3.5",
        });
    }
    match input.trim().parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(DomainError::Value(input.into())),
    }
}

/// Field-name matching for choices typed by people: any case, and `on hold`/`on-hold`/`on_hold` alike.
pub(crate) fn normalise_choice(input: &str) -> String {
    input.trim().to_lowercase().replace([' ', '-'], "_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_that_do_not_exist_are_refused() {
        assert!(parse_date("2026-02-30").is_err());
        assert!(parse_date("2026-13-01").is_err());
        assert!(parse_date("31/02/2026").is_err());
        assert!(parse_date("2026/01/31").is_err());
        assert_eq!(
            parse_date("31/1/2026").unwrap(),
            NaiveDate::from_ymd_opt(2026, 1, 31).unwrap()
        );
        assert_eq!(parse_date(" 2026-01-31 "), parse_date("31/01/2026"));
        assert_eq!(parse_date("31 Jan 2026"), parse_date("31/01/2026"));
        assert_eq!(parse_date("31 January 2026"), parse_date("31/01/2026"));
        assert!(parse_date("31 Feb 2026").is_err());
        assert_eq!(
            parse_date("").unwrap_err().to_string(),
            "the date is empty: use YYYY-MM-DD or DD/MM/YYYY"
        );
        assert_eq!(
            parse_date("2024-02-29").unwrap(),
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
        );
    }

    #[test]
    fn values_must_be_finite() {
        for bad in ["NaN", "inf", "-inf", "infinity", "", "12a"] {
            assert!(parse_value(bad).is_err(), "{bad} accepted");
        }
        assert_eq!(parse_value("-3.5").unwrap(), -3.5);
        assert!(parse_value(" ").unwrap_err().to_string().contains("empty"));
    }

    #[test]
    fn titles_are_refused_over_200_characters_naming_the_limit() {
        let longest = "é".repeat(MAX_TITLE_CHARS);
        assert_eq!(require_title(&longest).unwrap(), longest);
        let error = require_title(&"x".repeat(5000)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "title is 5000 characters long: at most 200 are allowed"
        );
        assert!(require_title(" ").is_err());
    }

    #[test]
    fn blank_text_is_refused_but_kept_exact_otherwise() {
        assert!(require_text("title", "  \n").is_err());
        assert_eq!(
            require_text("title", " ünïcode 🙂 ").unwrap(),
            " ünïcode 🙂 "
        );
    }
}
