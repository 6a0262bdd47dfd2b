// Package pgtest runs a package's tests against a PostgreSQL server when
// QUNZHU_TEST_PG names one (tests/pg/with-postgres.sh starts a throw-away
// server and sets it). Each workspace file a test would open becomes a fresh
// schema of a database made for the package's tests (a schema is made in
// a few milliseconds, a database in most of a second), and that database is
// dropped when the package's tests end; reopening the same file path
// reopens the same schema.
//
// A test reaches the server in one of two ways. storetest.Open asks for a
// fresh schema here (NewDatabase) and opens its URL. A test that opens a
// workspace by file path itself (the CLI's --db, a reopen after close)
// reaches it through the store's open path, which maps the file to its
// schema (Redirect) only in a test binary built with the pgtest build tag:
// tests/pg/with-postgres.sh sets that tag, and a build without it holds
// no redirection at all (nothing a program could set by mistake).
//
// Every package whose tests open a workspace runs them through Main from a
// pg_main_test.go file (TestEveryWorkspacePackageHasAHook checks it), and
// make test-pg runs exactly those packages.
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

// Main runs the tests: on SQLite, or, when EnvURL names a server, on a
// database of their own there that is dropped afterwards.
func Main(m *testing.M) {
	base := os.Getenv(EnvURL)
	if base == "" {
		os.Exit(m.Run())
	}
	if !tagged {
		// Without the tag the tests that open a file path would quietly
		// run on SQLite and the run would claim a coverage it lacks.
		fmt.Fprintf(os.Stderr, "pgtest: %s is set but the tests were built without -tags %s (tests/pg/with-postgres.sh sets GOFLAGS=-tags=%s)\n", EnvURL, Tag, Tag)
		os.Exit(1)
	}
	r, err := newRedirector(base)
	if err != nil {
		fmt.Fprintf(os.Stderr, "pgtest: %v\n", err)
		os.Exit(1)
	}
	code := m.Run()
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

// current is the redirector of this test binary, set once by Main before
// any test runs (the one piece of state: it lives in the test support
// package, never in the store).
var current *redirector

// Tag is the build tag that compiles the store's file-path redirection in.
const Tag = "pgtest"

// Redirect returns the server URL a workspace file path opens in a
// PostgreSQL run ("" on SQLite, or for a path kept as a file by KeepFile).
// The store calls it only in a build with the pgtest tag; tests call it to
// reach a workspace's schema under another login.
func Redirect(path string) string {
	if current == nil {
		return ""
	}
	return current.url(path)
}

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
