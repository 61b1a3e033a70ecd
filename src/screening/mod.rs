//! Screening: rules turn a manifest line into flags, flags into a verdict.
