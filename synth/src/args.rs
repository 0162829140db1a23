//! Command-line arguments.

use std::path::PathBuf;

use clap::Parser;

/// Synthesizes the payments disaster-recovery stack to Terraform JSON.
///
/// With no arguments, writes terraform/main.tf.json for the `dev` environment.
///
/// Exit codes: 0 success; 1 `--check` found that the file on disk differs
/// from what synth would write; 2 invalid arguments, an invalid
/// configuration, an invalid stack or a failed write (nothing is written).
#[derive(Debug, Parser)]
#[command(name = "synth", version)]
pub struct Args {
    /// Directory to write main.tf.json into.
    #[arg(long, value_name = "DIR", default_value = "terraform")]
    pub out: PathBuf,

    /// Environment suffix carried by every name: 1-16 lowercase letters,
    /// digits and hyphens.
    #[arg(long = "env", value_name = "SUFFIX", default_value = "dev")]
    pub env: String,

    /// Print the configuration to standard output instead of writing a file.
    #[arg(long, conflicts_with = "check")]
    pub stdout: bool,

    /// Write nothing; exit 1 if DIR/main.tf.json is not exactly what synth
    /// would write (CI uses this to keep the committed file fresh).
    #[arg(long)]
    pub check: bool,
}
