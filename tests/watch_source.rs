//! watch never switches source: resolved once at start, a vanished
//! résumé means waiting for it, never building the built-in example over
//! the user's PDF; and a build that runs past its deadline is reported
//! while watch keeps watching.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use common::{Pdf, Scratch};

struct Watching {
    child: Child,
    lines: Receiver<String>,
}

impl Watching {
    fn start(dir: &Scratch, args: &[&str]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_resume"))
            .arg("watch")
            .args(args)
            .current_dir(&dir.0)
            .env("SOURCE_DATE_EPOCH", "1795651200")
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let (send, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        Watching { child, lines }
    }

    /// The next line that starts with `prefix`, within a minute.
    fn expect(&self, prefix: &str) -> String {
        loop {
            match self.lines.recv_timeout(Duration::from_secs(60)) {
                Ok(line) if line.starts_with(prefix) => return line,
                Ok(_) => {}
                Err(_) => panic!("watch printed no line starting with `{prefix}`"),
            }
        }
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn a_vanished_resume_is_waited_for_not_replaced_by_the_example() {
    let dir = Scratch::new("watch-vanish");
    dir.write("resume.toml", "[person]\nname = \"Mine\"\n");
    let watching = Watching::start(&dir, &["--lang", "en", "-o", "out.pdf"]);
    watching.expect("built out.pdf");
    assert!(Pdf::open(&dir.path("out.pdf")).text().contains("Mine"));
    // An editor saving by delete + create: the file is gone for a while.
    std::fs::remove_file(dir.path("resume.toml")).unwrap();
    watching.expect("`resume.toml` is gone");
    std::thread::sleep(Duration::from_millis(300));
    let text = Pdf::open(&dir.path("out.pdf")).text();
    assert!(text.contains("Mine"), "out.pdf was replaced while resume.toml was gone: {text}");
    dir.write("resume.toml", "[person]\nname = \"Mine again\"\n");
    watching.expect("built out.pdf");
    assert!(Pdf::open(&dir.path("out.pdf")).text().contains("Mine again"));
}

#[test]
fn a_runaway_build_is_reported_and_watch_keeps_watching() {
    let dir = Scratch::new("watch-spin");
    dir.write("resume.toml", "[person]\nname = \"Looped\"\n");
    dir.write("lay/x.typ", common::SPIN);
    let watching = Watching::start(&dir, &["--layout", "lay/x.typ", "--timeout", "1", "-o", "out.pdf"]);
    let stopped = watching.expect("error:");
    assert!(stopped.contains("ran for more than 1 s"), "{stopped}");
    watching.expect("waiting for a change");
    // Fixed, the layout builds, in the same watch session.
    std::thread::sleep(Duration::from_millis(100));
    dir.write("lay/x.typ", "#let data = json(\"/resume.json\")\n= #data.person.name\n");
    watching.expect("built out.pdf");
    assert!(Pdf::open(&dir.path("out.pdf")).text().contains("Looped"));
}

#[test]
fn a_restart_after_a_runaway_build_keeps_the_same_resume() {
    let dir = Scratch::new("watch-restart-input");
    dir.write("resume.toml", "[person]\nname = \"Mine\"\n");
    dir.write("lay/x.typ", common::SPIN);
    let watching = Watching::start(&dir, &["--layout", "lay/x.typ", "--timeout", "1", "-o", "out.pdf"]);
    // The résumé is away while the build runs out of time and watch restarts.
    std::thread::sleep(Duration::from_millis(300));
    std::fs::rename(dir.path("resume.toml"), dir.path("away.toml")).unwrap();
    watching.expect("error:");
    watching.expect("`resume.toml` is gone");
    std::fs::write(dir.path("lay/x.typ"), "#let data = json(\"/resume.json\")\n= #data.person.name\n")
        .unwrap();
    std::fs::rename(dir.path("away.toml"), dir.path("resume.toml")).unwrap();
    watching.expect("built out.pdf");
    let text = Pdf::open(&dir.path("out.pdf")).text();
    assert!(text.contains("Mine") && !text.contains("yoonbh2714"), "{text}");
}

/// watch follows what the layout really read: a file a custom layout
/// imports is watched too, though no flag or profile names it.
#[test]
fn a_file_the_layout_imports_is_watched() {
    let dir = Scratch::new("watch-imports");
    dir.write("resume.toml", "[person]\nname = \"Mine\"\n");
    dir.write(
        "lay/x.typ",
        "#import \"part.typ\": word\n#let data = json(\"/resume.json\")\n#data.person.name #word\n",
    );
    dir.write("lay/part.typ", "#let word = \"Before\"\n");
    let watching = Watching::start(&dir, &["--lang", "en", "--layout", "lay/x.typ", "-o", "out.pdf"]);
    watching.expect("built out.pdf");
    assert!(Pdf::open(&dir.path("out.pdf")).text().contains("Before"));
    std::thread::sleep(Duration::from_millis(60));
    dir.write("lay/part.typ", "#let word = \"Afterwards\"\n");
    watching.expect("built out.pdf");
    assert!(Pdf::open(&dir.path("out.pdf")).text().contains("Afterwards"));
}

/// A `resume.toml` that links out of the folder is refused by `watch` as
/// by `pdf`: at the start, and when the file is swapped for such a link
/// while watching.
#[test]
fn a_resume_linking_out_of_the_folder_is_never_built() {
    let outside = Scratch::new("watch-outside");
    outside.write("secret.toml", "[person]\nname = \"AWS_SECRET=abc123\"\n");
    let dir = Scratch::new("watch-link");
    std::os::unix::fs::symlink(outside.path("secret.toml"), dir.path("resume.toml")).unwrap();
    let watching = Watching::start(&dir, &["--lang", "en", "-o", "w.pdf", "--max-builds", "1"]);
    let line = watching.expect("error");
    assert!(line.contains("outside the résumé's folder"), "{line}");
    drop(watching);
    assert!(!dir.path("w.pdf").exists(), "watch built the linked file");

    // Swapped for a link while watching: the next build refuses it.
    std::fs::remove_file(dir.path("resume.toml")).unwrap();
    dir.write("resume.toml", "[person]\nname = \"Own\"\n");
    let watching = Watching::start(&dir, &["--lang", "en", "-o", "w.pdf", "--max-builds", "2"]);
    watching.expect("built");
    let before = std::fs::read(dir.path("w.pdf")).unwrap();
    std::fs::remove_file(dir.path("resume.toml")).unwrap();
    std::os::unix::fs::symlink(outside.path("secret.toml"), dir.path("resume.toml")).unwrap();
    let line = watching.expect("error");
    assert!(line.contains("outside the résumé's folder"), "{line}");
    assert_eq!(std::fs::read(dir.path("w.pdf")).unwrap(), before, "the linked file was built");
}
