package store

import (
	"context"
	"errors"
	"strings"
	"time"

	"gorm.io/gorm"
)

// A writer that finds another import holding the lock it needs waits for
// it instead of failing: SQLite's busy timeout (10 s, sqliteDSN) is shorter
// than a large import, and "database is locked (SQLITE_BUSY)" tells the
// operator nothing they can act on. The caller may ask to be told once that
// it is waiting (WithWaitNotice), to say so; it stops waiting when its
// context ends.

type waitNoticeKey struct{}

// WithWaitNotice returns ctx carrying notice, which a write transaction
// begun with it calls once if it has to wait for another import (SQLite:
// any other write; PostgreSQL: an import into the same group) before it can
// start. notice may be nil.
func WithWaitNotice(ctx context.Context, notice func()) context.Context {
	if notice == nil {
		return ctx
	}
	return context.WithValue(ctx, waitNoticeKey{}, notice)
}

// waiter tells the notice of ctx, once, that its writer is waiting.
type waiter struct {
	notice func()
	told   bool
}

func waiterOf(ctx context.Context) *waiter {
	if ctx == nil {
		return &waiter{}
	}
	n, _ := ctx.Value(waitNoticeKey{}).(func())
	return &waiter{notice: n}
}

func (w *waiter) waiting() {
	if !w.told && w.notice != nil {
		w.told = true
		w.notice()
	}
}

// importBusyTry is how long one attempt to begin an import's transaction
// waits on SQLite before the import says it is waiting and tries again:
// short, so the notice comes early, long enough that a quick write in
// between (a note saved) never shows it.
const importBusyTry = time.Second

// isBusy reports whether err is SQLite's "database is locked" (SQLITE_BUSY,
// code 5 with any extended code).
func isBusy(err error) bool {
	var coded interface{ Code() int }
	if errors.As(err, &coded) {
		return coded.Code()&0xff == 5
	}
	return err != nil && strings.Contains(err.Error(), "SQLITE_BUSY")
}

// beginWaiting begins a write transaction on the connection db works on
// (onConn), waiting as long as ctx lasts while another writer holds
// SQLite's write lock, and telling w. setBusy sets that connection's busy
// timeout: short while it tries, the workspace's (sqliteBusyTimeout) again
// once begun.
func beginWaiting(ctx context.Context, w *waiter, db *gorm.DB, setBusy func(time.Duration) error) (*gorm.DB, error) {
	if err := setBusy(importBusyTry); err != nil {
		return nil, err
	}
	var tx *gorm.DB
	var err error
	for {
		tx = db.Begin()
		if err = tx.Error; err == nil || !isBusy(err) {
			break
		}
		w.waiting()
		if err = ctx.Err(); err != nil {
			break
		}
	}
	if err != nil {
		if tx.Error == nil {
			tx.Rollback()
		}
		// Set back on a background context, so a cancelled wait too hands
		// the pool a connection with the workspace's timeout.
		setBusy(sqliteBusyTimeout)
		return nil, err
	}
	if err := setBusy(sqliteBusyTimeout); err != nil {
		tx.Rollback()
		return nil, err
	}
	return tx, nil
}

// writeTurn is this process's one turn to write a SQLite workspace: SQLite
// lets one writer at a time in, and a writer waiting for it inside the
// process waits here, holding nothing, rather than on the write lock while
// holding one of the pool's four connections. Several writes queued behind
// a long import took every connection that way, and a screen's reads then
// waited for the import too. Writers in other processes still meet at
// SQLite's lock (beginWaiting). Nil on PostgreSQL, whose locks queue
// writers server-side.
type writeTurn chan struct{}

// take waits for the turn as long as ctx lasts, telling w if it has to
// wait, and returns the func that gives the turn back.
func (t writeTurn) take(ctx context.Context, w *waiter) (func(), error) {
	if t == nil {
		return func() {}, nil
	}
	select {
	case t <- struct{}{}:
	default:
		w.waiting()
		select {
		case t <- struct{}{}:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return func() { <-t }, nil
}

// write runs fn in one write transaction, like gorm's Transaction, except
// that on SQLite it waits for the write lock as long as ctx lasts (saying
// so through ctx's notice) instead of failing after the busy timeout: a
// note saved, a tier set or an undo made while a large import holds the
// lock goes through when the import ends. It waits for this process's
// write turn first (writeTurn), then runs on a connection of its own so the
// short busy timeout of the attempts (beginWaiting) never reaches another
// caller. On PostgreSQL row and advisory locks already queue without a
// timeout.
//
// fn must not call write again: the turn is the caller's until it returns.
func (s *Store) write(ctx context.Context, fn func(tx *gorm.DB) error) error {
	if isPostgres(s.db) {
		return s.db.WithContext(ctx).Transaction(fn)
	}
	w := waiterOf(ctx)
	give, err := s.turn.take(ctx, w)
	if err != nil {
		return err
	}
	defer give()
	c, err := poolConn(ctx, s.db)
	if err != nil {
		return err
	}
	defer c.Close()
	tx, err := beginWaiting(ctx, w, onConn(s.db, ctx, c), busySetter(c))
	if err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			tx.Rollback() // fn failed or panicked: the panic goes on
		}
	}()
	if err = fn(tx); err != nil {
		return err
	}
	done = true
	return tx.Commit().Error
}
