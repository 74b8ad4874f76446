import Foundation
import Rules

/// Reads a configuration file. Unknown keys are errors with their line and
/// column; rule ids are checked against the rule set when it is applied.
enum ConfigurationLoader {
    static let keys = ["rules", "ruleDirectories", "vocabulary", "include", "exclude", "failOn", "requireSuppressionReason"]
    static let ruleSettingKeys = ["enabled", "severity", "options"]

    /// - Parameters:
    ///   - absolutePath: where the file is.
    ///   - displayPath: how messages name it.
    static func load(absolutePath: String, displayPath: String) throws(RuleFileError) -> Configuration {
        guard let data = FileManager.default.contents(atPath: absolutePath) else {
            throw RuleFileError(path: displayPath, location: nil, message: "cannot be read")
        }
        return try load(bytes: [UInt8](data), absolutePath: absolutePath, displayPath: displayPath)
    }

    /// Reads a configuration file's bytes, already read from `absolutePath`.
    /// Only a file that is not JSON5 is refused at once; every other error
    /// is kept in `problems`, in order, and reading goes on.
    static func load(bytes: [UInt8], absolutePath: String, displayPath: String) throws(RuleFileError) -> Configuration {
        let reader = NodeReader(path: displayPath)
        let root = try JSON5Parser.parse(try RuleFileLoader.source(path: displayPath, bytes: bytes))
        let directory = (absolutePath as NSString).deletingLastPathComponent
        var configuration = Configuration(path: displayPath, directory: directory)
        guard case .object(let list) = root.value else {
            throw reader.error("a configuration file must be an object ({ ... }), not \(root.kindName)", at: root.location)
        }
        /// Runs one step, keeping its error and going on.
        func attempt(_ step: () throws(RuleFileError) -> Void) {
            do throws(RuleFileError) { try step() } catch { configuration.problems.append(error) }
        }
        var members: [String: JSON5Node.Member] = [:]
        for member in list {
            if keys.contains(member.key) { members[member.key] = member; continue }
            let hint = Spelling.closest(to: member.key, in: keys).map { "; did you mean '\($0)'?" }
                ?? "; allowed keys are \(keys.map { "'\($0)'" }.joined(separator: ", "))"
            configuration.problems.append(reader.error("unknown key '\(member.key)' in a configuration file\(hint)", at: member.keyLocation))
        }

        if let node = members["rules"]?.value {
            if case .object(let rules) = node.value {
                for member in rules {
                    let (setting, problems) = ruleSetting(member, reader: reader)
                    configuration.ruleSettings.append(setting)
                    configuration.problems += problems
                }
            } else {
                configuration.problems.append(reader.error("'rules' must be an object of rule ids, not \(node.kindName)", at: node.location))
            }
        }
        if let node = members["ruleDirectories"]?.value {
            attempt { () throws(RuleFileError) in
                for item in try reader.list(node, "'ruleDirectories'") {
                    attempt { () throws(RuleFileError) in
                        let relative = try reader.nonEmptyString(item, "each entry of 'ruleDirectories'")
                        configuration.ruleDirectories.append(
                            relative.hasPrefix("/") ? relative : (directory as NSString).appendingPathComponent(relative))
                    }
                }
            }
        }
        if let node = members["vocabulary"]?.value {
            if case .object(let lists) = node.value {
                for list in lists {
                    configuration.vocabularyLocations[list.key] = list.keyLocation
                    guard case .object(let groups) = list.value.value else {
                        configuration.problems.append(reader.error("'\(list.key)' must be an object of named term lists", at: list.value.location))
                        continue
                    }
                    for group in groups {
                        configuration.vocabularyGroupLocations[list.key, default: [:]][group.key] = group.keyLocation
                        attempt { () throws(RuleFileError) in
                            var terms: [String] = []
                            for item in try reader.list(group.value, "'\(group.key)'") {
                                terms.append(try reader.nonEmptyString(item, "each term of '\(group.key)'"))
                            }
                            configuration.vocabulary[list.key, default: [:]][group.key, default: []] += terms
                        }
                    }
                }
            } else {
                configuration.problems.append(
                    reader.error("'vocabulary' must be an object of lists, such as { labels: { lead: [\"Leader\"] } }", at: node.location))
            }
        }
        for key in ["include", "exclude"] {
            guard let node = members[key]?.value else { continue }
            attempt { () throws(RuleFileError) in
                for item in try reader.list(node, "'\(key)'") {
                    attempt { () throws(RuleFileError) in
                        let text = try reader.nonEmptyString(item, "each pattern of '\(key)'")
                        guard let glob = Glob(text) else { throw reader.error("'\(text)' is not a valid path pattern", at: item.location) }
                        if key == "include" { configuration.include.append(glob) } else { configuration.exclude.append(glob) }
                    }
                }
            }
        }
        if let node = members["failOn"]?.value {
            attempt { () throws(RuleFileError) in configuration.failOn = try reader.choice(node, "'failOn'", of: FailThreshold.allCases) }
        }
        if let node = members["requireSuppressionReason"]?.value {
            attempt { () throws(RuleFileError) in
                configuration.requireSuppressionReason = try reader.bool(node, "'requireSuppressionReason'")
            }
        }
        return configuration
    }

    /// `"rule-id": "off" | "on" | "error" | "warning" | "info"`, or
    /// `"rule-id": { enabled, severity, options }`.
    private static func ruleSetting(_ member: JSON5Node.Member, reader: NodeReader) -> (Configuration.RuleSetting, [RuleFileError]) {
        var setting = Configuration.RuleSetting(id: member.key, idLocation: member.keyLocation)
        var problems: [RuleFileError] = []
        if case .string(let word) = member.value.value {
            switch word {
            case "off": setting.enabled = false
            case "on": setting.enabled = true
            default:
                guard let severity = Severity(rawValue: word) else {
                    let hint = Spelling.closest(to: word, in: ["off", "on"] + Severity.allCases.map(\.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
                    problems.append(reader.error("the setting of '\(member.key)' must be 'off', 'on', 'error', 'warning', 'info' or an object, not '\(word)'\(hint)",
                                                 at: member.value.location))
                    return (setting, problems)
                }
                setting.severity = severity
                setting.enabled = true
            }
            return (setting, problems)
        }
        guard case .object(let list) = member.value.value else {
            problems.append(reader.error("the setting of '\(member.key)' must be 'off', 'on', 'error', 'warning', 'info' or an object, not \(member.value.kindName)",
                                         at: member.value.location))
            return (setting, problems)
        }
        for item in list {
            do throws(RuleFileError) {
                switch item.key {
                case "enabled": setting.enabled = try reader.bool(item.value, "'enabled'")
                case "severity": setting.severity = try reader.choice(item.value, "'severity'", of: Severity.allCases)
                case "options":
                    guard case .object = item.value.value else { throw reader.error("'options' must be an object, not \(item.value.kindName)", at: item.value.location) }
                    setting.options = item.value
                default:
                    let hint = Spelling.closest(to: item.key, in: ruleSettingKeys).map { "; did you mean '\($0)'?" }
                        ?? "; allowed keys are \(ruleSettingKeys.map { "'\($0)'" }.joined(separator: ", "))"
                    throw reader.error("unknown key '\(item.key)' in the setting of '\(member.key)'\(hint)", at: item.keyLocation)
                }
            } catch {
                problems.append(error)
            }
        }
        return (setting, problems)
    }
}
