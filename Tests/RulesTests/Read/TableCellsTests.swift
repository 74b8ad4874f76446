@testable import EqlintPlan
import EqlintText
import Testing

/// Splitting a pipe table's row, eight bytes at a time where there is no
/// pipe or backslash, gives the cells a byte-by-byte reading gives.
@Suite("Table cells")
struct TableCellsTests {
    /// The row read a byte at a time, as it always was.
    func referenceSplit(_ bytes: [UInt8], _ row: Range<Int>) -> [Range<Int>] {
        var cells: [Range<Int>] = []
        var cellStart = row.lowerBound
        var index = row.lowerBound
        while index < row.upperBound {
            let byte = bytes[index]
            if byte == 0x5C { index += 2; continue }
            if byte == 0x7C {
                cells.append(ByteText.trim(bytes, cellStart..<index))
                cellStart = index + 1
            }
            index += 1
        }
        cells.append(ByteText.trim(bytes, cellStart..<row.upperBound))
        if bytes[row.lowerBound] == 0x7C, cells.first?.isEmpty == true { cells.removeFirst() }
        if row.upperBound > row.lowerBound, bytes[row.upperBound - 1] == 0x7C, cells.last?.isEmpty == true { cells.removeLast() }
        return cells
    }

    @Test("cells split eight bytes at a time are the cells split byte by byte", arguments: 0..<4)
    func sameAsByteByByte(seed: Int) {
        let pieces: [[UInt8]] = [[0x7C], [0x5C], [0x5C, 0x7C], [0x20], [0x09], Array("cell".utf8), Array("a longer cell of text".utf8),
                                 [0xE2, 0x80, 0x93], Array("`code|`".utf8)]
        var generator = SplitMix64(seed: UInt64(seed))
        for _ in 0..<500 {
            let row = (0..<Int.random(in: 1...30, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
            let padded = Array("xx".utf8) + row + Array("yy".utf8)
            let span = 2..<(2 + row.count)
            #expect(TableCells.split(padded, span) == referenceSplit(padded, span), "\(row)")
        }
    }
}
