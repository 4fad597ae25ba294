"""Gateway routes, one module per area of the API; `GatewayService` composes them."""
