/// Sizes as people read them in messages: "64 MB", "512 KB", "1,000 bytes".
enum ByteCountText {
    static func describe(_ count: Int) -> String {
        let megabyte = 1 << 20
        if count >= megabyte, count % megabyte == 0 { return "\(count / megabyte) MB" }
        if count >= 1024, count % 1024 == 0 { return "\(count / 1024) KB" }
        if count == 1 { return "1 byte" }
        return "\(grouped(count)) bytes"
    }

    /// A whole number with commas between groups of three digits.
    static func grouped(_ count: Int) -> String {
        let digits = Array(String(count).utf8)
        var text: [UInt8] = []
        text.reserveCapacity(digits.count + digits.count / 3)
        let signed = digits.first == UInt8(ascii: "-") ? 1 : 0
        for (index, digit) in digits.enumerated() {
            let fromEnd = digits.count - index
            if index > signed, fromEnd % 3 == 0 { text.append(UInt8(ascii: ",")) }
            text.append(digit)
        }
        return String(decoding: text, as: UTF8.self)
    }
}
