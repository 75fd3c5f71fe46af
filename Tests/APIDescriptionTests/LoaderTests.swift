import APIDescription
import Testing
import YAML

/// A small valid description; tests replace parts of it to introduce one mistake each.
private let valid = """
    openapi: 3.0.3
    info:
      title: Pets
      version: '1'
    servers:
      - url: https://pets.example.com
    paths:
      /owners/{ownerId}/pets:
        get:
          operationId: listPets
          parameters:
            - name: ownerId
              in: path
              required: true
              schema:
                type: string
          responses:
            '200':
              description: The pets.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Pet'
    components:
      schemas:
        Pet:
          type: object
          required: [name]
          properties:
            name:
              type: string
            tag:
              type: string
              enum: [cat, dog]
    """

private func load(_ text: String) throws(DiagnosticError) -> APIDocument {
    try DescriptionLoader.load(YAMLParser.parse(Array(text.utf8), file: "d.yaml")).document
}

/// Every diagnostic of a description that must fail, as `line:column: severity: message`.
private func problems(_ text: String) -> [String] {
    do {
        _ = try load(text)
        return []
    } catch {
        return error.diagnostics.map {
            "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)"
        }
    }
}

/// The warnings and notes of a description that must load, as `line:column: severity: message`.
private func remarks(_ text: String) throws -> [String] {
    let (_, warnings) = try DescriptionLoader.load(YAMLParser.parse(Array(text.utf8), file: "d.yaml"))
    return warnings.map { "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)" }
}

private func replacing(_ old: String, with new: String) -> String {
    #expect(valid.contains(old), "the base description has no `\(old)`")
    return valid.replacing(old, with: new)
}

@Test func aValidDescriptionLoadsIntoTheModel() throws {
    let document = try load(valid)
    #expect(document.title == "Pets")
    #expect(document.servers.map(\.url) == ["https://pets.example.com"])
    let operation = try #require(document.operations.first)
    #expect(operation.id == "listPets")
    #expect(operation.method == .get)
    #expect(operation.pathComponents == [.literal("/owners/"), .parameter("ownerId"), .literal("/pets")])
    #expect(operation.parameters.map(\.name) == ["ownerId"])
    #expect(operation.responses.map(\.status) == [.code(200)])
    guard case .reference("Pet") = operation.responses[0].json?.schema.kind else {
        Issue.record("the 200 body is not a reference to Pet")
        return
    }
    guard case .object(let properties) = document.schemas.first?.schema.kind else {
        Issue.record("Pet is not an object")
        return
    }
    #expect(properties.map(\.name) == ["name", "tag"])
    #expect(properties.map(\.isRequired) == [true, false])
    #expect(properties[1].schema.enumValues == ["cat", "dog"])
}

@Test func aMisspeltParameterLocationSuggestsTheRightOneAndIsReportedOnce() {
    #expect(
        problems(replacing("in: path", with: "in: paht")) == [
            "13:15: error: `paht` is not a parameter location. Did you mean `path`?"
        ])
}

@Test func aReferenceToAMissingSchemaSuggestsTheNearestName() {
    #expect(
        problems(replacing("schemas/Pet'", with: "schemas/Pets'")) == [
            "23:23: error: `#/components/schemas/Pets` names nothing: there is no `Pets` under `components/schemas`. Did you mean `Pet`?"
        ])
}

@Test func aMalformedReferenceIsExplained() {
    #expect(
        problems(replacing("'#/components/schemas/Pet'", with: "'other.yaml#/Pet'")) == [
            "23:23: error: `other.yaml#/Pet` refers to `other.yaml`, which cannot be read; check the path, relative to this file."
        ])
}

@Test func aPathParameterMissingFromTheTemplateIsReported() {
    #expect(
        problems(replacing("/owners/{ownerId}/pets:", with: "/owners/pets:")) == [
            "12:17: error: The path parameter `ownerId` does not appear in the path `/owners/pets`; add `{ownerId}` to the path or remove the parameter."
        ])
}

@Test func threeMistakesGiveThreeLocatedErrorsInOneRun() {
    let broken = valid.replacing("in: path", with: "in: pth").replacing("schemas/Pet'", with: "schemas/Dog'")
        .replacing("/owners/{ownerId}/pets:", with: "/owners/{ownerId}/{petId}:")
    #expect(
        problems(broken) == [
            "8:21: error: The path parameter `petId` in `/owners/{ownerId}/{petId}` is not declared; add a parameter with `name: petId` and `in: path`.",
            "13:15: error: `pth` is not a parameter location. Did you mean `path`?",
            "23:23: error: `#/components/schemas/Dog` names nothing: there is no `Dog` under `components/schemas`.",
        ])
}

@Test func unknownKeysAreErrorsWithSuggestions() {
    #expect(
        problems(replacing("operationId: listPets", with: "operationID: listPets")) == [
            "10:7: error: An operation has no key `operationID`. Did you mean `operationId`?",
            "10:7: note: The operation `GET /owners/{ownerId}/pets` has no `operationId`; its Swift names are derived from `get /owners/{ownerId}/pets`. Add an `operationId` to choose them.",
        ])
}

@Test func missingTopLevelSectionsAreReported() {
    #expect(
        problems("openapi: 3.0.3\n") == [
            "1:1: error: The description is missing `info`; add it.",
            "1:1: error: The description is missing `paths`; add it.",
        ])
}

@Test func aTopLevelThatIsNotAMappingIsRejected() {
    #expect(
        problems("- a\n- b\n") == [
            "1:1: error: The top level of a description must be a mapping with `openapi`, `info` and `paths`, but this is a sequence."
        ])
}

@Test func openAPI31IsReadAndOtherVersionsAreRejected() throws {
    #expect(problems(replacing("openapi: 3.0.3", with: "openapi: 3.1.0")) == [])
    #expect(
        problems(replacing("openapi: 3.0.3", with: "openapi: 2.0")) == [
            "1:10: error: OpenAPI version `2.0` is not supported; write `openapi: 3.0.3` or `openapi: 3.1.0`."
        ])
    let webhooks = replacing("openapi: 3.0.3", with: "openapi: 3.1.0") + "\nwebhooks:\n  newPet: {}\n"
    let webhookRemarks = try remarks(webhooks)
    #expect(
        webhookRemarks == [
            "36:3: warning: `webhooks` describe requests the API sends, not ones a client makes; they are not generated."
        ])
}

@Test func wrongScalarTypesNameWhatWasFound() {
    #expect(
        problems(replacing("  version: '1'", with: "  version: 1")) == [
            "4:12: error: `info.version` must be a string, but this is an integer. Put it in quotes to make it a string."
        ])
    #expect(
        problems(
            replacing(
                "    responses:\n        '200':\n          description: The pets.\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/Pet'\n",
                with: "    responses: 12\n")) == [
                "17:18: error: `responses` must be a mapping, but this is an integer."
            ])
}

@Test func defaultsThatDoNotFitTheirSchemaAreWarningsAndUnused() throws {
    let text = replacing("      enum: [cat, dog]", with: "      enum: [cat, dog]\n          default: bird")
    #expect(
        try remarks(text) == [
            "35:20: warning: The default value `bird` is not one of the enum values; the client does not use it."
        ])
    let tag = try #require(schemaProperty(load(text), "tag"))
    #expect(tag.schema.defaultValue == nil)
}

@Test(
    arguments: [
        ("type: integer\n          default: '100'", "is a string, but the schema is an integer", nil),
        (
            "type: integer\n          default: 99999999999999999999",
            "`99999999999999999999` does not fit in a 64-bit integer", nil
        ),
        (
            "type: integer\n          format: int32\n          default: 3000000000",
            "`3000000000` does not fit the schema's format `int32`", nil
        ),
        ("type: number\n          default: 1e400", "`1e400` is not a finite number the schema's type can hold", nil),
        (
            "type: number\n          format: float\n          default: 1e39",
            "`1e39` is not a finite number the schema's type can hold", nil
        ),
        ("type: string\n          nullable: true\n          default: null", nil, nil),
        ("type: integer\n          default: 0x1F", nil, "31"),
        ("type: number\n          default: .5", nil, "0.5"),
        ("type: number\n          default: 1.", nil, "1.0"),
        ("type: boolean\n          default: True", nil, "true"),
    ] as [(String, String?, String?)])
func defaultsAreReadAsTheirTypeOrLeftOut(schema: String, warning: String?, value: String?) throws {
    let text = replacing("    name:\n          type: string", with: "    name:\n          " + schema)
    let messages = try remarks(text).map { $0.split(separator: " ", maxSplits: 1)[1] }
    #expect(messages == (warning.map { ["warning: The default value \($0); the client does not use it."] } ?? []))
    #expect(try schemaProperty(load(text), "name")?.schema.defaultValue == value)
}

@Test func examplesAreDocumentationSoMismatchesAreWarnings() throws {
    let text = replacing(
        "    name:\n          type: string", with: "    name:\n          type: integer\n          example: many")
    #expect(try remarks(text) == ["32:20: warning: The example is a string, but the schema expects an integer."])
    // An object allows properties it does not list unless `additionalProperties` is false.
    let extra = replacing(
        "                $ref: '#/components/schemas/Pet'\n",
        with: "                $ref: '#/components/schemas/Pet'\n              example: {name: Rex, colour: brown}\n")
    #expect(try remarks(extra) == [])
    let closed = extra.replacing(
        "      required: [name]\n", with: "      required: [name]\n      additionalProperties: false\n")
    let closedRemarks = try remarks(closed)
    #expect(
        closedRemarks == [
            "24:36: warning: The example has a property `colour` that the schema does not define, and the schema allows no others."
        ])
}

@Test func integerEnumValuesAreReadAsNumbers() throws {
    let text = replacing(
        "    name:\n          type: string", with: "    name:\n          type: integer\n          enum: [0x1F, 7, 0o10]"
    )
    #expect(try schemaProperty(load(text), "name")?.schema.enumValues == ["31", "7", "8"])
    let repeated = replacing(
        "    name:\n          type: string", with: "    name:\n          type: integer\n          enum: [31, 0x1F]")
    let repeatedRemarks = try remarks(repeated)
    #expect(repeatedRemarks == ["32:22: warning: The enum value `0x1F` is listed twice; the repetition is ignored."])
    let huge = replacing(
        "    name:\n          type: string",
        with: "    name:\n          type: integer\n          enum: [1, 99999999999999999999]")
    let hugeRemarks = try remarks(huge)
    #expect(
        hugeRemarks == [
            "32:21: warning: The enum value `99999999999999999999` does not fit in a 64-bit integer; the client treats this schema as a plain integer."
        ])
    #expect(try schemaProperty(load(huge), "name")?.schema.enumValues == [])
}

@Test func schemasThatAreOnlyReferencesInACycleAreLocatedErrors() {
    #expect(
        problems(replacing("    Pet:\n", with: "    Loop:\n      $ref: '#/components/schemas/Loop'\n    Pet:\n")) == [
            "27:7: error: The schema `Loop` is only a reference to itself, so it describes no value; give it a `type` or point it at another schema."
        ])
    #expect(
        problems(
            replacing(
                "    Pet:\n",
                with:
                    "    A:\n      $ref: '#/components/schemas/B'\n    B:\n      $ref: '#/components/schemas/A'\n    Pet:\n"
            ))
            == [
                "27:7: error: The schemas `A` → `B` → `A` only refer to each other, so none describes a value; give one of them a `type`."
            ])
}

@Test func aParameterDeclaredTwiceIsAnErrorButAnOverrideIsNot() {
    let twice = replacing(
        "      parameters:\n",
        with:
            "      parameters:\n        - {name: q, in: query, schema: {type: string}}\n        - {name: q, in: query, schema: {type: integer}}\n"
    )
    #expect(
        problems(twice) == [
            "13:18: error: The query parameter `q` is declared twice in one list; OpenAPI allows each name and location once. Remove one."
        ])
    let override = replacing(
        "    get:\n",
        with: "    parameters:\n      - {name: q, in: query, schema: {type: string}}\n    get:\n"
    ).replacing(
        "      parameters:\n", with: "      parameters:\n        - {name: q, in: query, schema: {type: integer}}\n")
    #expect(problems(override) == [])
}

@Test func descriptionsWithoutServersOrOperationIDsLoad() throws {
    let text = replacing("servers:\n  - url: https://pets.example.com\n", with: "")
        .replacing("      operationId: listPets\n", with: "")
    let document = try load(text)
    #expect(document.servers.isEmpty)
    #expect(document.operations[0].id == "get /owners/{ownerId}/pets")
    #expect(!document.operations[0].hasExplicitID)
}

@Test func extensionsAndPathItemReferencesAreAllowed() throws {
    let text = replacing(
        "paths:\n",
        with:
            "x-library:\n  ping: {get: {responses: {'204': {description: Up.}}}}\npaths:\n  x-internal: {owner: team}\n  /ping:\n    $ref: '#/x-library/ping'\n"
    )
    .replacing("      responses:\n", with: "      responses:\n        x-note: extensions are allowed here too\n")
    let document = try load(text)
    #expect(document.operations.map(\.path) == ["/ping", "/owners/{ownerId}/pets"])
}

@Test func keysThatDifferOnlyInNormalizationAreDistinct() throws {
    let text = replacing(
        "        tag:\n",
        with:
            "        caf\u{E9}:\n          type: string\n        cafe\u{301}:\n          type: integer\n        tag:\n")
    let document = try load(text)
    guard case .object(let properties) = document.schemas[0].schema.kind else { throw Unexpected() }
    #expect(
        properties.map { Array($0.name.unicodeScalars) } == [
            Array("name".unicodeScalars), Array("caf\u{E9}".unicodeScalars), Array("cafe\u{301}".unicodeScalars),
            Array("tag".unicodeScalars),
        ])
}

@Test func anErrorInASharedComponentIsReportedOnce() {
    let text = replacing(
        "      responses:\n        '200':",
        with:
            "      responses:\n        '403': {$ref: '#/components/responses/Forbidden'}\n        '404': {$ref: '#/components/responses/Forbidden'}\n        '200':"
    ).replacing("components:\n", with: "components:\n  responses:\n    Forbidden: {content: {}}\n")
    #expect(
        problems(text) == [
            "28:16: error: The response `components/responses/Forbidden` is missing `description`; add it."
        ])
}

@Test func oauth2AndOpenIDConnectAreBearerTokensFromAProvider() throws {
    let text = replacing("paths:\n", with: "security:\n  - oauth: []\n  - oidc: []\npaths:\n")
        .replacing(
            "components:\n",
            with:
                "components:\n  securitySchemes:\n    oauth: {type: oauth2, flows: {}}\n    oidc: {type: openIdConnect, openIdConnectUrl: 'https://id.example.com'}\n"
        )
    let document = try load(text)
    #expect(document.securitySchemes.map(\.name) == ["oauth", "oidc"])
    #expect(document.securitySchemes.map(\.kind) == [.bearer, .bearer])
    #expect(document.operations[0].security == [["oauth"], ["oidc"]])
}

@Test func apiKeysAndBasicCredentialsKeepWhereTheyTravel() throws {
    let text = replacing("paths:\n", with: "security:\n  - key: []\n    basic: []\n  - {}\npaths:\n")
        .replacing(
            "components:\n",
            with:
                "components:\n  securitySchemes:\n    key: {type: apiKey, in: cookie, name: session}\n    basic: {type: http, scheme: Basic}\n"
        )
    let document = try load(text)
    #expect(document.securitySchemes.map(\.kind) == [.apiKey(name: "session", placement: .cookie), .basic])
    #expect(document.operations[0].security == [["key", "basic"], []])
}

@Test func mutualTLSIsReportedWhereItIsDefined() {
    let text = replacing("paths:\n", with: "security:\n  - tls: []\npaths:\n")
        .replacing("components:\n", with: "components:\n  securitySchemes:\n    tls: {type: mutualTLS}\n")
    #expect(
        problems(text) == [
            "28:17: error: `mutualTLS` is configured in the transport, not by the client; remove the requirement or describe another scheme."
        ])
}

private struct Unexpected: Error {}

/// A property of the first named schema.
private func schemaProperty(_ document: APIDocument, _ name: String) -> Property? {
    guard case .object(let properties) = document.schemas.first?.schema.kind else { return nil }
    return properties.first { $0.name == name }
}

@Test func duplicateOperationIDsAreReportedWithTheFirstUse() {
    let text = valid.replacing(
        "components:",
        with: """
              /other:
                get:
                  operationId: listPets
                  responses:
                    '204':
                      description: Nothing.
            components:
            """)
    #expect(
        problems(text) == [
            "26:7: error: The operation ID `listPets` is used twice; operation IDs must be unique."
        ])
}

@Test func statusCodesMustBeCodes() {
    #expect(
        problems(replacing("'200':", with: "'20':")) == [
            "18:9: error: `20` is not a status code; write a code from 100 to 599, such as `200`, a range such as `4XX`, or `default`."
        ])
    #expect(problems(replacing("'200':", with: "2XX:")).isEmpty)
    #expect(
        problems(replacing("'200':", with: "6XX:")) == [
            "18:9: error: `6XX` is not a status code; write a code from 100 to 599, such as `200`, a range such as `4XX`, or `default`."
        ])
}

@Test func unknownSchemaTypesSuggestTheNearestType() {
    #expect(
        problems(replacing("      type: string\n          enum: [cat, dog]", with: "      type: strng")) == [
            "33:17: error: `strng` is not a schema type. Did you mean `string`?"
        ])
}

@Test func requiredNamesOutsideThePropertiesAreWarnings() throws {
    #expect(
        try remarks(replacing("required: [name]", with: "required: [nmae]")) == [
            "28:18: warning: `required` names `nmae`, which is not among the properties; the client does not check it. Did you mean `name`?"
        ])
}

@Test func otherMediaTypesAreBodiesOfTheirKind() throws {
    let document = try load(replacing("application/json:", with: "application/xml:"))
    let content = try #require(document.operations[0].responses[0].contents.first)
    #expect(content.mediaType == "application/xml")
    #expect(content.kind == .binary)
}

@Test func everyMediaTypeIsKeptInDocumentOrder() throws {
    let text = replacing(
        "          content:\n            application/json:\n",
        with: "          content:\n            text/plain: {}\n            application/json:\n")
    #expect(try remarks(text).isEmpty)
    let contents = try load(text).operations[0].responses[0].contents
    #expect(contents.map(\.mediaType) == ["text/plain", "application/json"])
    #expect(contents.map(\.kind) == [.text, .json])
}

@Test func aMediaTypeListedTwiceIsAnError() throws {
    let text = replacing(
        "          content:\n            application/json:\n",
        with: "          content:\n            Application/JSON: {}\n            application/json:\n")
    #expect(
        problems(text) == [
            "22:13: error: `application/json` is listed twice in this `content`; keep one."
        ])
}

@Test func encodingsAreReadForFormsAndMultipartAndWarnedElsewhere() throws {
    let multipart = """
        openapi: 3.0.3
        info: {title: Uploads, version: '1'}
        paths:
          /pictures:
            post:
              operationId: upload
              requestBody:
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      properties:
                        picture: {type: string, format: binary}
                        tags: {type: array, items: {type: string}}
                    encoding:
                      picture:
                        contentType: image/png, image/jpeg
                        headers:
                          X-Taken: {schema: {type: string}}
                          Content-Type: {schema: {type: string}}
                      tags:
                        style: pipeDelimited
                  application/json:
                    schema: {type: object}
                    encoding:
                      picture: {contentType: image/png}
              responses:
                '204': {description: Stored.}
        """
    let loaded = try load(multipart)
    let contents = try #require(loaded.operations.first?.requestBody?.contents)
    let picture = try #require(contents[0].encoding(of: "picture"))
    #expect(picture.contentType == "image/png")
    #expect(picture.headers.map(\.name) == ["X-Taken"])
    #expect(contents[0].encoding(of: "tags")?.style == nil)
    #expect(
        try remarks(multipart) == [
            "20:19: warning: A part's `Content-Type` is set by `contentType`, so this header is skipped.",
            "22:24: warning: `style` applies to form fields; a multipart part is written whole.",
            "26:15: warning: `encoding` applies to `application/x-www-form-urlencoded` and `multipart/form-data` bodies only, so it is skipped here.",
        ])
    let form = multipart.replacing("multipart/form-data", with: "application/x-www-form-urlencoded")
        .replacing("style: pipeDelimited", with: "{style: spaceDelimited, explode: false}")
    let formContents = try #require(try load(form).operations.first?.requestBody?.contents)
    #expect(formContents[0].encoding(of: "tags")?.style == .spaceDelimited)
    #expect(formContents[0].encoding(of: "tags")?.explode == false)
    #expect(
        try remarks(form) == [
            "17:30: warning: `contentType` applies to multipart parts; a form field is always text.",
            "19:19: warning: `headers` apply to multipart parts; a form field has none.",
            "26:15: warning: `encoding` applies to `application/x-www-form-urlencoded` and `multipart/form-data` bodies only, so it is skipped here.",
        ])
    #expect(
        problems(form.replacing("style: spaceDelimited", with: "style: matrix")).contains(
            "22:25: error: `matrix` is not a style of form fields; use `form`, `spaceDelimited`, `pipeDelimited`, `deepObject`."
        ))
}

@Test func keysUnderContentThatAreNotMediaTypesAreSkippedWithAWarning() throws {
    let text = replacing(
        "          content:\n            application/json:\n",
        with: "          content:\n            examples: {}\n            application/json:\n")
    #expect(
        try remarks(text) == [
            "21:13: warning: `examples` is not a media type, so it is skipped; `content` maps media types such as `application/json` to their schemas."
        ])
}

@Test func pathParametersMustBeRequired() {
    #expect(
        problems(replacing("          required: true\n", with: "")) == [
            "12:17: error: The path parameter `ownerId` must be marked `required: true`."
        ])
}

@Test func emptyCompositionsAreErrors() {
    #expect(
        problems(replacing("    name:\n          type: string", with: "    name:\n          oneOf: []")) == [
            "31:18: error: `oneOf` is empty; list at least one schema."
        ])
}

@Test func unknownSecuritySchemesAreReported() {
    #expect(
        problems(replacing("paths:", with: "security:\n  - bearer: []\npaths:")) == [
            "8:5: error: The security requirement names `bearer`, which is not under `components/securitySchemes`."
        ])
}

@Test func arrayParametersOfScalarsLoad() throws {
    let document = try load(
        replacing(
            "            type: string\n      responses:",
            with: "            type: array\n            items: {type: string}\n      responses:"))
    let parameter = try #require(document.operations[0].parameters.first)
    guard case .array(let items) = parameter.schema.kind, case .string = items.kind else { throw Unexpected() }
    #expect(parameter.style == .simple)
    #expect(parameter.explode == false)
}

@Test func parametersOfEveryShapeLoadAndOnlyDeepObjectsThatAreNotObjectsAreRefused() {
    for schema in [
        "type: object\n            additionalProperties: {type: string}",
        "type: object\n            additionalProperties: {type: array}",
        "type: object",
        "type: array\n            items: {type: object, properties: {a: {type: string}}}",
        "oneOf: [{type: integer}, {type: string}]",
    ] {
        #expect(
            problems(
                replacing("            type: string\n      responses:", with: "            \(schema)\n      responses:")
            )
            .isEmpty, "\(schema)")
    }
    let deep = replacing(
        "          schema:\n            type: string\n      responses:",
        with: "          style: deepObject\n          schema: {type: array, items: {type: string}}\n      responses:"
    ).replacing("in: path", with: "in: query")
    #expect(
        problems(deep).contains(
            "16:19: error: The parameter `ownerId` is an array, which `deepObject` cannot write; give it the style `form`, or make it an object."
        ), "\(problems(deep))")
}

@Test(arguments: [
    (#"https://pets.example.com/a b\"c"#, "contains ` `, which a URL cannot hold; percent-encode it"),
    ("https://{region}.example.com", "uses a server variable, which is not supported; write the URL out in full"),
    (
        "relative",
        "must be an absolute `https://` or `http://` URL, or a path such as `/api` relative to the server the description is published on"
    ),
    ("https://pets.example.com:abc", "has a port that is not a number from 0 to 65535"),
    ("https://pets.example.com:70000", "has a port that is not a number from 0 to 65535"),
    ("https://pe%41ts.example.com", "has a host with characters other than letters, digits, `-` and `.`"),
    ("https://pets.example.com/%zz", "has a `%` that is not followed by two hexadecimal digits"),
    ("https://user:secret@pets.example.com", "holds credentials; leave them out of the description"),
    ("https://", "has no host"),
])
func serverURLsThatURLCannotReadAreRefused(url: String, problem: String) {
    #expect(
        problems(replacing("https://pets.example.com", with: url)) == [
            "6:10: error: The server URL `\(url)` \(problem)."
        ])
}

@Test func serverVariablesTakeTheirDefaults() throws {
    let text = replacing(
        "  - url: https://pets.example.com\n",
        with:
            "  - url: https://{region}.example.com/{version}\n    variables:\n      region: {default: eu, enum: [eu, us]}\n      version: {default: v2}\n"
    )
    let server = try #require(try load(text).servers.first)
    #expect(server.url == "https://eu.example.com/v2")
    #expect(server.template == "https://{region}.example.com/{version}")
    #expect(server.variables.map(\.name) == ["region", "version"])
    #expect(server.variables.map(\.enumValues) == [["eu", "us"], []])
    #expect(try remarks(text).isEmpty)
}

@Test func serverVariablesMustMakeSoundURLsAtEveryValue() {
    let badValue = replacing(
        "  - url: https://pets.example.com\n",
        with: "  - url: https://{region}.example.com\n    variables:\n      region: {default: eu, enum: [eu, 'u s']}\n")
    #expect(
        problems(badValue) == [
            "6:10: error: With `region` at `u s`, the server URL `https://u s.example.com` contains ` `, which a URL cannot hold; percent-encode it."
        ])
    let badDefault = replacing(
        "  - url: https://pets.example.com\n",
        with: "  - url: https://{region}.example.com\n    variables:\n      region: {default: asia, enum: [eu, us]}\n")
    #expect(problems(badDefault) == ["8:25: error: The default `asia` is not one of the variable's `enum` values."])
}

@Test(arguments: ["https://[::1]:8080/v1", "http://localhost:8080", "https://api.example.com/a%20b?x=1"])
func wellFormedServerURLsAreAccepted(url: String) {
    #expect(problems(replacing("https://pets.example.com", with: url)) == [])
}

@Test func headerNamesMustBeTokens() {
    #expect(
        problems(
            replacing(
                "          in: path\n          required: true\n",
                with: "          in: header\n          required: true\n"
            ).replacing("- name: ownerId", with: "- name: X Owner").replacing(
                "/owners/{ownerId}/pets", with: "/owners/pets"))
            == ["12:17: error: `X Owner` is not a valid header name; use letters, digits and `-`."])
}

@Test func callbacksAndLinksAreWarningsNamingWhatIsSkipped() throws {
    let text = replacing(
        "      responses:\n        '200':\n          description: The pets.\n",
        with:
            "      callbacks:\n        onAdopted: {}\n      responses:\n        '200':\n          description: The pets.\n          links:\n            owner: {operationId: listPets}\n"
    )
    #expect(
        try remarks(text) == [
            "17:7: warning: `callbacks` describe requests the API sends back, not ones a client makes; they are not generated.",
            "22:11: warning: `links` are not generated; the response's values are still there for the caller to pass on.",
        ])
}

@Test func parametersWithoutATypeOrWithPropertyExtensionsTravelAsTextWithAWarning() throws {
    let text = replacing(
        "          schema:\n            type: string\n      responses:",
        with:
            "          schema: {}\n        - {name: tags, in: query, schema: {type: string, x-apigen-delimiter: ','}}\n        - {name: at, in: query, schema: {type: string, x-apigen-path-forms: [{name: a, template: '/a/{b}'}]}}\n      responses:"
    )
    #expect(
        try remarks(text) == [
            "15:19: warning: The parameter `ownerId` has no type, so it travels as text: a `String` in Swift.",
            "16:43: warning: `x-apigen-delimiter` applies to properties of objects; the parameter `tags` is the string as written.",
            "17:41: warning: `x-apigen-path-forms` applies to response values; the parameter `at` is the string as written.",
        ])
    let parameters = try load(text).operations[0].parameters
    #expect(parameters.allSatisfy { if case .string(nil) = $0.schema.kind { true } else { false } })
    #expect(parameters.allSatisfy { $0.schema.delimiter == nil && $0.schema.pathForms.isEmpty })
}

@Test func objectParametersMayHoldObjects() throws {
    let nested = replacing(
        "          schema:\n            type: string\n      responses:",
        with: "          schema: {type: object, properties: {inner: {type: object}}}\n      responses:")
    #expect(try remarks(nested).isEmpty)
    let flat = replacing(
        "          schema:\n            type: string\n      responses:",
        with: "          schema: {type: object, properties: {a: {type: integer}, b: {type: string}}}\n      responses:")
    #expect(try remarks(flat).isEmpty)
}

@Test func arrayParametersOfExtendedStringsAreArraysOfPlainStringsWithAWarning() throws {
    let text = replacing(
        "          schema:\n            type: string\n      responses:",
        with:
            "          schema: {type: string}\n        - {name: list, in: query, schema: {type: array, items: {type: string, x-apigen-delimiter: ','}}}\n      responses:"
    )
    #expect(
        try remarks(text) == [
            "16:43: warning: The generator's string extensions apply to properties and response values; the items of the parameter `list` are strings as written."
        ])
    let list = try #require(try load(text).operations[0].parameters.last)
    guard case .array(let items) = list.schema.kind else { throw Unexpected() }
    #expect(items.delimiter == nil)
}

@Test func flatteningAppliesToBodiesOfOneJSONOrFormMediaTypeOnly() throws {
    func body(_ content: String) -> String {
        """
        openapi: 3.0.3
        info: {title: Flat, version: '1'}
        paths:
          /notes:
            post:
              operationId: addNote
              requestBody:
                x-apigen-flatten: true
                content:
        \(content)
              responses:
                '204': {description: Added.}
        """
    }
    let object = "{schema: {type: object, properties: {text: {type: string}}}}"
    let json = body("          application/json: \(object)")
    #expect(try remarks(json).isEmpty)
    #expect(try load(json).operations[0].requestBody?.isFlattened == true)
    let both = body("          application/json: \(object)\n          text/plain: {}")
    #expect(
        try remarks(both) == [
            "8:27: warning: `x-apigen-flatten` applies to a body of one media type; this one has 2, so the method takes the body whole."
        ])
    let bytes = body("          application/octet-stream: \(object)")
    #expect(
        try remarks(bytes) == [
            "8:27: warning: `x-apigen-flatten` applies to JSON and form bodies; a `application/octet-stream` body is taken whole."
        ])
    #expect(try load(bytes).operations[0].requestBody?.isFlattened == false)
    let multipart = body("          multipart/form-data: \(object)")
    #expect(try load(multipart).operations[0].requestBody?.isFlattened == false)
}
