import EqlintPlan
import Foundation
import Testing

/// Every input the archive fuzzers (`scripts/fuzz inflate`, `scripts/fuzz zip`)
/// found a fault with, kept in `Fixtures/fuzz/inflate/` and `.../zip/`, run as
/// the fuzz target runs it, with the outcome it must have now. A new fixture
/// needs an entry in the tables below.
@Suite("Archive: fuzzer findings")
struct ArchiveFuzzRegressionTests {
    static func names(in folder: String) -> [String] { FuzzRegressionTests.names(in: folder) }

    // MARK: Inflate

    /// What inflating each fixture (limit 256 KB, as the fuzz target) gives:
    /// its size in bytes, or its error's message.
    static let inflateExpectations: [String: String] = [:]

    static func inflateOutcome(_ bytes: [UInt8]) -> String {
        do {
            return "\(try Inflate.decompress(bytes, limit: 256 << 10).count) bytes"
        } catch {
            return error.description
        }
    }

    @Test("each stream the inflate fuzzer kept inflates, or fails, as it should", arguments: names(in: "inflate"))
    func inflate(name: String) throws {
        let expected = try #require(Self.inflateExpectations[name], "add \(name) to inflateExpectations")
        let bytes = try FuzzRegressionTests.bytes("inflate", name)
        #expect(Self.inflateOutcome(bytes) == expected)
    }

    // MARK: ZIP

    /// What reading each fixture and extracting its entries (limit 256 KB, as
    /// the fuzz target) gives: the archive's error, or each entry's size or error.
    static let zipExpectations: [String: String] = [:]

    static func zipOutcome(_ bytes: [UInt8]) -> String {
        let archive: ZipArchive
        do {
            archive = try ZipArchive(bytes: bytes)
        } catch {
            return error.description
        }
        return archive.entries.prefix(16).map { entry in
            do {
                let data = try archive.data(for: entry, limit: 256 << 10)
                #expect(data.count == entry.uncompressedSize && CRC32.checksum(data) == entry.crc32)
                return "\(entry.name): \(data.count) bytes"
            } catch {
                return "\(entry.name): \(error)"
            }
        }.joined(separator: "; ")
    }

    @Test("each archive the zip fuzzer kept reads, or fails, as it should", arguments: names(in: "zip"))
    func zip(name: String) throws {
        let expected = try #require(Self.zipExpectations[name], "add \(name) to zipExpectations")
        let bytes = try FuzzRegressionTests.bytes("zip", name)
        #expect(Self.zipOutcome(bytes) == expected)
    }
}
