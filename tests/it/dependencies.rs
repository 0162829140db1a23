//! The synthesizer stays small: no AWS SDK crate in the dependency graph of
//! `constructs` or `synth`.

use std::process::Command;

use drsynth_tests::workspace_root;

fn dependency_names(package: &str) -> Vec<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .current_dir(workspace_root())
        .args([
            "tree",
            "--locked",
            "--offline",
            "--prefix",
            "none",
            "--edges",
            "normal,build",
            "-p",
            package,
        ])
        .output()
        .expect("cargo tree runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .filter_map(|line| line.split_whitespace().next().map(str::to_owned))
        .collect()
}

#[test]
fn synth_and_the_library_do_not_depend_on_the_aws_sdk() {
    let library = [
        "drsynth-core",
        "drsynth-provider-aws",
        "constructs",
        "drsynth-cli",
    ];
    for package in library.into_iter().chain(["synth"]) {
        let names = dependency_names(package);
        assert!(names.contains(&package.to_owned()), "{names:?}");
        let aws: Vec<&String> = names
            .iter()
            .filter(|name| {
                name.starts_with("aws-") || name.starts_with("aws_") || *name == "lambda_runtime"
            })
            .collect();
        assert!(aws.is_empty(), "{package} depends on {aws:?}");
        // The library and the CLI know no app.
        let app = names.iter().any(|name| name == "payments");
        assert_eq!(app, package == "synth", "{package}: {names:?}");
    }
    let handler = dependency_names("payment");
    assert!(
        handler.iter().any(|n| n == "aws-sdk-dynamodb"),
        "the check can see the SDK where it is"
    );
}
