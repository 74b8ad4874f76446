import Foundation

/// A small JSON Schema (draft-04) validator, enough for the SARIF schema:
/// `$ref` within the document, `type`, `properties`, `additionalProperties`,
/// `required`, `items`, `minItems`, `uniqueItems`, `minimum`, `enum`,
/// `pattern`, `format` (uri, uri-reference, date-time), `anyOf`, `oneOf`,
/// `allOf`. It returns every violation with its JSON path.
struct JSONSchemaValidator {
    let root: [String: Any]

    init(schema data: Data) throws {
        root = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    func validate(_ data: Data) throws -> [String] {
        let value = try JSONSerialization.jsonObject(with: data)
        var problems: [String] = []
        check(value, against: root, path: "$", problems: &problems)
        return problems
    }

    private func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let reference = schema["$ref"] as? String, reference.hasPrefix("#/") else { return schema }
        var node: Any = root
        for part in reference.dropFirst(2).split(separator: "/") {
            node = (node as? [String: Any])?[String(part)] ?? [:]
        }
        return resolve(node as? [String: Any] ?? [:])
    }

    private func typeName(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case let number as NSNumber:
            // JSONSerialization gives booleans as NSNumbers of Objective-C type "c".
            if String(cString: number.objCType) == "c" { return "boolean" }
            return number.doubleValue == number.doubleValue.rounded() ? "integer" : "number"
        case is String: return "string"
        case is [Any]: return "array"
        case is [String: Any]: return "object"
        default: return "unknown"
        }
    }

    private func check(_ value: Any, against rawSchema: [String: Any], path: String, problems: inout [String]) {
        let schema = resolve(rawSchema)
        if let types = (schema["type"] as? [String]) ?? (schema["type"] as? String).map({ [$0] }) {
            let actual = typeName(value)
            let accepted = types.contains(actual) || (actual == "integer" && types.contains("number"))
            if !accepted { problems.append("\(path): is \(actual), expected \(types.joined(separator: " or "))"); return }
        }
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { ($0 as? NSObject)?.isEqual(value) == true }) {
            problems.append("\(path): \(value) is not one of \(allowed)")
        }
        if let minimum = schema["minimum"] as? Double, let number = value as? NSNumber, number.doubleValue < minimum {
            problems.append("\(path): \(number) is below \(minimum)")
        }
        if let string = value as? String {
            if let pattern = schema["pattern"] as? String, let regex = try? NSRegularExpression(pattern: pattern),
               regex.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) == nil {
                problems.append("\(path): '\(string)' does not match \(pattern)")
            }
            switch schema["format"] as? String {
            case "uri"?:
                if URL(string: string)?.scheme == nil { problems.append("\(path): '\(string)' is not an absolute URI") }
            case "uri-reference"?:
                if URL(string: string) == nil { problems.append("\(path): '\(string)' is not a URI reference") }
            case "date-time"?:
                if ISO8601DateFormatter().date(from: string) == nil { problems.append("\(path): '\(string)' is not a date-time") }
            default: break
            }
        }
        if let array = value as? [Any] {
            if let minimum = schema["minItems"] as? Int, array.count < minimum {
                problems.append("\(path): has \(array.count) items, fewer than \(minimum)")
            }
            if schema["uniqueItems"] as? Bool == true {
                let encoded = array.compactMap { try? JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys, .fragmentsAllowed]) }
                if Set(encoded).count != encoded.count { problems.append("\(path): items are not unique") }
            }
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() { check(item, against: items, path: "\(path)[\(index)]", problems: &problems) }
            }
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                problems.append("\(path): lacks the required '\(key)'")
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, item) in object {
                if let property = properties[key] as? [String: Any] {
                    check(item, against: property, path: "\(path).\(key)", problems: &problems)
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    check(item, against: additional, path: "\(path).\(key)", problems: &problems)
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(path): '\(key)' is not allowed")
                }
            }
        }
        for key in ["anyOf", "oneOf"] {
            guard let options = schema[key] as? [[String: Any]] else { continue }
            let passing = options.filter { option in
                var inner: [String] = []
                check(value, against: option, path: path, problems: &inner)
                return inner.isEmpty
            }.count
            if passing == 0 || (key == "oneOf" && passing > 1) {
                problems.append("\(path): matches \(passing) of the \(key) choices")
            }
        }
        for option in schema["allOf"] as? [[String: Any]] ?? [] {
            check(value, against: option, path: path, problems: &problems)
        }
    }
}
