import Dispatch
import Testing

@testable import SwiftCodegen

/// Counts what `collect` sees, from whichever thread calls it.
private final class Collected: @unchecked Sendable {
    let lock = DispatchSemaphore(value: 1)
    var indexes: [Int] = []
    var inside = 0
    var overlapped = false
}

@Test(arguments: [(0, 2), (1, 2), (2, 2), (97, 2), (97, 3), (300, 8)])
func resultsAreCollectedInOrderOneAtATimeWhateverTheirCost(count: Int, threads: Int) {
    let collected = Collected()
    Translator.inOrder(count, threads: threads) { index in
        // Uneven work: every seventh index takes far longer, so later ones finish first.
        var sum = 0
        for step in 0..<(index % 7 == 0 ? 200_000 : 500) { sum &+= step ^ index }
        return (index, sum)
    } collect: { result in
        collected.lock.wait()
        collected.inside += 1
        if collected.inside > 1 { collected.overlapped = true }
        collected.lock.signal()
        collected.indexes.append(result.0)
        collected.lock.wait()
        collected.inside -= 1
        collected.lock.signal()
    }
    #expect(collected.indexes == Array(0..<count))
    #expect(!collected.overlapped)
}
