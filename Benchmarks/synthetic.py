#!/usr/bin/env python3
"""Prints a synthetic OpenAPI description of N operations shaped like Cancel, each with its own path, operation ID and
schemas, for benchmarks. With --anchors, the repeated parts (parameters, the 202 response, the error properties) are
written once and shared through YAML anchors and aliases.

Usage: python3 Benchmarks/synthetic.py 1000 [--anchors] > synthetic-1000.yaml
"""
import sys


def operation(index, anchors):
    first = index == 0
    if anchors and not first:
        parameters = "*parameters"
        accepted = "*accepted"
    else:
        parameters = ("&parameters" if anchors else "") + """
        - {name: publisherId, in: path, required: true, schema: {type: string}}
        - {name: offerId, in: path, required: true, schema: {type: string}}
        - {name: api-version, in: query, required: true, schema: {type: string, default: '2017-10-31'}}"""
        accepted = ("&accepted" if anchors else "") + """
          description: Accepted.
          headers:
            Location: {required: true, schema: {type: string}}"""
    return f"""  /api/publishers/{{publisherId}}/offers/{{offerId}}/cancel{index}:
    post:
      operationId: cancelOperation{index}
      summary: Cancels operation {index}.
      parameters: {parameters}
      requestBody:
        required: true
        content:
          application/json:
            schema: {{$ref: '#/components/schemas/Request{index}'}}
      responses:
        '200': {{description: Cancelled.}}
        '202': {accepted}
        '400':
          description: Bad request.
          content:
            application/json:
              schema: {{$ref: '#/components/schemas/Error{index}'}}
"""


def schemas(index, anchors):
    if anchors and index > 0:
        error = "*errorProperties"
    else:
        error = ("&errorProperties " if anchors else "") + "{code: {type: string}, message: {type: string}}"
    return f"""    Request{index}:
      type: object
      required: [metadata]
      properties:
        metadata:
          type: object
          properties:
            notification-emails: {{type: string, x-apigen-delimiter: ','}}
    Error{index}:
      type: object
      properties: {error}
"""


def main():
    if len(sys.argv) < 2 or not sys.argv[1].isdigit():
        sys.exit(__doc__)
    count = int(sys.argv[1])
    anchors = "--anchors" in sys.argv[2:]
    out = sys.stdout
    out.write("openapi: 3.0.3\ninfo: {title: Synthetic, version: '1'}\nservers: [{url: 'https://example.com'}]\n")
    out.write("paths:\n")
    for index in range(count):
        out.write(operation(index, anchors))
    out.write("components:\n  schemas:\n")
    for index in range(count):
        out.write(schemas(index, anchors))


main()
