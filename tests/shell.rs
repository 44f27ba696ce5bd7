//! The shell in a real terminal (a pty): a question, an error with its caret that does not end
//! the session, history recalled with the up arrow and kept in the history file, `:quit`.
#![cfg(unix)]

use std::process::Command;

use rexpect::session::spawn_command;
use tempfile::TempDir;

#[test]
fn the_shell_answers_recovers_from_errors_and_keeps_history()
-> Result<(), Box<dyn std::error::Error>> {
    let data = TempDir::new()?;
    let mut command = Command::new(env!("CARGO_BIN_EXE_kg"));
    command
        .env("XDG_DATA_HOME", data.path())
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut shell = spawn_command(command, Some(20_000))?;

    // `kg` alone opens the built-in sample.
    shell.exp_string("Type a question, or :help.")?;
    shell.exp_string("kg> ")?;
    shell.send_line("who met Kerry about Syria")?;
    shell.exp_string("Vladimir Putin")?;
    shell.exp_string("kg> ")?;

    // An error points at the name and the session goes on.
    shell.send_line("who met Kery")?;
    shell.exp_string("error: no entity named `Kery`")?;
    shell.exp_string("^^^^")?;
    shell.exp_string("did you mean `Kerry`")?;
    shell.exp_string("kg> ")?;

    // The up arrow brings the last line back.
    shell.send("\x1b[A")?;
    shell.send_line("")?;
    shell.exp_string("error: no entity named `Kery`")?;
    shell.exp_string("kg> ")?;

    shell.send_line(":quit")?;
    shell.exp_eof()?;

    let history = std::fs::read_to_string(data.path().join("kg").join("history"))?;
    assert!(history.contains("who met Kerry about Syria"), "{history}");
    assert!(history.contains("who met Kery"), "{history}");
    Ok(())
}
