import EqlintText
import Foundation

/// Where a command reads and writes: standard output, standard error, files
/// and standard input. `standard` is the process's own; tests give their
/// own, to run a command without starting a process.
public struct CommandIO {
    /// Writes text to standard output as it is, or says why it could not.
    public var writeOutput: (String) throws(CommandError) -> Void
    /// Writes UTF-8 text to standard output as it is (a report made as bytes,
    /// not made a `String` only to be written); by default through `writeOutput`.
    public var writeOutputUTF8: ([UInt8]) throws(CommandError) -> Void
    /// Writes text to standard error as it is; if even that fails there is no one left to tell.
    public var writeError: (String) -> Void
    /// Writes a whole file (a report or a baseline), in place.
    public var writeFile: (_ text: String, _ path: String) throws(CommandError) -> Void
    /// Reads all of standard input.
    public var readStandardInput: () throws(InputError) -> [UInt8]

    public init(writeOutput: @escaping (String) throws(CommandError) -> Void,
                writeError: @escaping (String) -> Void,
                writeFile: @escaping (_ text: String, _ path: String) throws(CommandError) -> Void,
                readStandardInput: @escaping () throws(InputError) -> [UInt8]) {
        self.writeOutput = writeOutput
        writeOutputUTF8 = { bytes throws(CommandError) in try writeOutput(String(decoding: bytes, as: UTF8.self)) }
        self.writeError = writeError
        self.writeFile = writeFile
        self.readStandardInput = readStandardInput
    }

    /// `eqlint: error: MESSAGE` on standard error, for each line of the message.
    public func error(_ message: String) {
        writeError(message.split(separator: "\n", omittingEmptySubsequences: false).map { "eqlint: error: \($0)\n" }.joined())
    }

    /// `eqlint: warning: MESSAGE` on standard error.
    public func warning(_ message: String) {
        writeError("eqlint: warning: \(message)\n")
    }

    /// A line on standard error, such as the summary.
    public func note(_ line: String) {
        writeError("\(line)\n")
    }

    /// The process's standard output, standard error, standard input and file system.
    /// Text is written as an array of its UTF-8 (`Data(text.utf8)` costs some
    /// 200,000 instructions the first time, a generic path made at run time).
    public static var standard: CommandIO {
        var io = CommandIO(
            writeOutput: { text throws(CommandError) in
                do {
                    try FileHandle.standardOutput.write(contentsOf: Array(text.utf8))
                } catch {
                    throw .standardOutputUnwritable
                }
            },
            writeError: { text in
                try? FileHandle.standardError.write(contentsOf: Array(text.utf8))
            },
            writeFile: writeInPlace,
            readStandardInput: { () throws(InputError) in
                do {
                    return [UInt8](try FileHandle.standardInput.readToEnd() ?? Data())
                } catch {
                    throw .standardInputUnreadable
                }
            })
        io.writeOutputUTF8 = { bytes throws(CommandError) in
            do {
                try FileHandle.standardOutput.write(contentsOf: bytes)
            } catch {
                throw .standardOutputUnwritable
            }
        }
        return io
    }

    /// Writes a report or baseline in place: a symlink is followed and a
    /// device (such as /dev/null) written to, never replaced by a new file.
    public static func writeInPlace(_ text: String, to path: String) throws(CommandError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .isDirectory(path: path)
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw .unwritable(path: path, reason: error.localizedDescription)
        }
    }
}
