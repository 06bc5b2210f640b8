"""Steps that change the ledger. Each one reads, decides and writes inside the write lock."""
