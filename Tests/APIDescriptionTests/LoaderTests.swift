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
    guard case .reference("Pet") = operation.responses[0].body?.kind else {
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
            "23:23: error: `other.yaml#/Pet` is not a reference this generator can follow; write `#/components/schemas/NAME`. References to other files are not supported."
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
            "10:7: error: The operation `GET /owners/{ownerId}/pets` is missing `operationId`; add it.",
        ])
}

@Test func missingTopLevelSectionsAreReported() {
    #expect(
        problems("openapi: 3.0.3\n") == [
            "1:1: error: The description is missing `info`; add it.",
            "1:1: error: The description names no server; add `servers:` with the API's base URL, such as `- url: https://api.example.com`.",
            "1:1: error: The description is missing `paths`; add it.",
        ])
}

@Test func aTopLevelThatIsNotAMappingIsRejected() {
    #expect(
        problems("- a\n- b\n") == [
            "1:1: error: The top level of a description must be a mapping with `openapi`, `info` and `paths`, but this is a sequence."
        ])
}

@Test func unsupportedOpenAPIVersionsAreRejected() {
    #expect(
        problems(replacing("openapi: 3.0.3", with: "openapi: 3.1.0")) == [
            "1:10: error: OpenAPI version `3.1.0` is not supported; write `openapi: 3.0.3`."
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

@Test func defaultsAndExamplesOfTheWrongTypeAreRejected() {
    #expect(
        problems(replacing("      enum: [cat, dog]", with: "      enum: [cat, dog]\n          default: bird")) == [
            "35:20: error: The default value `bird` is not one of the enum values `cat`, `dog`."
        ])
    #expect(
        problems(
            replacing(
                "    name:\n          type: string", with: "    name:\n          type: integer\n          example: many"
            )) == [
                "32:20: error: The example is a string, but the schema expects an integer."
            ])
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
            "18:9: error: `20` is not a status code; write a code from 100 to 599, such as `200`, or `default`."
        ])
    #expect(
        problems(replacing("'200':", with: "2XX:")) == [
            "18:9: error: Status code ranges such as `2XX` are not supported; list each code."
        ])
}

@Test func unknownSchemaTypesSuggestTheNearestType() {
    #expect(
        problems(replacing("      type: string\n          enum: [cat, dog]", with: "      type: strng")) == [
            "33:17: error: `strng` is not a schema type. Did you mean `string`?"
        ])
}

@Test func requiredPropertiesMustExist() {
    #expect(
        problems(replacing("required: [name]", with: "required: [nmae]")) == [
            "28:18: error: `required` names `nmae`, which is not among the properties. Did you mean `name`?"
        ])
}

@Test func unsupportedMediaTypesAreErrors() {
    #expect(
        problems(replacing("application/json:", with: "application/xml:")) == [
            "21:13: error: The media type `application/xml` is not supported; only `application/json` is."
        ])
}

@Test func pathParametersMustBeRequired() {
    #expect(
        problems(replacing("          required: true\n", with: "")) == [
            "12:17: error: The path parameter `ownerId` must be marked `required: true`."
        ])
}

@Test func compositionKeywordsAreNotSilentlyDropped() {
    #expect(
        problems(replacing("    name:\n          type: string", with: "    name:\n          oneOf: []")) == [
            "31:11: error: `oneOf` is not supported yet; describe the value with `type` and `properties`."
        ])
}

@Test func unknownSecuritySchemesAreReported() {
    #expect(
        problems(replacing("paths:", with: "security:\n  - bearer: []\npaths:")) == [
            "8:5: error: The security requirement names `bearer`, which is not under `components/securitySchemes`."
        ])
}

@Test func parametersMustBeScalars() {
    #expect(
        problems(
            replacing(
                "            type: string\n      responses:",
                with: "            type: array\n            items: {type: string}\n      responses:"))
            == [
                "16:13: error: The parameter `ownerId` is an array; parameters must be strings, integers, numbers, booleans or enums of them."
            ])
}

@Test func serverURLsMustBeAbsoluteAndHoldOnlyURLCharacters() {
    #expect(
        problems(replacing("https://pets.example.com", with: "https://pets.example.com/a b\\\"c"))
            == [
                #"6:10: error: The server URL `https://pets.example.com/a b\"c` contains ` `, which a URL cannot hold; percent-encode it. Server variables are not supported."#
            ])
    #expect(
        problems(replacing("https://pets.example.com", with: "https://{region}.example.com"))
            == [
                "6:10: error: The server URL `https://{region}.example.com` contains `{`, which a URL cannot hold; percent-encode it. Server variables are not supported."
            ])
    #expect(
        problems(replacing("https://pets.example.com", with: "/relative"))
            == ["6:10: error: The server URL `/relative` must be an absolute `https://` or `http://` URL."])
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
