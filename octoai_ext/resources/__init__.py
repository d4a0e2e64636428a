"""The resource facades of the clients, each module holding a sync and an asyncio twin."""
