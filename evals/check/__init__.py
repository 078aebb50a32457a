"""Evals for the review checker (`python -m evals.check`)."""
