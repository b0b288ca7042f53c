//! The `goldthread` binary: parse the command line, then run the app or a headless command.

use std::process::ExitCode;

use goldthread::cli::{self, Command};

fn main() -> ExitCode {
    let command = match cli::parse(std::env::args().skip(1)) {
        Ok(c) => c,
        Err(message) => {
            eprintln!("goldthread: {message}\n\n{}", cli::USAGE);
            return ExitCode::from(2);
        }
    };
    match command {
        Command::Help => {
            println!("{}", cli::USAGE);
            ExitCode::SUCCESS
        }
        Command::Version => {
            println!("goldthread {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Command::Check(path) => {
            let (message, ok) = cli::check(&path);
            if ok {
                println!("{message}");
                ExitCode::SUCCESS
            } else {
                eprintln!("{message}");
                ExitCode::FAILURE
            }
        }
        Command::Gui { sessions, file }
            if std::env::var_os(goldthread::ui::script::SCRIPT_ENV).is_some() =>
        {
            let script = std::env::var_os(goldthread::ui::script::SCRIPT_ENV).unwrap_or_default();
            match goldthread::ui::script::run_script(sessions, file, script.as_ref()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("goldthread: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Export(args) => match cli::export(&args) {
            Ok(message) => {
                println!("{message}");
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("{message}");
                ExitCode::FAILURE
            }
        },
        Command::SuggestThemes {
            file,
            json,
            params,
            column,
        } => print_outcome(cli::suggest_themes(&file, json, &params, column.as_ref())),
        Command::ImportNotes {
            session,
            file,
            column,
            author,
        } => print_outcome(cli::import_notes(
            &session,
            &file,
            column.as_ref(),
            author.as_ref(),
        )),
        Command::Gui { sessions, file } => match goldthread::ui::run_native(sessions, file) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("goldthread: could not open a window: {e}");
                ExitCode::FAILURE
            }
        },
    }
}

/// Prints a headless command's output (to stderr when it failed) and gives its exit status.
/// A closed pipe (`goldthread suggest-themes notes.txt | head`) is not an error worth a panic.
fn print_outcome((message, ok): (String, bool)) -> ExitCode {
    use std::io::Write as _;
    if ok {
        let _ = writeln!(std::io::stdout().lock(), "{message}");
        ExitCode::SUCCESS
    } else {
        let _ = writeln!(std::io::stderr().lock(), "{message}");
        ExitCode::FAILURE
    }
}
