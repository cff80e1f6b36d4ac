// Cleaning: placeholder until the module lands.
