import Foundation

/// Real validators: python3 jsonschema for JSON Schema 2020-12, xmllint for XSD.
enum Validators {
    /// Validates a JSON document against a schema; returns the validator's complaint, or nil.
    static func jsonSchemaProblem(document: String, schema: String) throws -> String? {
        let directory = try Paths.temporaryDirectory()
        let path = directory + "/document.json"
        try document.write(toFile: path, atomically: true, encoding: .utf8)
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); document = json.load(open(sys.argv[2]))
            jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(document)
            """
        let result = try CommandResult.run("/usr/bin/env", ["python3", "-c", script, schema, path])
        return result.status == 0 ? nil : result.standardError
    }

    /// Validates an XML document against an XSD; returns xmllint's complaint, or nil.
    static func xsdProblem(document: String, schema: String) throws -> String? {
        let directory = try Paths.temporaryDirectory()
        let path = directory + "/document.xml"
        try document.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CommandResult.run("/usr/bin/env", ["xmllint", "--noout", "--schema", schema, path])
        return result.status == 0 ? nil : result.standardError
    }
}
