//! API keys: `csk_<id>_<secret>`. The id is public (it is how a key is found, listed and
//! revoked); the secret is 32 random bytes shown once, at creation, and stored only as its
//! SHA-256. A presented key is found by its id and its secret's hash compared in constant time,
//! so neither the lookup nor the comparison reveals how much of a guess was right. Plain SHA-256
//! (not a password hash) is enough because the secret has 256 bits of entropy: there is no
//! dictionary to search.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use super::records::{KeyRecord, Role};

/// Every key starts with this, so a leaked key is recognisable by secret scanners.
pub const PREFIX: &str = "csk_";
const ID_BYTES: usize = 6;
const SECRET_BYTES: usize = 32;

/// A freshly made key: the record to store and the full key to show once.
pub struct IssuedKey {
    pub record: KeyRecord,
    pub key: String,
}

#[derive(Debug, thiserror::Error)]
#[error("the system random source failed: {0}")]
pub struct RandomError(String);

/// Makes a key for `tenant`.
pub fn issue(
    tenant: &str,
    name: &str,
    role: Role,
    created_at: &str,
) -> Result<IssuedKey, RandomError> {
    let mut id = [0u8; ID_BYTES];
    let mut secret = [0u8; SECRET_BYTES];
    getrandom::fill(&mut id).map_err(|e| RandomError(e.to_string()))?;
    getrandom::fill(&mut secret).map_err(|e| RandomError(e.to_string()))?;
    let key_id: String = id.iter().map(|b| format!("{b:02x}")).collect();
    let secret_text = URL_SAFE_NO_PAD.encode(secret);
    Ok(IssuedKey {
        key: format!("{PREFIX}{key_id}_{secret_text}"),
        record: KeyRecord {
            key_id,
            tenant: tenant.to_owned(),
            name: name.to_owned(),
            role,
            secret_sha256: digest(&secret_text),
            created_at: created_at.to_owned(),
            revoked_at: None,
        },
    })
}

/// The id and secret of a presented key, or `None` when it is not shaped like one.
pub fn split(presented: &str) -> Option<(&str, &str)> {
    let rest = presented.strip_prefix(PREFIX)?;
    let (id, secret) = rest.split_once('_')?;
    let id_ok = id.len() == ID_BYTES * 2 && id.bytes().all(|b| b.is_ascii_hexdigit());
    (id_ok && !secret.is_empty()).then_some((id, secret))
}

/// Whether `secret` is the secret of `record` (constant time in the secret's content).
pub fn verify(record: &KeyRecord, secret: &str) -> bool {
    bool::from(digest(secret).ct_eq(&record.secret_sha256))
}

fn digest(secret: &str) -> Vec<u8> {
    Sha256::digest(secret.as_bytes()).to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_issued_key_verifies_and_a_changed_one_does_not() {
        let issued = issue("acme", "ops", Role::Analyst, "2026-12-02T00:00:00Z").unwrap();
        let (id, secret) = split(&issued.key).expect("well formed");
        assert_eq!(id, issued.record.key_id);
        assert!(verify(&issued.record, secret));
        let mut wrong = secret.to_owned();
        let last = if wrong.ends_with('A') { "B" } else { "A" };
        wrong.replace_range(wrong.len() - 1.., last);
        assert!(!verify(&issued.record, &wrong));
        assert!(!issued
            .key
            .contains(&format!("{:?}", issued.record.secret_sha256)));
    }

    #[test]
    fn two_keys_differ_and_malformed_keys_do_not_split() {
        let a = issue("t", "a", Role::Admin, "x").unwrap();
        let b = issue("t", "a", Role::Admin, "x").unwrap();
        assert_ne!(a.key, b.key);
        assert_ne!(a.record.key_id, b.record.key_id);
        for bad in [
            "",
            "csk_",
            "csk_abc_def",
            "xyz_0123456789ab_s",
            "csk_0123456789ab_",
            "csk_0123456789zz_s",
        ] {
            assert!(split(bad).is_none(), "{bad}");
        }
    }
}
