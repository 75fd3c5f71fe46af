import YAML

extension Loader {
    /// Reads `x-apigen-poll` of a response: what it says on its own, checked against the response's headers. The
    /// operation it names is checked once every operation is known (`checkPollLinks`).
    mutating func pollLink(_ entry: Node.Entry, headers: [Header]) -> PollLink? {
        let node = entry.value
        let what = "`x-apigen-poll`"
        guard let entries = mapping(node, what) else { return nil }
        checkKeys(
            entries, allowed: ["operation", "headers", "status", "succeeded", "failed", "canceled"], in: what)
        guard let operationNode = required(entries, "operation", in: node, what),
            let operationID = string(operationNode, "`operation`"),
            let statusNode = required(entries, "status", in: node, what),
            let statusProperty = string(statusNode, "`status`")
        else { return nil }
        var names = ["Location"]
        var namesLocation = entry.keyLocation
        if let headersNode = node["headers"], let items = sequence(headersNode, "`headers`") {
            names = items.compactMap { string($0, "A header name") }
            namesLocation = headersNode.location
            for (item, name) in zip(items, names) {
                guard let header = headers.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                    error(
                        item.location,
                        "The response documents no header `\(name)`; list headers of this response under `headers`, such as `Location`."
                    )
                    continue
                }
                checkLocationHeader(header, at: item.location)
            }
        } else if let header = headers.first(where: { $0.name.lowercased() == "location" }) {
            checkLocationHeader(header, at: entry.keyLocation)
        } else {
            error(
                entry.keyLocation,
                "The response documents no `Location` header; document the header that names the operation, or list it under `headers`."
            )
        }
        if names.isEmpty { error(namesLocation, "`headers` is empty; name at least one header of this response.") }
        var terminal: [PollLink.TerminalStatus] = []
        for outcome in PollLink.Outcome.allCases {
            guard let listNode = node[outcome.rawValue] else { continue }
            guard let items = sequence(listNode, "`\(outcome.rawValue)`") else { continue }
            for item in items {
                guard let value = string(item, "A status value") else { continue }
                if let other = terminal.first(where: { $0.value == value }) {
                    error(
                        item.location,
                        "The status `\(value)` is already listed under `\(other.outcome.rawValue)`; a status ends an operation one way."
                    )
                    continue
                }
                terminal.append(PollLink.TerminalStatus(value: value, outcome: outcome, location: item.location))
            }
        }
        if !terminal.contains(where: { $0.outcome == .succeeded }) {
            error(
                entry.keyLocation,
                "`x-apigen-poll` lists no `succeeded` status; list the status values that mean the operation finished, such as `succeeded: [succeeded]`."
            )
        }
        return PollLink(
            operationID: operationID, headers: names, statusProperty: statusProperty, terminalStatuses: terminal,
            resourceSchema: "", location: entry.keyLocation)
    }

    /// Checks that a header that names an operation holds a URL reference: a string without a format of its own
    /// type, such as `uri`, `uri-reference` or none.
    private mutating func checkLocationHeader(_ header: Header, at location: SourceLocation) {
        let schema = resolvedSchema(header.schema)
        if case .string(let format) = schema.kind, !["uuid", "date", "date-time", "byte", "binary"].contains(format) {
            return
        }
        error(
            location,
            "The header `\(header.name)` does not hold a URL reference, so it cannot name an operation; give it a string schema, such as `format: uri-reference`."
        )
    }

    /// Checks each response's `x-apigen-poll` against the operation it names, and records the state resource's
    /// schema; a link with a problem is reported and dropped.
    mutating func checkPollLinks(_ operations: [Operation]) -> [Operation] {
        operations.map { operation in
            var operation = operation
            for index in operation.responses.indices {
                guard let link = operation.responses[index].poll else { continue }
                operation.responses[index].poll = checkedPollLink(link, operations: operations)
            }
            return operation
        }
    }

    private mutating func checkedPollLink(_ link: PollLink, operations: [Operation]) -> PollLink? {
        guard let target = operations.first(where: { $0.id == link.operationID }) else {
            var message =
                "`x-apigen-poll` names the operation `\(link.operationID)`, which the description does not have."
            if let near = closestMatch(to: link.operationID, in: operations.map(\.id)) {
                message += " Did you mean `\(near)`?"
            }
            error(link.location, message)
            return nil
        }
        guard target.method == .get else {
            error(
                link.location,
                "`x-apigen-poll` names `\(link.operationID)`, a \(target.method.rawValue.uppercased()) operation; the client reads an operation's state with GET, so name a GET operation."
            )
            return nil
        }
        guard let resourceName = pollResource(of: target) else {
            error(
                link.location,
                "`\(link.operationID)` has no 2xx JSON body that is a `$ref` to a named object schema (or a `oneOf` of one and an array of it), so the state of an operation cannot be read from it."
            )
            return nil
        }
        let resource = resolvedSchema(Schema(kind: .reference(resourceName), location: link.location))
        guard case .object(let properties) = resource.kind,
            let status = properties.first(where: { $0.name == link.statusProperty })
        else {
            error(
                link.location,
                "The schema `\(resourceName)` has no property `\(link.statusProperty)` to read the status from; name one of its properties under `status`."
            )
            return nil
        }
        let statusSchema = resolvedSchema(status.schema)
        guard case .string = statusSchema.kind else {
            error(
                link.location,
                "The property `\(link.statusProperty)` of `\(resourceName)` is not a string, so its values cannot be statuses."
            )
            return nil
        }
        var isValid = true
        if !statusSchema.enumValues.isEmpty {
            let loosely = statusSchema.matchesLoosely
            let fold = { (value: String) in loosely ? foldedSpelling(value) : value }
            let listed = Set(statusSchema.enumValues.map(fold))
            for status in link.terminalStatuses where !listed.contains(fold(status.value)) {
                error(
                    status.location,
                    "`\(status.value)` is not a value of `\(link.statusProperty)`; use one of \(statusSchema.enumValues.map { "`\($0)`" }.joined(separator: ", "))."
                )
                isValid = false
            }
        }
        guard isValid else { return nil }
        var checked = link
        checked.resourceSchema = resourceName
        return checked
    }

    /// The named schema of the state an operation reads: its first 2xx JSON body, when that is a reference to a
    /// named object schema, or a `oneOf` of such a reference and an array of it.
    private func pollResource(of operation: Operation) -> String? {
        guard
            let body = operation.responses.lazy.filter(\.status.isSuccess).compactMap(\.json).first?.schema
        else { return nil }
        func objectName(_ schema: Schema) -> String? {
            guard case .reference(let name) = schema.kind, case .object = resolvedSchema(schema).kind else {
                return nil
            }
            return name
        }
        if let name = objectName(body) { return name }
        guard case .oneOf(let alternatives) = body.kind, alternatives.count == 2 else { return nil }
        for (single, list) in [(alternatives[0], alternatives[1]), (alternatives[1], alternatives[0])] {
            if let name = objectName(single), case .array(let items) = resolvedSchema(list).kind,
                objectName(items) == name
            {
                return name
            }
        }
        return nil
    }
}
