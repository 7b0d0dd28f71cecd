//! Flags shared by every validating subcommand, turned into engine `Options`.

use std::path::PathBuf;

use crate::options::{Environment, Level, Limits, MAX_DEPTH_BOUND, MAX_DIAGNOSTICS_BOUND, Options};

#[derive(clap::Args, Debug, Default)]
pub struct RuleFlags {
    /// The environment the integration targets (demo tokens are errors in production).
    #[arg(long, value_enum, default_value = "demo")]
    pub environment: EnvironmentFlag,
    /// Evaluation date for lifecycle rules, YYYY-MM-DD (default: today).
    #[arg(long, value_parser = evaluation_date)]
    pub date: Option<String>,
    /// Report this rule as an error (repeatable).
    #[arg(long = "deny", value_name = "RULE", value_parser = rule_id)]
    pub deny: Vec<String>,
    /// Do not report this rule (repeatable).
    #[arg(long = "allow", value_name = "RULE", value_parser = rule_id)]
    pub allow: Vec<String>,
    /// The largest input checked, in bytes (default 134217728): a larger one is one
    /// `input-too-large` finding.
    #[arg(long, value_name = "BYTES", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_input_bytes: Option<u64>,
    /// The deepest nesting of arrays and objects read in a JSON body, 1 to 127 (default 64):
    /// deeper is `nesting-too-deep`.
    #[arg(long, value_name = "LEVELS", value_parser = clap::value_parser!(u64).range(1..=MAX_DEPTH_BOUND as u64))]
    pub max_depth: Option<u64>,
    /// The most diagnostics a report lists, 1 to 100000 (default 1000); one more says that more
    /// were found.
    #[arg(long, value_name = "COUNT", value_parser = clap::value_parser!(u64).range(1..=MAX_DIAGNOSTICS_BOUND as u64))]
    pub max_diagnostics: Option<u64>,
}

/// A rule id the registry knows; clap reports anything else as a usage error (exit 2).
fn rule_id(id: &str) -> Result<String, String> {
    match crate::rules::find(id) {
        Some(rule) => Ok(rule.id().to_string()),
        None => Err(format!(
            "unknown rule \"{id}\" (`mews-connector-validator rules` lists them)"
        )),
    }
}

/// A strict `YYYY-MM-DD` date.
fn evaluation_date(text: &str) -> Result<String, String> {
    crate::options::parse_date(text)
        .map(|_| text.to_string())
        .map_err(|_| format!("\"{text}\" is not a date as YYYY-MM-DD"))
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, Default)]
pub enum EnvironmentFlag {
    #[default]
    Demo,
    Production,
}

/// Output formats of validating subcommands (each command accepts a subset).
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Text,
    Json,
    Markdown,
    Sarif,
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`): annotations on the run.
    Github,
    /// JUnit XML, for CI test reports.
    Junit,
}

/// The `--format` parser of a command that has `formats`: clap lists exactly these in the help
/// and refuses the others (exit 2).
pub fn formats(formats: &'static [Format]) -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::ValueEnum;
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(formats.iter().filter_map(Format::to_possible_value))
        .map(|name| Format::from_str(&name, false).unwrap_or_default())
}

impl RuleFlags {
    /// The engine options; without `--date`, the evaluation date is `io`'s today (the engine
    /// cannot read the clock on wasm32).
    pub fn to_options(&self, io: &dyn super::Io) -> Options {
        let mut options = Options {
            environment: match self.environment {
                EnvironmentFlag::Demo => Environment::Demo,
                EnvironmentFlag::Production => Environment::Production,
            },
            date: Some(self.date.clone().unwrap_or_else(|| io.today())),
            limits: self.limits(),
            ..Options::default()
        };
        for rule in &self.allow {
            options.rules.insert(rule.clone(), Level::Off);
        }
        for rule in &self.deny {
            options.rules.insert(rule.clone(), Level::Error);
        }
        options
    }
}

impl RuleFlags {
    /// The default limits with the flags given; clap has checked their ranges.
    fn limits(&self) -> Limits {
        let size = |flag: Option<u64>, default: usize| {
            flag.map_or(default, |value| {
                usize::try_from(value).unwrap_or(usize::MAX)
            })
        };
        let defaults = Limits::default();
        Limits {
            max_input_bytes: size(self.max_input_bytes, defaults.max_input_bytes),
            max_depth: size(self.max_depth, defaults.max_depth),
            max_diagnostics: size(self.max_diagnostics, defaults.max_diagnostics),
        }
    }
}

/// A positional input file; `-` or nothing reads standard input.
#[derive(clap::Args, Debug)]
pub struct InputArg {
    /// Input file (`-` or nothing: standard input).
    pub file: Option<PathBuf>,
}
