package msg

// A new group's guided start (backend/start).

func init() { register(zhStart, enStart) }

var zhStart = map[string]string{
	"start.step_invalid": "没有“{value}”这一步。",
}

var enStart = map[string]string{
	"start.step_invalid": "There is no step “{value}”.",
}
