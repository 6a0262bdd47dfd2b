package cli

import "runtime"

// goos is runtime.GOOS; a variable so path tests can pretend another system.
var goos = runtime.GOOS
