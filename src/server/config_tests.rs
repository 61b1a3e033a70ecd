//! Specification of the layered service settings: precedence, defaults and refused values.

use std::io::Write;

use super::*;

fn config_file(text: &str) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().expect("temp file");
    file.write_all(text.as_bytes()).expect("write");
    file
}

const NO_ENV: [(&str, &str); 0] = [];

#[test]
fn with_nothing_set_the_service_listens_on_loopback_8080_with_a_50_mb_limit() {
    let config = ServerConfig::layered(None, NO_ENV, Layer::default()).expect("defaults");
    assert_eq!(config.bind.to_string(), "127.0.0.1:8080");
    assert_eq!(config.max_body_bytes, 50 * 1024 * 1024);
    assert_eq!(config.indicators, None);
    assert_eq!(config.log, "info");
    assert!(config.max_concurrent_screenings >= SCREENINGS_PER_CORE);
    assert_eq!(config, ServerConfig::defaults());
}

#[test]
fn the_environment_overrides_the_file_and_flags_override_the_environment() {
    let file = config_file(
        "bind = \"0.0.0.0:9000\"\nmax_body_mb = 5\nworkers = 3\nlog_format = \"json\"\n",
    );
    let env = [
        ("CAATSA_MAX_BODY_MB", "7"),
        ("CAATSA_WORKERS", "4"),
        ("PATH", "/usr/bin"),
    ];
    let flags = Layer {
        workers: Some(6),
        ..Layer::default()
    };
    let config = ServerConfig::layered(Some(file.path()), env, flags).expect("valid");
    assert_eq!(config.bind.to_string(), "0.0.0.0:9000", "from the file");
    assert_eq!(config.max_body_bytes, 7 * 1024 * 1024, "env over file");
    assert_eq!(config.workers, Some(6), "flag over env");
    assert_eq!(config.log_format, LogFormat::Json, "from the file");
}

#[test]
fn rust_log_is_the_filter_only_when_no_layer_sets_log() {
    let env = [("RUST_LOG", "debug")];
    let config = ServerConfig::layered(None, env, Layer::default()).expect("valid");
    assert_eq!(config.log, "debug");
    let env = [("RUST_LOG", "debug"), ("CAATSA_LOG", "warn")];
    let config = ServerConfig::layered(None, env, Layer::default()).expect("valid");
    assert_eq!(config.log, "warn");
}

#[test]
fn an_unknown_key_in_the_config_file_is_refused_with_the_list_of_keys() {
    let file = config_file("max_body = 5\n");
    let error = ServerConfig::layered(Some(file.path()), NO_ENV, Layer::default())
        .expect_err("unknown key");
    let text = error.to_string();
    assert!(text.contains("max_body"), "{text}");
    assert!(
        text.contains("max_body_mb"),
        "names the accepted keys: {text}"
    );
}

#[test]
fn a_non_numeric_environment_value_names_the_variable() {
    let env = [("CAATSA_MAX_BODY_MB", "lots")];
    let error = ServerConfig::layered(None, env, Layer::default()).expect_err("not a number");
    assert!(error.to_string().contains("CAATSA_MAX_BODY_MB"), "{error}");
}

#[test]
fn a_bind_address_without_a_port_is_refused_with_an_example() {
    let flags = Layer {
        bind: Some("localhost".to_owned()),
        ..Layer::default()
    };
    let error = ServerConfig::layered(None, NO_ENV, flags).expect_err("no port");
    assert!(error.to_string().contains("0.0.0.0:8080"), "{error}");
}

#[test]
fn a_zero_body_limit_zero_workers_and_a_zero_idle_timeout_are_refused() {
    for flags in [
        Layer {
            max_body_mb: Some(0),
            ..Layer::default()
        },
        Layer {
            workers: Some(0),
            ..Layer::default()
        },
        Layer {
            body_idle_timeout_secs: Some(0),
            ..Layer::default()
        },
        Layer {
            screening_timeout_secs: Some(0),
            ..Layer::default()
        },
    ] {
        assert!(ServerConfig::layered(None, NO_ENV, flags).is_err());
    }
}

#[test]
fn a_zero_screening_budget_is_allowed_and_kept() {
    let env = [("CAATSA_MAX_CONCURRENT_SCREENINGS", "0")];
    let config = ServerConfig::layered(None, env, Layer::default()).expect("valid");
    assert_eq!(config.max_concurrent_screenings, 0);
}

#[test]
fn every_key_is_accepted_in_the_config_file() {
    let text = "bind = \"127.0.0.1:0\"\nindicators = \"kb.json\"\nmax_body_mb = 1\nworkers = 1\n\
                max_concurrent_screenings = 1\nadmission_wait_ms = 0\nretry_after_secs = 2\n\
                shutdown_timeout_secs = 3\nlog = \"warn\"\nlog_format = \"compact\"\n\
                max_list_age_days = 45\nbody_idle_timeout_secs = 7\nscreening_timeout_secs = 9\n\
                database_url = \"sqlite://records/c.db\"\ninsecure_no_auth = true\n";
    assert_eq!(text.lines().count(), KEYS.len());
    let file = config_file(text);
    let config = ServerConfig::layered(Some(file.path()), NO_ENV, Layer::default()).expect("valid");
    assert_eq!(config.retry_after_secs, 2);
    assert_eq!(config.screening_timeout, std::time::Duration::from_secs(9));
    assert_eq!(config.indicators, Some(PathBuf::from("kb.json")));
    assert_eq!(config.max_list_age_days, 45);
    assert_eq!(config.body_idle_timeout, std::time::Duration::from_secs(7));
    assert_eq!(config.database_url, "sqlite://records/c.db");
    assert!(config.insecure_no_auth);
}

#[test]
fn the_database_defaults_to_a_local_sqlite_file_and_bad_urls_fail_at_start() {
    let config = ServerConfig::layered(None, NO_ENV, Layer::default()).expect("valid");
    assert_eq!(config.database_url, "sqlite://caatsa-screen.db");
    assert!(!config.insecure_no_auth);
    let env = [("CAATSA_DATABASE_URL", "postgres://app@db/records")];
    let config = ServerConfig::layered(None, env, Layer::default()).expect("valid");
    assert_eq!(config.database_url, "postgres://app@db/records");
    let bad = [("CAATSA_DATABASE_URL", "mysql://app:pw@db/x")];
    let error = ServerConfig::layered(None, bad, Layer::default()).expect_err("unknown scheme");
    assert!(!error.to_string().contains("pw"), "{error}");
    let bad = [("CAATSA_INSECURE_NO_AUTH", "maybe")];
    assert!(ServerConfig::layered(None, bad, Layer::default()).is_err());
}

#[test]
fn the_list_age_limit_comes_from_the_environment_and_defaults_to_30() {
    let env = [("CAATSA_MAX_LIST_AGE_DAYS", "400")];
    let config = ServerConfig::layered(None, env, Layer::default()).expect("valid");
    assert_eq!(config.max_list_age_days, 400);
    let config = ServerConfig::layered(None, NO_ENV, Layer::default()).expect("valid");
    assert_eq!(config.max_list_age_days, 30);
    let bad = [("CAATSA_MAX_LIST_AGE_DAYS", "-1")];
    assert!(ServerConfig::layered(None, bad, Layer::default()).is_err());
}
