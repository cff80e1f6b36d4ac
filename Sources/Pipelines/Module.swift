// Pipelines: placeholder until the module lands.
