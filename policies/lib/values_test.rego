package seclint.lib_test

import data.seclint.lib

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

test_unknown_is_not_known if {
	lib.is_unknown(unknown)
	not lib.is_known(unknown)
	lib.is_known("x")
	lib.is_known(false)
	not lib.is_unknown("x")
}

test_false_or_absent if {
	lib.false_or_absent({}, "a")
	lib.false_or_absent({"a": false}, "a")
	lib.false_or_absent({"a": null}, "a")
	not lib.false_or_absent({"a": true}, "a")
	not lib.false_or_absent({"a": unknown}, "a")
}

test_is_true_and_false_never_hold_on_unknown if {
	not lib.is_true(unknown)
	not lib.is_false(unknown)
	lib.is_true(true)
	lib.is_false(false)
}

test_equals_ci if {
	lib.equals_ci("Allow", "allow")
	not lib.equals_ci(unknown, "allow")
}

test_known_not_in if {
	lib.known_not_in("a", {"b"})
	not lib.known_not_in("b", {"b"})
	not lib.known_not_in(unknown, {"b"})
}

test_path if {
	lib.path(["statements", 0, "actions", 12]) == "statements[0].actions[12]"
	lib.path(["public_access_block", "block_public_acls"]) == "public_access_block.block_public_acls"
	lib.path(["acl"]) == "acl"
}
