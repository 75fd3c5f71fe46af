@_spi(Generated) import APIClientRuntime
import APIClientTesting
import Foundation
import HTTPTypes
import OpenAPIRuntime
import Shapes
import Testing

// The generated types of Tests/Fixtures/shapes.yaml on real JSON, decoded and encoded the way the client does: bodies
// arrive through the mock transport and leave as the bytes a request carries.

/// The plants `listPlants` decodes from a 200 response with this body.
func plants(_ json: String) async throws -> [Plant] {
    let transport = MockTransport(.init(status: .ok, headerFields: [HTTPField.Name("X-Total")!: "1"], body: json))
    let client = Client(transport: transport, apiKey: { "key" })
    guard case .ok(_, _, let body) = try await client.listPlants() else {
        Issue.record("not a 200")
        return []
    }
    return body
}

/// The error `listPlants` throws for a 200 response with this body.
func decodingFailure(_ json: String) async -> APIClientError? {
    do {
        _ = try await plants(json)
        return nil
    } catch {
        return error as? APIClientError
    }
}

/// A value encoded with the client's JSON coder, then parsed back into Foundation values to compare.
func jsonObject(_ value: some Encodable) throws -> NSDictionary {
    try #require(try JSONSerialization.jsonObject(with: JSONCoding.encode(value)) as? NSDictionary)
}

private let tree =
    #"{"name": "Oak", "id": 9007199254740993, "size": "large", "notes": null, "kind": {"type": "tree", "height": 12.5}}"#

@Suite struct AllOfMergedIntoOneStruct {
    @Test func decodesThePropertiesOfEveryPart() async throws {
        let plant = try #require(try await plants("[\(tree)]").first)
        #expect(plant.name == "Oak")
        #expect(plant.id == 9_007_199_254_740_993)
        #expect(plant.size == .large)
        #expect(plant.kind == .tree(Tree(type: "tree", height: 12.5)))
        #expect(plant.notes == nil)
        #expect(plant.additionalProperties.isEmpty)
    }

    @Test func aMissingPropertyRequiredByAnyPartFailsTheBody() async throws {
        let error = try #require(await decodingFailure(#"[{"name": "Oak", "notes": null, "kind": {"type": "herb"}}]"#))
        #expect(error.description.contains("size"), "\(error)")
    }
}

@Suite struct Nulls {
    @Test func aRequiredNullablePropertyIsEncodedAsNull() throws {
        let plant = Plant(name: "Fern", size: .small, kind: .herb(Herb(type: "herb")))
        let json = try jsonObject(plant)
        #expect(json["notes"] is NSNull)
        #expect(json["planted"] == nil, "an optional property without a value is left out")
        #expect(json["id"] == nil, "a read-only property without a value is left out")
    }

    @Test func aNullInsideAnArrayOfStringsFailsTheBody() async {
        let error = await decodingFailure(
            #"[{"name": "Oak", "aliases": [null], "size": "large", "notes": null, "kind": {"type": "herb"}}]"#)
        #expect(error != nil)
    }
}

@Suite struct OpenEnums {
    @Test func aValueTheDescriptionDoesNotListIsKeptAndReEncodedUnchanged() async throws {
        let json = tree.replacing(#""size": "large""#, with: #""size": "enormous""#)
        let plant = try #require(try await plants("[\(json)]").first)
        #expect(plant.size == .unrecognized("enormous"))
        #expect(plant.size.rawValue == "enormous")
        #expect(try jsonObject(plant)["size"] as? String == "enormous")
    }

    @Test func listedValuesAreCasesAndAllCasesListsOnlyThem() {
        #expect(Size(rawValue: "medium") == .medium)
        #expect(Size.allCases == [.small, .medium, .large])
    }
}

@Suite struct AdditionalPropertiesRoundTrip {
    @Test func unknownKeysAreKeptBesideTheListedOnes() async throws {
        let json = tree.replacing(
            #""name": "Oak""#,
            with: #""name": "Oak", "origin": {"country": "NZ"}, "votes": 3, "labels": {"shelf": "B2"}"#)
        let plant = try #require(try await plants("[\(json)]").first)
        #expect(plant.labels == ["shelf": "B2"])
        #expect(Set(plant.additionalProperties.keys) == ["origin", "votes"])
        let encoded = try jsonObject(plant)
        #expect(encoded["origin"] as? NSDictionary == ["country": "NZ"])
        #expect(encoded["votes"] as? Int == 3)
        #expect(encoded["labels"] as? NSDictionary == ["shelf": "B2"])
    }
}

@Suite struct Formats {
    @Test func aCalendarDateKeepsItsDayExactlyAndADateTimeKeepsSevenFractionDigitsToTheMicrosecond() async throws {
        let json = tree.replacing(
            #""name": "Oak""#,
            with: #""name": "Oak", "planted": "2024-02-29", "updated": "2024-03-01T10:20:30.1234567Z""#)
        let plant = try #require(try await plants("[\(json)]").first)
        #expect(plant.planted == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(plant.planted?.description == "2024-02-29")
        let updated = try #require(plant.updated)
        #expect(abs(updated.timeIntervalSince1970 - 1_709_288_430.1234567) < 0.000_001)
    }

    @Test func aDayThatDoesNotExistFailsTheBody() async {
        let json = tree.replacing(#""name": "Oak""#, with: #""name": "Oak", "planted": "2023-02-29""#)
        #expect(await decodingFailure("[\(json)]") != nil)
    }
}

@Suite struct OneOfWithADiscriminator {
    @Test func theMappedValuePicksTheCase() async throws {
        let json = tree.replacing(#"{"type": "tree", "height": 12.5}"#, with: #"{"type": "herb", "culinary": false}"#)
        let plant = try #require(try await plants("[\(json)]").first)
        #expect(plant.kind == .herb(Herb(type: "herb", culinary: false)))
    }

    @Test func theMappedCaseMustDecodeEvenWhenAnotherWould() async throws {
        // `tree` names Tree, which needs `height`; Herb would fit, but the discriminator has chosen.
        let json = tree.replacing(#"{"type": "tree", "height": 12.5}"#, with: #"{"type": "tree"}"#)
        let error = try #require(await decodingFailure("[\(json)]"))
        #expect(error.description.contains("height"), "\(error)")
    }

    @Test func anUnmappedValueFallsBackToTheFirstAlternativeThatFits() async throws {
        let json = tree.replacing(#"{"type": "tree", "height": 12.5}"#, with: #"{"type": "shrub"}"#)
        let plant = try #require(try await plants("[\(json)]").first)
        #expect(plant.kind == .herb(Herb(type: "shrub", culinary: nil)), "a default is not invented on decoding")
    }

    @Test func aDefaultIsTheInitializersDefault() {
        #expect(Herb(type: "herb").culinary == true)
    }

    @Test func encodesAsTheAlternativeItHolds() throws {
        #expect(try jsonObject(Kind.tree(Tree(type: "tree", height: 3))) == ["type": "tree", "height": 3])
    }
}

struct NotCreated: Error {}

/// An order decoded from JSON through `placeOrder`'s 201.
func order(_ json: String) async throws -> Order {
    let transport = MockTransport(.init(status: .created, headerFields: [.location: "/orders/1"], body: json))
    let client = Client(transport: transport, apiKey: { "key" })
    guard case .created(_, let order) = try await client.placeOrder(body: .init(plant: "fern", quantity: 1)) else {
        throw NotCreated()
    }
    return order
}

private let orderID = "0F5F1B2A-9C1D-4E8B-A7F3-2B6C1D0E9F84"

@Suite struct OneOfWithoutADiscriminator {
    @Test(arguments: [
        (#"3"#, Quantity.integer(3)),
        (#""many""#, Quantity.string(.many)),
        (#""plenty""#, Quantity.string(.unrecognized("plenty"))),
    ])
    func eachBranchDecodes(quantity: String, expected: Quantity) async throws {
        let decoded = try await order(#"{"id": "\#(orderID)", "status": "placed", "quantity": \#(quantity)}"#)
        #expect(decoded.quantity == expected)
    }

    @Test func aValueOfNoAlternativeSaysWhatEachOneSaid() async throws {
        do {
            _ = try await order(#"{"id": "\#(orderID)", "status": "placed", "quantity": true}"#)
            Issue.record("decoded a Boolean quantity")
        } catch {
            let text = "\(error)"
            #expect(text.contains("none of the alternatives of `Quantity`"), "\(text)")
            #expect(text.contains("`integer`: expected Int"), "\(text)")
            #expect(text.contains("`string`: expected String"), "\(text)")
        }
    }
}

@Suite struct AnyOf {
    @Test func holdsEachAlternativeThatDecoded() async throws {
        let both = try await order(
            #"{"id": "\#(orderID)", "status": "placed", "quantity": 1, "contact": {"email": "a@x.com", "phone": "1"}}"#)
        #expect(both.contact?.object?.email == "a@x.com")
        #expect(both.contact?.object2?.phone == "1")
        let one = try await order(
            #"{"id": "\#(orderID)", "status": "placed", "quantity": 1, "contact": {"phone": "1"}}"#)
        #expect(one.contact?.object == nil)
        #expect(one.contact?.object2?.phone == "1")
    }

    @Test func needsAtLeastOne() async throws {
        await #expect(throws: APIClientError.self) {
            try await order(#"{"id": "\#(orderID)", "status": "placed", "quantity": 1, "contact": {}}"#)
        }
    }

    @Test func encodesEveryPartIntoOneObject() throws {
        let contact = Contact(object: .init(email: "a@x.com"), object2: .init(phone: "1"))
        #expect(try jsonObject(contact) == ["email": "a@x.com", "phone": "1"])
    }
}

@Suite struct RecursionAndBytes {
    @Test func anOrderHoldsItsParentAndBase64Bytes() async throws {
        let decoded = try await order(
            #"{"id": "\#(orderID)", "status": "returned", "quantity": 2, "reference": "AAEC/w==", "parent": {"id": "\#(orderID)", "status": "shipped", "quantity": "some"}}"#
        )
        #expect(decoded.id == UUID(uuidString: orderID))
        #expect(decoded.status == .unrecognized("returned"))
        #expect(decoded.reference == Data([0, 1, 2, 255]))
        #expect(decoded.parent?.status == .shipped)
        #expect(decoded.parent?.quantity == .string(.some))
        #expect(decoded.parent?.parent == nil)
    }
}
