import EqlintText
import Rules

/// One `eqlint outline`: reads each plan the paths name (as `check` finds
/// them) with the vocabulary of its configuration, and gives what eqlint
/// understood of it, in order.
public struct OutlineRun {
    public var resolver: ConfigurationResolver

    public init(resolver: ConfigurationResolver) {
        self.resolver = resolver
    }

    /// What reading one path or plan gave.
    public enum Event: Sendable {
        case plan(PlanOutline.Entry)
        case error(InputError)
    }

    /// Reads the plans under `paths`; `-` is standard input, named `standardInputName`.
    public mutating func read(
        paths: [String], standardInputName: String = "<stdin>", readStandardInput: () throws(InputError) -> [UInt8]
    ) throws(RuleFileError) -> [Event] {
        var events: [Event] = []
        func outline(_ source: SourceFile, _ context: LintContext) -> Event {
            .plan(PlanOutline.Entry(path: source.path, plan: context.linter.parser.parse(source, notingUnplaced: true)))
        }
        for path in paths {
            if path == "-" {
                let context = try resolver.context(forFile: standardInputName)
                do throws(InputError) {
                    events.append(outline(try SourceFile(path: standardInputName, bytes: try readStandardInput()), context))
                } catch {
                    events.append(.error(error))
                }
                continue
            }
            let files: [String]
            switch PlanFinder.find(path) {
            case .missing: events.append(.error(.missing(path: path))); continue
            case .file(let file): files = [file]
            case .directory(let found, let unreadable):
                events += unreadable.map { .error(.unreadable(path: $0)) }
                files = found.map { $0.path }
                if found.isEmpty, unreadable.isEmpty { events.append(.error(.noPlans(path: path))) }
            }
            for file in files {
                let context = try resolver.context(forFile: file)
                do throws(InputError) {
                    events.append(outline(try context.linter.parser.load(path: file), context))
                } catch {
                    events.append(.error(error))
                }
            }
        }
        return events
    }
}
