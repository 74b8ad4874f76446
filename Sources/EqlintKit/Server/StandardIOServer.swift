import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `eqlint lsp` over standard input and output: reads until `exit` or the
/// end of input, writing each message whole. Standard error is the log.
public enum StandardIOServer {
    /// Runs the server until it exits; gives the exit status (0 after `shutdown`, 1 without).
    public static func run(options: LanguageServerOptions) -> Int32 {
        // A client that goes away must not kill the server with SIGPIPE mid-write.
        signal(SIGPIPE, SIG_IGN)
        let server = LanguageServer(options: options) { bytes in writeAll(bytes) }
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while server.finished == nil {
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                server.endOfInput()
                break
            }
            server.receive(buffer[0..<count])
        }
        return server.finished ?? 1
    }

    /// Writes every byte to standard output (the server writes from one queue, so messages never interleave).
    private static func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return  // the client has gone: nothing more can be said to it
                }
                offset += written
            }
        }
    }
}
