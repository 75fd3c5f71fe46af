import Foundation
import Generator
import Testing
import YAML

/// How many random descriptions to generate, and how many of the accepted ones to compile; CI raises both through
/// the environment (`APIGEN_RANDOM_DESCRIPTIONS`, `APIGEN_RANDOM_COMPILE`, `APIGEN_RANDOM_FIRST_SEED`).
private func setting(_ name: String, default value: Int) -> Int {
    ProcessInfo.processInfo.environment[name].flatMap(Int.init) ?? value
}

/// One random description's outcome.
private struct Trial {
    var seed: UInt64
    var yaml: String
    var files: [GeneratedFile]?
    /// The first error, for a refused description.
    var refusal: String?
    var seconds: Double
}

private func runTrials() -> [Trial] {
    let count = setting("APIGEN_RANDOM_DESCRIPTIONS", default: 600)
    let first = UInt64(setting("APIGEN_RANDOM_FIRST_SEED", default: 1))
    // The description being generated is kept on disk, so that a crash leaves the input that caused it.
    let last = FileManager.default.temporaryDirectory.appending(path: "apigen-random-description.yaml")
    var trials: [Trial] = []
    for seed in first..<(first + UInt64(count)) {
        var grammar = RandomDescription(seed: seed)
        let yaml = grammar.yaml()
        try? Data(yaml.utf8).write(to: last)
        let clock = ContinuousClock()
        var files: [GeneratedFile]?
        var refusal: String?
        let elapsed = clock.measure {
            do {
                files = try Pipeline.generate(Array(yaml.utf8), path: "random.yaml", sourceName: "random.yaml").files
            } catch let error as DiagnosticError {
                refusal = error.diagnostics.first { $0.severity == .error }?.message
            } catch {
                refusal = "\(error)"
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        trials.append(Trial(seed: seed, yaml: yaml, files: files, refusal: refusal, seconds: seconds))
    }
    return trials
}

private let trials = runTrials()

@Test func randomDescriptionsNeverCrashOrRunLong() {
    let accepted = trials.filter { $0.files != nil }
    print(
        "Random descriptions: \(trials.count) generated, \(accepted.count) accepted, slowest \(trials.map(\.seconds).max() ?? 0) s"
    )
    // What refuses the others, with names left out, so that a false refusal stands out.
    var reasons: [String: Int] = [:]
    for case let refusal? in trials.map(\.refusal) {
        let parts = refusal.split(separator: "`", omittingEmptySubsequences: false)
        let shape = parts.enumerated().map { $0.offset % 2 == 1 ? "…" : String($0.element) }.joined()
        reasons[shape, default: 0] += 1
    }
    if let env = ProcessInfo.processInfo.environment["APIGEN_RANDOM_SHOW"] {
        for trial in trials where trial.refusal?.contains(env) == true {
            print(trial.yaml)
            break
        }
    }
    for (reason, count) in reasons.sorted(by: { $0.value > $1.value }).prefix(8) {
        print("  \(count) refused: \(reason)")
    }
    for trial in trials where trial.seconds > 5 {
        Issue.record("seed \(trial.seed) took \(trial.seconds) s:\n\(trial.yaml)")
    }
    // A grammar that only makes refused descriptions would test nothing past the loader.
    #expect(accepted.count * 4 > trials.count)
    // Nor one whose shared components never give types of their own.
    let sharing = accepted.filter { trial in
        trial.files!.contains { file in
            ["responses", "requestBodies", "parameters"].contains {
                file.contents.contains("/// Generated from `#/components/\($0)/")
            }
        }
    }
    print("Random descriptions: \(sharing.count) accepted with types of shared components")
    #expect(sharing.count * 20 > accepted.count)
}

@Test func acceptedRandomDescriptionsCompileWithoutWarnings() async throws {
    let sample = Array(trials.filter { $0.files != nil }.prefix(setting("APIGEN_RANDOM_COMPILE", default: 16)))
    let failures = try await withThrowingTaskGroup(of: String?.self) { group in
        var pending = sample[...]
        var failures: [String] = []
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        func next() {
            guard let trial = pending.popFirst() else { return }
            group.addTask {
                let output: String
                do {
                    output = try typeCheck(trial.files!, module: "Random\(trial.seed)")
                } catch let failure as CompileFailure {
                    output = failure.output
                }
                return output.isEmpty ? nil : "seed \(trial.seed):\n\(trial.yaml)\n\(output)"
            }
        }
        for _ in 0..<width { next() }
        while let result = try await group.next() {
            if let result { failures.append(result) }
            next()
        }
        return failures
    }
    print("Random descriptions: compiled \(sample.count), \(failures.count) with errors or warnings")
    for failure in failures.prefix(10) { Issue.record(Comment(rawValue: failure)) }
    #expect(failures.count == 0)
}
