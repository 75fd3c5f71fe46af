import Generator
import Testing

/// A description of `count` operations shaped like Cancel, each with its own path, operation ID and schemas, whose
/// repeated parts (parameters, responses, the error schema's properties) are written once and shared through YAML
/// anchors and aliases, as large hand-written descriptions do.
func anchoredDescription(operations count: Int) -> String {
    var text = """
        openapi: 3.0.3
        info: {title: Anchored, version: '1'}
        servers: [{url: 'https://example.com'}]
        paths:

        """
    for index in 0..<count {
        let first = index == 0
        text += """
              /api/publishers/{publisherId}/offers/{offerId}/cancel\(index):
                post:
                  operationId: cancelOperation\(index)
                  parameters: \(first ? """
            &parameters
                    - {name: publisherId, in: path, required: true, schema: {type: string}}
                    - {name: offerId, in: path, required: true, schema: {type: string}}
                    - {name: api-version, in: query, required: true, schema: {type: string, default: '2017-10-31'}}
            """ : "*parameters")
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Request\(index)'}
                  responses:
                    '200': {description: Cancelled.}
                    '202': \(first ? """
            &accepted
                      description: Accepted.
                      headers:
                        Location: {required: true, schema: {type: string}}
            """ : "*accepted")
                    '400':
                      description: Bad request.
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Error\(index)'}

            """
    }
    text += "components:\n  schemas:\n"
    for index in 0..<count {
        let first = index == 0
        text += """
                Request\(index):
                  type: object
                  required: [metadata]
                  properties:
                    metadata:
                      type: object
                      properties:
                        notification-emails: {type: string, x-apigen-delimiter: ','}
                Error\(index):
                  type: object
                  properties: \(first ? "&errorProperties {code: {type: string}, message: {type: string}}" : "*errorProperties")

            """
    }
    return text
}

/// Ten thousand operations written with anchors generate to completion: the alias limit counts the document's size,
/// so sharing repeated parts is never mistaken for an expansion attack. How long it takes is the benchmarks' concern.
@Test func tenThousandOperationsWithAnchorsGenerate() throws {
    let yaml = anchoredDescription(operations: 10_000)
    #expect(yaml.contains("*parameters") && yaml.contains("*accepted") && yaml.contains("*errorProperties"))
    let output = try Pipeline.generate(Array(yaml.utf8), path: "anchored.yaml", sourceName: "anchored.yaml")
    #expect(output.files.filter { $0.path.hasPrefix("Operations/") }.count == 10_000)
    #expect(output.files.contains { $0.contents.contains("public func cancelOperation9999(") })
}
