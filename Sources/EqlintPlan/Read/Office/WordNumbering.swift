import Foundation

/// A Word document's list definitions (`word/numbering.xml`) and the
/// counting of numbered paragraphs as Word shows them.
///
/// A paragraph names a numbering instance (`w:num`, by `w:numId`) and a
/// level (`w:ilvl`); the instance points at an abstract definition
/// (`w:abstractNum`) whose `w:lvl` gives each level's format (`w:numFmt`:
/// decimal, bullet, letters, ...), its text (`w:lvlText`, `%1.`) and where
/// it starts. Instances of one definition continue one count, unless an
/// instance restarts it (`w:lvlOverride/w:startOverride`), as pandoc and
/// Word do for each new list; an item resets the count of the levels below it.
struct WordNumbering {
    /// One level of a list definition.
    struct Level: Equatable {
        var format = "decimal"
        var text = "%1."
        var start = 0
        /// Whether every level's number is shown in decimal (`w:isLgl`).
        var isLegal = false
        /// What follows the number: a tab, a space or nothing (`w:suff`).
        var suffix = "tab"
    }

    /// A numbering instance: its abstract definition and its overrides.
    struct Instance {
        var abstractID: String
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
    }

    private var definitions: [String: [Int: Level]] = [:]
    /// An abstract definition that takes its levels from a numbering style (`w:numStyleLink`).
    private var styleLinks: [String: String] = [:]
    private var instances: [String: Instance] = [:]
    private var styles = WordStyles()

    /// Each count: by definition (or by instance, for one that restarts it), then by level.
    private var counts: [String: [Int: Int]] = [:]
    /// The instances that have numbered a paragraph already (a restart applies at the first).
    private var started: Set<String> = []

    init() {}

    init(_ root: XMLTreeElement, styles: WordStyles) {
        self.styles = styles
        for abstract in root.children(named: "w:abstractNum") {
            guard let id = abstract.attribute("w:abstractNumId") else { continue }
            definitions[id] = Self.levels(abstract)
            if let link = abstract.child("w:numStyleLink")?.attribute("w:val") { styleLinks[id] = link }
        }
        for num in root.children(named: "w:num") {
            guard let id = num.attribute("w:numId"), let abstractID = num.child("w:abstractNumId")?.attribute("w:val") else { continue }
            var instance = Instance(abstractID: abstractID)
            for override in num.children(named: "w:lvlOverride") {
                guard let level = override.attribute("w:ilvl").flatMap({ Int($0) }) else { continue }
                if let start = override.child("w:startOverride")?.attribute("w:val").flatMap({ Int($0) }) {
                    instance.startOverrides[level] = start
                }
                if let definition = override.child("w:lvl") { instance.levelOverrides[level] = Self.level(definition) }
            }
            instances[id] = instance
        }
    }

    private static func levels(_ abstract: XMLTreeElement) -> [Int: Level] {
        var levels: [Int: Level] = [:]
        for element in abstract.children(named: "w:lvl") {
            guard let index = element.attribute("w:ilvl").flatMap({ Int($0) }) else { continue }
            levels[index] = level(element)
        }
        return levels
    }

    private static func level(_ element: XMLTreeElement) -> Level {
        var level = Level()
        if let format = element.child("w:numFmt")?.attribute("w:val") { level.format = format }
        if let text = element.child("w:lvlText")?.attribute("w:val") { level.text = text }
        if let start = element.child("w:start")?.attribute("w:val").flatMap({ Int($0) }) { level.start = start }
        if let legal = element.child("w:isLgl") { level.isLegal = WordStyles.isOn(legal) }
        if let suffix = element.child("w:suff")?.attribute("w:val") { level.suffix = suffix }
        return level
    }

    /// The abstract definition's levels for an instance, following a link to a numbering style.
    private func definition(for instance: Instance) -> [Int: Level]? {
        var abstractID = instance.abstractID
        for _ in 0..<4 {
            guard let link = styleLinks[abstractID] else { break }
            guard let (linked, _) = styles.numbering(of: link), let target = instances[linked]?.abstractID, target != abstractID else { break }
            abstractID = target
        }
        return definitions[abstractID]
    }

    /// What a numbered paragraph shows.
    struct Label: Equatable {
        /// The level's format (`decimal`, `bullet`, `lowerLetter`, `none`, ...).
        var format: String
        /// This level's count.
        var number: Int
        /// The label as Word shows it (`3.`, `Objective 2:`, `1.2`); the bullet character for a bullet.
        var text: String
        /// Whether the label is only this level's number and punctuation (`%2.`, `(%1)`), as a Markdown list marker says it.
        var isPlainNumber: Bool
        var suffix: String
    }

    /// Counts a paragraph numbered by instance `id` at `level`, and gives its label.
    /// nil if the instance or level is not defined (or is `0`, which turns numbering off).
    mutating func next(id: String, level: Int) -> Label? {
        guard id != "0", let instance = instances[id], let levels = definition(for: instance) else { return nil }
        let level = min(max(level, 0), 8)
        guard let definition = instance.levelOverrides[level] ?? levels[level] else { return nil }
        let restarts = !instance.startOverrides.isEmpty
        let key = restarts ? "num:\(id)" : "abstract:\(instance.abstractID)"
        if restarts, started.insert(id).inserted { counts[key] = nil }
        func start(_ index: Int) -> Int { instance.startOverrides[index] ?? (instance.levelOverrides[index] ?? levels[index])?.start ?? 0 }
        var count = counts[key, default: [:]]
        count[level] = count[level].map { $0 + 1 } ?? start(level)
        for deeper in count.keys where deeper > level { count[deeper] = nil }
        counts[key] = count

        var text = ""
        var placeholders = 0
        var scalars = definition.text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            if scalar == "%", let digit = scalars.first, let index = Int(String(digit)), (1...9).contains(index) {
                scalars.removeFirst()
                placeholders += 1
                let shown = index - 1
                let number = count[shown] ?? start(shown)
                let format = definition.isLegal ? "decimal" : (instance.levelOverrides[shown] ?? levels[shown])?.format ?? "decimal"
                text += Self.format(number, as: format)
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        let own = "%\(level + 1)"
        let bare = definition.text.trimmingCharacters(in: .whitespaces)
        let isPlain = [own, own + ".", own + ")", "(" + own + ")"].contains(bare)
        return Label(format: definition.format, number: count[level] ?? 0, text: text, isPlainNumber: isPlain, suffix: definition.suffix)
    }

    /// A number in a level's format, as Word shows it; formats eqlint does not know are shown in decimal.
    static func format(_ number: Int, as format: String) -> String {
        switch format {
        case "lowerLetter": return letters(number).lowercased()
        case "upperLetter": return letters(number)
        case "lowerRoman": return roman(number).lowercased()
        case "upperRoman": return roman(number)
        case "decimalZero": return number < 10 && number >= 0 ? "0\(number)" : "\(number)"
        case "ordinal": return "\(number)\(ordinalSuffix(number))"
        case "bullet", "none": return ""
        default: return "\(number)"
        }
    }

    /// Word's letters: a to z, then aa to zz, and so on.
    private static func letters(_ number: Int) -> String {
        guard number > 0 else { return "\(number)" }
        let letter = Character(UnicodeScalar(UInt8(65 + (number - 1) % 26)))
        return String(repeating: letter, count: min((number - 1) / 26 + 1, 32))
    }

    private static func roman(_ number: Int) -> String {
        guard number > 0, number < 4000 else { return "\(number)" }
        let numerals: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = number
        var text = ""
        for (value, numeral) in numerals {
            while rest >= value {
                text += numeral
                rest -= value
            }
        }
        return text
    }

    private static func ordinalSuffix(_ number: Int) -> String {
        if (11...13).contains(number % 100) { return "th" }
        switch number % 10 {
        case 1: return "st"
        case 2: return "nd"
        case 3: return "rd"
        default: return "th"
        }
    }
}
