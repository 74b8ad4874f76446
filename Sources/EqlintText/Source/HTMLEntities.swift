/// HTML character references as web pages use them: every numeric one
/// (`&#8211;`, `&#x2019;`) and the named ones school sites and their editors
/// write (`&nbsp;`, `&rsquo;`, `&pound;`, `&eacute;`, ...). Decoding never
/// gives a control character: a reference to one gives a space (tab, line
/// feed, carriage return, form feed) or U+FFFD; `&#150;`-style references
/// to the C1 range read as Windows-1252, as browsers read them.
enum HTMLEntities {
    /// The text an entity (`bytes[span]`, from `&` to `;`) stands for, as
    /// UTF-8; nil for a name that is not known (it is then left as written).
    static func decode<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ span: Range<Int>) -> [UInt8]? where Bytes.Index == Int {
        guard let value = scalar(bytes, span) else { return nil }
        if value == 0 { return [] }  // a soft hyphen or a zero-width joiner: nothing to show
        if isSpace(value) { return [0x20] }
        return Array(String(Unicode.Scalar(value).map(Character.init) ?? "\u{FFFD}").utf8)
    }

    /// The code point an entity stands for (0 for one that shows nothing),
    /// with what must not be shown replaced; nil for an unknown name.
    static func scalar<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ span: Range<Int>) -> UInt32? where Bytes.Index == Int {
        guard span.count >= 3, bytes[span.lowerBound] == 0x26, bytes[span.upperBound - 1] == 0x3B else { return nil }
        let body = span.lowerBound + 1..<span.upperBound - 1
        if bytes[body.lowerBound] == 0x23 {
            var index = body.lowerBound + 1
            var radix: UInt32 = 10
            if index < body.upperBound, bytes[index] | 0x20 == 0x78 {
                radix = 16
                index += 1
            }
            guard index < body.upperBound else { return nil }
            var value: UInt32 = 0
            while index < body.upperBound {
                let byte = bytes[index]
                let digit: UInt32
                switch byte {
                case 0x30...0x39: digit = UInt32(byte - 0x30)
                case 0x41...0x46 where radix == 16: digit = UInt32(byte - 0x41 + 10)
                case 0x61...0x66 where radix == 16: digit = UInt32(byte - 0x61 + 10)
                default: return nil
                }
                value = min(value * radix + digit, 0x11_0000)  // no overflow: at most 8 digits, capped
                index += 1
            }
            return numeric(value)
        }
        guard body.count <= 32 else { return nil }
        let name = String(decoding: bytes[body], as: UTF8.self)
        return named[name]
    }

    /// Whether a code point is a space a page shows as one (no-break and typographic spaces too).
    static func isSpace(_ value: UInt32) -> Bool {
        value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0C || value == 0x0D || value == 0xA0
            || (0x2000...0x200A).contains(value) || value == 0x200B || value == 0x202F || value == 0x205F || value == 0x3000
    }

    /// A numeric reference's code point, as browsers read it.
    private static func numeric(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x09, 0x0A, 0x0C, 0x0D: return value  // shown as a space
        case 0x80...0x9F: return Windows1252.c1Scalar(UInt8(value)) ?? 0xFFFD
        case 0, 0x01...0x1F, 0x7F, 0xD800...0xDFFF, 0x11_0000...: return 0xFFFD
        default: return value
        }
    }

    /// The named references eqlint knows: HTML 4's, and the HTML5 ones pages
    /// and editors commonly write. A name is matched as written (case matters).
    static let named: [String: UInt32] = {
        var table: [String: UInt32] = [
            // Markup characters and punctuation
            "amp": 0x26, "AMP": 0x26, "lt": 0x3C, "LT": 0x3C, "gt": 0x3E, "GT": 0x3E, "quot": 0x22, "QUOT": 0x22, "apos": 0x27,
            "excl": 0x21, "num": 0x23, "dollar": 0x24, "percnt": 0x25, "lpar": 0x28, "rpar": 0x29, "ast": 0x2A, "plus": 0x2B,
            "comma": 0x2C, "period": 0x2E, "sol": 0x2F, "colon": 0x3A, "semi": 0x3B, "equals": 0x3D, "quest": 0x3F,
            "commat": 0x40, "lsqb": 0x5B, "lbrack": 0x5B, "bsol": 0x5C, "rsqb": 0x5D, "rbrack": 0x5D, "Hat": 0x5E, "lowbar": 0x5F,
            "grave": 0x60, "lcub": 0x7B, "lbrace": 0x7B, "verbar": 0x7C, "vert": 0x7C, "rcub": 0x7D, "rbrace": 0x7D,
            "hyphen": 0x2010, "dash": 0x2010,
            // Spaces and invisible characters (0: shows nothing)
            "nbsp": 0xA0, "NonBreakingSpace": 0xA0, "ensp": 0x2002, "emsp": 0x2003, "emsp13": 0x2004, "emsp14": 0x2005,
            "numsp": 0x2007, "puncsp": 0x2008, "thinsp": 0x2009, "ThinSpace": 0x2009, "hairsp": 0x200A, "ZeroWidthSpace": 0x200B,
            "NegativeThinSpace": 0x200B, "MediumSpace": 0x205F, "Tab": 0x09, "NewLine": 0x0A,
            "shy": 0, "zwnj": 0, "zwj": 0, "lrm": 0, "rlm": 0, "NoBreak": 0, "InvisibleTimes": 0, "it": 0, "af": 0,
            // Quotes, dashes and typography
            "lsquo": 0x2018, "rsquo": 0x2019, "rsquor": 0x2019, "sbquo": 0x201A, "lsquor": 0x201A, "ldquo": 0x201C, "rdquo": 0x201D,
            "rdquor": 0x201D, "bdquo": 0x201E, "ldquor": 0x201E, "laquo": 0xAB, "raquo": 0xBB, "lsaquo": 0x2039, "rsaquo": 0x203A,
            "OpenCurlyQuote": 0x2018, "CloseCurlyQuote": 0x2019, "OpenCurlyDoubleQuote": 0x201C, "CloseCurlyDoubleQuote": 0x201D,
            "ndash": 0x2013, "mdash": 0x2014, "horbar": 0x2015, "minus": 0x2212, "hellip": 0x2026, "mldr": 0x2026, "nldr": 0x2025,
            "bull": 0x2022, "bullet": 0x2022, "middot": 0xB7, "centerdot": 0xB7, "CenterDot": 0xB7, "prime": 0x2032, "Prime": 0x2033,
            "dagger": 0x2020, "Dagger": 0x2021, "ddagger": 0x2021, "permil": 0x2030, "sect": 0xA7, "para": 0xB6, "iexcl": 0xA1,
            "iquest": 0xBF, "oline": 0x203E, "frasl": 0x2044, "circ": 0x2C6, "tilde": 0x2DC, "uml": 0xA8, "Dot": 0xA8, "die": 0xA8,
            "acute": 0xB4, "cedil": 0xB8, "macr": 0xAF, "brvbar": 0xA6, "not": 0xAC, "loz": 0x25CA, "lozenge": 0x25CA,
            // Currency, marks and numbers
            "pound": 0xA3, "euro": 0x20AC, "cent": 0xA2, "yen": 0xA5, "curren": 0xA4, "fnof": 0x192, "copy": 0xA9, "COPY": 0xA9,
            "reg": 0xAE, "REG": 0xAE, "circledR": 0xAE, "trade": 0x2122, "TRADE": 0x2122, "deg": 0xB0, "micro": 0xB5,
            "ordf": 0xAA, "ordm": 0xBA, "sup1": 0xB9, "sup2": 0xB2, "sup3": 0xB3, "frac12": 0xBD, "half": 0xBD, "frac14": 0xBC,
            "frac34": 0xBE, "frac13": 0x2153, "frac23": 0x2154, "frac15": 0x2155, "frac18": 0x215B, "plusmn": 0xB1, "pm": 0xB1,
            "times": 0xD7, "divide": 0xF7, "div": 0xF7, "le": 0x2264, "leq": 0x2264, "ge": 0x2265, "geq": 0x2265, "ne": 0x2260,
            "asymp": 0x2248, "approx": 0x2248, "equiv": 0x2261, "infin": 0x221E, "sum": 0x2211, "prod": 0x220F, "radic": 0x221A,
            "lowast": 0x2217, "percent": 0x25, "check": 0x2713, "checkmark": 0x2713, "cross": 0x2717, "star": 0x2606, "starf": 0x2605,
            "bigstar": 0x2605, "hearts": 0x2665, "spades": 0x2660, "clubs": 0x2663, "diams": 0x2666, "female": 0x2640, "male": 0x2642,
            "phone": 0x260E, "squ": 0x25A1, "square": 0x25A1, "squf": 0x25AA, "blacksquare": 0x25AA, "rect": 0x25AD,
            "utrif": 0x25B4, "dtrif": 0x25BE, "rtrif": 0x25B8, "ltrif": 0x25C2, "cir": 0x25CB,
            // Arrows
            "larr": 0x2190, "rarr": 0x2192, "uarr": 0x2191, "darr": 0x2193, "harr": 0x2194, "lArr": 0x21D0, "rArr": 0x21D2,
            "uArr": 0x21D1, "dArr": 0x21D3, "hArr": 0x21D4, "crarr": 0x21B5, "rightarrow": 0x2192, "leftarrow": 0x2190,
            // Greek letters pages use
            "alpha": 0x3B1, "beta": 0x3B2, "gamma": 0x3B3, "delta": 0x3B4, "Delta": 0x394, "mu": 0x3BC, "pi": 0x3C0, "sigma": 0x3C3,
            "Sigma": 0x3A3, "Omega": 0x3A9, "omega": 0x3C9, "theta": 0x3B8, "lambda": 0x3BB,
            // Latin letters
            "szlig": 0xDF, "AElig": 0xC6, "aelig": 0xE6, "OElig": 0x152, "oelig": 0x153, "Oslash": 0xD8, "oslash": 0xF8,
            "ETH": 0xD0, "eth": 0xF0, "THORN": 0xDE, "thorn": 0xFE, "Scaron": 0x160, "scaron": 0x161, "Zcaron": 0x17D,
            "zcaron": 0x17E, "Yuml": 0x178, "Ccedil": 0xC7, "ccedil": 0xE7, "Ntilde": 0xD1, "ntilde": 0xF1, "inodot": 0x131,
            "imath": 0x131, "Lstrok": 0x141, "lstrok": 0x142, "Ccaron": 0x10C, "ccaron": 0x10D, "Cacute": 0x106, "cacute": 0x107,
            "Sacute": 0x15A, "sacute": 0x15B, "Zacute": 0x179, "zacute": 0x17A, "Zdot": 0x17B, "zdot": 0x17C, "Nacute": 0x143,
            "nacute": 0x144, "Eogon": 0x118, "eogon": 0x119, "Aogon": 0x104, "aogon": 0x105, "Rcaron": 0x158, "rcaron": 0x159,
            "Ecaron": 0x11A, "ecaron": 0x11B, "Gbreve": 0x11E, "gbreve": 0x11F, "Idot": 0x130, "Scedil": 0x15E, "scedil": 0x15F,
            "Amacr": 0x100, "amacr": 0x101, "Emacr": 0x112, "emacr": 0x113, "Imacr": 0x12A, "imacr": 0x12B, "Omacr": 0x14C,
            "omacr": 0x14D, "Umacr": 0x16A, "umacr": 0x16B, "Odblac": 0x150, "odblac": 0x151, "Udblac": 0x170, "udblac": 0x171,
            "fflig": 0xFB00, "filig": 0xFB01, "fllig": 0xFB02,
        ]
        // The accented vowels in every case, as HTML 4 names them.
        let vowels: [(String, [String: UInt32])] = [
            ("A", ["grave": 0xC0, "acute": 0xC1, "circ": 0xC2, "tilde": 0xC3, "uml": 0xC4, "ring": 0xC5]),
            ("E", ["grave": 0xC8, "acute": 0xC9, "circ": 0xCA, "uml": 0xCB]),
            ("I", ["grave": 0xCC, "acute": 0xCD, "circ": 0xCE, "uml": 0xCF]),
            ("O", ["grave": 0xD2, "acute": 0xD3, "circ": 0xD4, "tilde": 0xD5, "uml": 0xD6]),
            ("U", ["grave": 0xD9, "acute": 0xDA, "circ": 0xDB, "uml": 0xDC]),
            ("Y", ["acute": 0xDD]),
        ]
        for (letter, accents) in vowels {
            for (accent, upper) in accents {
                table[letter + accent] = upper
                table[letter.lowercased() + accent] = upper + 0x20
            }
        }
        table["yuml"] = 0xFF
        return table
    }()
}
