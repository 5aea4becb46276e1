"""Storage: the encrypted review file (SQLCipher + SQLAlchemy 2), its schema, migrations and backups."""
