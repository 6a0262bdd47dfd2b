// Package pgtest runs a package's tests against a PostgreSQL server when
// QUNZHU_TEST_PG names one (tests/pg/with-postgres.sh starts a throw-away
// server and sets it). Each workspace file a test would open becomes a fresh
// schema of a database made for the package's tests (a schema is made in
// a few milliseconds, a database in most of a second), and that database is
// dropped when the package's tests end; reopening the same file path
// reopens the same schema.
package pgtest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
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
	base  *url.URL // the package's database
	db    string
	admin *sql.DB // connected to the server's own database, to create and drop the package's
	work  *sql.DB // connected to the package's database, to create schemas
	mu    sync.Mutex
	dbs   map[string]string // file path → database name
	files map[string]bool   // paths kept as SQLite files
	roles []string          // logins the tests made (DropRoleAtEnd)
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
	db := fmt.Sprintf("qz_test_%d", os.Getpid())
	if _, err := admin.Exec("CREATE DATABASE " + db); err != nil {
		return nil, fmt.Errorf("creating the test database: %w", err)
	}
	u.Path = "/" + db
	work, err := sql.Open("pgx", u.String())
	if err != nil {
		return nil, err
	}
	r := &redirector{base: u, db: db, admin: admin, work: work, dbs: map[string]string{}, files: map[string]bool{}}
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
	name := fmt.Sprintf("ws_%d", r.n)
	if _, err := r.work.Exec("CREATE SCHEMA " + name); err != nil {
		panic(fmt.Sprintf("pgtest: creating schema %s: %v", name, err))
	}
	return name
}

// urlOf is the URL of a workspace in schema name (pgx passes search_path
// on to the server).
func (r *redirector) urlOf(name string) string {
	u := *r.base
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
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

// NewDatabase returns the URL of a fresh, empty workspace on the server (a
// schema of its own) in a PostgreSQL run, and "" otherwise.
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

// DropRoleAtEnd has login dropped when the package's tests end (team-mode
// tests make logins, which belong to the whole server, not to the test
// database). It is dropped after the database: its grants are there, and a
// role with grants cannot be dropped.
func DropRoleAtEnd(login string) {
	if current != nil {
		current.mu.Lock()
		current.roles = append(current.roles, login)
		current.mu.Unlock()
	}
}

func (r *redirector) dropAll() error {
	defer r.admin.Close()
	r.work.Close()
	ctx := context.Background()
	if _, err := r.admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+r.db+" WITH (FORCE)"); err != nil {
		return fmt.Errorf("dropping %s: %w", r.db, err)
	}
	for _, role := range r.roles {
		if _, err := r.admin.ExecContext(ctx, `DROP ROLE IF EXISTS "`+strings.ReplaceAll(role, `"`, `""`)+`"`); err != nil {
			return fmt.Errorf("dropping the login %s: %w", role, err)
		}
	}
	return nil
}
