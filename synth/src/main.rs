use std::io;
use std::process::ExitCode;

fn main() -> ExitCode {
    let code = synth::run(std::env::args_os(), &mut io::stdout(), &mut io::stderr());
    ExitCode::from(code)
}
