//! Prints each step with its duration as it goes, and a summary at the end.

use std::time::{Duration, Instant};

pub struct Steps {
    /// Prefixes every line, so two scenarios running at once stay readable.
    scenario: &'static str,
    started: Instant,
    done: Vec<(String, Duration)>,
}

impl Steps {
    pub fn new(scenario: &'static str) -> Self {
        Self {
            scenario,
            started: Instant::now(),
            done: Vec::new(),
        }
    }

    pub fn run<T>(&mut self, name: &str, step: impl FnOnce() -> T) -> T {
        eprintln!("[{}] ==> {name}", self.scenario);
        let started = Instant::now();
        let result = step();
        let took = started.elapsed();
        eprintln!(
            "[{}]     {name}: {:.1} s",
            self.scenario,
            took.as_secs_f64()
        );
        self.done.push((name.to_owned(), took));
        result
    }

    pub fn summary(&self) {
        let mut summary = format!("\n[{}] step timings\n", self.scenario);
        for (name, took) in &self.done {
            summary.push_str(&format!("  {:>6.1} s  {name}\n", took.as_secs_f64()));
        }
        summary.push_str(&format!(
            "  {:>6.1} s  total\n",
            self.started.elapsed().as_secs_f64()
        ));
        eprint!("{summary}");
    }
}
