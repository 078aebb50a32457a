"""The library's own exceptions. The CLI and UI turn them into one-line Chinese messages."""


class AssistantError(Exception):
    """Base class for errors the user can act on."""


class InputError(AssistantError):
    """Bad input: a missing file, a wrong column, a malformed outline or rule file."""


class IndexError_(AssistantError):
    """The knowledge base is missing, corrupt or was built with another embedder."""


class LLMError(AssistantError):
    """The optional LLM backend failed (callers fall back to the deterministic path)."""
