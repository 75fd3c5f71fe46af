import APIDescription

extension Translator {
    /// A struct for a string that holds a relative path in one of several documented forms, such as the `Location` of
    /// an operation to poll: the raw value, the recognised form with its parts, and the absolute URL.
    func pathFormsDeclaration(_ schema: Schema, name: Identifier, doc: Doc, origin: String?) -> Declaration {
        var caseNames = UniqueNames(reserved: ["unrecognized"])
        var cases: [Declaration] = []
        var recognize: [Statement] = []
        for form in schema.pathForms {
            let caseName = caseNames.claim(Naming.memberName(form.name))
            var labels = UniqueNames()
            var values: [(label: Identifier?, type: Code)] = []
            var template: [Code] = []
            for component in form.components {
                switch component {
                case .literal(let text):
                    template.append(".literal(\(literal: text))")
                case .parameter(let parameter):
                    template.append(".variable")
                    values.append((labels.claim(Naming.memberName(parameter)), "String"))
                }
            }
            cases.append(
                .enumCase(
                    EnumCaseDeclaration(
                        name: caseName, associatedValues: values,
                        doc: Doc([form.description, "`\(form.template)`"]))))
            let arguments = values.enumerated().map { index, value -> Code in
                "\(label: value.label!): values[\(Code(stringLiteral: String(index)))]"
            }
            let result: Code = values.isEmpty ? ".\(caseName)" : Code.call(".\(caseName)", arguments)
            let match = Code.call("RelativeReference.match", ["value", Code.array(template)])
            recognize.append(
                .block(values.isEmpty ? "if \(match) != nil" : "if let values = \(match)", [.line("return \(result)")]))
        }
        recognize.append(.line("return .unrecognized"))
        cases.append(
            .enumCase(
                EnumCaseDeclaration(
                    name: Identifier("unrecognized"),
                    doc: Doc(["A value in none of the documented forms; `rawValue` holds it as received."]))))
        let members: [Declaration] = [
            .type(
                TypeDeclaration(
                    .enum, name: Identifier("Form"), conformances: ["Hashable", "Sendable"],
                    doc: Doc(["The documented forms of the value."]), members: cases)),
            .property(
                PropertyDeclaration(name: Identifier("rawValue"), type: "String", doc: Doc(["The value as received."]))),
            .property(
                PropertyDeclaration(
                    name: Identifier("form"), type: "Form", getter: [.line("Self.recognizedForm(of: rawValue)")],
                    doc: Doc([
                        "The documented form the value takes, with its parts percent-decoded; recognised when asked, so that a value only passed on costs nothing more."
                    ]))),
            .function(
                FunctionDeclaration(
                    name: nil, parameters: [FunctionParameter(name: Identifier("rawValue"), type: "String")],
                    doc: Doc(["Keeps a value as received; `form` recognises its documented form."]),
                    body: [.line("self.rawValue = rawValue")])),
            .property(
                PropertyDeclaration(
                    name: Identifier("path"), type: "String?",
                    getter: [.line("RelativeReference.path(of: rawValue).map(String.init)")],
                    doc: Doc([
                        "The path on the server, without the query; nil when the value is not a path on the server."
                    ]))),
            .function(
                FunctionDeclaration(
                    name: Identifier("url"),
                    parameters: [FunctionParameter(label: "relativeTo", name: Identifier("serverURL"), type: "URL")],
                    returnType: "URL?",
                    doc: Doc(
                        ["The absolute URL of the value, resolved against a server."],
                        parameters: [
                            (
                                Identifier("serverURL"),
                                "The server the request was sent to, such as `Client.defaultServerURL`."
                            )
                        ],
                        returns: "The URL, or nil when the value is empty, malformed or leads to another server."),
                    body: [.line("RelativeReference.url(of: rawValue, relativeTo: serverURL)")])),
            .function(
                FunctionDeclaration(
                    name: nil,
                    parameters: [FunctionParameter(label: "from", name: Identifier("decoder"), type: "any Decoder")],
                    effects: "throws", doc: Doc(["Decodes a value from a JSON string."]),
                    body: [.line("self.init(rawValue: try decoder.singleValueContainer().decode(String.self))")])),
            .function(
                FunctionDeclaration(
                    name: Identifier("encode"),
                    parameters: [FunctionParameter(label: "to", name: Identifier("encoder"), type: "any Encoder")],
                    effects: "throws", doc: Doc(["Encodes the value as received, as a JSON string."]),
                    body: [
                        .line("var container = encoder.singleValueContainer()"),
                        .line("try container.encode(rawValue)"),
                    ])),
            .function(
                FunctionDeclaration(
                    name: Identifier("recognizedForm"),
                    parameters: [FunctionParameter(label: "of", name: Identifier("value"), type: "String")],
                    isPublic: false, isStatic: true, returnType: "Form", body: recognize)),
        ]
        return .type(
            TypeDeclaration(
                .struct, name: name, conformances: ["Codable", "Hashable", "Sendable"], doc: doc, origin: origin,
                members: members))
    }
}
