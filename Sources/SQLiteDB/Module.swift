// SQLiteDB: placeholder until the module lands.
