//go:build bindings

package app

// generatingBindings is true in the build `wails generate module` runs only to
// read the bound methods; it must not touch the user's workspace.
const generatingBindings = true
