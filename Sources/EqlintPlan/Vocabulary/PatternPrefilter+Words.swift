/// A prefilter's requirements written as numbers, and read back: how
/// `embed-rules` carries the prefilters of eqlint's own patterns into
/// eqlint (see `Pattern.compiledWords(of:)`), so that a run does not
/// analyse their sources again. Reading them back still lays out the scan's
/// tables; the analysis of the source is what is saved.
extension PatternPrefilter {
    /// The requirements every match needs: the prefilter's own, then those
    /// tested before it (`alsoRequired`), in order.
    var requirements: [Requirement] { [requirement] + alsoRequired.map(\.requirement) }

    /// The prefilter of a source as numbers: how many requirements (0: the
    /// source shows no prefilter), then each one: its kind (0 a digit, 1
    /// runs of bytes), how many runs, and each run's length and bytes.
    static func words(analysing source: String) -> [UInt64] {
        guard let prefilter = PatternPrefilter(pattern: source) else { return [0] }
        var words = [UInt64(prefilter.requirements.count)]
        for requirement in prefilter.requirements {
            switch requirement {
            case .digit:
                words += [0, 0]
            case .oneOf(let runs):
                words += [1, UInt64(runs.count)]
                for run in runs { words += [UInt64(run.count)] + run.map(UInt64.init) }
            }
        }
        return words
    }

    /// What `words(analysing:)` wrote: the prefilter, or nil when the
    /// source shows none (or the words are not what it writes: a pattern
    /// with no prefilter only runs its matcher more often).
    init?(words: ArraySlice<UInt64>) {
        var at = words.startIndex
        func next() -> Int? {
            guard at < words.endIndex else { return nil }
            defer { at += 1 }
            return Int(exactly: words[at])
        }
        var requirements: [Requirement] = []
        guard let count = next(), count > 0 else { return nil }
        for _ in 0..<count {
            guard let kind = next(), let runCount = next() else { return nil }
            if kind == 0 {
                requirements.append(.digit)
                continue
            }
            var runs: [[UInt8]] = []
            for _ in 0..<runCount {
                guard let length = next(), length <= words.endIndex - at else { return nil }
                runs.append(words[at..<at + length].map { UInt8(truncatingIfNeeded: $0) })
                at += length
            }
            requirements.append(.oneOf(runs))
        }
        guard at == words.endIndex else { return nil }
        self.init(requirements[0])
        alsoRequired = requirements.dropFirst().map(PatternPrefilter.init)
    }
}
