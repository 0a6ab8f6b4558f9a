package main

import "github.com/seclint/seclint"

func seclintVersion() string { return seclint.Version }
