/// The elements the HTML reader treats in a way of their own; every other
/// name is `.other` (an inline element, as unknown elements are).
enum HTMLTag: UInt8 {
    case other
    case a, address, area, article, aside, audio, base, basefont, bgsound, blockquote, body, br, button, canvas, caption, center,
         col, colgroup, datalist, dd, details, dialog, dir, div, dl, dt, embed, fieldset, figcaption, figure, footer, form,
         frameset, h1, h2, h3, h4, h5, h6, head, header, hgroup, hr, html, iframe, img, input, keygen, legend, li, link, listing,
         main, map, math, menu, meta, nav, noembed, noframes, noscript, object, ol, p, param, plaintext, pre, script, search,
         section, select, source, style, summary, svg, table, tbody, td, template, textarea, tfoot, th, thead, title, tr, track,
         ul, video, wbr, xmp

    /// The element a tag name (as bytes, any case) names.
    static func named(_ hash: UInt64) -> HTMLTag {
        byHash[hash] ?? .other
    }

    /// The 64-bit FNV-1a hash of a name's bytes, ASCII lower-cased: how names are compared.
    static func hash(_ bytes: [UInt8], _ span: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for index in span {
            let byte = bytes[index]
            hash = (hash ^ UInt64(byte &- 0x41 < 26 ? byte | 0x20 : byte)) &* 0x100_0000_01B3
        }
        return hash
    }

    static func hash(_ name: String) -> UInt64 {
        let bytes = Array(name.utf8)
        return hash(bytes, 0..<bytes.count)
    }

    private static let byHash: [UInt64: HTMLTag] = {
        var table: [UInt64: HTMLTag] = [:]
        var raw: UInt8 = 1
        while let tag = HTMLTag(rawValue: raw) {
            table[hash(String(describing: tag))] = tag
            raw += 1
        }
        return table
    }()

    /// Elements with no content and no end tag.
    var isVoid: Bool {
        switch self {
        case .area, .base, .basefont, .bgsound, .br, .col, .embed, .hr, .img, .input, .keygen, .link, .meta, .param, .source,
             .track, .wbr:
            return true
        default:
            return false
        }
    }

    /// Elements whose content is text up to their end tag, never markup.
    var hasRawText: Bool {
        switch self {
        case .script, .style, .textarea, .title, .xmp, .iframe, .noembed, .noframes, .noscript, .plaintext: return true
        default: return false
        }
    }

    /// Elements that are never the plan's text: scripts, styles, forms and
    /// their controls, embedded objects, navigation and sidebars.
    /// (`form`, `header`, `footer` and `dialog` are judged in context.)
    var isAlwaysSkipped: Bool {
        switch self {
        case .script, .style, .noscript, .template, .nav, .aside, .button, .select, .svg, .math, .iframe, .object, .canvas,
             .video, .audio, .map, .title, .textarea, .datalist, .frameset, .noframes, .noembed, .xmp, .plaintext:
            return true
        default:
            return false
        }
    }

    /// Elements that may stand in a page's `<head>`; any other ends it.
    var belongsInHead: Bool {
        switch self {
        case .head, .title, .meta, .link, .style, .script, .base, .basefont, .bgsound, .noscript, .template: return true
        default: return false
        }
    }

    /// Blocks that end the text before them and start a new block: a `<p>`
    /// open before one of them is closed, as browsers close it.
    var isBlock: Bool {
        switch self {
        case .address, .article, .aside, .blockquote, .center, .details, .dialog, .dir, .div, .dl, .fieldset, .figcaption,
             .figure, .footer, .form, .header, .hgroup, .legend, .listing, .main, .menu, .nav, .p, .search, .section, .summary,
             .body, .html:
            return true
        default:
            return false
        }
    }

    /// A heading's level, 1 to 6.
    var headingLevel: Int? {
        switch self {
        case .h1: return 1
        case .h2: return 2
        case .h3: return 3
        case .h4: return 4
        case .h5: return 5
        case .h6: return 6
        default: return nil
        }
    }

    var isList: Bool { self == .ul || self == .ol || self == .menu || self == .dir }

    /// Start tags that close a table's open cell: the next cell, row or row group.
    var startsCellOrRow: Bool {
        switch self {
        case .td, .th, .tr, .tbody, .thead, .tfoot, .caption, .colgroup: return true
        default: return false
        }
    }

    /// Elements that structure a table: an end tag of one of them may close open elements inside a table.
    var isTablePart: Bool {
        switch self {
        case .table, .tbody, .thead, .tfoot, .tr, .td, .th, .caption, .colgroup: return true
        default: return false
        }
    }
}
