/// A vocabulary list's patterns sorted by kind, as `Measurability` in the
/// rule engine tries them (see its comment): groups whose name starts
/// `vague`, those starting `weak`, and the rest (measures), each kind's
/// patterns shortest first. Here so that `embed-rules` sorts eqlint's own
/// lists the same way when it works out their prefilters at build time.
package struct MeasuringPatterns: Sendable {
    package private(set) var measures: [Pattern] = []
    package private(set) var vague: [Pattern] = []
    package private(set) var weak: [Pattern] = []

    package init(_ list: Vocabulary.List?) {
        for (group, patterns) in (list?.patterns ?? [:]).sorted(by: { $0.key < $1.key }) {
            if group.lowercased().hasPrefix("vague") {
                vague += patterns
            } else if group.lowercased().hasPrefix("weak") {
                weak += patterns
            } else {
                measures += patterns
            }
        }
        // Any match settles a kind, so the order is free: shortest first, as
        // a short pattern is usually a quick one ("\d++%" before a page of
        // look-behinds). The sort is stable.
        func shortestFirst(_ patterns: [Pattern]) -> [Pattern] {
            patterns.enumerated().sorted { ($0.element.source.utf8.count, $0.offset) < ($1.element.source.utf8.count, $1.offset) }.map(\.element)
        }
        measures = shortestFirst(measures)
        vague = shortestFirst(vague)
        weak = shortestFirst(weak)
    }

    /// Every pattern, measures then vague then weak: the order of their prefilter set.
    package var all: [Pattern] { measures + vague + weak }
}
