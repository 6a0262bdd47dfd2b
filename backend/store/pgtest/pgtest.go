// Package pgtest runs a package's tests against a PostgreSQL server when
// QUNZHU_TEST_PG names one (tests/pg/with-postgres.sh starts a throw-away
// server and sets it). Each workspace file a test would open becomes a fresh
// database on that server, dropped when the package's tests end; reopening
// the same file path reopens the same database.
package pgtest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"sync"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

// EnvURL names the server (a URL of a database the tests may connect to and
// create databases from, e.g. postgres://u:p@127.0.0.1:5432/postgres).
const EnvURL = "QUNZHU_TEST_PG"

// Enabled reports whether this test run goes to PostgreSQL.
func Enabled() bool { return os.Getenv(EnvURL) != "" }

// Main runs the tests; set, when enabled, is given the path-to-URL mapping
// to install (store.RedirectForTests: pgtest cannot import the store, whose
// own tests use it too).
func Main(m *testing.M, set func(func(path string) string)) {
	base := os.Getenv(EnvURL)
	if base == "" {
		os.Exit(m.Run())
	}
	r, err := newRedirector(base)
	if err != nil {
		fmt.Fprintf(os.Stderr, "pgtest: %v\n", err)
		os.Exit(1)
	}
	set(r.url)
	code := m.Run()
	set(nil)
	if err := r.dropAll(); err != nil {
		fmt.Fprintf(os.Stderr, "pgtest: %v\n", err)
		if code == 0 {
			code = 1
		}
	}
	os.Exit(code)
}

type redirector struct {
	base  *url.URL
	admin *sql.DB
	mu    sync.Mutex
	dbs   map[string]string // file path → database name
	files map[string]bool   // paths kept as SQLite files
	n     int
}

func newRedirector(base string) (*redirector, error) {
	u, err := url.Parse(base)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", EnvURL, err)
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		return nil, err
	}
	if err := admin.Ping(); err != nil {
		return nil, fmt.Errorf("connecting to %s: %w", EnvURL, err)
	}
	r := &redirector{base: u, admin: admin, dbs: map[string]string{}, files: map[string]bool{}}
	current = r
	return r, nil
}

// url returns the database for path, creating it on first use ("" for a
// path kept as a file).
func (r *redirector) url(path string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.files[path] {
		return ""
	}
	name, ok := r.dbs[path]
	if !ok {
		name = r.create()
		r.dbs[path] = name
	}
	return r.urlOf(name)
}

func (r *redirector) create() string {
	r.n++
	name := fmt.Sprintf("qz_test_%d_%d", os.Getpid(), r.n)
	if _, err := r.admin.Exec("CREATE DATABASE " + name); err != nil {
		panic(fmt.Sprintf("pgtest: creating database %s: %v", name, err))
	}
	return name
}

func (r *redirector) urlOf(name string) string {
	u := *r.base
	u.Path = "/" + name
	return u.String()
}

var current *redirector

// KeepFile makes path stay a SQLite file in a PostgreSQL run (tests that
// move a workspace between the two).
func KeepFile(path string) {
	if current != nil {
		current.mu.Lock()
		current.files[path] = true
		current.mu.Unlock()
	}
}

// NewDatabase returns the URL of a fresh, empty database in a PostgreSQL
// run, and "" otherwise.
func NewDatabase() string {
	if current == nil {
		return ""
	}
	current.mu.Lock()
	defer current.mu.Unlock()
	name := current.create()
	current.dbs["\x00"+name] = name
	return current.urlOf(name)
}

func (r *redirector) dropAll() error {
	defer r.admin.Close()
	for _, name := range r.dbs {
		if _, err := r.admin.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			return fmt.Errorf("dropping %s: %w", name, err)
		}
	}
	return nil
}
