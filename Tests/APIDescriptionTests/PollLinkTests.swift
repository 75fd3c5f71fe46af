import APIDescription
import Testing
import YAML

// `x-apigen-poll`: how a response that starts a long-running operation is followed, and each mistake in it.

/// A description with an operation whose 202 names a job, and the operation that reads a job's state.
private let jobs = """
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
                Location: {schema: {type: string, format: uri-reference}}
                Job-Id: {schema: {type: integer}}
              x-apigen-poll:
                operation: getJob
                status: state
                succeeded: [done]
                failed: [failed]
      /jobs/{id}:
        get:
          operationId: getJob
          parameters:
            - {name: id, in: path, required: true, schema: {type: string}}
          responses:
            '200':
              description: The job.
              content:
                application/json:
                  schema:
                    oneOf:
                      - $ref: '#/components/schemas/Job'
                      - {type: array, items: {$ref: '#/components/schemas/Job'}}
    components:
      schemas:
        Job:
          type: object
          properties:
            state: {type: string, enum: [queued, Running, done, failed], x-apigen-loose-spelling: true}
    """

/// Every diagnostic of the jobs description with one replacement, as `line:column: severity: message`.
private func problems(replacing old: String, with new: String) -> [String] {
    #expect(jobs.contains(old), "the jobs description has no `\(old)`")
    do {
        _ = try DescriptionLoader.load(YAMLParser.parse(Array(jobs.replacing(old, with: new).utf8), file: "d.yaml"))
        return []
    } catch {
        return error.diagnostics.map {
            "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)"
        }
    }
}

@Test func aPollLinkLoadsWithTheResourceFromTheOneOfOfItAndAnArrayOfIt() throws {
    let document = try DescriptionLoader.load(YAMLParser.parse(Array(jobs.utf8), file: "d.yaml")).document
    let link = try #require(document.operations.first?.responses.first?.poll)
    #expect(link.operationID == "getJob")
    #expect(link.headers == ["Location"])
    #expect(link.statusProperty == "state")
    #expect(link.resourceSchema == "Job")
    #expect(link.terminalStatuses.map(\.value) == ["done", "failed"])
    #expect(link.terminalStatuses.map(\.outcome) == [.succeeded, .failed])
    #expect(link.terminalStatuses.first?.location.line == 16)
}

@Test func anUnknownOperationIsLocatedWithTheNearestName() {
    #expect(
        problems(replacing: "operation: getJob", with: "operation: getJobs") == [
            "13:11: error: `x-apigen-poll` names the operation `getJobs`, which the description does not have. Did you mean `getJob`?"
        ])
}

@Test func theReadingOperationMustBeAGet() {
    #expect(
        problems(replacing: "operation: getJob", with: "operation: startExport") == [
            "13:11: error: `x-apigen-poll` names `startExport`, a POST operation; the client reads an operation's state with GET, so name a GET operation."
        ])
}

@Test func statusesMustBeValuesOfTheStatusProperty() {
    #expect(
        problems(replacing: "succeeded: [done]", with: "succeeded: [finished]") == [
            "16:25: error: `finished` is not a value of `state`; use one of `queued`, `Running`, `done`, `failed`."
        ])
    // Loose spelling: `DONE` is `done`.
    #expect(problems(replacing: "succeeded: [done]", with: "succeeded: [DONE]").isEmpty)
    #expect(
        problems(replacing: "status: state", with: "status: phase") == [
            "13:11: error: The schema `Job` has no property `phase` to read the status from; name one of its properties under `status`."
        ])
}

@Test func theHeadersMustBeDocumentedAndHoldReferences() {
    #expect(
        problems(replacing: "status: state\n", with: "status: state\n            headers: [Location, Retry]\n") == [
            "16:33: error: The response documents no header `Retry`; list headers of this response under `headers`, such as `Location`."
        ])
    #expect(
        problems(replacing: "status: state\n", with: "status: state\n            headers: [Job-Id]\n") == [
            "16:23: error: The header `Job-Id` does not hold a URL reference, so it cannot name an operation; give it a string schema, such as `format: uri-reference`."
        ])
}

@Test func aLinkNeedsASucceededStatusAndEachStatusEndsOneWay() {
    #expect(
        problems(replacing: "succeeded: [done]", with: "succeeded: []") == [
            "13:11: error: `x-apigen-poll` lists no `succeeded` status; list the status values that mean the operation finished, such as `succeeded: [succeeded]`."
        ])
    #expect(
        problems(replacing: "failed: [failed]", with: "failed: [done]") == [
            "17:22: error: The status `done` is already listed under `succeeded`; a status ends an operation one way."
        ])
}

@Test func looseSpellingNeedsValuesThatStayApart() {
    #expect(
        problems(replacing: "[queued, Running, done, failed]", with: "[queued, Running, running, done, failed]") == [
            "37:104: error: `Running` and `running` are one value under `x-apigen-loose-spelling`, which ignores letter case, spaces, `-` and `_`; list only one of them."
        ])
}
