package domain

// SavedWeek is a group-week's computed figures as the Overview's cache
// keeps them in the workspace: serialised figures, the key they were saved
// under (the ISO week and the figures' format) and the generation of the
// group's data they were computed from.
type SavedWeek struct {
	GroupID    int64
	Key        string
	Generation int64
	Figures    []byte
}
