package app

import (
	"context"

	"qunzhu/backend/msg"
	"qunzhu/backend/service/teamsvc"
)

// EventMoveProgress carries the phase of a running move (teamsvc.MoveStep:
// checking, copying, done) to the 迁移工作区 screen.
const EventMoveProgress = "move:progress"

// MoveTableDTO is one table's rows, copied and counted.
type MoveTableDTO struct {
	Table string `json:"table"`
	Rows  int64  `json:"rows"`
}

// MoveResultDTO is a finished move: the two ends without passwords, every
// table's checked count, and the kind of the new workspace.
type MoveResultDTO struct {
	From   string         `json:"from"`
	To     string         `json:"to"`
	ToMode string         `json:"toMode"` // local | server
	Tables []MoveTableDTO `json:"tables"`
	Rows   int64          `json:"rows"`
}

// MoveWorkspace copies the workspace at from into the empty one at to (a
// file path or a postgres:// URL each), emitting each phase. The window
// keeps working on the open workspace: the new one is used after
// UseDatabase and a restart.
func (t *TeamService) MoveWorkspace(from, to string) (MoveResultDTO, error) {
	ctx, cancel := context.WithCancel(t.app.context())
	defer cancel()
	t.mu.Lock()
	t.cancelMove = cancel
	t.mu.Unlock()
	res, err := teamsvc.Move(ctx, teamsvc.MoveInput{From: from, To: to}, func(s teamsvc.MoveStep) {
		t.app.emit(EventMoveProgress, string(s))
	})
	if err != nil {
		return MoveResultDTO{}, err
	}
	out := MoveResultDTO{From: res.From, To: res.To, ToMode: res.ToMode, Rows: res.Rows, Tables: []MoveTableDTO{}}
	for _, c := range res.Tables {
		out.Tables = append(out.Tables, MoveTableDTO{Table: c.Table, Rows: c.Rows})
	}
	return out, nil
}

// CancelMove stops a running move: its one transaction on the target is
// rolled back, so the target stays empty and the source is untouched.
func (t *TeamService) CancelMove() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.cancelMove != nil {
		t.cancelMove()
	}
}

// ChooseMoveFile asks where a workspace moved to a local file is written;
// "" when the dialog was cancelled.
func (t *TeamService) ChooseMoveFile() (string, error) {
	l := t.app.lang()
	return t.app.saveDialog(msg.T(l, "app.move_file_title", nil), "qunzhu-workspace.db", msg.T(l, "app.filter_workspace", nil), "db")
}
