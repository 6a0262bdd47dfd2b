// Package layout holds no code: its test guards the dependency rules of
// the layout (README "Layout") — only app/ and main import Wails, only store imports gorm, only
// report imports go-echarts, and the domain core imports the standard
// library alone.
package layout
