v_auto_a  = "auto-a"
v_auto_b  = "auto-a"
v_varfile = "auto-a"
v_cli     = "auto-a"
