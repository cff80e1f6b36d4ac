// Resolution: placeholder until the module lands.
