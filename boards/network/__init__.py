"""A learning network: a log of its own across its sessions (docs/network.md). Pure, no I/O."""
