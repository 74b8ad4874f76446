import EqlintText
import Foundation

/// Reads a PDF: its text from `pdftotext -layout` (poppler-utils), with
/// columns laid out by position turned into tab-separated cells, then as
/// plain text. A PDF is no text an editor shows by lines, so findings are
/// placed in its conversion to the plan format (`eqlint convert`).
public struct PDFReader: DocumentReader {
    public init() {}
    public var format: String { "pdf" }
    public var fileExtensions: [String] { ["pdf"] }
    public var placesFindingsInConversion: Bool { true }

    /// The most text eqlint takes from one PDF, and how long pdftotext may take.
    static let textLimit = 64 << 20
    static let timeLimit: TimeInterval = 60

    public func load(path: String, displayPath: String) throws(InputError) -> SourceFile {
        // Reading the bytes first gives the usual errors for a missing, unreadable or odd file.
        let bytes = try SourceFile.readBytes(path: path, displayPath: displayPath)
        guard bytes.starts(with: Array("%PDF".utf8)) else {
            throw .document(path: displayPath, reason: "is not a PDF (it does not start with %PDF); save the plan as .pdf, .docx or text")
        }
        guard let tool = Self.pdftotext() else {
            throw .document(path: displayPath, reason: "reading PDF needs pdftotext (poppler-utils); install it, or save the plan as .docx or text")
        }
        let text = try Self.run(tool, on: path, displayPath: displayPath)
        return SourceFile(path: displayPath, text: LayoutText.tabbed(text))
    }

    public func read(_ source: SourceFile) -> Document {
        TextReader().read(source)
    }

    /// `pdftotext` on the `PATH`, if installed.
    static func pdftotext() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("pdftotext")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Runs pdftotext on a file and gives its text, within the limits.
    static func run(_ tool: URL, on path: String, displayPath: String) throws(InputError) -> String {
        let process = Process()
        process.executableURL = tool
        process.arguments = ["-layout", "-enc", "UTF-8", "-nopgbrk", path, "-"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw .document(path: displayPath, reason: "pdftotext could not be started (\(error.localizedDescription))")
        }
        // Stop a pdftotext that runs too long (a hostile PDF): the reads below then end.
        let deadline = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: deadline)
        defer { deadline.cancel() }
        var text = Data()
        let reader = output.fileHandleForReading
        while let chunk = try? reader.read(upToCount: 1 << 16), !chunk.isEmpty {
            text.append(chunk)
            if text.count > textLimit {
                process.terminate()
                throw .document(path: displayPath, reason: "holds more than \(textLimit >> 20) MB of text; eqlint stops there")
            }
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationReason == .uncaughtSignal {
            throw .document(path: displayPath, reason: "pdftotext took more than \(Int(timeLimit)) seconds and was stopped")
        }
        guard process.terminationStatus == 0 else {
            let detail = message.split(separator: "\n").first.map { " (\($0))" } ?? ""
            throw .document(path: displayPath,
                            reason: "pdftotext could not read it\(detail); the PDF may be damaged or protected by a password")
        }
        return String(decoding: text, as: UTF8.self)
    }
}
