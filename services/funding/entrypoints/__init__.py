"""nameko entrypoints of the funding service, in mixins by subject (the same file names as in
`schemas/`, `usecases/` and `db/`); `service.FundingService` composes them. Each method parses its
payload, calls one use case and returns a JSON-ready answer."""
