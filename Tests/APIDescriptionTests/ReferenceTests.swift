import APIDescription
import Testing
import YAML

// References beyond `#/components/KIND/NAME`: JSON pointers anywhere in the file (`$defs`), and other files, relative
// to the file that refers to them, with problems located in the file where they are.

/// Loads `main.yaml` with the other files given, returning the document or every diagnostic as `file:line:column:
/// severity: message`.
private func load(_ main: String, files: [String: String] = [:]) -> Result<APIDocument, Failure> {
    let reader: DescriptionFileReader = { path in files[path].map { Array($0.utf8) } }
    do {
        let root = try YAMLParser.parse(Array(main.utf8), file: "specs/main.yaml")
        return .success(try DescriptionLoader.load(root, readFile: reader).document)
    } catch {
        return .failure(
            Failure(
                messages: error.diagnostics.map {
                    "\($0.location.file):\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)"
                }))
    }
}

private struct Failure: Error {
    var messages: [String]
}

private func description(_ schema: String, components: String = "") -> String {
    """
    openapi: 3.1.0
    info: {title: References, version: '1'}
    paths:
      /pets:
        get:
          operationId: listPets
          parameters:
            - $ref: 'common/parameters.yaml#/Limit'
          responses:
            '200':
              description: The pets.
              content:
                application/json:
                  schema: \(schema)
    \(components)
    """
}

private let common = [
    "specs/common/parameters.yaml": "Limit: {name: limit, in: query, schema: {type: integer}}\n",
    "specs/common/pet.yaml": """
    Pet:
      type: object
      properties:
        name: {type: string}
        owner: {$ref: '../people.yaml#/Person'}
        friends: {type: array, items: {$ref: '#/Pet'}}
    """,
    "specs/people.yaml": "Person: {type: object, properties: {name: {type: string}}}\n",
]

@Test func schemasInOtherFilesAreNamedAfterTheirPointersAndReadOnce() throws {
    let document = try load(
        description("{type: array, items: {$ref: 'common/pet.yaml#/Pet'}}"), files: common
    ).get()
    #expect(document.schemas.map(\.name) == ["Pet", "Person"])
    guard case .object(let properties) = document.schemas[0].schema.kind else {
        Issue.record("Pet is not an object")
        return
    }
    // `#/Pet` inside pet.yaml is pet.yaml's own Pet: the same schema, not a new one.
    guard case .array(let friends) = properties[2].schema.kind, case .reference("Pet") = friends.kind else {
        Issue.record("friends is not an array of Pet")
        return
    }
    #expect(document.schemas[1].schema.location.file == "specs/people.yaml")
    #expect(document.operations[0].parameters.map(\.name) == ["limit"])
}

@Test func jsonPointersReachDefsAndOtherPlacesOfTheSameFile() throws {
    let document = try load(
        description(
            "{$ref: '#/components/schemas/Pet/$defs/Tag'}",
            components: """
                components:
                  schemas:
                    Pet:
                      type: object
                      properties:
                        tag: {$ref: '#/components/schemas/Pet/$defs/Tag'}
                      $defs:
                        Tag: {type: string, enum: [cat, dog]}
                """), files: common
    ).get()
    #expect(document.schemas.map(\.name) == ["Pet", "Tag"])
    #expect(document.schemas[1].schema.enumValues == ["cat", "dog"])
}

@Test func problemsInAnotherFileAreLocatedThere() {
    var files = common
    files["specs/people.yaml"] = "Person: {type: object, properties: {name: {type: strng}}}\n"
    let result = load(description("{$ref: 'common/pet.yaml#/Pet'}"), files: files)
    guard case .failure(let failure) = result else {
        Issue.record("loaded")
        return
    }
    #expect(
        failure.messages == [
            "specs/people.yaml:1:50: error: `strng` is not a schema type. Did you mean `string`?"
        ])
}

@Test func missingFilesPointersAndNetworkReferencesAreErrorsAtTheReference() {
    guard case .failure(let missing) = load(description("{$ref: 'nowhere.yaml#/Pet'}"), files: common) else {
        Issue.record("loaded")
        return
    }
    #expect(
        missing.messages == [
            "specs/main.yaml:14:30: error: `nowhere.yaml#/Pet` refers to `specs/nowhere.yaml`, which cannot be read; check the path, relative to this file."
        ])
    guard case .failure(let pointer) = load(description("{$ref: 'common/pet.yaml#/Dog'}"), files: common) else {
        Issue.record("loaded")
        return
    }
    #expect(
        pointer.messages == [
            "specs/main.yaml:14:30: error: `common/pet.yaml#/Dog` names nothing: `specs/common/pet.yaml` has no `Dog` on that path."
        ])
    guard case .failure(let remote) = load(description("{$ref: 'https://example.com/pet.yaml#/Pet'}"), files: common)
    else {
        Issue.record("loaded")
        return
    }
    #expect(
        remote.messages == [
            "specs/main.yaml:14:30: error: `https://example.com/pet.yaml#/Pet` is on the network; the generator reads local files only. Save it beside the description and refer to it by its path."
        ])
}

@Test func schemasThatOnlyReferToEachOtherAcrossFilesAreACycleNotAHang() {
    let files = ["specs/a.yaml": "A: {$ref: 'b.yaml#/B'}\n", "specs/b.yaml": "B: {$ref: 'a.yaml#/A'}\n"]
    guard case .failure(let failure) = load(description("{$ref: 'a.yaml#/A'}"), files: files) else {
        Issue.record("loaded")
        return
    }
    #expect(
        failure.messages.first?.hasPrefix("specs/a.yaml:1:4: error: The schemas `A` → `B` → `A` only refer") == true)
}
