"""Language-model agents that propose designs; plain data in, plain data out (no h2h imports)."""
