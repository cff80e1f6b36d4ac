print("crm-bench")
