// Package docs holds the definitions of what the code implements (the .md
// files of this folder) and no code: its test keeps the code's citations of
// them true.
package docs
