@_spi(Generated) import APIClientRuntime
import APIDescription
import Testing

/// The generator folds the values an `x-apigen-loose-spelling` enum lists, and generated code folds what it
/// receives with the runtime's function; the two live in modules that do not depend on each other, so this keeps
/// them the same.
@Test(arguments: ["notStarted", "not started", "Not-Started", "NOT_STARTED", "in progress", "Ünïcode Ä", "", "a b-c_d"])
func theGeneratorAndTheRuntimeFoldSpellingsAlike(value: String) {
    #expect(foldedSpelling(value) == EnumSpelling.folded(value))
}

@Test func foldingIgnoresCaseSpacesHyphensAndUnderscoresOnly() {
    #expect(foldedSpelling("Not-Started") == "notstarted")
    // Only ASCII letters change case, so both sides fold the same whatever the platform's Unicode tables.
    #expect(foldedSpelling("Ünïcode Ä") == "ÜnïcodeÄ")
}
