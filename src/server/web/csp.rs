//! The security headers of every page: a Content-Security-Policy that allows scripts, styles,
//! fetches and forms only from this origin and no inline script, plus `nosniff`, no referrer
//! and no framing. The allegation draft's inline `<style>` is allowed by its SHA-256, computed
//! once from the same CSS the draft embeds, so the policy cannot fall out of step with it.

use std::sync::OnceLock;

use actix_web::HttpResponseBuilder;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::report::tip::html_style::CSS;

/// The policy, built once.
pub fn policy() -> &'static str {
    static POLICY: OnceLock<String> = OnceLock::new();
    POLICY.get_or_init(|| {
        let hash = STANDARD.encode(Sha256::digest(CSS.as_bytes()));
        format!(
            "default-src 'none'; script-src 'self'; style-src 'self' 'sha256-{hash}'; \
             img-src 'self' data:; connect-src 'self'; form-action 'self'; \
             frame-ancestors 'none'; base-uri 'none'"
        )
    })
}

/// Adds the security headers to a page or asset response.
pub fn secure(mut response: HttpResponseBuilder) -> HttpResponseBuilder {
    response
        .insert_header(("content-security-policy", policy()))
        .insert_header(("x-content-type-options", "nosniff"))
        .insert_header(("referrer-policy", "no-referrer"))
        .insert_header(("x-frame-options", "DENY"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_allows_no_inline_script_and_only_the_drafts_style() {
        let policy = policy();
        assert!(policy.contains("script-src 'self';"), "{policy}");
        assert!(!policy.contains("unsafe-inline"));
        assert!(!policy.contains("unsafe-eval"));
        let hash = STANDARD.encode(Sha256::digest(CSS.as_bytes()));
        assert!(policy.contains(&format!("'sha256-{hash}'")));
    }
}
