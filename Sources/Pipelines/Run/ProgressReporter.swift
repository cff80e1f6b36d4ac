import Foundation

/// Reports long work: on a terminal one redrawn status line per stage (stage, rows, rate,
/// elapsed); otherwise — cron, CI, a pipe — plain timestamp-free log lines, so logs diff cleanly.
public final class ProgressReporter: @unchecked Sendable {
    public enum Style: Sendable { case terminal, log, silent }

    private let style: Style
    private let lock = NSLock()
    private let write: @Sendable (String) -> Void
    private var lastDraw = Date.distantPast

    public init(style: Style, write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.style = style
        self.write = write
    }

    /// Terminal style when stderr is a TTY, log lines otherwise.
    public static func automatic() -> ProgressReporter {
        ProgressReporter(style: isatty(STDERR_FILENO) != 0 ? .terminal : .log)
    }

    /// Progress inside a stage; throttled to ten redraws a second on a terminal, dropped in logs.
    public func update(stage: String, rows: Int, started: Date) {
        guard style == .terminal else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let elapsed = now.timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(rows) / elapsed : 0
        write("\r\u{1B}[2K\(stage): \(Self.count(rows)) rows, \(Self.count(Int(rate)))/s, \(Self.seconds(elapsed))")
    }

    /// A stage finished: one permanent line in either style.
    public func finished(stage: String, detail: String, seconds: Double) {
        guard style != .silent else { return }
        lock.lock()
        defer { lock.unlock() }
        let clear = style == .terminal ? "\r\u{1B}[2K" : ""
        write("\(clear)\(stage): \(detail) (\(Self.seconds(seconds)))\n")
    }

    /// A note the user should read (degenerate data, fallbacks).
    public func note(_ text: String) {
        guard style != .silent else { return }
        lock.lock()
        defer { lock.unlock() }
        let clear = style == .terminal ? "\r\u{1B}[2K" : ""
        write("\(clear)note: \(text)\n")
    }

    static func count(_ n: Int) -> String {
        switch n {
        case ..<10_000: return String(n)
        case ..<10_000_000: return String(format: "%.1fk", Double(n) / 1e3)
        default: return String(format: "%.1fM", Double(n) / 1e6)
        }
    }

    static func seconds(_ s: Double) -> String {
        s < 10 ? String(format: "%.2fs", s) : String(format: "%.1fs", s)
    }
}
