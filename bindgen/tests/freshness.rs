//! The committed bindings are what the generator writes today from the
//! pinned schema: regenerate with `make bindings` when this fails.

use std::path::Path;

use drsynth_bindgen::{BINDINGS_DIR, Provider, generate, read_schema, with_features};

#[test]
fn committed_aws_bindings_are_what_the_generator_writes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let crate_dir = root.join("providers/aws");
    let schema = read_schema(&crate_dir.join("schema/hashicorp-aws-5.100.0.json.gz")).unwrap();
    let bindings = generate(&schema, &Provider::aws()).unwrap();
    assert_eq!(bindings.resources, 1526);
    assert_eq!(bindings.data_sources, 608);
    let dir = crate_dir.join(BINDINGS_DIR);
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let expected: Vec<&String> = bindings.files.keys().collect();
    assert_eq!(
        on_disk.iter().collect::<Vec<_>>(),
        expected,
        "run `make bindings`"
    );
    for (name, content) in &bindings.files {
        let committed = std::fs::read_to_string(dir.join(name)).unwrap();
        assert!(
            committed == *content,
            "providers/aws/{BINDINGS_DIR}/{name} is not what the generator writes; run `make bindings`"
        );
    }
    let manifest = std::fs::read_to_string(crate_dir.join("Cargo.toml")).unwrap();
    assert_eq!(
        with_features(&manifest, &bindings.features).unwrap(),
        manifest,
        "providers/aws/Cargo.toml's features are stale; run `make bindings`"
    );
}
