"""What every stage shares: our error types, optional imports, shipped resources, Arabic letters, atomic writing, locks, a process pool."""
