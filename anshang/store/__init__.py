"""The edge to the disk: YAML reading and atomic writing, the write lock, the ledger folder
and its cache, the file schema, the settings, and the one loader every command reads through."""
