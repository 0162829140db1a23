//! Lambda packages are deterministic: the same binary always gives the same
//! zip bytes, holding one executable `bootstrap`.

use std::process::Command;

use drsynth_tests::workspace_root;

fn package(binary: &std::path::Path, zip: &std::path::Path) -> Vec<u8> {
    let status = Command::new("python3")
        .arg(workspace_root().join("scripts/zip_bootstrap.py"))
        .arg(binary)
        .arg(zip)
        .status()
        .expect("python3 runs");
    assert!(status.success());
    std::fs::read(zip).unwrap()
}

#[test]
fn same_binary_gives_identical_zip_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("bootstrap-build");
    std::fs::write(&binary, b"\x7fELF pretend binary").unwrap();
    let first = package(&binary, &dir.path().join("a.zip"));
    // A later build of the same bytes: new timestamp, other permissions.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    std::fs::write(&binary, b"\x7fELF pretend binary").unwrap();
    let second = package(&binary, &dir.path().join("b.zip"));
    assert_eq!(first, second);

    std::fs::write(&binary, b"\x7fELF changed binary").unwrap();
    assert_ne!(
        first,
        package(&binary, &dir.path().join("c.zip")),
        "new code, new hash"
    );
}

#[test]
fn zip_holds_one_executable_bootstrap() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("anything");
    std::fs::write(&binary, b"binary").unwrap();
    let zip = package(&binary, &dir.path().join("p.zip"));
    // Local file header: name length at offset 26, name at 30.
    assert_eq!(&zip[0..4], b"PK\x03\x04");
    let name_length = u16::from_le_bytes([zip[26], zip[27]]) as usize;
    assert_eq!(&zip[30..30 + name_length], b"bootstrap");
    // Central directory entry: external attributes hold the Unix mode.
    let central = zip.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
    let external = u32::from_le_bytes(zip[central + 38..central + 42].try_into().unwrap());
    assert_eq!(external >> 16, 0o100755);
    assert_eq!(
        zip.windows(4).filter(|w| *w == b"PK\x01\x02").count(),
        1,
        "one entry"
    );
}
