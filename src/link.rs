//! Build script: links the `resume` binary as a position-dependent
//! executable on Linux.
//!
//! A position-independent executable is relocated when it starts: the
//! dynamic loader applies about 97,000 relocations and copies the 1.6 MB
//! of tables they touch, which took 2.6 ms of a 4 ms `resume --version`
//! and is paid again by every `resume pdf`. Linked at a fixed address,
//! the binary starts in 1.5 ms. The binary reads only the user's own
//! files, so the address randomization given up is worth less than the
//! time. Other targets link as their toolchain does by default.

fn main() {
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let target_env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if target_os == "linux" && target_env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=src/link.rs");
}
