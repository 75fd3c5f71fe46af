/// A structured model of the Swift the generator writes: files, types, members and statements.
///
/// The translator builds these values; only the ``Printer`` turns them into text.
public struct SwiftFile: Sendable {
    /// The path relative to the output directory, such as `Schemas/Pet.swift`.
    public var path: String
    /// The modules imported, printed in this order.
    public var imports: [String]
    /// The modules imported and re-exported to the file's users, printed first.
    public var exportedImports: [String]
    /// For imported modules whose implementation details the file uses, the name of the SPI that holds them.
    public var spiImports: [String: String]
    /// The top-level declarations.
    public var declarations: [Declaration]

    /// Creates a file.
    public init(
        path: String, imports: [String], exportedImports: [String] = [], spiImports: [String: String] = [:],
        declarations: [Declaration]
    ) {
        self.path = path
        self.imports = imports
        self.exportedImports = exportedImports
        self.spiImports = spiImports
        self.declarations = declarations
    }
}

/// Documentation for a declaration: paragraphs and the callouts of a function.
public struct Doc: Sendable, Hashable {
    /// Paragraphs of text; each may come from a description and is escaped for a doc comment when printed.
    public var paragraphs: [String]
    /// The parameters of a function or initializer, by name.
    public var parameters: [(name: Identifier, text: String)]
    /// What a function returns.
    public var returns: String?
    /// What a function throws.
    public var throwsText: String?

    /// Creates documentation.
    public init(
        _ paragraphs: [String?], parameters: [(name: Identifier, text: String)] = [], returns: String? = nil,
        throwsText: String? = nil
    ) {
        // One pass, and no array at all when there is nothing to keep.
        var kept: [String] = []
        for case let paragraph? in paragraphs where !paragraph.isEmpty {
            if kept.isEmpty { kept.reserveCapacity(paragraphs.count) }
            kept.append(paragraph)
        }
        self.paragraphs = kept
        self.parameters = parameters
        self.returns = returns
        self.throwsText = throwsText
    }

    /// Creates documentation from paragraphs that are all present; when none is empty, the array is kept as it is.
    public init(
        _ paragraphs: [String], parameters: [(name: Identifier, text: String)] = [], returns: String? = nil,
        throwsText: String? = nil
    ) {
        self.paragraphs = paragraphs.contains(where: \.isEmpty) ? paragraphs.filter { !$0.isEmpty } : paragraphs
        self.parameters = parameters
        self.returns = returns
        self.throwsText = throwsText
    }

    public static func == (lhs: Doc, rhs: Doc) -> Bool {
        lhs.paragraphs == rhs.paragraphs && lhs.parameters.map(\.name) == rhs.parameters.map(\.name)
            && lhs.parameters.map(\.text) == rhs.parameters.map(\.text) && lhs.returns == rhs.returns
            && lhs.throwsText == rhs.throwsText
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(paragraphs)
        hasher.combine(parameters.map(\.text))
    }
}

/// A declaration in a file or a type.
public indirect enum Declaration: Sendable {
    /// A struct or an enum with its members.
    case type(TypeDeclaration)
    /// A stored or computed property.
    case property(PropertyDeclaration)
    /// A function or an initializer.
    case function(FunctionDeclaration)
    /// A case of an enum.
    case enumCase(EnumCaseDeclaration)
    /// A public type alias.
    case typeAlias(TypeAliasDeclaration)
}

/// `public typealias Name = Type`.
public struct TypeAliasDeclaration: Sendable {
    /// The alias.
    public var name: Identifier
    /// The type it stands for.
    public var type: Code
    /// Its documentation.
    public var doc: Doc?
    /// Where in the description the alias comes from.
    public var origin: String?

    /// Creates a type alias.
    public init(name: Identifier, type: Code, doc: Doc? = nil, origin: String? = nil) {
        self.name = name
        self.type = type
        self.doc = doc
        self.origin = origin
    }
}

/// A struct, an enum, or an extension of a type.
public struct TypeDeclaration: Sendable {
    /// Which kind of type.
    public enum Kind: String, Sendable {
        /// A value type with stored properties.
        case `struct`
        /// A type with cases, or a namespace when it has none.
        case `enum`
        /// More members of a type declared elsewhere: not public itself, with no conformances or documentation.
        case `extension`
    }

    /// Which kind of type.
    public var kind: Kind
    /// Whether the type is public.
    public var isPublic: Bool
    /// Whether the enum stores its cases' values out of line, so that it may hold itself.
    public var isIndirect: Bool
    /// The type's name.
    public var name: Identifier
    /// The protocols it conforms to, in order.
    public var conformances: [String]
    /// Its documentation.
    public var doc: Doc?
    /// Where in the description the type comes from, such as `#/components/schemas/Pet`.
    public var origin: String?
    /// Its members, in order.
    public var members: [Declaration]

    /// Creates a type declaration.
    public init(
        _ kind: Kind, name: Identifier, isPublic: Bool = true, conformances: [String] = [], isIndirect: Bool = false,
        doc: Doc? = nil, origin: String? = nil, members: [Declaration]
    ) {
        self.kind = kind
        self.isPublic = isPublic
        self.isIndirect = isIndirect
        self.name = name
        self.conformances = conformances
        self.doc = doc
        self.origin = origin
        self.members = members
    }
}

/// A property, stored (with an optional initial value) or computed (with a getter).
public struct PropertyDeclaration: Sendable {
    /// Whether the property is public.
    public var isPublic: Bool
    /// Whether it belongs to the type rather than to values.
    public var isStatic: Bool
    /// Whether it is a `var` rather than a `let`.
    public var isMutable: Bool
    /// Its name.
    public var name: Identifier
    /// Its type, if written.
    public var type: Code?
    /// Its initial value.
    public var value: Code?
    /// The body of a computed property's getter.
    public var getter: [Statement]?
    /// The body of a computed property's setter, which receives `newValue`.
    public var setter: [Statement]?
    /// Its documentation.
    public var doc: Doc?

    /// Creates a property declaration.
    public init(
        name: Identifier, type: Code?, isPublic: Bool = true, isStatic: Bool = false, isMutable: Bool = false,
        value: Code? = nil, getter: [Statement]? = nil, setter: [Statement]? = nil, doc: Doc? = nil
    ) {
        self.isPublic = isPublic
        self.isStatic = isStatic
        self.isMutable = isMutable
        self.name = name
        self.type = type
        self.value = value
        self.getter = getter
        self.setter = setter
        self.doc = doc
    }
}

/// A parameter of a function or initializer.
public struct FunctionParameter: Sendable {
    /// The argument label; nil uses the name, `_` omits the label.
    public var label: String?
    /// The name inside the function.
    public var name: Identifier
    /// The type.
    public var type: Code
    /// The default value, if any.
    public var defaultValue: Code?

    /// Creates a parameter.
    public init(label: String? = nil, name: Identifier, type: Code, defaultValue: Code? = nil) {
        self.label = label
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
    }
}

/// A function, or an initializer when it has no name.
public struct FunctionDeclaration: Sendable {
    /// Whether the function is public.
    public var isPublic: Bool
    /// Whether it belongs to the type rather than to values.
    public var isStatic: Bool
    /// The name; nil for an initializer.
    public var name: Identifier?
    /// The parameters, in order.
    public var parameters: [FunctionParameter]
    /// Effects such as `async throws(APIClientError)`.
    public var effects: String?
    /// The return type, if any.
    public var returnType: Code?
    /// The statements of the body.
    public var body: [Statement]
    /// Whether callers get a deprecation warning.
    public var isDeprecated: Bool
    /// Its documentation.
    public var doc: Doc?

    /// Creates a function declaration.
    public init(
        name: Identifier?, parameters: [FunctionParameter], isPublic: Bool = true, isStatic: Bool = false,
        effects: String? = nil, returnType: Code? = nil, doc: Doc? = nil, isDeprecated: Bool = false,
        body: [Statement]
    ) {
        self.isDeprecated = isDeprecated
        self.isPublic = isPublic
        self.isStatic = isStatic
        self.name = name
        self.parameters = parameters
        self.effects = effects
        self.returnType = returnType
        self.body = body
        self.doc = doc
    }
}

/// A case of an enum, with associated values or a raw value.
public struct EnumCaseDeclaration: Sendable {
    /// A raw value.
    public enum RawValue: Sendable {
        /// A string, printed as a literal.
        case string(String)
        /// An integer.
        case integer(Int)
    }

    /// The case's name.
    public var name: Identifier
    /// Its associated values, each with an optional label.
    public var associatedValues: [(label: Identifier?, type: Code)]
    /// Its raw value, if the enum has raw values.
    public var rawValue: RawValue?
    /// Its documentation.
    public var doc: Doc?

    /// Creates an enum case.
    public init(
        name: Identifier, associatedValues: [(label: Identifier?, type: Code)] = [], rawValue: RawValue? = nil,
        doc: Doc? = nil
    ) {
        self.name = name
        self.associatedValues = associatedValues
        self.rawValue = rawValue
        self.doc = doc
    }
}

/// A statement in a function body.
///
/// Not `indirect`: the nested statements are held in arrays, which are references already, so a line costs no box of
/// its own (Declaration, whose payloads are large, stays indirect: unboxed, it measured slower).
public enum Statement: Sendable {
    /// One line.
    case line(Code)
    /// `header {`, the body indented, then `}`.
    case block(Code, [Statement])
    /// `switch subject {`, each case label at the switch's indentation with its body indented, then `}`.
    case switchOver(Code, [(pattern: Code, body: [Statement])])
    /// `do {` the body `} catch {` the handler `}`; the handler sees the error as `error`.
    case doCatch([Statement], [Statement])
    /// `header { signature in`, the closure's body indented, then `}`: a call with a trailing closure.
    case trailingClosure(Code, signature: Code, [Statement])
    /// `declaration = "text"`; when that does not fit on a line, the text is a multi-line literal whose lines break
    /// after NUL characters (escaped as `\0`) and are joined without line breaks.
    case constant(Code, String)
}
