"""The funding service's RPC methods, in mixins by subject; `service.FundingService` joins them.
Each method parses its payload, calls one use case and returns a JSON-ready answer."""
