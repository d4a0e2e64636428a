"""Test helpers that are real servers and clients, not mocks."""
