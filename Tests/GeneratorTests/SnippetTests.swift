import Generator
import Testing

/// The Swift generated for the named schemas of a description that is otherwise empty: the file of `name`, without
/// its header and imports.
func generated(_ schemas: String, file name: String, version: String = "3.1.0") throws -> String {
    let yaml =
        "openapi: \(version)\ninfo: {title: Snippet, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n" + schemas
    let files = try Pipeline.generate(Array(yaml.utf8), path: "snippet.yaml", sourceName: "snippet.yaml").files
    let contents = try #require(files.first { $0.path == "Schemas/\(name).swift" }).contents
    return contents.split(separator: "\n", omittingEmptySubsequences: false).drop {
        $0.hasPrefix("// ") || $0.hasPrefix("import") || $0.hasPrefix("@_spi") || $0.isEmpty
    }.joined(separator: "\n")
}

@Test func aTypeListWithNullIsAnOptionalValue() throws {
    #expect(
        try generated(
            """
                Pet:
                  type: object
                  required: [name]
                  properties:
                    name: {type: [string, 'null']}
            """, file: "Pet"
        ).contains("    public var name: String?\n"))
}

@Test func anArrayWithoutItemsHoldsAnyJSONValues() throws {
    #expect(
        try generated("    Bag: {type: array}\n", file: "Bag")
            == """
            /// Generated from `#/components/schemas/Bag`.
            public typealias Bag = [OpenAPIValueContainer]

            """)
}

@Test func anObjectWithoutPropertiesIsAMap() throws {
    #expect(
        try generated("    Counts:\n      type: object\n      additionalProperties: {type: integer}\n", file: "Counts")
            == """
            /// Generated from `#/components/schemas/Counts`.
            public typealias Counts = [String: Int]

            """)
    #expect(
        try generated("    Free: {type: object, description: Anything.}\n", file: "Free")
            == """
            /// Anything.
            ///
            /// Generated from `#/components/schemas/Free`.
            public typealias Free = [String: OpenAPIValueContainer]

            """)
}

@Test func aMapOfInlineObjectsDeclaresItsValueType() throws {
    let code = try generated(
        """
            Scores:
              type: object
              additionalProperties:
                type: object
                properties:
                  points: {type: integer}
        """, file: "Scores")
    #expect(
        code.hasPrefix(
            "/// Generated from `#/components/schemas/Scores`.\npublic typealias Scores = [String: ScoresItem]\n"))
    #expect(
        code.contains(
            "public struct ScoresItem: Codable, Hashable, Sendable {\n    /// The `points` property.\n    public var points: Int?\n"
        ))
}

@Test func allOfWithOneReferenceIsThatReference() throws {
    #expect(
        try generated(
            """
                Pet: {type: object, properties: {name: {type: string}}}
                Named:
                  description: A pet, by another name.
                  allOf: [{$ref: '#/components/schemas/Pet'}]
            """, file: "Named", version: "3.0.3")
                == """
                /// A pet, by another name.
                ///
                /// Generated from `#/components/schemas/Named`.
                public typealias Named = Pet

                """)
}

/// The generated file of one operation of a description holding only `paths`, without its header and imports.
func generatedOperation(_ paths: String, file name: String) throws -> String {
    let yaml = "openapi: 3.0.3\ninfo: {title: Snippet, version: '1'}\npaths:\n" + paths
    return try #require(generatedFiles(yaml)["Operations/\(name).swift"])
}

/// Every file generated from a whole description, by path.
func generatedFiles(_ yaml: String) throws -> [String: String] {
    let files = try Pipeline.generate(Array(yaml.utf8), path: "snippet.yaml", sourceName: "snippet.yaml").files
    return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
}

/// Array parameters whose items need converting: an optional header joins the converted items inside the optional
/// chain, and null items of a path list are left out, as RFC 6570 leaves out undefined values.
@Test func arrayParametersConvertTheirItemsOnceAndSkipNulls() throws {
    let code = try generatedOperation(
        """
          /items/{ids}:
            get:
              operationId: listItems
              parameters:
                - {name: ids, in: path, required: true, schema: {type: array, items: {type: string, format: uri, nullable: true}}}
                - {name: X-Sizes, in: header, schema: {type: array, items: {type: integer}}}
                - {name: X-Tags, in: header, schema: {type: array, items: {type: string}}}
              responses:
                '204': {description: Done.}
        """, file: "ListItems")
    #expect(
        code.contains(
            """
                    try builder.appendPathParameter(
                        input.ids.compactMap { $0 }.map { $0.absoluteString },
            """))
    #expect(
        code.contains(#"try builder.setHeader("X-Sizes", input.xSizes?.map { String($0) }.joined(separator: ","))"#))
    #expect(code.contains(#"try builder.setHeader("X-Tags", input.xTags?.joined(separator: ","))"#))
}

/// Status ranges are cases carrying the actual status, matched after the exact codes, which win.
@Test func statusRangesAreCasesWithTheStatusAfterExactCodes() throws {
    let code = try generatedOperation(
        """
          /pets:
            get:
              operationId: listPets
              responses:
                '404': {description: Missing.}
                5XX: {description: The service failed.}
                2XX:
                  description: Done.
                  content: {text/plain: {schema: {type: string}}}
        """, file: "ListPets")
    #expect(
        code.contains(
            """
                    /// 404: Missing.
                    case notFound

                    /// 2XX: Done.
                    case successful(status: Int, body: String)

                    /// 5XX: The service failed.
                    case serverError(status: Int)
            """))
    #expect(
        code.contains(
            """
                    switch reader.status {
                    case 404:
                        return .notFound
                    case 200..<300:
                        return .successful(status: reader.status, body: try reader.text())
                    case 500..<600:
                        return .serverError(status: reader.status)
                    default:
            """))
}

/// `x-apigen-loose-spelling`: a listed value matches whatever its letter case and separators.
@Test func aLooselySpelledEnumMatchesFoldedValues() throws {
    let code = try generated(
        """
            Phase:
              type: string
              x-apigen-loose-spelling: true
              enum: [notStarted, In Progress]
        """, file: "Phase")
    #expect(
        code.contains(
            """
                public init(rawValue: String) {
                    switch EnumSpelling.folded(rawValue) {
                    case "notstarted":
                        self = .notStarted
                    case "inprogress":
                        self = .inProgress
                    default:
                        self = .unrecognized(rawValue)
                    }
                }
            """))
    #expect(code.contains(#"        case .inProgress:\n            "In Progress""#.replacing(#"\n"#, with: "\n")))
}

/// `x-apigen-poll`: the outcome names the operation it started, the reading operation classifies what it reads, and
/// the client reads and waits.
@Test func aPollLinkGivesThePendingOperationTheStateAndTheWait() throws {
    let yaml = """
        openapi: 3.0.3
        info: {title: Jobs, version: '1'}
        paths:
          /exports:
            post:
              operationId: startExport
              responses:
                '202':
                  description: Started.
                  headers:
                    Location: {schema: {type: string}}
                    Operation-Location: {schema: {type: string, format: uri}}
                  x-apigen-poll: {operation: getJob, headers: [Location, Operation-Location], status: state, succeeded: [done], canceled: [stopped]}
          /jobs/{id}:
            get:
              operationId: getJob
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses:
                '200':
                  description: The job.
                  content: {application/json: {schema: {$ref: '#/components/schemas/Job'}}}
        components:
          schemas:
            Job:
              type: object
              required: [state]
              properties:
                state: {type: string}
        """
    let files = try Pipeline.generate(Array(yaml.utf8), path: "jobs.yaml", sourceName: "jobs.yaml").files
    let start = try #require(files.first { $0.path == "Operations/StartExport.swift" }).contents
    #expect(
        start.contains(
            """
                    public var pendingOperation: PendingOperation? {
                        switch self {
                        case .accepted(let location, let operationLocation):
                            PendingOperation(locations: [location, operationLocation?.absoluteString])
                        default:
                            nil
                        }
                    }
            """))
    let job = try #require(files.first { $0.path == "Operations/GetJob.swift" }).contents
    #expect(
        job.contains(
            """
                public static func state(of resource: Job) -> OperationState {
                    switch resource.state {
                    case "done":
                        .succeeded
                    case "stopped":
                        .canceled
                    default:
                        .running
                    }
                }
            """))
    let client = try #require(files.first { $0.path == "Client.swift" }).contents
    #expect(
        client.contains(
            "public func getJob(_ pending: PendingOperation) async throws(APIClientError) -> GetJob.Output {"))
    #expect(
        client.contains(
            """
                public func waitForJob(
                    _ pending: PendingOperation,
                    policy: PollingPolicy = PollingPolicy(),
                    clock: some Clock<Duration> = ContinuousClock()
                ) -> OperationPolling<Job> {
                    let runner = self.runner
                    let security: SecurityRequirements = []
                    return OperationPolling(
                        policy: policy,
                        clock: clock,
                        classify: GetJob.state(of:)
                    ) { () async throws(APIClientError) in
                        try await runner.poll(pending, operationID: GetJob.id, security: security, as: Job.self)
                    }
                }
            """))
}

/// Object parameters: their properties as name and text pairs, read from the bound value when the object is optional.
@Test func objectParametersTravelAsTheirPropertiesTexts() throws {
    let code = try generatedOperation(
        """
          /points/{at}:
            get:
              operationId: findPoints
              parameters:
                - name: at
                  in: path
                  required: true
                  style: label
                  explode: true
                  schema: {type: object, required: [x], properties: {x: {type: integer}, y: {type: integer}}}
                - name: filter
                  in: query
                  style: deepObject
                  explode: true
                  schema: {type: object, properties: {kind: {type: string}}}
              responses:
                '204': {description: Done.}
        """, file: "FindPoints")
    #expect(
        code.contains(
            """
                    try builder.appendPathParameter(
                        object: [("x", String(input.at.x)), ("y", input.at.y.map { String($0) })],
                        field: "at",
                        style: .label,
                        explode: true
                    )
                    if let value = input.filter {
                        builder.addQuery(
                            "filter",
                            object: [("kind", value.kind)],
                            style: .deepObject,
                            explode: true,
                            separator: ","
                        )
                    }
            """))
}

/// A relative server URL resolves against where the description is published, which the caller gives.
@Test func aRelativeServerResolvesAgainstABaseTheCallerGives() throws {
    let yaml = """
        openapi: 3.0.3
        info: {title: Store, version: '1'}
        servers: [{url: /api/v3}]
        paths: {}
        """
    let files = try Pipeline.generate(Array(yaml.utf8), path: "store.yaml", sourceName: "store.yaml").files
    let client = try #require(files.first { $0.path == "Client.swift" }).contents
    #expect(
        client.contains(
            """
                public static func defaultServerURL(relativeTo base: URL) -> URL {
                    URL(string: "/api/v3", relativeTo: base)!.absoluteURL
                }
            """))
    #expect(client.contains("        serverURL: URL,\n"))
}

/// One required credential is passed as itself; alternatives, several credentials together, optional ones and none
/// as the array of alternatives.
@Test func securityRequirementsOfOneCredentialMakeNoArrays() throws {
    let yaml = """
        openapi: 3.0.3
        info: {title: Vault, version: '1'}
        security: [{key: []}]
        paths:
          /a: {get: {operationId: one, parameters: [{name: key, in: query, schema: {type: string}}], responses: {'204': {description: done}}}}
          /b: {get: {operationId: either, security: [{key: []}, {token: []}], responses: {'204': {description: done}}}}
          /c: {get: {operationId: both, security: [{key: [], token: []}], responses: {'204': {description: done}}}}
          /d: {get: {operationId: maybe, security: [{token: []}, {}], responses: {'204': {description: done}}}}
          /e: {get: {operationId: open, security: [], responses: {'204': {description: done}}}}
        components:
          securitySchemes:
            key: {type: apiKey, in: header, name: X-Key}
            token: {type: http, scheme: bearer}
        """
    let files = try Pipeline.generate(Array(yaml.utf8), path: "vault.yaml", sourceName: "vault.yaml").files
    // The client's methods are in extensions beside their operations; read in document order.
    let client = try ["One", "Either", "Both", "Maybe", "Open"].map { name in
        try #require(files.first { $0.path == "Operations/\(name).swift" }).contents
    }.joined()
    let sends = client.split(separator: "\n").filter { $0.contains("runner.send(") }.map {
        $0.trimmingPrefix(while: \.isWhitespace)
    }
    // Each operation's two methods send alike; the credentials are named through `self`, which arguments cannot hide.
    #expect(
        sends == [
            "try await self.runner.send(One.self, One.Input(key: key), security: .only(self.key))",
            "try await self.runner.send(One.self, input, security: .only(self.key))",
            "try await self.runner.send(Either.self, Either.Input(), security: [[self.key], [self.token]])",
            "try await self.runner.send(Either.self, input, security: [[self.key], [self.token]])",
            "try await self.runner.send(Both.self, Both.Input(), security: [[self.key, self.token]])",
            "try await self.runner.send(Both.self, input, security: [[self.key, self.token]])",
            "try await self.runner.send(Maybe.self, Maybe.Input(), security: [[self.token], []])",
            "try await self.runner.send(Maybe.self, input, security: [[self.token], []])",
            "try await self.runner.send(Open.self, Open.Input(), security: [])",
            "try await self.runner.send(Open.self, input, security: [])",
        ])
}

/// A parameter described with `content`: JSON text for a JSON media type, the string itself for any other.
@Test func parametersDescribedWithContentTravelAsTheirMediaTypesText() throws {
    let code = try generatedOperation(
        """
          /search:
            get:
              operationId: search
              parameters:
                - {name: filter, in: query, content: {application/json: {schema: {type: array, items: {type: integer}}}}}
                - {name: X-Note, in: header, required: true, content: {text/plain: {schema: {type: string}}}}
              responses:
                '204': {description: Done.}
        """, file: "Search")
    #expect(
        code.contains(
            """
                    if let value = input.filter {
                        builder.addQuery("filter", try JSONCoding.text(value, field: "filter", operationID: id))
                    }
                    try builder.setHeader("X-Note", input.xNote)
            """))
    #expect(code.contains("public var filter: [Int]?"))
}

/// `allowReserved` on a query parameter reaches the request builder; elsewhere it is a warning.
@Test func allowReservedReachesQueryParameters() throws {
    let code = try generatedOperation(
        """
          /files:
            get:
              operationId: getFile
              parameters:
                - {name: path, in: query, required: true, allowReserved: true, schema: {type: string}}
              responses:
                '204': {description: Done.}
        """, file: "GetFile")
    #expect(code.contains(#"builder.addQuery("path", input.path, allowReserved: true)"#))
}

/// A map parameter travels like an object, its entries in the order of their keys.
@Test func mapParametersTravelAsTheirEntriesInKeyOrder() throws {
    let code = try generatedOperation(
        """
          /search:
            get:
              operationId: search
              parameters:
                - {name: counts, in: query, required: true, schema: {type: object, additionalProperties: {type: integer}}}
              responses:
                '204': {description: Done.}
        """, file: "Search")
    #expect(
        code.contains(
            """
                    builder.addQuery(
                        "counts",
                        object: input.counts.sorted { $0.key < $1.key }.map { ($0.key, Optional(String($0.value))) },
            """))
}

/// Raw bytes of a success are handed over as a stream, never read whole; other statuses keep bounded reads.
@Test func rawByteSuccessesAreStreams() throws {
    let code = try generatedOperation(
        """
          /files/{name}:
            get:
              operationId: download
              parameters: [{name: name, in: path, required: true, schema: {type: string}}]
              responses:
                '200':
                  description: The file.
                  content: {application/octet-stream: {schema: {type: string, format: binary}}}
                '404':
                  description: No such file.
                  content: {application/json: {schema: {type: object, properties: {message: {type: string}}}}}
        """, file: "Download")
    #expect(code.contains("        case ok(HTTPBody)\n"))
    #expect(code.contains("            return .ok(HTTPBody(reader.body))\n"))
    #expect(
        code.contains(
            """
                    switch reader.status {
                    case 200:
                        return .ok(body)
                    case 404:
                        return nil
                    default:
                        return nil
                    }
            """))
}

/// A body of several media types is an enum with a case for each, and the request sends the one the caller picks.
@Test func aBodyOfSeveralMediaTypesIsACaseForEach() throws {
    let code = try generatedOperation(
        """
          /notes:
            post:
              operationId: addNote
              requestBody:
                required: true
                content:
                  application/json: {schema: {type: object, properties: {text: {type: string}}}}
                  text/plain: {schema: {type: string}}
                  application/octet-stream: {}
              responses:
                '204': {description: Added.}
        """, file: "AddNote")
    #expect(
        code.contains(
            """
                    let body = input.body
                    switch body {
                    case .json(let value):
                        try builder.setJSONBody(value, contentType: "application/json")
                    case .plainText(let value):
                        builder.setBody(Data(value.utf8), contentType: "text/plain")
                    case .binary(let value):
                        builder.setBody(value, contentType: "application/octet-stream")
                    }
            """))
    #expect(
        code.contains(
            """
                public enum Body: Hashable, Sendable {
                    /// As `application/json`.
                    case json(AddNote.BodyJSON)

                    /// As `text/plain`.
                    case plainText(String)

                    /// As `application/octet-stream`.
                    case binary(HTTPBody)
                }
            """))
    #expect(code.contains("    public struct BodyJSON: Codable, Hashable, Sendable, JSONWritable {\n"))
}

/// A response of several media types is read by its `Content-Type`; an error body may still be absent.
@Test func aResponseOfSeveralMediaTypesIsReadByItsContentType() throws {
    let code = try generatedOperation(
        """
          /report:
            get:
              operationId: report
              responses:
                '200':
                  description: The report.
                  content:
                    application/json: {schema: {type: object, properties: {rows: {type: integer}}}}
                    text/csv: {schema: {type: string}}
                    application/pdf: {}
                '400':
                  description: Not valid.
                  content:
                    application/problem+json: {schema: {type: object, properties: {title: {type: string}}}}
                    text/*: {schema: {type: string}}
        """, file: "Report")
    #expect(
        code.contains(
            #"        builder.setAccept("application/json, text/csv, application/pdf, application/problem+json, text/*")"#
        ))
    #expect(
        code.contains(
            """
                    case 200:
                        switch try reader.mediaTypeIndex(of: ["application/json", "text/csv", "application/pdf"]) {
                        case 0:
                            return .ok(.json(try reader.requiredJSON(Report.OkJSONBody.self)))
                        case 1:
                            return .ok(.csv(try reader.text()))
                        default:
                            return .ok(.pdf(HTTPBody(reader.body)))
                        }
                    case 400:
                        guard reader.hasBody else { return .badRequest(nil) }
                        switch try reader.mediaTypeIndex(of: ["application/problem+json", "text/*"]) {
                        case 0:
                            return .badRequest(.problemJSON(try reader.requiredJSON(Report.BadRequestProblemJSONBody.self)))
                        default:
                            return .badRequest(.text(try reader.text()))
                        }
            """))
    // Only the PDF is handed over unread; the other media types of the 200 are read whole.
    #expect(
        code.contains(
            """
                    case 200:
                        switch try reader.mediaTypeIndex(of: ["application/json", "text/csv", "application/pdf"]) {
                        case 2:
                            return .ok(.pdf(body))
                        default:
                            return nil
                        }
            """))
    #expect(code.contains("        case ok(Report.OkBody)\n"))
    #expect(code.contains("        case badRequest(Report.BadRequestBody?)\n"))
}

/// Multipart files are `MultipartFile`s sent as they are read, with the media type their encoding documents.
@Test func multipartFilesAreStreamsWithTheirEncodingsMediaType() throws {
    let code = try generatedOperation(
        """
          /avatar:
            put:
              operationId: setAvatar
              requestBody:
                required: true
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      required: [image]
                      properties:
                        image: {type: string, format: binary}
                        meta: {type: object, properties: {alt: {type: string}}}
                        checksum: {type: string, format: byte}
                    encoding:
                      image:
                        contentType: image/webp
                        headers: {X-Origin: {schema: {type: string}, required: true}}
                      meta: {contentType: application/vnd.meta+json}
              responses:
                '204': {description: Stored.}
        """, file: "SetAvatar")
    #expect(
        code.contains(
            """
                    var form = MultipartForm(operationID: id)
                    try form.append("image", file: body.image, contentType: "image/webp")
                    if let value = body.meta {
                        try form.appendJSON("meta", value, contentType: "application/vnd.meta+json")
                    }
                    if let value = body.checksum {
                        form.append("checksum", base64: value)
                    }
                    builder.setBody(form.body, contentType: form.contentType)
            """))
    #expect(
        code.contains(
            """
                public struct Body: Hashable, Sendable {
                    /// The `image` part.
                    ///
                    /// Sent as `image/webp` unless the file says otherwise.
                    ///
                    /// The part documents the headers `X-Origin` (required): set them in the file's `headers`.
                    public var image: MultipartFile
            """))
}

/// A form's fields follow their encoding's style: arrays joined or repeated, objects as deep objects or pairs.
@Test func formFieldsFollowTheirEncodingsStyle() throws {
    let code = try generatedOperation(
        """
          /search:
            post:
              operationId: search
              requestBody:
                content:
                  application/x-www-form-urlencoded:
                    schema:
                      type: object
                      required: [terms]
                      properties:
                        terms: {type: array, items: {type: string}}
                        ids: {type: array, items: {type: integer}}
                        filter: {type: object, properties: {kind: {type: string}}}
                        extra: {type: object, additionalProperties: {type: string}}
                    encoding:
                      terms: {style: spaceDelimited, explode: false}
                      filter: {style: deepObject}
                      extra: {explode: false}
              responses:
                '204': {description: Found.}
        """, file: "Search")
    #expect(
        code.contains(
            """
                        var form = URLEncodedForm(operationID: id)
                        form.append("terms", items: body.terms, explode: false, separator: " ")
                        if let value = body.ids {
                            form.append("ids", items: value.map { String($0) }, explode: true, separator: ",")
                        }
                        if let value = body.filter {
                            form.append(
                                "filter",
                                object: [("kind", value.kind)],
                                style: .deepObject,
                                explode: false,
                                separator: ","
                            )
                        }
                        if let value = body.extra {
                            form.append(
                                "extra",
                                object: value.sorted { $0.key < $1.key }.map { ($0.key, Optional($0.value)) },
                                style: .form,
                                explode: false,
                                separator: ","
                            )
                        }
            """))
}

/// Values without a text form of their own travel as their JSON text, through the runtime's generic helpers.
@Test func parametersWithoutATextFormTravelAsJSONText() throws {
    let code = try generatedOperation(
        """
          /things:
            get:
              operationId: things
              parameters:
                - {name: free, in: query, schema: {type: object}}
                - name: filter
                  in: query
                  style: deepObject
                  schema: {type: object, properties: {inner: {type: object, properties: {a: {type: integer}}}}}
                - {name: spots, in: query, schema: {type: array, items: {type: object, properties: {x: {type: integer}}}}}
                - {name: either, in: header, required: true, schema: {oneOf: [{type: integer}, {type: string}]}}
              responses:
                '204': {description: Listed.}
        """, file: "Things")
    #expect(
        code.contains(
            """
                    if let value = input.free {
                        builder.addQuery(
                            "free",
                            object: try JSONCoding.parameterEntries(value, field: "free", operationID: id),
            """))
    #expect(
        code.contains(
            """
                            object: [("inner", try JSONCoding.optionalParameterText(value.inner, field: "inner", operationID: id))],
                            style: .deepObject,
            """))
    #expect(
        code.contains(
            """
                        items: try JSONCoding.optionalParameterTexts(input.spots, field: "spots", operationID: id),
            """))
    #expect(
        code.contains(
            """
                    try builder.setHeader("either", try JSONCoding.parameterText(input.either, field: "either", operationID: id))
            """))
}

/// `allowEmptyValue` and `deprecated` on a parameter reach its documentation; marking the property deprecated would
/// make the generated code warn about its own use of it.
@Test func emptyValuesAndDeprecationAreDocumented() throws {
    let code = try generatedOperation(
        """
          /search:
            get:
              operationId: search
              parameters:
                - {name: flag, in: query, allowEmptyValue: true, schema: {type: string}}
                - {name: old, in: query, deprecated: true, description: The old filter., schema: {type: string}}
              responses:
                '204': {description: Found.}
        """, file: "Search")
    #expect(
        code.contains("        /// The `flag` query parameter. The server takes an empty value (`flag=`).\n"))
    #expect(code.contains("        /// The old filter. Deprecated: the description advises against sending it.\n"))
}

/// A type a request body holds writes its JSON itself: keys in byte order, each written as the JSON text the generator
/// made of it, absent optionals left out, required nullable ones as `null`, delimited lists joined, and what cannot
/// write itself through the encoder. Types only
/// read from responses carry a reader but no writer.
@Test func requestBodyTypesWriteTheirOwnJSON() throws {
    let code = try generatedOperation(
        """
          /notes:
            post:
              operationId: addNote
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      required: [text, due]
                      properties:
                        text: {type: string}
                        due: {type: [string, 'null'], format: date}
                        Tags: {type: string, x-apigen-delimiter: ','}
                        either: {oneOf: [{type: integer}, {type: string}]}
              responses:
                '200':
                  description: The note.
                  content: {application/json: {schema: {type: object, properties: {id: {type: integer}}}}}
        """, file: "AddNote")
    #expect(
        code.contains(
            #"""
                    public func writeJSON(to writer: inout JSONWriter) throws {
                        writer.beginObject()
                        if let value = self.tags {
                            try writer.write(jsonKey: "\"Tags\":", try DelimitedList.join(value, separator: ",", field: "Tags"))
                        }
                        try writer.write(jsonKey: "\"due\":", self.due)
                        if let value = self.either {
                            try writer.write(jsonKey: "\"either\":", encodable: value)
                        }
                        try writer.write(jsonKey: "\"text\":", self.text)
                        writer.endObject()
                    }
            """#), "\(code)")
    #expect(code.contains("    public struct Body: Codable, Hashable, Sendable, JSONWritable {\n"))
    #expect(code.contains("    public struct OkBody: Codable, Hashable, Sendable, JSONReadable {\n"))
}

/// A type a response body holds reads itself: each known key once, found among one constant of the names, unknown
/// keys skipped, optionals as nil when absent or `null`, required properties checked at once by their bits and then
/// unwrapped, delimited lists split, what cannot read
/// itself (a composition, a `float`) through `JSONDecoder`, and locals that do not hide the reader. Types only
/// written to requests carry a writer but no reader.
@Test func responseBodyTypesReadThemselves() throws {
    let code = try generatedOperation(
        """
          /notes:
            post:
              operationId: addNote
              requestBody:
                content:
                  application/json:
                    schema: {type: object, properties: {text: {type: string}}}
              responses:
                '200':
                  description: The note.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [id, reader]
                        properties:
                          id: {type: integer, format: int64}
                          reader: {type: string}
                          due: {type: [string, 'null'], format: date}
                          Tags: {type: string, x-apigen-delimiter: ','}
                          either: {oneOf: [{type: integer}, {type: string}]}
                          score: {type: number, format: float}
                          empty: {type: object, properties: {}, additionalProperties: false}
        """, file: "AddNote")
    #expect(
        code.contains(
            """
                    public init(json reader: inout JSONReader) throws(JSONReader.Unsure) {
                        let keys: StaticString = "id\\0reader\\0due\\0Tags\\0either\\0score\\0empty\\0"
                        var id: Int64?
                        var reader2: String?
                        var due: CalendarDate?
                        var tags: [String]?
                        var either: AddNote.OkBody.Either?
                        var score: Float?
                        var empty: AddNote.OkBody.Empty?
                        var seen = JSONReader.Seen()
                        try reader.beginObject()
                        while let index = reader.nextKey(among: keys, seen: &seen) {
                            switch index {
                            case 0:
                                id = reader.value(Int64.self)
                            case 1:
                                reader2 = reader.value(String.self)
                            case 2:
                                due = reader.value(CalendarDate.self, nullable: true)
                            case 3:
                                tags = reader.value(String.self, nullable: true).map { DelimitedList.split($0, separator: ",") }
                            case 4:
                                either = reader.decodedValue(AddNote.OkBody.Either.self, nullable: true)
                            case 5:
                                score = reader.decodedValue(Float.self, nullable: true)
                            case 6:
                                empty = reader.value(AddNote.OkBody.Empty.self, nullable: true)
                            default:
                                break
                            }
                        }
                        try reader.endObject(seen: seen, requiring: 0b11)
                        self.init(id: id!, reader: reader2!, due: due, tags: tags, either: either, score: score, empty: empty)
                    }
            """), "\(code)")
    #expect(
        code.contains(
            """
                        public init(json reader: inout JSONReader) throws(JSONReader.Unsure) {
                            var seen = JSONReader.Seen()
                            try reader.beginObject()
                            _ = reader.nextKey(among: "", seen: &seen)
                            try reader.endObject(seen: seen, requiring: 0b0)
                            self.init()
                        }
            """), "\(code)")
    #expect(code.contains("    public struct Body: Codable, Hashable, Sendable, JSONWritable {\n"))
}

/// An object of more than 24 properties does not read itself (its reader would cost the optimizer more than it saves);
/// a type holding one decodes it with `JSONDecoder` where it stands.
@Test func objectsOfManyPropertiesAreLeftToTheDecoder() throws {
    let code = try generatedOperation(
        """
          /wide:
            get:
              operationId: getWide
              responses:
                '200':
                  description: A wide object inside a narrow one.
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          wide:
                            type: object
                            properties:
                              p0: {type: string}
                              p1: {type: string}
                              p2: {type: string}
                              p3: {type: string}
                              p4: {type: string}
                              p5: {type: string}
                              p6: {type: string}
                              p7: {type: string}
                              p8: {type: string}
                              p9: {type: string}
                              p10: {type: string}
                              p11: {type: string}
                              p12: {type: string}
                              p13: {type: string}
                              p14: {type: string}
                              p15: {type: string}
                              p16: {type: string}
                              p17: {type: string}
                              p18: {type: string}
                              p19: {type: string}
                              p20: {type: string}
                              p21: {type: string}
                              p22: {type: string}
                              p23: {type: string}
                              p24: {type: string}
        """, file: "GetWide")
    #expect(code.contains("    public struct OkBody: Codable, Hashable, Sendable, JSONReadable {\n"), "\(code)")
    #expect(code.contains("        public struct Wide: Codable, Hashable, Sendable {\n"), "\(code)")
    #expect(
        code.contains("                    wide = reader.decodedValue(GetWide.OkBody.Wide.self, nullable: true)\n"),
        "\(code)")
}

/// A nested type named `RawValue` would take the place of an enum's raw value type inside it.
@Test func noNestedTypeIsNamedRawValue() throws {
    let code = try generatedOperation(
        """
          /things:
            get:
              operationId: things
              parameters:
                - {name: rawValue, in: query, schema: {type: string, enum: [a, b]}}
              responses:
                '204': {description: Listed.}
        """, file: "Things")
    #expect(code.contains("    public enum RawValue2: RawRepresentable, Codable, Hashable, Sendable, CaseIterable {\n"))
}

/// Headers documented for a part that is not a file cannot be set by the caller, so the description hears of it.
@Test func headersOfAPartThatIsNotAFileAreAWarning() throws {
    let yaml = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /a:
            post:
              operationId: up
              requestBody:
                content:
                  multipart/form-data:
                    schema: {type: object, properties: {note: {type: string}, file: {type: string, format: binary}}}
                    encoding:
                      note: {headers: {X-A: {schema: {type: string}}}}
                      file: {headers: {X-B: {schema: {type: string}}}}
              responses:
                '204': {description: Stored.}
        """
    let warnings = try Pipeline.generate(Array(yaml.utf8), path: "m.yaml", sourceName: "m.yaml").warnings
    #expect(
        warnings.map { "\($0.location.line):\($0.location.column): \($0.message)" } == [
            "12:15: The part `note` documents headers, which only file parts (`MultipartFile`) carry; they are not sent."
        ])
}

/// The body of a shared response (`#/components/responses/…`) written in place is one type for every operation that
/// uses the response, declared once beside the named schemas and documented by the response where it says nothing
/// itself; a body that declares no type (a list of strings) stays inline.
@Test func aSharedResponsesBodyIsOneTypeForEveryOperation() throws {
    let yaml = """
        openapi: 3.0.3
        info: {title: Snippet, version: '1'}
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                '200': {description: Listed.}
                '401': {$ref: '#/components/responses/Unauthorized'}
          /owners:
            get:
              operationId: listOwners
              responses:
                '200': {description: Listed.}
                '401': {$ref: '#/components/responses/Unauthorized'}
                '500': {$ref: '#/components/responses/ServerError'}
        components:
          responses:
            Unauthorized:
              description: The token is missing or expired.
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      reason: {type: string}
            ServerError:
              description: Something failed.
              content:
                application/json: {schema: {type: array, items: {type: string}}}
        """
    let files = try generatedFiles(yaml)
    #expect(
        files.keys.sorted() == [
            "Client.swift", "Operations/ListOwners.swift", "Operations/ListPets.swift",
            "Schemas/UnauthorizedResponse.swift",
        ])
    let shared = try #require(files["Schemas/UnauthorizedResponse.swift"])
    #expect(
        shared.contains(
            """
            /// The token is missing or expired.
            ///
            /// Generated from `#/components/responses/Unauthorized/content/application~1json/schema`.
            public struct UnauthorizedResponse: Codable, Hashable, Sendable, JSONReadable {
                /// The `reason` property.
                public var reason: String?

            """))
    for operation in ["ListPets", "ListOwners"] {
        let code = try #require(files["Operations/\(operation).swift"])
        #expect(code.contains("        case unauthorized(UnauthorizedResponse?)\n"))
        #expect(code.contains("            return .unauthorized(try reader.optionalJSON(UnauthorizedResponse.self))\n"))
        #expect(!code.contains("struct Unauthorized"))
    }
    let owners = try #require(files["Operations/ListOwners.swift"])
    #expect(owners.contains("        case internalServerError([String]?)\n"))
}

/// So is the body of a shared request body (`#/components/requestBodies/…`), which a flattened method still takes
/// property by property.
@Test func aSharedRequestBodysSchemaIsOneTypeForEveryOperation() throws {
    let yaml = """
        openapi: 3.0.3
        info: {title: Snippet, version: '1'}
        paths:
          /pets:
            post:
              operationId: addPet
              requestBody: {$ref: '#/components/requestBodies/NewPet'}
              responses:
                '204': {description: Added.}
          /pets/bulk:
            post:
              operationId: addPets
              requestBody: {$ref: '#/components/requestBodies/NewPet'}
              responses:
                '204': {description: Added.}
        components:
          requestBodies:
            NewPet:
              description: The pet to add.
              required: true
              x-apigen-flatten: true
              content:
                application/json:
                  schema:
                    type: object
                    required: [name]
                    properties:
                      name: {type: string}
        """
    let files = try generatedFiles(yaml)
    let shared = try #require(files["Schemas/NewPetRequest.swift"])
    #expect(
        shared.contains(
            """
            /// The pet to add.
            ///
            /// Generated from `#/components/requestBodies/NewPet/content/application~1json/schema`.
            public struct NewPetRequest: Codable, Hashable, Sendable, JSONWritable {

            """))
    for operation in ["AddPet", "AddPets"] {
        let code = try #require(files["Operations/\(operation).swift"])
        #expect(code.contains("        public var body: NewPetRequest\n"))
        #expect(code.contains("\(operation).Input(body: NewPetRequest(name: name))"))
    }
}

/// The client's methods that send an operation are in an extension beside the operation, so that a change to an
/// operation changes its file alone; the client's own file keeps its initializer and credentials.
@Test func anOperationsClientMethodsAreInAnExtensionBesideIt() throws {
    let yaml = """
        openapi: 3.0.3
        info: {title: Snippet, version: '1'}
        servers: [{url: 'https://example.com'}]
        paths:
          /pets:
            get:
              operationId: listPets
              summary: Lists the pets.
              responses:
                '204': {description: Listed.}
        """
    let files = try generatedFiles(yaml)
    let operation = try #require(files["Operations/ListPets.swift"])
    #expect(
        operation.contains(
            """
            }

            extension Client {
                /// Lists the pets.
                ///
                /// - Returns: The outcome: one case for each documented status, and `undocumented` for any other.
                /// - Throws: `APIClientError` when the request cannot be built or sent, the token cannot be obtained, or a
                ///   documented response cannot be read.
                public func listPets() async throws(APIClientError) -> ListPets.Output {
                    try await self.runner.send(ListPets.self, ListPets.Input(), security: [])
                }

            """), "\(operation)")
    let client = try #require(files["Client.swift"])
    #expect(client.contains("public init("))
    #expect(!client.contains("listPets"))
}

/// The schema of a shared parameter (`#/components/parameters/…`) that declares a type is one type for every
/// operation that uses the parameter, named after it (or with `Parameter` added where a schema has the name), and
/// the parameter keeps its default.
@Test func aSharedParametersSchemaIsOneTypeForEveryOperation() throws {
    let yaml = """
        openapi: 3.0.3
        info: {title: Snippet, version: '1'}
        paths:
          /pets:
            get:
              operationId: listPets
              parameters:
                - $ref: '#/components/parameters/sort'
                - $ref: '#/components/parameters/Kind'
              responses:
                '204': {description: Listed.}
          /owners:
            get:
              operationId: listOwners
              parameters:
                - $ref: '#/components/parameters/sort'
                - $ref: '#/components/parameters/limit'
              responses:
                '204': {description: Listed.}
        components:
          parameters:
            sort:
              name: sort
              in: query
              description: The order of the list.
              schema: {type: string, enum: [asc, desc], default: desc}
            Kind:
              name: kind
              in: query
              schema: {type: string, enum: [cat, dog]}
            limit:
              name: limit
              in: query
              schema: {type: integer, default: 20}
          schemas:
            Kind: {type: object, properties: {name: {type: string}}}
        """
    let files = try generatedFiles(yaml)
    #expect(
        files.keys.sorted() == [
            "Client.swift", "Operations/ListOwners.swift", "Operations/ListPets.swift", "Schemas/Kind.swift",
            "Schemas/KindParameter.swift", "Schemas/Sort.swift",
        ])
    let sort = try #require(files["Schemas/Sort.swift"])
    #expect(
        sort.contains(
            """
            /// The order of the list.
            ///
            /// Generated from `#/components/parameters/sort/schema`.
            public enum Sort: RawRepresentable, Codable, Hashable, Sendable, CaseIterable {

            """))
    let owners = try #require(files["Operations/ListOwners.swift"])
    #expect(owners.contains("        public init(sort: Sort? = .desc, limit: Int? = 20) {\n"))
    let pets = try #require(files["Operations/ListPets.swift"])
    #expect(pets.contains("        public init(sort: Sort? = .desc, kind: KindParameter? = nil) {\n"))
    #expect(!pets.contains("enum Sort") && !pets.contains("enum Kind"))
}
