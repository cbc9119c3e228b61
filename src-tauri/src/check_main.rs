// `back-pain-course-check`: the course pack checker as a console program
// (no `windows_subsystem`), so a Command Prompt or PowerShell waits for it,
// prints what it prints and sets its exit status. It runs the app's code.

fn main() {
    back_pain_course::run_checker();
}
