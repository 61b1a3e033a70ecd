//! Renderers of screening results.
