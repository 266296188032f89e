"""The I/O shell around :mod:`boards`: HTTP, websockets, the store, fan-out."""
