// Analytics: placeholder until the module lands.
