/// The words of a text as `PhraseIndex` reads them (runs of word
/// characters), found in place in its UTF-8: byte ranges, no `String` made.
package enum WordRanges {
    /// Calls `body` with the byte range of each word of `text`, in order, until it returns false.
    package static func forEach(in text: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Bool) {
        var start = -1
        var index = 0
        while index < text.count {
            let length = PhraseIndex.characterLength(text[index], at: index, end: text.count)
            if PhraseIndex.isWordCharacter(text, at: index, length: length) {
                if start < 0 { start = index }
            } else if start >= 0 {
                guard body(start..<index) else { return }
                start = -1
            }
            index += length
        }
        if start >= 0 { _ = body(start..<text.count) }
    }
}
