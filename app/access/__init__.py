"""Who may call: API keys and their scopes, authentication, rate limits and work limits."""
