@testable import EqlintText
@testable import Rules
import Testing

/// `Supersession`'s pieces give what their first, simpler forms gave: each
/// objective's extent found by filtering the starts for each, and two places
/// compared by trying both pairs in an array.
@Suite struct SupersessionTests {
    @Test func objectiveExtentsAsFilteringForEach() {
        var random = SplitMix64(seed: 17)
        let end = EqlintText.SourceLocation(line: 7, column: 1)
        for trial in 0..<500 {
            // Few lines and columns, so that starts repeat and come out of order.
            let starts = (0..<(trial % 9)).map { _ in
                EqlintText.SourceLocation(line: Int.random(in: 1...6, using: &random), column: Int.random(in: 1...3, using: &random))
            }
            let simple = starts.map { start in SourceRange(start: start, end: starts.filter { $0 > start }.min() ?? end) }
            #expect(Supersession.objectiveExtents(starts: starts, endOfFile: end) == simple, "\(starts)")
        }
    }

    @Test func samePlaceAsTryingBothPairs() {
        func simple(_ a: FindingPlace, _ b: FindingPlace, _ extents: [SourceRange]) -> Bool {
            if a.extent == .plan || b.extent == .plan { return true }
            for (whole, other) in [(a, b), (b, a)] where whole.extent == .objective {
                guard let objective = whole.objective else { continue }
                if let owner = other.objective { return owner == objective }
                return extents.indices.contains(objective) && Supersession.overlap(extents[objective], other.range)
            }
            return Supersession.overlap(a.range, b.range)
        }
        func location(_ offset: Int) -> EqlintText.SourceLocation { EqlintText.SourceLocation(line: 1 + offset / 3, column: 1 + offset % 3) }
        let extents = [SourceRange(start: location(0), end: location(5)), SourceRange(start: location(5), end: location(12))]
        var places: [FindingPlace] = []
        for extent in [FindingPlace.Extent.plan, .objective, .text] {
            for objective in [nil, 0, 1, 4] {
                for (start, length) in [(0, 0), (1, 3), (4, 2), (6, 0), (7, 5), (11, 1)] {
                    places.append(FindingPlace(extent: extent, objective: objective, range: SourceRange(start: location(start), end: location(start + length))))
                }
            }
        }
        for a in places {
            for b in places {
                #expect(Supersession.samePlace(a, b, extents) == simple(a, b, extents), "\(a) \(b)")
            }
        }
    }
}
