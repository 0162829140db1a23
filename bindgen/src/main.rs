//! `cargo run -p drsynth-bindgen -- SCHEMA.json[.gz] CRATE_DIR`: writes the
//! bindings of the provider in SCHEMA into CRATE_DIR/src and its features
//! into CRATE_DIR/Cargo.toml (`make bindings`: the `drsynth-provider-aws`
//! crate).

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [schema, crate_dir] = args.as_slice() else {
        eprintln!(
            "usage: drsynth-bindgen SCHEMA.json[.gz] CRATE_DIR\n\
             (the output of `terraform providers schema -json`, and the crate to write into)"
        );
        return ExitCode::from(2);
    };
    match drsynth_bindgen::write_aws(&PathBuf::from(schema), &PathBuf::from(crate_dir)) {
        Ok(summary) => {
            eprintln!("{summary}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}
