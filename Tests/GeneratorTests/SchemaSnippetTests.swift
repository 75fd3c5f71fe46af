import Testing

// One test per construct of a schema: a few lines of YAML in, the exact Swift out. The YAML sits under
// `components/schemas` of an otherwise empty OpenAPI 3.1 description.

/// `allOf` of objects: one struct with every part's properties; a property required by any part is required.
@Test func allOfOfObjectsMergesIntoOneStructWhereRequiredWins() throws {
    #expect(
        try generated(
            """
                Named:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
                Dog:
                  allOf:
                    - $ref: '#/components/schemas/Named'
                    - type: object
                      required: [barks]
                      properties:
                        name: {type: string, description: Overridden by the first part.}
                        barks: {type: boolean}
            """, file: "Dog")
                == #"""
                /// Generated from `#/components/schemas/Dog`.
                public struct Dog: Codable, Hashable, Sendable {
                    /// The `name` property.
                    public var name: String

                    /// The `barks` property.
                    public var barks: Bool

                    /// Creates a value.
                    ///
                    /// - Parameters:
                    ///   - name: The `name` property.
                    ///   - barks: The `barks` property.
                    public init(name: String, barks: Bool) {
                        self.name = name
                        self.barks = barks
                    }

                    enum CodingKeys: String, CodingKey {
                        case name
                        case barks
                    }
                }

                """#)
}

/// `allOf` of an object and a map: the map keeps the properties the object does not list.
@Test func allOfMergesAMapOfTheOtherProperties() throws {
    #expect(
        try generated(
            """
                Named:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
                Labelled:
                  allOf:
                    - $ref: '#/components/schemas/Named'
                    - type: object
                      additionalProperties: {type: string}
            """, file: "Labelled")
                == #"""
                /// Generated from `#/components/schemas/Labelled`.
                public struct Labelled: Codable, Hashable, Sendable {
                    /// The `name` property.
                    public var name: String

                    /// The properties the description does not list, by name, kept as received.
                    public var additionalProperties: [String: String]

                    /// Creates a value.
                    ///
                    /// - Parameters:
                    ///   - name: The `name` property.
                    ///   - additionalProperties: The properties the description does not list, by name, kept as received.
                    public init(name: String, additionalProperties: [String: String] = [:]) {
                        self.name = name
                        self.additionalProperties = additionalProperties
                    }

                    enum CodingKeys: String, CodingKey {
                        case name
                    }

                    /// Decodes a value, keeping the properties the description does not list.
                    public init(from decoder: any Decoder) throws {
                        let container = try decoder.container(keyedBy: CodingKeys.self)
                        self.name = try container.decode(String.self, forKey: .name)
                        self.additionalProperties = try AdditionalProperties.decode(String.self, from: decoder, excluding: ["name"])
                    }

                    /// Encodes the value with the properties the description does not list.
                    public func encode(to encoder: any Encoder) throws {
                        var container = encoder.container(keyedBy: CodingKeys.self)
                        try container.encode(self.name, forKey: .name)
                        try AdditionalProperties.encode(self.additionalProperties, to: encoder)
                    }
                }

                """#)
}

/// `allOf` with a part that is not an object: a struct holding each part, decoded from the same value.
@Test func allOfThatCannotMergeComposesItsParts() throws {
    #expect(
        try generated(
            """
                Named:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
                Person: {type: object, properties: {born: {type: string, format: date}}}
                Company: {type: object, properties: {founded: {type: string, format: date}}}
                Owner:
                  allOf:
                    - $ref: '#/components/schemas/Named'
                    - oneOf:
                        - $ref: '#/components/schemas/Person'
                        - $ref: '#/components/schemas/Company'
            """, file: "Owner")
                == #"""
                /// Generated from `#/components/schemas/Owner`.
                public struct Owner: Codable, Hashable, Sendable {
                    /// The value as `Named`.
                    public var named: Named

                    /// The value as part 2.
                    public var oneOf: Owner.OwnerOneOf

                    /// Creates a value.
                    ///
                    /// - Parameters:
                    ///   - named: The value as `Named`.
                    ///   - oneOf: The value as part 2.
                    public init(named: Named, oneOf: Owner.OwnerOneOf) {
                        self.named = named
                        self.oneOf = oneOf
                    }

                    /// Decodes the value as each of its parts.
                    public init(from decoder: any Decoder) throws {
                        self.named = try decoder.singleValueContainer().decode(Named.self)
                        self.oneOf = try decoder.singleValueContainer().decode(Owner.OwnerOneOf.self)
                    }

                    /// Encodes the parts into one value: every object part, or else the first plain value.
                    public func encode(to encoder: any Encoder) throws {
                        try self.named.encode(to: encoder)
                        try self.oneOf.encode(to: encoder)
                    }

                    /// Part 2 of `Owner`.
                    public indirect enum OwnerOneOf: Codable, Hashable, Sendable {
                        /// The value as `Person`.
                        case person(Person)

                        /// The value as `Company`.
                        case company(Company)

                        /// Decodes the first alternative the value is.
                        public init(from decoder: any Decoder) throws {
                            var errors: [any Error] = []
                            do {
                                self = .person(try decoder.singleValueContainer().decode(Person.self))
                                return
                            } catch {
                                errors.append(error)
                            }
                            do {
                                self = .company(try decoder.singleValueContainer().decode(Company.self))
                                return
                            } catch {
                                errors.append(error)
                            }
                            throw CompositionError(
                                type: "OwnerOneOf",
                                alternatives: ["person", "company"],
                                errors: errors,
                                codingPath: decoder.codingPath
                            )
                        }

                        /// Encodes the alternative's value.
                        public func encode(to encoder: any Encoder) throws {
                            var container = encoder.singleValueContainer()
                            switch self {
                            case .person(let value):
                                try container.encode(value)
                            case .company(let value):
                                try container.encode(value)
                            }
                        }
                    }
                }

                """#)
}

/// `oneOf` with a discriminator: the mapping's values and, for schemas it does not list, their names.
@Test func oneOfWithADiscriminatorReadsThePropertyFirst() throws {
    #expect(
        try generated(
            """
                Named:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
                Cat:
                  type: object
                  required: [kind]
                  properties:
                    kind: {type: string}
                Pet:
                  oneOf:
                    - $ref: '#/components/schemas/Cat'
                    - $ref: '#/components/schemas/Named'
                  discriminator:
                    propertyName: kind
                    mapping:
                      cat: '#/components/schemas/Cat'
            """, file: "Pet")
                == #"""
                /// Generated from `#/components/schemas/Pet`.
                public indirect enum Pet: Codable, Hashable, Sendable {
                    /// The value as `Cat`.
                    case cat(Cat)

                    /// The value as `Named`.
                    case named(Named)

                    /// Decodes the alternative the value's `kind` names, or else the first alternative the value is.
                    public init(from decoder: any Decoder) throws {
                        switch try CompositionError.discriminator("kind", in: decoder) {
                        case "cat"?:
                            self = .cat(try decoder.singleValueContainer().decode(Cat.self))
                            return
                        case "Named"?, "#/components/schemas/Named"?:
                            self = .named(try decoder.singleValueContainer().decode(Named.self))
                            return
                        default:
                            break
                        }
                        var errors: [any Error] = []
                        do {
                            self = .cat(try decoder.singleValueContainer().decode(Cat.self))
                            return
                        } catch {
                            errors.append(error)
                        }
                        do {
                            self = .named(try decoder.singleValueContainer().decode(Named.self))
                            return
                        } catch {
                            errors.append(error)
                        }
                        throw CompositionError(
                            type: "Pet",
                            alternatives: ["cat", "named"],
                            errors: errors,
                            codingPath: decoder.codingPath
                        )
                    }

                    /// Encodes the alternative's value.
                    public func encode(to encoder: any Encoder) throws {
                        var container = encoder.singleValueContainer()
                        switch self {
                        case .cat(let value):
                            try container.encode(value)
                        case .named(let value):
                            try container.encode(value)
                        }
                    }
                }

                """#)
}

/// `oneOf` without a discriminator: one case per alternative, tried in order, with every reason when none fits.
@Test func oneOfWithoutADiscriminatorTriesEachAlternativeInOrder() throws {
    #expect(
        try generated(
            """
                Identifier:
                  oneOf:
                    - type: string
                    - type: integer
                      format: int64
            """, file: "Identifier")
                == #"""
                /// Generated from `#/components/schemas/Identifier`.
                public indirect enum Identifier: Codable, Hashable, Sendable {
                    /// The value as alternative 1.
                    case string(String)

                    /// The value as alternative 2.
                    case integer(Int64)

                    /// Decodes the first alternative the value is.
                    public init(from decoder: any Decoder) throws {
                        var errors: [any Error] = []
                        do {
                            self = .string(try decoder.singleValueContainer().decode(String.self))
                            return
                        } catch {
                            errors.append(error)
                        }
                        do {
                            self = .integer(try decoder.singleValueContainer().decode(Int64.self))
                            return
                        } catch {
                            errors.append(error)
                        }
                        throw CompositionError(
                            type: "Identifier",
                            alternatives: ["string", "integer"],
                            errors: errors,
                            codingPath: decoder.codingPath
                        )
                    }

                    /// Encodes the alternative's value.
                    public func encode(to encoder: any Encoder) throws {
                        var container = encoder.singleValueContainer()
                        switch self {
                        case .string(let value):
                            try container.encode(value)
                        case .integer(let value):
                            try container.encode(value)
                        }
                    }
                }

                """#)
}

/// `anyOf`: an optional per alternative; at least one must decode.
@Test func anyOfHoldsEachAlternativeThatDecoded() throws {
    #expect(
        try generated(
            """
                Named:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
                Tag:
                  type: object
                  properties:
                    tag: {type: string}
                Tagged:
                  anyOf:
                    - $ref: '#/components/schemas/Named'
                    - $ref: '#/components/schemas/Tag'
            """, file: "Tagged")
                == #"""
                /// Generated from `#/components/schemas/Tagged`.
                public struct Tagged: Codable, Hashable, Sendable {
                    /// The value as `Named`.
                    public var named: Named?

                    /// The value as `Tag`.
                    public var tag: Tag?

                    /// Creates a value.
                    ///
                    /// - Parameters:
                    ///   - named: The value as `Named`.
                    ///   - tag: The value as `Tag`.
                    public init(named: Named? = nil, tag: Tag? = nil) {
                        self.named = named
                        self.tag = tag
                    }

                    /// Decodes each alternative the value is; it must be at least one.
                    public init(from decoder: any Decoder) throws {
                        var errors: [any Error] = []
                        do {
                            self.named = try decoder.singleValueContainer().decode(Named.self)
                        } catch {
                            errors.append(error)
                        }
                        do {
                            self.tag = try decoder.singleValueContainer().decode(Tag.self)
                        } catch {
                            errors.append(error)
                        }
                        if self.named == nil, self.tag == nil {
                            throw CompositionError(
                                type: "Tagged",
                                alternatives: ["named", "tag"],
                                errors: errors,
                                codingPath: decoder.codingPath
                            )
                        }
                    }

                    /// Encodes the parts into one value: every object part, or else the first plain value.
                    public func encode(to encoder: any Encoder) throws {
                        try self.named?.encode(to: encoder)
                        try self.tag?.encode(to: encoder)
                    }
                }

                """#)
}

/// `additionalProperties` beside `properties`: a map of the properties the description does not list.
@Test func additionalPropertiesBesidePropertiesAreKeptInAMap() throws {
    #expect(
        try generated(
            """
                Labels:
                  type: object
                  properties:
                    owner: {type: string}
                  additionalProperties: {type: integer}
            """, file: "Labels")
                == #"""
                /// Generated from `#/components/schemas/Labels`.
                public struct Labels: Codable, Hashable, Sendable {
                    /// The `owner` property.
                    public var owner: String?

                    /// The properties the description does not list, by name, kept as received.
                    public var additionalProperties: [String: Int]

                    /// Creates a value.
                    ///
                    /// - Parameters:
                    ///   - owner: The `owner` property.
                    ///   - additionalProperties: The properties the description does not list, by name, kept as received.
                    public init(owner: String? = nil, additionalProperties: [String: Int] = [:]) {
                        self.owner = owner
                        self.additionalProperties = additionalProperties
                    }

                    enum CodingKeys: String, CodingKey {
                        case owner
                    }

                    /// Decodes a value, keeping the properties the description does not list.
                    public init(from decoder: any Decoder) throws {
                        let container = try decoder.container(keyedBy: CodingKeys.self)
                        self.owner = try container.decodeIfPresent(String.self, forKey: .owner)
                        self.additionalProperties = try AdditionalProperties.decode(Int.self, from: decoder, excluding: ["owner"])
                    }

                    /// Encodes the value with the properties the description does not list.
                    public func encode(to encoder: any Encoder) throws {
                        var container = encoder.container(keyedBy: CodingKeys.self)
                        try container.encodeIfPresent(self.owner, forKey: .owner)
                        try AdditionalProperties.encode(self.additionalProperties, to: encoder)
                    }
                }

                """#)
}

/// `additionalProperties: true` beside `properties`: a map of free-form JSON values.
@Test func additionalPropertiesTrueKeepsFreeFormValues() throws {
    #expect(
        try generated(
            """
                Settings:
                  type: object
                  required: [version]
                  properties:
                    version: {type: integer}
                  additionalProperties: true
            """, file: "Settings")
                == #"""
                /// Generated from `#/components/schemas/Settings`.
                public struct Settings: Codable, Hashable, Sendable {
                    /// The `version` property.
                    public var version: Int

                    /// The properties the description does not list, by name, kept as received.
                    public var additionalProperties: [String: OpenAPIValueContainer]

                    /// Creates a value.
                    ///
                    /// - Parameters:
                    ///   - version: The `version` property.
                    ///   - additionalProperties: The properties the description does not list, by name, kept as received.
                    public init(version: Int, additionalProperties: [String: OpenAPIValueContainer] = [:]) {
                        self.version = version
                        self.additionalProperties = additionalProperties
                    }

                    enum CodingKeys: String, CodingKey {
                        case version
                    }

                    /// Decodes a value, keeping the properties the description does not list.
                    public init(from decoder: any Decoder) throws {
                        let container = try decoder.container(keyedBy: CodingKeys.self)
                        self.version = try container.decode(Int.self, forKey: .version)
                        self.additionalProperties = try AdditionalProperties.decode(
                            OpenAPIValueContainer.self,
                            from: decoder,
                            excluding: ["version"]
                        )
                    }

                    /// Encodes the value with the properties the description does not list.
                    public func encode(to encoder: any Encoder) throws {
                        var container = encoder.container(keyedBy: CodingKeys.self)
                        try container.encode(self.version, forKey: .version)
                        try AdditionalProperties.encode(self.additionalProperties, to: encoder)
                    }
                }

                """#)
}

/// A string enum keeps values the description does not list.
@Test func stringEnumsAreOpen() throws {
    #expect(
        try generated(
            """
                Status:
                  type: string
                  enum: [active, sold-out]
            """, file: "Status")
                == #"""
                /// Generated from `#/components/schemas/Status`.
                public enum Status: RawRepresentable, Codable, Hashable, Sendable, CaseIterable {
                    /// The value `active`.
                    case active

                    /// The value `sold-out`.
                    case soldOut

                    /// A value the description does not list, kept as received.
                    case unrecognized(String)

                    /// The values the description lists.
                    public static let allCases: [Status] = [.active, .soldOut]

                    /// Creates the value a string names; a string the description does not list is `unrecognized`.
                    ///
                    /// - Parameter rawValue: The value on the wire.
                    public init(rawValue: String) {
                        switch rawValue {
                        case "active":
                            self = .active
                        case "sold-out":
                            self = .soldOut
                        default:
                            self = .unrecognized(rawValue)
                        }
                    }

                    /// The value on the wire.
                    public var rawValue: String {
                        switch self {
                        case .active:
                            "active"
                        case .soldOut:
                            "sold-out"
                        case .unrecognized(let value):
                            value
                        }
                    }
                }

                """#)
}

/// Formats choose the Swift type; an unknown format is a string.
@Test func formatsChooseSwiftTypes() throws {
    #expect(
        try generated(
            """
                Stamp:
                  type: object
                  properties:
                    id: {type: string, format: uuid}
                    at: {type: string, format: date-time}
                    day: {type: string, format: date}
                    home: {type: string, format: uri}
                    blob: {type: string, format: byte}
                    file: {type: string, format: binary}
                    mail: {type: string, format: email}
                    other: {type: string, format: color}
                    small: {type: integer, format: int32}
                    big: {type: integer, format: int64}
                    ratio: {type: number, format: float}
                    exact: {type: number, format: double}
            """, file: "Stamp")
                == #"""
                /// Generated from `#/components/schemas/Stamp`.
                public struct Stamp: Codable, Hashable, Sendable {
                    /// The `id` property.
                    public var id: UUID?

                    /// The `at` property.
                    public var at: Date?

                    /// The `day` property.
                    public var day: CalendarDate?

                    /// The `home` property.
                    public var home: URL?

                    /// The `blob` property.
                    public var blob: Data?

                    /// The `file` property.
                    public var file: Data?

                    /// The `mail` property.
                    public var mail: String?

                    /// The `other` property.
                    public var other: String?

                    /// The `small` property.
                    public var small: Int32?

                    /// The `big` property.
                    public var big: Int64?

                    /// The `ratio` property.
                    public var ratio: Float?

                    /// The `exact` property.
                    public var exact: Double?

                    /// Creates a value.
                    ///
                    /// - Parameters:
                    ///   - id: The `id` property.
                    ///   - at: The `at` property.
                    ///   - day: The `day` property.
                    ///   - home: The `home` property.
                    ///   - blob: The `blob` property.
                    ///   - file: The `file` property.
                    ///   - mail: The `mail` property.
                    ///   - other: The `other` property.
                    ///   - small: The `small` property.
                    ///   - big: The `big` property.
                    ///   - ratio: The `ratio` property.
                    ///   - exact: The `exact` property.
                    public init(
                        id: UUID? = nil,
                        at: Date? = nil,
                        day: CalendarDate? = nil,
                        home: URL? = nil,
                        blob: Data? = nil,
                        file: Data? = nil,
                        mail: String? = nil,
                        other: String? = nil,
                        small: Int32? = nil,
                        big: Int64? = nil,
                        ratio: Float? = nil,
                        exact: Double? = nil
                    ) {
                        self.id = id
                        self.at = at
                        self.day = day
                        self.home = home
                        self.blob = blob
                        self.file = file
                        self.mail = mail
                        self.other = other
                        self.small = small
                        self.big = big
                        self.ratio = ratio
                        self.exact = exact
                    }

                    enum CodingKeys: String, CodingKey {
                        case id
                        case at
                        case day
                        case home
                        case blob
                        case file
                        case mail
                        case other
                        case small
                        case big
                        case ratio
                        case exact
                    }
                }

                """#)
}

/// A required nullable property travels as `null`; defaults are initializer defaults; `readOnly` and `writeOnly` properties are optional.
@Test func nullsDefaultsAndOneWayProperties() throws {
    #expect(
        try generated(
            """
                Account:
                  type: object
                  required: [id, password, nickname]
                  properties:
                    id: {type: string, readOnly: true}
                    password: {type: string, writeOnly: true}
                    nickname: {type: [string, 'null']}
                    color: {type: string, default: blue}
                    limit: {type: integer, default: 10}
            """, file: "Account")
                == #"""
                /// Generated from `#/components/schemas/Account`.
                public struct Account: Codable, Hashable, Sendable {
                    /// The `id` property.
                    ///
                    /// Sent by the server only: leave it `nil` in a request, which then leaves it out.
                    public var id: String?

                    /// The `password` property.
                    ///
                    /// Sent by the client only: a response leaves it out, so it is `nil` in one.
                    public var password: String?

                    /// The `nickname` property.
                    public var nickname: String?

                    /// The `color` property.
                    public var color: String?

                    /// The `limit` property.
                    public var limit: Int?

                    /// Creates a value.
                    ///
                    /// - Parameters:
                    ///   - id: The `id` property.
                    ///   - password: The `password` property.
                    ///   - nickname: The `nickname` property.
                    ///   - color: The `color` property.
                    ///   - limit: The `limit` property.
                    public init(
                        id: String? = nil,
                        password: String? = nil,
                        nickname: String? = nil,
                        color: String? = "blue",
                        limit: Int? = 10
                    ) {
                        self.id = id
                        self.password = password
                        self.nickname = nickname
                        self.color = color
                        self.limit = limit
                    }

                    enum CodingKeys: String, CodingKey {
                        case id
                        case password
                        case nickname
                        case color
                        case limit
                    }

                    /// Decodes a value.
                    public init(from decoder: any Decoder) throws {
                        let container = try decoder.container(keyedBy: CodingKeys.self)
                        self.id = try container.decodeIfPresent(String.self, forKey: .id)
                        self.password = try container.decodeIfPresent(String.self, forKey: .password)
                        self.nickname = try container.decodeIfPresent(String.self, forKey: .nickname)
                        self.color = try container.decodeIfPresent(String.self, forKey: .color)
                        self.limit = try container.decodeIfPresent(Int.self, forKey: .limit)
                    }

                    /// Encodes the value, with `null` for a required property that has no value.
                    public func encode(to encoder: any Encoder) throws {
                        var container = encoder.container(keyedBy: CodingKeys.self)
                        try container.encodeIfPresent(self.id, forKey: .id)
                        try container.encodeIfPresent(self.password, forKey: .password)
                        try container.encode(self.nickname, forKey: .nickname)
                        try container.encodeIfPresent(self.color, forKey: .color)
                        try container.encodeIfPresent(self.limit, forKey: .limit)
                    }
                }

                """#)
}

/// OpenAPI 3.0's `nullable: true` is an optional too.
@Test func nullable30IsAnOptional() throws {
    #expect(
        try generated(
            """
                Note:
                  type: object
                  required: [text]
                  properties:
                    text: {type: string, nullable: true}
            """, file: "Note")
                == #"""
                /// Generated from `#/components/schemas/Note`.
                public struct Note: Codable, Hashable, Sendable {
                    /// The `text` property.
                    public var text: String?

                    /// Creates a value.
                    ///
                    /// - Parameter text: The `text` property.
                    public init(text: String? = nil) {
                        self.text = text
                    }

                    enum CodingKeys: String, CodingKey {
                        case text
                    }

                    /// Decodes a value.
                    public init(from decoder: any Decoder) throws {
                        let container = try decoder.container(keyedBy: CodingKeys.self)
                        self.text = try container.decodeIfPresent(String.self, forKey: .text)
                    }

                    /// Encodes the value, with `null` for a required property that has no value.
                    public func encode(to encoder: any Encoder) throws {
                        var container = encoder.container(keyedBy: CodingKeys.self)
                        try container.encode(self.text, forKey: .text)
                    }
                }

                """#)
}

/// A schema that leads back to itself through a `oneOf` and a map.
@Test func recursionThroughAOneOfAndAMap() throws {
    #expect(
        try generated(
            """
                Node:
                  oneOf:
                    - type: string
                    - type: object
                      properties:
                        children:
                          type: object
                          additionalProperties: {$ref: '#/components/schemas/Node'}
            """, file: "Node")
                == #"""
                /// Generated from `#/components/schemas/Node`.
                public indirect enum Node: Codable, Hashable, Sendable {
                    /// The value as alternative 1.
                    case string(String)

                    /// The value as alternative 2.
                    case object(Node.NodeObject)

                    /// Decodes the first alternative the value is.
                    public init(from decoder: any Decoder) throws {
                        var errors: [any Error] = []
                        do {
                            self = .string(try decoder.singleValueContainer().decode(String.self))
                            return
                        } catch {
                            errors.append(error)
                        }
                        do {
                            self = .object(try decoder.singleValueContainer().decode(Node.NodeObject.self))
                            return
                        } catch {
                            errors.append(error)
                        }
                        throw CompositionError(
                            type: "Node",
                            alternatives: ["string", "object"],
                            errors: errors,
                            codingPath: decoder.codingPath
                        )
                    }

                    /// Encodes the alternative's value.
                    public func encode(to encoder: any Encoder) throws {
                        var container = encoder.singleValueContainer()
                        switch self {
                        case .string(let value):
                            try container.encode(value)
                        case .object(let value):
                            try container.encode(value)
                        }
                    }

                    /// Alternative 2 of `Node`.
                    public struct NodeObject: Codable, Hashable, Sendable {
                        /// The `children` property.
                        public var children: [String: Node]?

                        /// Creates a value.
                        ///
                        /// - Parameter children: The `children` property.
                        public init(children: [String: Node]? = nil) {
                            self.children = children
                        }

                        enum CodingKeys: String, CodingKey {
                            case children
                        }
                    }
                }

                """#)
}
