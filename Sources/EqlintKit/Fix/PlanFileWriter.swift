import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writes a fixed plan back to its file, so that nothing is lost whatever
/// happens: the new text goes to a temporary file in the same folder, with
/// the file's permissions, and is then renamed over it (atomic: a reader
/// sees the old file or the new one, never half of one). A symlink keeps
/// pointing where it did: the file it points to is the one written. A file
/// the user may not write (read-only) is refused, not replaced; so is one
/// that changed since it was read.
package enum PlanFileWriter {
    /// Why a plan could not be written back; the file is as it was.
    package struct Failure: Error, CustomStringConvertible {
        package var path: String
        package var reason: String
        package var description: String { "\(path): cannot be fixed: \(reason); the file was not changed" }
    }

    /// Writes `bytes` over the file at `path`, if it still holds `expected`.
    package static func write(_ bytes: [UInt8], to path: String, expected: [UInt8]) throws(Failure) {
        func fail(_ reason: String) -> Failure { Failure(path: path, reason: reason) }
        // The file a symlink points to (through every link on the way).
        guard let resolved = realpath(path, nil) else { throw fail("it cannot be found (\(String(cString: strerror(errno))))") }
        let target = String(cString: resolved)
        free(resolved)
        var status = stat()
        guard stat(target, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { throw fail("it is not a regular file") }
        // A file with no write permission is read-only, even to root (whom `access` lets write anything).
        guard access(target, W_OK) == 0, status.st_mode & 0o222 != 0 else {
            throw fail("it is read-only (make it writable to fix it)")
        }
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        var template = Array("\(folder.isEmpty ? "." : folder)/.\(name).eqlint-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw fail("no temporary file can be made in its folder \(folder) (\(String(cString: strerror(errno))))")
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = 0
        var failure: String?
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { failure = String(cString: strerror(errno)); break }
            written += count
        }
        if failure == nil, fchmod(descriptor, status.st_mode & 0o7777) != 0 { failure = String(cString: strerror(errno)) }
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if failure == nil {
            // A file changed since it was checked is left to the user.
            let now = try? Data(contentsOf: URL(fileURLWithPath: target))
            if now.map({ [UInt8]($0) }) != expected { failure = "it changed while eqlint was checking it" }
        }
        if failure == nil, rename(temporary, target) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw fail(failure)
        }
    }
}
