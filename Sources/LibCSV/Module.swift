// LibCSV: placeholder until the module lands.
