// Snapshot: placeholder until the module lands.
