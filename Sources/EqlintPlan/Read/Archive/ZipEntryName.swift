/// How a ZIP entry's name bytes become a `String` (APPNOTE appendix D): UTF-8
/// when the entry's flag bit 11 says so, else IBM code page 437, the DOS
/// character set (ASCII below 0x80, so the names of a .docx read the same
/// either way). A name is only a name: `..`, a leading `/` or a backslash
/// mean nothing here, as eqlint never writes entries to disk.
enum ZipEntryName {
    static func decode(_ bytes: ArraySlice<UInt8>, isUTF8: Bool) -> String {
        if isUTF8 || !bytes.contains(where: { $0 >= 0x80 }) {
            return String(decoding: bytes, as: UTF8.self)
        }
        var name = String.UnicodeScalarView()
        for byte in bytes {
            name.append(byte < 0x80 ? Unicode.Scalar(byte) : upperHalf[Int(byte) - 0x80])
        }
        return String(name)
    }

    /// Code page 437's characters for bytes 0x80 to 0xFF.
    private static let upperHalf: [Unicode.Scalar] = Array([
        "ÇüéâäàåçêëèïîìÄÅ",
        "ÉæÆôöòûùÿÖÜ¢£¥₧ƒ",
        "áíóúñÑªº¿⌐¬½¼¡«»",
        "░▒▓│┤╡╢╖╕╣║╗╝╜╛┐",
        "└┴┬├─┼╞╟╚╔╩╦╠═╬╧",
        "╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀",
        "αßΓπΣσµτΦΘΩδ∞φε∩",
        "≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{A0}",
    ].joined().unicodeScalars)
}
