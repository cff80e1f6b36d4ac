// Query: placeholder until the module lands.
