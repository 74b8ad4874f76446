/// Text written as UTF-8 bytes, each string copied in whole, and made a
/// `String` once at the end (appending to a `String` piece by piece costs
/// several hundred instructions a piece).
extension Array where Element == UInt8 {
    /// Appends a string's UTF-8 in one copy (through `+= text.utf8` it
    /// went a byte at a time).
    package mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }
}
