"""Fictional demo data for exploring peerdesk, for tests and for benchmarks."""

from peerdesk.services.demo.generator import generate_demo
from peerdesk.services.demo.options import DemoOptions, DemoSummary

__all__ = ["DemoOptions", "DemoSummary", "generate_demo"]
