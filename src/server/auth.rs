//! Who is calling: the [`Caller`] extractor reads `Authorization: Bearer KEY`, finds the key by
//! its id, checks its secret in constant time (`store::keys`), and names the tenant whose data
//! the request may see and the role it may act in.
//!
//! Two modes, fixed when the server starts ([`AuthMode`]). With keys in the database (or bound
//! beyond loopback) every `/v1` request needs a valid key; a missing, unknown or revoked key is
//! a 401 with `WWW-Authenticate`, and an unknown key answers exactly as a revoked or mistyped one,
//! so a probe learns nothing about which keys exist.
//! With no keys the server only listens on loopback (startup refuses anything else unless told
//! `--insecure-no-auth`) and a request without a key acts as the `local` tenant with the admin
//! role: one person on their own machine. A request that does send a key is checked even then,
//! so a client configured for production fails the same way on a laptop.

use actix_web::http::header::AUTHORIZATION;
use actix_web::{dev::Payload, web, FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;

use super::error::{ApiError, ErrorCode};
use super::state::AppState;
use crate::store::{keys, Role};

/// The `WWW-Authenticate` challenge of a 401.
pub const CHALLENGE: &str = "Bearer realm=\"caatsa-screen\"";

/// The tenant of requests without a key when the server runs without keys.
pub const LOCAL_TENANT: &str = "local";

/// Whether requests must carry a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthMode {
    /// Every `/v1` request needs a valid key.
    Keys,
    /// Requests without a key act as the `local` admin.
    Open,
}

/// The caller of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub tenant: String,
    /// The key's name (recorded with decisions).
    pub name: String,
    pub role: Role,
}

impl Caller {
    fn local() -> Caller {
        Caller {
            tenant: LOCAL_TENANT.to_owned(),
            name: LOCAL_TENANT.to_owned(),
            role: Role::Admin,
        }
    }

    /// Refuses non-admin callers.
    pub fn require_admin(&self, action: &str) -> Result<(), ApiError> {
        match self.role {
            Role::Admin => Ok(()),
            Role::Analyst => Err(ApiError::new(
                ErrorCode::Forbidden,
                format!(
                    "{action} needs an admin key; this key ({}) is an analyst key",
                    self.name
                ),
            )),
        }
    }
}

fn unauthorized(message: &str) -> ApiError {
    ApiError::new(ErrorCode::Unauthorized, message)
}

/// The key of an `Authorization` header value: `Bearer KEY` (scheme in any case).
pub fn bearer(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

/// Checks a presented key against the store.
pub async fn authenticate(state: &AppState, presented: &str) -> Result<Caller, ApiError> {
    const REJECTED: &str = "the API key is not valid (unknown, revoked or mistyped); \
                            send `Authorization: Bearer csk_...` with a key from \
                            `caatsa-screen keys create`";
    let Some((id, secret)) = keys::split(presented) else {
        return Err(unauthorized(REJECTED));
    };
    let record = state
        .store
        .key(id)
        .await
        .map_err(|e| state.storage_error(e))?;
    match record {
        Some(record) if record.revoked_at.is_none() && keys::verify(&record, secret) => {
            Ok(Caller {
                tenant: record.tenant,
                name: record.name,
                role: record.role,
            })
        }
        _ => Err(unauthorized(REJECTED)),
    }
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Caller, ApiError>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = request.app_data::<web::Data<AppState>>().cloned();
        let header = request
            .headers()
            .get(AUTHORIZATION)
            .map(|v| v.to_str().map(str::to_owned));
        Box::pin(async move {
            let state = state.ok_or_else(|| ApiError::internal("no app state", "missing"))?;
            match header {
                None if state.auth == AuthMode::Open => Ok(Caller::local()),
                None => Err(unauthorized(
                    "this server needs an API key: send `Authorization: Bearer csk_...` \
                     (keys are made with `caatsa-screen keys create`)",
                )),
                Some(Err(_)) => Err(unauthorized("the Authorization header is not text")),
                Some(Ok(value)) => match bearer(&value) {
                    Some(key) => authenticate(&state, key).await,
                    None => Err(unauthorized(
                        "the Authorization header must be `Bearer <key>`",
                    )),
                },
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearer_takes_the_token_of_the_bearer_scheme_only() {
        assert_eq!(bearer("Bearer csk_x"), Some("csk_x"));
        assert_eq!(bearer("bearer   csk_x "), Some("csk_x"));
        assert_eq!(bearer("Basic dXNlcjpwYXNz"), None);
        assert_eq!(bearer("Bearer "), None);
        assert_eq!(bearer("csk_x"), None);
    }

    #[test]
    fn only_admins_pass_require_admin() {
        let mut caller = Caller::local();
        assert!(caller.require_admin("reloading").is_ok());
        caller.role = Role::Analyst;
        let error = caller.require_admin("reloading").expect_err("analyst");
        assert_eq!(error.code, ErrorCode::Forbidden);
    }
}
