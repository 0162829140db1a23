use std::io;

// Synth allocates many small strings and maps; mimalloc serves them about
// twice as fast as the system allocator (see the README's Performance).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::process::ExitCode;

fn main() -> ExitCode {
    let code = synth::run(std::env::args_os(), &mut io::stdout(), &mut io::stderr());
    ExitCode::from(code)
}
