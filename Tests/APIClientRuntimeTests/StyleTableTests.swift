@_spi(Generated) import APIClientRuntime
import HTTPTypes
import Testing

// The style examples of the OpenAPI specification, for a parameter named `color` holding the string `blue`, the
// array `[blue, black, brown]` or the object `{R: 100, G: 200, B: 150}`, in every style and explode combination it
// defines. Where OpenAPI 3.0.3's table and RFC 6570 disagree (`label` without explode), RFC 6570 wins, as in
// OpenAPI 3.1.1's corrected table: `.blue,black,brown`.

private let string = "blue"
private let array = ["blue", "black", "brown"]
private let object: [(String, String?)] = [("R", "100"), ("G", "200"), ("B", "150")]

enum StyleValue: Sendable, CustomStringConvertible {
    case primitive, array, object

    var description: String {
        switch self {
        case .primitive: "primitive"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// The path a path parameter writes.
private func path(_ value: StyleValue, _ style: PathStyle, explode: Bool) throws -> String {
    var builder = RequestBuilder(operationID: "styles", method: .get)
    switch value {
    case .primitive:
        if style == .simple {
            try builder.appendPathParameter(string, field: "color")
        } else {
            try builder.appendPathParameter([string], field: "color", style: style, explode: explode)
        }
    case .array: try builder.appendPathParameter(array, field: "color", style: style, explode: explode)
    case .object: try builder.appendPathParameter(object: object, field: "color", style: style, explode: explode)
    }
    return builder.request.0.path ?? ""
}

@Test(arguments: [
    (StyleValue.primitive, PathStyle.simple, false, "blue"),
    (.primitive, .simple, true, "blue"),
    (.array, .simple, false, "blue,black,brown"),
    (.array, .simple, true, "blue,black,brown"),
    (.object, .simple, false, "R,100,G,200,B,150"),
    (.object, .simple, true, "R=100,G=200,B=150"),
    (.primitive, .label, false, ".blue"),
    (.primitive, .label, true, ".blue"),
    (.array, .label, false, ".blue,black,brown"),
    (.array, .label, true, ".blue.black.brown"),
    (.object, .label, false, ".R,100,G,200,B,150"),
    (.object, .label, true, ".R=100.G=200.B=150"),
    (.primitive, .matrix, false, ";color=blue"),
    (.primitive, .matrix, true, ";color=blue"),
    (.array, .matrix, false, ";color=blue,black,brown"),
    (.array, .matrix, true, ";color=blue;color=black;color=brown"),
    (.object, .matrix, false, ";color=R,100,G,200,B,150"),
    (.object, .matrix, true, ";R=100;G=200;B=150"),
])
func pathStylesWriteTheSpecificationsExamples(value: StyleValue, style: PathStyle, explode: Bool, expected: String)
    throws
{
    #expect(try path(value, style, explode: explode) == expected)
}

/// The query a query parameter writes, without the leading `?`.
private func query(_ value: StyleValue, _ style: String, explode: Bool) -> String {
    var builder = RequestBuilder(operationID: "styles", method: .get)
    let separator = style == "spaceDelimited" ? " " : style == "pipeDelimited" ? "|" : ","
    switch value {
    case .primitive: builder.addQuery("color", string)
    case .array: builder.addQuery("color", items: array, explode: explode, separator: separator)
    case .object:
        builder.addQuery(
            "color", object: object, style: style == "deepObject" ? .deepObject : .form, explode: explode,
            separator: separator)
    }
    return String((builder.request.0.path ?? "").dropFirst())
}

@Test(arguments: [
    (StyleValue.primitive, "form", false, "color=blue"),
    (.primitive, "form", true, "color=blue"),
    (.array, "form", false, "color=blue,black,brown"),
    (.array, "form", true, "color=blue&color=black&color=brown"),
    (.object, "form", false, "color=R,100,G,200,B,150"),
    (.object, "form", true, "R=100&G=200&B=150"),
    (.array, "spaceDelimited", false, "color=blue%20black%20brown"),
    (.object, "spaceDelimited", false, "color=R%20100%20G%20200%20B%20150"),
    (.array, "pipeDelimited", false, "color=blue%7Cblack%7Cbrown"),
    (.object, "pipeDelimited", false, "color=R%7C100%7CG%7C200%7CB%7C150"),
    (.object, "deepObject", true, "color[R]=100&color[G]=200&color[B]=150"),
])
func queryStylesWriteTheSpecificationsExamples(value: StyleValue, style: String, explode: Bool, expected: String) {
    #expect(query(value, style, explode: explode) == expected)
}

@Test func thePathGoesBeforeTheQueryWhicheverIsWrittenFirst() throws {
    var builder = RequestBuilder(operationID: "order", method: .get)
    builder.appendPath("/plants/")
    builder.addQuery("q", "a b")
    try builder.appendPathParameter("rose?", field: "name")
    builder.addQuery("page", "2")
    builder.appendPath("/care")
    #expect(builder.request.0.path == "/plants/rose%3F/care?q=a%20b&page=2")
    var pathOnly = RequestBuilder(operationID: "order", method: .get)
    pathOnly.appendPath("/plants")
    #expect(pathOnly.request.0.path == "/plants")
}

@Test func headersAreSimpleAndCookiesAreForms() throws {
    var builder = RequestBuilder(operationID: "styles", method: .get)
    try builder.setHeader("X-Color", array.joined(separator: ","))
    try builder.setHeader("X-Object", object: object, explode: false)
    try builder.setHeader("X-Exploded", object: object, explode: true)
    try builder.addCookie("color", object: object, explode: false)
    try builder.addCookie("list", items: array, explode: false)
    let fields = builder.request.0.headerFields
    #expect(fields[HTTPField.Name("X-Color")!] == "blue,black,brown")
    #expect(fields[HTTPField.Name("X-Object")!] == "R,100,G,200,B,150")
    #expect(fields[HTTPField.Name("X-Exploded")!] == "R=100,G=200,B=150")
    // RFC 6265 leaves commas out of cookie values, so the form's commas travel percent-encoded.
    #expect(fields[.cookie] == "color=R%2C100%2CG%2C200%2CB%2C150; list=blue%2Cblack%2Cbrown")
}

@Test func absentPropertiesAreLeftOutAndReservedCharactersEncoded() throws {
    var builder = RequestBuilder(operationID: "styles", method: .get)
    builder.addQuery(
        "f", object: [("a b", "x&y"), ("gone", nil), ("c", "1,2")], style: .deepObject, explode: true, separator: ",")
    builder.addQuery("g", object: [("k", "v,w")], style: .form, explode: false, separator: ",")
    try builder.appendPathParameter(object: [("p", "a/b"), ("q", nil)], field: "o", style: .simple, explode: true)
    #expect(builder.request.0.path == "p=a%2Fb?f[a%20b]=x%26y&f[c]=1%2C2&g=k,v%2Cw")
}

@Test func allowReservedKeepsReservedCharactersThatLeaveTheQueryReadTheSameWay() {
    var builder = RequestBuilder(operationID: "styles", method: .get)
    builder.addQuery("path", "/docs/a b:c;d,e?f[0]@g!h$i'(j)*", allowReserved: true)
    builder.addQuery("pair", "a=b&c+d#e", allowReserved: true)
    builder.addQuery("plain", "/docs")
    #expect(
        builder.request.0.path
            == "?path=/docs/a%20b:c;d,e?f[0]@g!h$i'(j)*&pair=a%3Db%26c%2Bd%23e&plain=%2Fdocs")
}
