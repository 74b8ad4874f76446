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
    static func load(bytes: [UInt8], absolutePath: String, displayPath: String) throws(RuleFileError) -> Configuration {
        let reader = NodeReader(path: displayPath)
        let root = try JSON5Parser.parse(try RuleFileLoader.source(path: displayPath, bytes: bytes))
        let members = try reader.members(of: root, allowed: keys, in: "a configuration file")
        let directory = (absolutePath as NSString).deletingLastPathComponent
        var configuration = Configuration(path: displayPath, directory: directory)

        if let node = members["rules"]?.value {
            guard case .object(let rules) = node.value else {
                throw reader.error("'rules' must be an object of rule ids, not \(node.kindName)", at: node.location)
            }
            for member in rules { configuration.ruleSettings.append(try ruleSetting(member, reader: reader)) }
        }
        if let node = members["ruleDirectories"]?.value {
            for item in try reader.list(node, "'ruleDirectories'") {
                let relative = try reader.nonEmptyString(item, "each entry of 'ruleDirectories'")
                configuration.ruleDirectories.append(
                    relative.hasPrefix("/") ? relative : (directory as NSString).appendingPathComponent(relative))
            }
        }
        if let node = members["vocabulary"]?.value {
            guard case .object(let lists) = node.value else {
                throw reader.error("'vocabulary' must be an object of lists, such as { labels: { lead: [\"Leader\"] } }", at: node.location)
            }
            for list in lists {
                configuration.vocabularyLocations[list.key] = list.keyLocation
                guard case .object(let groups) = list.value.value else {
                    throw reader.error("'\(list.key)' must be an object of named term lists", at: list.value.location)
                }
                for group in groups {
                    var terms: [String] = []
                    for item in try reader.list(group.value, "'\(group.key)'") {
                        terms.append(try reader.nonEmptyString(item, "each term of '\(group.key)'"))
                    }
                    configuration.vocabulary[list.key, default: [:]][group.key, default: []] += terms
                }
            }
        }
        for key in ["include", "exclude"] {
            guard let node = members[key]?.value else { continue }
            for item in try reader.list(node, "'\(key)'") {
                let text = try reader.nonEmptyString(item, "each pattern of '\(key)'")
                guard let glob = Glob(text) else { throw reader.error("'\(text)' is not a valid path pattern", at: item.location) }
                if key == "include" { configuration.include.append(glob) } else { configuration.exclude.append(glob) }
            }
        }
        if let node = members["failOn"]?.value {
            configuration.failOn = try reader.choice(node, "'failOn'", of: FailThreshold.allCases)
        }
        if let node = members["requireSuppressionReason"]?.value {
            configuration.requireSuppressionReason = try reader.bool(node, "'requireSuppressionReason'")
        }
        return configuration
    }

    /// `"rule-id": "off" | "on" | "error" | "warning" | "info"`, or
    /// `"rule-id": { enabled, severity, options }`.
    private static func ruleSetting(_ member: JSON5Node.Member, reader: NodeReader) throws(RuleFileError) -> Configuration.RuleSetting {
        var setting = Configuration.RuleSetting(id: member.key, idLocation: member.keyLocation)
        if case .string(let word) = member.value.value {
            switch word {
            case "off": setting.enabled = false
            case "on": setting.enabled = true
            default:
                guard let severity = Severity(rawValue: word) else {
                    throw reader.error("the setting of '\(member.key)' must be 'off', 'on', 'error', 'warning', 'info' or an object, not '\(word)'",
                                       at: member.value.location)
                }
                setting.severity = severity
                setting.enabled = true
            }
            return setting
        }
        let members = try reader.members(of: member.value, allowed: ruleSettingKeys, in: "the setting of '\(member.key)'")
        if let node = members["enabled"]?.value { setting.enabled = try reader.bool(node, "'enabled'") }
        if let node = members["severity"]?.value { setting.severity = try reader.choice(node, "'severity'", of: Severity.allCases) }
        if let node = members["options"]?.value {
            guard case .object = node.value else { throw reader.error("'options' must be an object, not \(node.kindName)", at: node.location) }
            setting.options = node
        }
        return setting
    }
}
