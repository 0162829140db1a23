//! `cargo run -p synth`: the payments app's command line.

use std::process::ExitCode;

// Synth allocates many small strings and maps; mimalloc serves them about
// twice as fast as the system allocator (see the README's Performance).
// Built with `no_thp`: a short process paid more for the kernel zeroing
// huge pages of mimalloc's arenas than for anything it computed.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    drsynth_cli::main(|flags: &payments::PaymentsFlags| Ok(payments::synthesize(flags)?))
}
