import EqlintPlan
import Foundation
import Testing

/// The ZIP reader against archives Python's zipfile wrote (and some written
/// by hand, for what it will not write), and against hostile ones: each of
/// those must end in its error, quickly, never a crash.
@Suite("Archive: reading ZIP archives")
struct ArchiveZipTests {
    static let limit = 64 << 20

    static var manifest: [String: [String: Any]] {
        (try? ArchiveFixtures.json("zip/manifest.json") as? [String: [String: Any]]) ?? [:]
    }

    /// The archives that read whole, with the size and CRC-32 of each entry.
    static let readableFiles = manifest.filter { $0.value["entries"] != nil && $0.key != "names.zip" && $0.key != "lies.zip" }.keys.sorted()

    static func archive(_ name: String) throws -> ZipArchive {
        try ZipArchive(bytes: try ArchiveFixtures.bytes("zip/\(name)"))
    }

    /// The error reading the archive, or (if it reads) extracting `entry` from it.
    static func error(_ bytes: [UInt8], entry: String = "word/document.xml", limit: Int = limit) -> ArchiveError? {
        do {
            let archive = try ZipArchive(bytes: bytes)
            _ = try archive.data(for: entry, limit: limit)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Archives that read

    @Test("each archive lists its entries, and each entry extracts to its size and CRC-32", arguments: readableFiles)
    func readable(file: String) throws {
        let expected = try #require(Self.manifest[file]?["entries"] as? [String: [String: Int]])
        let archive = try Self.archive(file)
        #expect(Set(archive.entryNames) == Set(expected.keys))
        #expect(archive.entryNames.count == expected.count)
        for (name, values) in expected {
            #expect(archive.contains(name))
            let data = try archive.data(for: name, limit: Self.limit)
            #expect(data.count == values["size"], "\(name)")
            #expect(CRC32.checksum(data) == UInt32(values["crc32"] ?? -1), "\(name)")
            #expect(archive.entry(named: name)?.crc32 == UInt32(values["crc32"] ?? -1))
        }
    }

    @Test("stored and deflated entries give the same bytes, whatever the archive's shape")
    func sameBytes() throws {
        let reference = try Self.archive("stored.zip")
        let document = try reference.data(for: "word/document.xml", limit: Self.limit)
        #expect(document.count > 20_000)
        #expect(String(decoding: document.prefix(20), as: UTF8.self) == "<w:document><w:body>")
        for file in ["deflated.zip", "comment.zip", "short-comment.zip", "data-descriptor.zip", "zip64-local.zip", "zip64.zip", "prefixed.zip"] {
            let archive = try Self.archive(file)
            #expect(try archive.data(for: "word/document.xml", limit: Self.limit) == document, "\(file)")
            #expect(archive.entryNames == reference.entryNames, "\(file)")
        }
        let entries = try Self.archive("deflated.zip").entries
        #expect(entries.map(\.method) == [8, 0, 8, 8, 8])
        #expect(entries.map(\.isDirectory) == [false, true, false, false, false])
        #expect(try Self.archive("data-descriptor.zip").entries.allSatisfy { $0.flags & 8 != 0 })
        #expect(try Self.archive("zip64.zip").entries.map(\.uncompressedSize) == entries.map(\.uncompressedSize))
    }

    @Test("an empty archive has no entries; an entry of no bytes extracts to none")
    func empty() throws {
        let archive = try Self.archive("empty.zip")
        #expect(archive.entryNames.isEmpty)
        #expect(throws: ArchiveError.noSuchEntry("word/document.xml")) { try archive.data(for: "word/document.xml", limit: 10) }
        #expect(try Self.archive("deflated.zip").data(for: "word/empty.xml", limit: 0) == [])
    }

    @Test("names are only names: '..', a leading slash, a backslash or a duplicate find exactly their own entry")
    func names() throws {
        let archive = try Self.archive("names.zip")
        let expected = try #require(Self.manifest["names.zip"]?["entries"] as? [String: [String: String]])
        for (name, values) in expected {
            #expect(String(decoding: try archive.data(for: name, limit: 100), as: UTF8.self) == values["text"], "\(name)")
        }
        #expect(archive.entryNames.filter { $0 == "dup.xml" }.count == 2)
        // Names are matched byte for byte: no folding of case, paths or Unicode forms.
        for name in ["word/./document.xml", "Word/document.xml", "word//document.xml", "word/document.xml/", "document.xml",
                     "re\u{301}sume\u{301}.xml", "caf\u{E9}.XML", ""] {
            #expect(!archive.contains(name), "\(name)")
            #expect(throws: ArchiveError.noSuchEntry(name)) { try archive.data(for: name, limit: 100) }
        }
        #expect(archive.contains("r\u{E9}sum\u{E9}.xml"))
    }

    @Test("the signatures: a ZIP archive, and an OLE compound file (Word 97, or an Office file with a password)")
    func signatures() throws {
        #expect(ZipArchive.looksLikeZip(try ArchiveFixtures.bytes("zip/deflated.zip")))
        #expect(!ZipArchive.looksLikeZip(try ArchiveFixtures.bytes("zip/not-a-zip.txt")))
        #expect(!ZipArchive.looksLikeZip(try ArchiveFixtures.bytes("zip/empty.zip")))
        #expect(!ZipArchive.looksLikeZip([0x50, 0x4B, 0x03]))
        #expect(OLECompoundFile.looksLikeOLE([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00]))
        #expect(!OLECompoundFile.looksLikeOLE([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A]))
        #expect(!OLECompoundFile.looksLikeOLE(try ArchiveFixtures.bytes("zip/deflated.zip")))
    }

    // MARK: Hostile archives

    @Test("each hostile archive ends in its error, in well under a second")
    func hostile() throws {
        let name = "word/document.xml"
        let cases: [(String, ArchiveError)] = [
            ("not-a-zip.txt", .notAZipArchive),
            ("truncated.zip", .truncated),
            ("truncated-directory.zip", .truncated),
            ("encrypted.zip", .passwordProtected(entry: name)),
            ("bzip2.zip", .unsupportedMethod(entry: name, method: 12)),
            ("bomb.zip", .entryTooLarge(entry: name, limit: Self.limit)),
            ("bomb-lying-size.zip", .sizeMismatch(entry: name, declared: 1024, actual: nil)),
        ]
        for (file, expected) in cases {
            let bytes = try ArchiveFixtures.bytes("zip/\(file)")
            let (error, elapsed) = ArchiveFixtures.timed { Self.error(bytes) }
            #expect(error == expected, "\(file)")
            #expect(elapsed < .milliseconds(500), "\(file): \(elapsed)")
        }
        // It declares 64 MB and one byte: a limit of 64 MB refuses it before a byte is inflated.
        let bomb = try Self.archive("bomb.zip")
        #expect(bomb.entries.first?.uncompressedSize == 64 << 20 + 1)
        #expect(throws: ArchiveError.entryTooLarge(entry: name, limit: 64 << 20)) { try bomb.data(for: name, limit: 64 << 20) }
    }

    @Test("entries whose sizes, checksum or data lie are refused, each with its own error; the honest one reads")
    func lies() throws {
        let archive = try Self.archive("lies.zip")
        let expected: [String: ArchiveError?] = [
            "smaller.txt": .sizeMismatch(entry: "smaller.txt", declared: 100, actual: nil),
            "larger.txt": .sizeMismatch(entry: "larger.txt", declared: 2000, actual: 1000),
            "crc.txt": .checksumMismatch(entry: "crc.txt", declared: CRC32.checksum(try archive.data(for: "honest.txt", limit: 1000)) ^ 1,
                                         actual: CRC32.checksum(try archive.data(for: "honest.txt", limit: 1000))),
            "stored.txt": .sizeMismatch(entry: "stored.txt", declared: 999, actual: 1000),
            "corrupt.txt": .damagedData(entry: "corrupt.txt", .reservedBlockType),
            "past-the-end.txt": .truncated,
            "honest.txt": nil,
        ]
        #expect(Set(archive.entryNames) == Set(expected.keys))
        for (name, error) in expected {
            let result = Result { () throws(ArchiveError) in try archive.data(for: name, limit: 100_000) }
            switch (result, error) {
            case (.success(let bytes), nil): #expect(bytes.count == 1000)
            case (.failure(let actual), let error?): #expect(actual == error, "\(name)")
            default: Issue.record("\(name): \(result)")
            }
        }
    }

    /// `deflated.zip` with `patch` applied.
    static func patched(_ patch: (inout [UInt8], _ directory: Int, _ end: Int) -> Void) throws -> [UInt8] {
        var bytes = try ArchiveFixtures.bytes("zip/deflated.zip")
        let end = bytes.count - 22
        let directory = Int(bytes[end + 16]) | Int(bytes[end + 17]) << 8 | Int(bytes[end + 18]) << 16 | Int(bytes[end + 19]) << 24
        patch(&bytes, directory, end)
        return bytes
    }

    /// The offset of the first occurrence of `pattern` at or after `start`.
    static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int = 0) -> Int {
        (start...(bytes.count - pattern.count)).first { bytes[$0..<$0 + pattern.count].elementsEqual(pattern) }!
    }

    static func put32(_ value: Int, at offset: Int, in bytes: inout [UInt8]) {
        for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
    }

    @Test("a damaged directory, end record or header is refused with what is wrong")
    func damaged() throws {
        let document = "word/document.xml"
        // The local header of word/document.xml: its signature, then its name 30 bytes on.
        let localDocument = { (bytes: [UInt8]) in
            (0..<(bytes.count - 47)).first { bytes[$0..<$0 + 4] == [0x50, 0x4B, 0x03, 0x04] && bytes[$0 + 30..<$0 + 47].elementsEqual(document.utf8) }!
        }
        let cases: [(String, ArchiveError, (inout [UInt8], Int, Int) -> Void)] = [
            ("a split archive", .spansSeveralDisks, { bytes, _, end in bytes[end + 4] = 1 }),
            ("entries on another disk", .spansSeveralDisks, { bytes, _, end in bytes[end + 8] = 1 }),
            ("more entries than the directory holds", .damagedDirectory, { bytes, _, end in bytes[end + 10] = 200; bytes[end + 8] = 200 }),
            ("a directory record's signature broken", .damagedDirectory, { bytes, directory, _ in bytes[directory] = 0x51 }),
            ("a directory past the end", .truncated, { bytes, directory, end in Self.put32(directory + 100_000, at: end + 16, in: &bytes) }),
            ("a directory overlapping its end record", .damagedDirectory, { bytes, directory, end in Self.put32(directory + 10, at: end + 16, in: &bytes) }),
            ("a name running past the directory", .damagedDirectory, { bytes, directory, _ in bytes[directory + 29] = 0xFF }),
            ("a local header's signature broken", .damagedLocalHeader(entry: document), { bytes, _, _ in bytes[localDocument(bytes)] = 0 }),
            ("a local header past the end", .truncated, { bytes, directory, _ in
                let record = Self.find(Array("word/document.xml".utf8), in: bytes, from: directory) - 46
                Self.put32(0x00FF_FFFF, at: record + 42, in: &bytes)
            }),
            ("method 14", .unsupportedMethod(entry: document, method: 14), { bytes, directory, _ in
                let record = Self.find(Array("word/document.xml".utf8), in: bytes, from: directory) - 46
                bytes[record + 10] = 14
            }),
            ("WinZip AES, method 99", .passwordProtected(entry: document), { bytes, directory, _ in
                let record = Self.find(Array("word/document.xml".utf8), in: bytes, from: directory) - 46
                bytes[record + 10] = 99
            }),
            ("a local header marked encrypted", .passwordProtected(entry: document), { bytes, _, _ in bytes[localDocument(bytes) + 6] |= 1 }),
            ("sizes saturated without a ZIP64 field", .damagedZip64Record, { bytes, directory, _ in
                let record = Self.find(Array("word/document.xml".utf8), in: bytes, from: directory) - 46
                Self.put32(0xFFFF_FFFF, at: record + 24, in: &bytes)
            }),
            ("a ZIP64 locator pointing nowhere", .damagedZip64Record, { bytes, _, end in
                bytes.replaceSubrange((end - 20)..<end, with: [0x50, 0x4B, 0x06, 0x07] + [UInt8](repeating: 0, count: 12) + [1, 0, 0, 0])
            }),
        ]
        for (what, expected, patch) in cases {
            let bytes = try Self.patched(patch)
            #expect(Self.error(bytes) == expected, "\(what)")
        }
    }

    @Test("a ZIP64 archive split over disks, or with its record damaged, is refused")
    func zip64Damaged() throws {
        let original = try ArchiveFixtures.bytes("zip/zip64.zip")
        let locator = original.count - 22 - 20
        var bytes = original
        bytes[locator + 16] = 3
        #expect(Self.error(bytes) == .spansSeveralDisks)
        bytes = original
        bytes[locator - 56] = 0
        #expect(Self.error(bytes) == .damagedZip64Record)
        bytes = original
        bytes[locator - 56 + 39] = 0x80  // entry count past Int.max
        #expect(Self.error(bytes) == .damagedZip64Record)
        bytes = original
        bytes[locator - 56 + 24] = 100  // more entries than the directory holds
        bytes[locator - 56 + 32] = 100
        #expect(Self.error(bytes) == .damagedDirectory)
    }

    @Test("an archive cut anywhere throws, in well under a second")
    func cutAnywhere() throws {
        let whole = try ArchiveFixtures.bytes("zip/deflated.zip")
        let (_, elapsed) = ArchiveFixtures.timed {
            for cut in stride(from: 0, to: whole.count, by: 7) {
                #expect(Self.error(Array(whole[..<cut])) != nil, "cut at \(cut)")
            }
        }
        #expect(elapsed < .seconds(5), "\(elapsed)")
    }

    @Test("changed bytes never crash: an archive reads or throws, and what extracts has its declared CRC-32")
    func mutations() throws {
        var random = SplitMix64(seed: 11)
        for file in ["deflated.zip", "zip64.zip", "stored.zip"] {
            let original = try ArchiveFixtures.bytes("zip/\(file)")
            for _ in 0..<150 {
                var bytes = original
                for _ in 0..<(1 + random.next() % 4) {
                    // Most changes where the records are: the start, and the directory at the end.
                    let region = random.next() % 3 == 0 ? bytes.count : min(bytes.count, 400)
                    let index = random.next() % 2 == 0 ? Int(random.next() % UInt64(region)) : bytes.count - 1 - Int(random.next() % UInt64(region))
                    bytes[index] ^= UInt8(truncatingIfNeeded: 1 << (random.next() % 8))
                }
                guard let archive = try? ZipArchive(bytes: bytes) else { continue }
                for entry in archive.entries {
                    if let data = try? archive.data(for: entry, limit: 1 << 20) {
                        #expect(data.count == entry.uncompressedSize && CRC32.checksum(data) == entry.crc32)
                    }
                }
            }
        }
    }

    @Test("each error reads as a sentence")
    func messages() {
        #expect(ArchiveError.notAZipArchive.description == "is not a ZIP archive")
        #expect(ArchiveError.truncated.description == "the archive is cut short (truncated)")
        #expect(ArchiveError.entryTooLarge(entry: "word/document.xml", limit: 64 << 20).description
            == "the entry word/document.xml would inflate to more than 64 MB; eqlint stops there")
        #expect(ArchiveError.passwordProtected(entry: "word/document.xml").description
            == "is protected by a password (its entry word/document.xml is encrypted); save a copy without a password")
        #expect(ArchiveError.unsupportedMethod(entry: "content.xml", method: 12).description
            == "the entry content.xml is compressed with method 12 (bzip2), which eqlint cannot read (only stored and DEFLATE entries)")
        #expect(ArchiveError.sizeMismatch(entry: "a.xml", declared: 1024, actual: nil).description
            == "the entry a.xml is damaged: it inflates to more than the 1,024 bytes it declares")
        #expect(ArchiveError.sizeMismatch(entry: "a.xml", declared: 2000, actual: 1000).description
            == "the entry a.xml is damaged: it holds 1,000 bytes, not the 2,000 it declares")
        #expect(ArchiveError.checksumMismatch(entry: "a.xml", declared: 0xABC, actual: 0x12345678).description
            == "the entry a.xml is damaged: its CRC-32 checksum is 0x12345678, not 0x00000ABC as declared")
        #expect(ArchiveError.damagedData(entry: "a.xml", .truncated).description
            == "the entry a.xml is damaged: the compressed data ends too soon (it is cut short)")
        #expect(ArchiveError.noSuchEntry("word/document.xml\n\u{1B}[31m").description
            == "the archive has no entry word/document.xml\\u{A}\\u{1B}[31m")
    }
}
