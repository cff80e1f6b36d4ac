print("crm-bench: lands with the ingest and generator modules")
