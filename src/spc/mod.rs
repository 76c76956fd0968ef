//! Measurement for improvement (being written).
