//! Point types and the two Making Data Count icons.
//!
//! As in NHSRplotthedots 0.2.2 (`ptd_point_type`, `ptd_get_icons`,
//! `ptd_calculate_assurance_type`): the variation icon is the point type of the last row
//! (a missing last value is common cause); the assurance compares the target with the last
//! row's process limits, strictly (a target on a limit is hit and miss), and undefined limits
//! compare as false in R, so they also give hit and miss.

use super::{Direction, Rule};
use serde::Serialize;

/// What a point says about the process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PointType {
    /// No rule fired.
    #[default]
    CommonCause,
    /// Special cause in the wanted direction.
    Improvement,
    /// Special cause in the unwanted direction.
    Concern,
    /// Special cause upwards where neither direction is better.
    NeutralHigh,
    /// Special cause downwards where neither direction is better.
    NeutralLow,
}

impl PointType {
    /// Multiplies the rule's direction by the improvement direction, as the reference does.
    pub fn from_rule(rule: Rule, direction: Direction) -> PointType {
        let side = rule.sign();
        if side == 0 {
            return PointType::CommonCause;
        }
        match direction.sign() * side {
            0 if side > 0 => PointType::NeutralHigh,
            0 => PointType::NeutralLow,
            v if v > 0 => PointType::Improvement,
            _ => PointType::Concern,
        }
    }

    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            PointType::CommonCause => "common_cause",
            PointType::Improvement => "improvement",
            PointType::Concern => "concern",
            PointType::NeutralHigh => "neutral_high",
            PointType::NeutralLow => "neutral_low",
        }
    }

    /// The reference colour (DOMAIN.md) as "#rrggbb".
    pub fn colour(self) -> &'static str {
        match self {
            PointType::CommonCause => "#a6a6a6",
            PointType::Improvement => "#00b0f0",
            PointType::Concern => "#e46c0a",
            PointType::NeutralHigh | PointType::NeutralLow => "#490092",
        }
    }

    /// A letter, so colour is never the only signal.
    pub fn letter(self) -> char {
        match self {
            PointType::CommonCause => '·',
            PointType::Improvement => 'I',
            PointType::Concern => 'C',
            PointType::NeutralHigh => 'H',
            PointType::NeutralLow => 'L',
        }
    }
}

/// The variation icon: the last point's type, with the side it lies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Variation {
    #[default]
    CommonCause,
    ImprovementHigh,
    ImprovementLow,
    ConcernHigh,
    ConcernLow,
    NeutralHigh,
    NeutralLow,
}

impl Variation {
    /// The reference picks the side from the improvement direction: improvement is high when
    /// increase is better, concern is low, and the other way round for decrease.
    pub fn from_last_point(point_type: PointType, direction: Direction) -> Variation {
        let increase = direction == Direction::Increase;
        match point_type {
            PointType::CommonCause => Variation::CommonCause,
            PointType::NeutralHigh => Variation::NeutralHigh,
            PointType::NeutralLow => Variation::NeutralLow,
            PointType::Improvement if increase => Variation::ImprovementHigh,
            PointType::Improvement => Variation::ImprovementLow,
            PointType::Concern if increase => Variation::ConcernLow,
            PointType::Concern => Variation::ConcernHigh,
        }
    }

    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Variation::CommonCause => "common_cause",
            Variation::ImprovementHigh => "improvement_high",
            Variation::ImprovementLow => "improvement_low",
            Variation::ConcernHigh => "concern_high",
            Variation::ConcernLow => "concern_low",
            Variation::NeutralHigh => "neutral_high",
            Variation::NeutralLow => "neutral_low",
        }
    }

    pub const ALL: [Variation; 7] = [
        Variation::CommonCause,
        Variation::ImprovementHigh,
        Variation::ImprovementLow,
        Variation::ConcernHigh,
        Variation::ConcernLow,
        Variation::NeutralHigh,
        Variation::NeutralLow,
    ];

    /// Words for a summary ("special cause improvement (high)").
    pub fn describe(self) -> &'static str {
        match self {
            Variation::CommonCause => "common cause variation",
            Variation::ImprovementHigh => "special cause improvement (high)",
            Variation::ImprovementLow => "special cause improvement (low)",
            Variation::ConcernHigh => "special cause concern (high)",
            Variation::ConcernLow => "special cause concern (low)",
            Variation::NeutralHigh => "special cause variation (neutral, high)",
            Variation::NeutralLow => "special cause variation (neutral, low)",
        }
    }

    /// A short text badge for terminals, e.g. `[I↑]`.
    pub fn badge(self) -> &'static str {
        match self {
            Variation::CommonCause => "[~]",
            Variation::ImprovementHigh => "[I↑]",
            Variation::ImprovementLow => "[I↓]",
            Variation::ConcernHigh => "[C↑]",
            Variation::ConcernLow => "[C↓]",
            Variation::NeutralHigh => "[N↑]",
            Variation::NeutralLow => "[N↓]",
        }
    }
}

/// The assurance icon: will the process meet its target?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Assurance {
    /// The target lies outside the limits on the unwanted side: every point will meet it.
    Pass,
    /// The target lies outside the limits on the wanted side: no point will meet it.
    Fail,
    /// The target lies between the limits (or on one): the process will hit and miss it.
    HitAndMiss,
}

impl Assurance {
    /// `None` without a target or with a neutral direction. Undefined limits (`None`) give
    /// hit and miss, as R's `NA` comparisons fall through to "inconsistent".
    pub fn assess(
        target: Option<f64>,
        direction: Direction,
        lpl: Option<f64>,
        upl: Option<f64>,
    ) -> Option<Assurance> {
        let target = target?;
        if direction == Direction::Neutral {
            return None;
        }
        let increase = direction == Direction::Increase;
        let above = matches!(upl, Some(u) if target > u);
        let below = matches!(lpl, Some(l) if target < l);
        Some(match (above, below) {
            (true, _) if increase => Assurance::Fail,
            (true, _) => Assurance::Pass,
            (_, true) if increase => Assurance::Pass,
            (_, true) => Assurance::Fail,
            _ => Assurance::HitAndMiss,
        })
    }

    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Assurance::Pass => "pass",
            Assurance::Fail => "fail",
            Assurance::HitAndMiss => "hit_and_miss",
        }
    }

    pub const ALL: [Assurance; 3] = [Assurance::Pass, Assurance::Fail, Assurance::HitAndMiss];

    /// Words for a legend or a summary.
    pub fn describe(self) -> &'static str {
        match self {
            Assurance::Pass => "consistently meets the target",
            Assurance::Fail => "consistently misses the target",
            Assurance::HitAndMiss => "hits and misses the target",
        }
    }

    /// A short text badge for terminals.
    pub fn badge(self) -> &'static str {
        match self {
            Assurance::Pass => "[P]",
            Assurance::Fail => "[F]",
            Assurance::HitAndMiss => "[?]",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn point_type_multiplies_directions() {
        use Direction::*;
        assert_eq!(
            PointType::from_rule(Rule::ShiftUpper, Increase),
            PointType::Improvement
        );
        assert_eq!(
            PointType::from_rule(Rule::ShiftUpper, Decrease),
            PointType::Concern
        );
        assert_eq!(
            PointType::from_rule(Rule::TrendDown, Decrease),
            PointType::Improvement
        );
        assert_eq!(
            PointType::from_rule(Rule::OutsideLower, Neutral),
            PointType::NeutralLow
        );
        assert_eq!(
            PointType::from_rule(Rule::OutsideUpper, Neutral),
            PointType::NeutralHigh
        );
        assert_eq!(
            PointType::from_rule(Rule::None, Increase),
            PointType::CommonCause
        );
    }

    #[test]
    fn assurance_is_strict_at_the_limits() {
        use Direction::*;
        let a = |t, d| Assurance::assess(Some(t), d, Some(1.0), Some(3.0));
        assert_eq!(a(4.0, Increase), Some(Assurance::Fail));
        assert_eq!(a(0.0, Increase), Some(Assurance::Pass));
        assert_eq!(a(4.0, Decrease), Some(Assurance::Pass));
        assert_eq!(a(0.0, Decrease), Some(Assurance::Fail));
        assert_eq!(a(3.0, Increase), Some(Assurance::HitAndMiss));
        assert_eq!(a(1.0, Decrease), Some(Assurance::HitAndMiss));
        assert_eq!(a(2.0, Neutral), None);
        assert_eq!(
            Assurance::assess(None, Increase, Some(1.0), Some(3.0)),
            None
        );
        assert_eq!(
            Assurance::assess(Some(9.0), Increase, None, None),
            Some(Assurance::HitAndMiss)
        );
    }

    #[test]
    fn variation_side_follows_direction() {
        use Direction::*;
        let v = Variation::from_last_point;
        assert_eq!(
            v(PointType::Improvement, Increase),
            Variation::ImprovementHigh
        );
        assert_eq!(
            v(PointType::Improvement, Decrease),
            Variation::ImprovementLow
        );
        assert_eq!(v(PointType::Concern, Increase), Variation::ConcernLow);
        assert_eq!(v(PointType::Concern, Decrease), Variation::ConcernHigh);
    }
}
