extension Array where Element == String {
    /// The strings with `separator` between them, as `joined(separator:)`
    /// makes them. The standard library's is generic and not specialised
    /// for eqlint: its first call in a process looks up the array's
    /// associated types by name, about 240,000 instructions (2.5% of
    /// checking one plan on save). Messages and the summary, made on every
    /// run, use this one.
    package func concatenated(separator: String) -> String {
        var text = ""
        for (index, part) in enumerated() {
            if index > 0 { text += separator }
            text += part
        }
        return text
    }
}
