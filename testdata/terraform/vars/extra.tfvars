v_varfile = "varfile"
v_cli     = "varfile"
v_list    = ["a", "b"]
