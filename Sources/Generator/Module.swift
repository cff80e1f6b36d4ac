// Generator: placeholder until the module lands.
