//! Specification of the error table and the one JSON error shape.

use super::*;

#[test]
fn every_code_is_unique_and_snake_case() {
    let mut codes: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    assert!(codes
        .iter()
        .all(|c| c.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_')));
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), ErrorCode::ALL.len());
}

#[test]
fn errors_render_the_one_json_shape_with_retry_after_when_set() {
    let error = ApiError::new(ErrorCode::Overloaded, "busy").with_retry_after(2);
    let response = error.error_response();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        response
            .headers()
            .get(header::RETRY_AFTER)
            .map(|v| v.as_bytes()),
        Some(&b"2"[..])
    );
    let body = serde_json::to_value(error.body()).expect("serializable");
    assert_eq!(
        body,
        json!({"error": {"code": "overloaded", "message": "busy", "details": []}})
    );
}

#[test]
fn manifest_errors_map_to_their_codes_with_positions() {
    let json: ApiError = ManifestError::Json {
        line: 3,
        column: 7,
        message: "expected value".into(),
    }
    .into();
    assert_eq!(json.code, ErrorCode::MalformedJson);
    assert_eq!(json.details, vec![json!({"line": 3, "column": 7})]);
    let csv: ApiError = ManifestError::Csv {
        line: 1,
        message: "bad".into(),
    }
    .into();
    assert_eq!(csv.code.status(), StatusCode::BAD_REQUEST);
    assert_eq!(csv.details, vec![json!({"line": 1})]);
    let empty: ApiError = ManifestError::Empty.into();
    assert_eq!(empty.code, ErrorCode::NoScreenableLine);
}

#[test]
fn internal_errors_do_not_leak_their_cause() {
    let error = ApiError::internal("test", "secret path /etc/x failed");
    assert!(!error.message.contains("secret"));
    assert_eq!(error.code.status(), StatusCode::INTERNAL_SERVER_ERROR);
}

#[test]
fn no_screenable_line_lists_at_most_the_detail_limit() {
    let errors: Vec<RowError> = (0..(MAX_ERROR_DETAILS as u64 + 5))
        .map(|i| RowError::new(Some(i + 2), None, "bad row"))
        .collect();
    let error = ApiError::no_screenable_line(&errors);
    assert_eq!(error.details.len(), MAX_ERROR_DETAILS);
    assert!(error.message.contains(&errors.len().to_string()));
}
