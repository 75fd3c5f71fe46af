import Testing

@testable import apigen

@Test func helpExamplesSurviveAnEightyColumnTerminalWhole() {
    let help = Generate.helpMessage(columns: 80)
    #expect(help.split(separator: "\n").allSatisfy { $0.count <= 80 })
    // Each example is a whole command, continued after a backslash, so copying its lines runs it as written.
    #expect(
        help.contains(
            """
              apigen generate api-spec/cloud-partner-portal.yaml \\
                --output Generated/CloudPartnerPortal --check

            """))
    let commandLines = help.split(separator: "\n").filter { $0.contains("apigen generate ") }
    #expect(commandLines.count == 2)
    #expect(commandLines.allSatisfy { $0.hasSuffix(" \\") })
}
