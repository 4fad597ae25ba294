"""Authentication at the gateway: bearer tokens (RFC 8725 rules) from the builtin issuer or an OIDC
provider."""
