import APIDescription
import SwiftCodegen
import YAML

/// libFuzzer's entry point: the bytes go through every stage the generator has, from YAML to printed Swift. Any crash,
/// leak or hang here is a bug; errors are the expected answer to most inputs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let root = try? YAMLParser.parse(bytes, file: "fuzz.yaml", limits: ParseLimits(maxBytes: 1 << 20)),
        let (document, _) = try? DescriptionLoader.load(root)
    else { return 0 }
    Translator(document: document).translateFiles {
        Printer.render($0, header: ["fuzz"])
    } emit: { _ in
    }
    return 0
}
