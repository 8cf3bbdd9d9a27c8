"""Fictional demo data for exploring peerdesk, for tests and for benchmarks."""

from peerdesk.services.demo.generator import DemoOptions, DemoSummary, generate_demo

__all__ = ["DemoOptions", "DemoSummary", "generate_demo"]
