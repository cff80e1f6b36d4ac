import Foundation

/// Writes one line to standard error (causes, progress on a terminal), keeping stdout for results.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// True when stderr is a terminal, so progress may redraw a line instead of logging one per step.
var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
