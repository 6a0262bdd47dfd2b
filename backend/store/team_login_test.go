package store

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"qunzhu/backend/domain"
	"qunzhu/backend/paths"
	"qunzhu/backend/store/pgtest"
)

// Team mode on the server's terms: each operator has a login of their own,
// and what it may do is the server's grants, whatever name the client
// claims. These need a PostgreSQL server (make test-pg).

// loginSeq keeps the logins of one test run apart: a login belongs to the
// whole server, not to one test's schema.
var loginSeq atomic.Int64

func testLogin(prefix string) string {
	login := fmt.Sprintf("%s_%d_%d", prefix, os.Getpid(), loginSeq.Add(1))
	pgtest.DropRoleAtEnd(login)
	return login
}

// teamWorkspace opens a fresh server workspace as the tables' owner (the
// test server's superuser) and returns it with a function opening the same
// workspace as another login.
func teamWorkspace(t *testing.T) (*Store, func(login, password string) *Store) {
	t.Helper()
	if !pgtest.Enabled() {
		t.Skip("needs a PostgreSQL server (tests/pg/with-postgres.sh)")
	}
	path := filepath.Join(t.TempDir(), "team.db")
	own := mustOpenAt(t, path, Options{Clock: domain.FixedClock(t0)})
	as := func(login, password string) *Store {
		t.Helper()
		u, err := url.Parse(pgtest.Redirect(path))
		if err != nil {
			t.Fatal(err)
		}
		u.User = url.UserPassword(login, password)
		return mustOpenAt(t, u.String(), Options{Clock: domain.FixedClock(t0), KeyPath: paths.KeyPath(path)})
	}
	return own, as
}

func TestTeamLoginsAreEnforcedByTheServer(t *testing.T) {
	ctx := context.Background()
	own, as := teamWorkspace(t)
	// As the README's set-up: nobody connects to the database unless
	// granted (each login made by operator add is).
	var dbName string
	if err := own.db.Raw("SELECT current_database()").Scan(&dbName).Error; err != nil {
		t.Fatal(err)
	}
	if err := own.db.Exec("REVOKE CONNECT, TEMPORARY ON DATABASE " + quoteIdent(dbName) + " FROM PUBLIC").Error; err != nil {
		t.Fatal(err)
	}
	g := mustGroup(t, own, "读书会")
	members, msgs := sampleImport(g.ID)
	if _, err := own.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, msgs); err != nil {
		t.Fatal(err)
	}

	// The first owner listed is the login that runs the command.
	boss, err := own.AddOperator(ctx, domain.OperatorInput{Name: "老王", Role: domain.RoleOwner})
	if err != nil || boss.Login != own.login.Login || boss.Password != "" {
		t.Fatalf("first owner = %+v, %v; want the login %s, no password", boss, err, own.login.Login)
	}
	viewerLogin, opLogin := testLogin("viewer"), testLogin("op")
	viewer, err := own.AddOperator(ctx, domain.OperatorInput{Name: "小李", Role: domain.RoleViewer, Login: viewerLogin})
	if err != nil || viewer.Login != viewerLogin || len(viewer.Password) != 24 {
		t.Fatalf("viewer = %+v, %v; want a generated password", viewer, err)
	}
	opPassword := "correct-horse-battery"
	oper, err := own.AddOperator(ctx, domain.OperatorInput{Name: "小张", Role: domain.RoleOperator, Login: opLogin, Password: opPassword})
	if err != nil || oper.Password != "" {
		t.Fatalf("operator = %+v, %v", oper, err)
	}
	_, err = own.AddOperator(ctx, domain.OperatorInput{Name: "小周", Role: domain.RoleViewer, Login: opLogin})
	wantKey(t, err, "operator.login_taken")
	_, err = own.AddOperator(ctx, domain.OperatorInput{Name: "小周", Role: domain.RoleViewer, Login: "Bad-Login"})
	wantKey(t, err, "operator.bad_login")
	_, err = own.AddOperator(ctx, domain.OperatorInput{Name: "小周", Role: domain.RoleViewer, Login: testLogin("weak"), Password: "short"})
	wantKey(t, err, "operator.weak_password")
	ops, err := own.Operators(ctx)
	if err != nil || len(ops) != 3 {
		t.Fatalf("operators = %+v, %v", ops, err)
	}
	for _, o := range ops {
		if o.Login == "" {
			t.Errorf("operator %s has no login", o.Name)
		}
	}

	// The viewer's login, claiming to be the owner, changes nothing: the
	// store says so in words naming the login, and a statement that skips
	// the store's check is refused by the grants in the same words.
	vs := as(viewerLogin, viewer.Password)
	vs.SetOperator("老王")
	_, err = vs.CreateGroup(ctx, domain.GroupInput{Name: "新群"})
	wantKey(t, err, "operator.login_read_only")
	if de := err.(*domain.Error); de.Args["login"] != viewerLogin || de.Args["name"] != "小李" {
		t.Errorf("refusal names %v, want the login %s of 小李", de.Args, viewerLogin)
	}
	_, err = vs.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, msgs)
	wantKey(t, err, "operator.login_read_only")
	ms, err := vs.MemberByPhone(ctx, g.ID, "13812345678")
	if err != nil || len(ms) != 1 {
		t.Fatalf("a viewer reads members: %+v, %v", ms, err)
	}
	_, err = vs.UpdateMember(ctx, domain.MemberEdit{GroupID: g.ID, MemberID: ms[0].ID, Version: ms[0].Version, Tier: domain.TierCore, Notes: "偷改"})
	wantKey(t, err, "operator.login_read_only")
	for _, q := range []string{
		"UPDATE members SET nickname = 'x'",
		"INSERT INTO audit_log (at, operator, action, entity, entity_id, group_id) VALUES (now(), '老王', 'group.create', 'group', 0, 0)",
		"INSERT INTO operators (name, role, login, created_at) VALUES ('我', 'owner', '" + viewerLogin + "', now())",
		"DELETE FROM messages",
	} {
		wantKey(t, vs.db.Exec(q).Error, "operator.login_read_only")
	}
	_, err = vs.SetOperatorName(ctx, "老王")
	wantKey(t, err, "operator.server_identity")
	if name, src, err := vs.OperatorSource(ctx); err != nil || name != "小李" || src != OperatorFromServer {
		t.Errorf("viewer's operator = %s (%s), %v; want 小李 from the server", name, src, err)
	}
	if r, err := vs.Role(ctx); err != nil || r != domain.RoleViewer {
		t.Errorf("viewer's role = %q, %v", r, err)
	}
	if _, err := vs.AuditLog(ctx, domain.AuditFilter{}); err != nil {
		t.Errorf("a viewer reads the audit log: %v", err)
	}
	// The Overview's saved figures are not the viewer's to write: saving
	// them is skipped, and the Overview computes them instead.
	week := []domain.SavedWeek{{GroupID: g.ID, Key: "2024-W10/v1", Generation: 1, Figures: []byte(`{"x":1}`)}}
	if err := vs.SaveWeeks(ctx, week); err != nil {
		t.Errorf("a viewer's Overview saving its figures: %v", err)
	}
	if _, ok, err := own.SavedWeek(ctx, g.ID, "2024-W10/v1"); err != nil || ok {
		t.Errorf("a viewer's figures were saved: %v, %v", ok, err)
	}
	// A group's reply templates, never looked at by anyone who may write,
	// show their defaults to the viewer unsaved.
	g2 := mustGroup(t, own, "新开的群")
	welcome, replies, err := vs.AutomationTemplates(ctx, g2.ID, "zh-CN")
	if err != nil || welcome.Text == "" || welcome.Version != 0 || len(replies) == 0 {
		t.Errorf("a viewer's first look at the templates: %+v, %d replies, %v", welcome, len(replies), err)
	}
	if seeded, _, err := own.AutomationTemplates(ctx, g2.ID, "zh-CN"); err != nil || seeded.Version != 1 || seeded.Text != welcome.Text {
		t.Errorf("the owner's first look saves them: %+v, %v", seeded, err)
	}
	// A read the grants refuse is not called a write.
	if err := vs.db.Exec("CREATE TABLE only_mine (id int)").Error; err == nil {
		t.Error("a viewer created a table")
	}
	var reads int64
	wantKey(t, vs.db.Raw("SELECT count(*) FROM pg_authid").Scan(&reads).Error, "operator.login_denied")

	// The operator's login imports and edits, as itself only.
	opst := as(opLogin, opPassword)
	if _, err := opst.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchMembers}, []domain.Member{{WxID: "wxid_new", Nickname: "新人"}}, nil); err != nil {
		t.Fatalf("the operator's import: %v", err)
	}
	opst.SetOperator("老王")
	_, err = opst.CreateGroup(ctx, domain.GroupInput{Name: "冒名"})
	wantKey(t, err, "operator.not_you")
	opst.SetOperator("")
	if _, err := opst.CreateGroup(ctx, domain.GroupInput{Name: "小张的群"}); err != nil {
		t.Fatal(err)
	}
	if err := opst.SaveWeeks(ctx, week); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := vs.SavedWeek(ctx, g.ID, "2024-W10/v1"); err != nil || !ok {
		t.Errorf("the operator's saved figures, read by the viewer: %v, %v", ok, err)
	}
	_, err = opst.AddOperator(ctx, domain.OperatorInput{Name: "小周", Role: domain.RoleViewer, Login: testLogin("v")})
	wantKey(t, err, "operator.owner_only")
	// It appends to the audit log and never rewrites it: the grants refuse
	// first, and the trigger stands behind them for the tables' owner.
	for _, q := range []string{"UPDATE audit_log SET operator = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log",
		"UPDATE operators SET role = 'owner'", "UPDATE schema_versions SET name = 'x'"} {
		wantKey(t, opst.db.Exec(q).Error, "operator.login_denied")
	}
	for _, q := range []string{"UPDATE audit_log SET operator = 'x'", "DELETE FROM audit_log"} {
		if err := own.db.Exec(q).Error; err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("owner: %s: %v, want the trigger's refusal", q, err)
		}
	}
	// An entry written by hand under another login's name gets the server's.
	if err := opst.db.Exec("INSERT INTO audit_log (at, operator, action, entity, entity_id, group_id, db_user) VALUES (now(), '老王', 'forged', 'group', 0, 0, ?)", own.login.Login).Error; err != nil {
		t.Fatal(err)
	}
	log, err := own.AuditLog(ctx, domain.AuditFilter{})
	if err != nil || len(log) < 3 {
		t.Fatalf("audit log = %+v, %v", log, err)
	}
	byAction := map[string]domain.AuditEntry{}
	for _, e := range log {
		if _, seen := byAction[e.Action]; !seen {
			byAction[e.Action] = e
		}
	}
	for action, want := range map[string][2]string{
		"forged":         {"老王", opLogin},
		"group.create":   {"小张", opLogin},
		"import.members": {"小张", opLogin},
		"operator.add":   {"老王", own.login.Login},
	} {
		e, ok := byAction[action]
		if !ok || e.Operator != want[0] || e.DBUser != want[1] {
			t.Errorf("%s entry = %+v, want %s by login %s", action, e, want[0], want[1])
		}
	}

	// A table created after the grants (by a later migration, here by
	// hand) is granted at the owner's next open.
	if err := own.db.Exec("CREATE TABLE later_things (id bigserial PRIMARY KEY, v text NOT NULL)").Error; err != nil {
		t.Fatal(err)
	}
	_ = as(own.login.Login, pgPassword(t))
	if err := opst.db.Exec("INSERT INTO later_things (v) VALUES ('x')").Error; err != nil {
		t.Errorf("the operator writes a table created after its grants: %v", err)
	}
	var n int64
	if err := vs.db.Raw("SELECT count(*) FROM later_things").Scan(&n).Error; err != nil || n != 1 {
		t.Errorf("the viewer reads it: %d, %v", n, err)
	}
	wantKey(t, vs.db.Exec("INSERT INTO later_things (v) VALUES ('y')").Error, "operator.login_read_only")
}

// pgPassword is the test server's password (pgtest's URL).
func pgPassword(t *testing.T) string {
	u, err := url.Parse(os.Getenv(pgtest.EnvURL))
	if err != nil {
		t.Fatal(err)
	}
	p, _ := u.User.Password()
	return p
}

// TestSecondOwnerManagesOperators: an owner with a login of their own (not
// the tables' owner) creates logins too.
func TestSecondOwnerManagesOperators(t *testing.T) {
	ctx := context.Background()
	own, as := teamWorkspace(t)
	mustGroup(t, own, "读书会")
	if _, err := own.AddOperator(ctx, domain.OperatorInput{Name: "老王", Role: domain.RoleOwner}); err != nil {
		t.Fatal(err)
	}
	second := testLogin("owner")
	zhen, err := own.AddOperator(ctx, domain.OperatorInput{Name: "阿珍", Role: domain.RoleOwner, Login: second})
	if err != nil {
		t.Fatal(err)
	}
	zs := as(second, zhen.Password)
	viewerLogin := testLogin("viewer")
	zhou, err := zs.AddOperator(ctx, domain.OperatorInput{Name: "小周", Role: domain.RoleViewer, Login: viewerLogin})
	if err != nil {
		t.Fatalf("the second owner adds a viewer: %v", err)
	}
	if _, err := zs.CreateGroup(ctx, domain.GroupInput{Name: "阿珍的群"}); err != nil {
		t.Fatal(err)
	}
	vs := as(viewerLogin, zhou.Password)
	gs, err := vs.Groups(ctx)
	if err != nil || len(gs) != 2 {
		t.Errorf("the new viewer reads %d groups, %v", len(gs), err)
	}
	_, err = vs.CreateGroup(ctx, domain.GroupInput{Name: "不行"})
	wantKey(t, err, "operator.login_read_only")
}

// TestViewerWritesWhileAnOperatorImports: a viewer's writes, at the same
// time as an operator's import into the same group, are all refused and
// leave the import whole. On PostgreSQL the viewer and the operator are
// logins (the viewer claiming the operator's name); on a local file, where
// there are no logins, names.
func TestViewerWritesWhileAnOperatorImports(t *testing.T) {
	ctx := context.Background()
	var own, vs, ops *Store
	refusal := "operator.login_read_only"
	if pgtest.Enabled() {
		var as func(string, string) *Store
		own, as = teamWorkspace(t)
		if _, err := own.AddOperator(ctx, domain.OperatorInput{Name: "老王", Role: domain.RoleOwner}); err != nil {
			t.Fatal(err)
		}
		vl, ol := testLogin("viewer"), testLogin("op")
		v, err := own.AddOperator(ctx, domain.OperatorInput{Name: "小李", Role: domain.RoleViewer, Login: vl})
		if err != nil {
			t.Fatal(err)
		}
		o, err := own.AddOperator(ctx, domain.OperatorInput{Name: "小张", Role: domain.RoleOperator, Login: ol})
		if err != nil {
			t.Fatal(err)
		}
		vs, ops = as(vl, v.Password), as(ol, o.Password)
		vs.SetOperator("小张")
	} else {
		refusal = "operator.read_only"
		path := filepath.Join(t.TempDir(), "team.db")
		own = mustOpenAt(t, path, Options{Clock: domain.FixedClock(t0)})
		vs = mustOpenAt(t, path, Options{Clock: domain.FixedClock(t0)})
		ops = mustOpenAt(t, path, Options{Clock: domain.FixedClock(t0)})
		own.SetOperator("老王")
		for _, o := range []domain.OperatorInput{{Name: "老王", Role: domain.RoleOwner}, {Name: "小李", Role: domain.RoleViewer}, {Name: "小张", Role: domain.RoleOperator}} {
			if _, err := own.AddOperator(ctx, o); err != nil {
				t.Fatal(err)
			}
		}
		vs.SetOperator("小李")
		ops.SetOperator("小张")
	}
	g := mustGroup(t, own, "大群")
	members, msgs := synthetic(g.ID, 40, 3000)
	var wg sync.WaitGroup
	var importErr error
	refusals := make([]error, 8)
	wg.Add(1)
	go func() {
		defer wg.Done()
		_, importErr = ops.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members, msgs)
	}()
	for i := range refusals {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 0 {
				_, refusals[i] = vs.SaveImport(ctx, domain.ImportBatch{GroupID: g.ID, Kind: domain.BatchChat}, members[:1], msgs[:10])
			} else {
				_, refusals[i] = vs.CreateGroup(ctx, domain.GroupInput{Name: fmt.Sprintf("群%d", i)})
			}
		}()
	}
	wg.Wait()
	if importErr != nil {
		t.Fatal(importErr)
	}
	for _, err := range refusals {
		wantKey(t, err, refusal)
	}
	sum, err := own.GroupSummary(ctx, g.ID)
	if err != nil || sum.Messages != len(msgs) {
		t.Errorf("messages = %d, %v; want the operator's %d", sum.Messages, err, len(msgs))
	}
	if gs, _ := own.Groups(ctx); len(gs) != 1 {
		t.Errorf("groups = %d, want 1", len(gs))
	}
}

func TestLoginNames(t *testing.T) {
	for _, c := range []struct{ name, given, want string }{
		{"Lao Wang", "", "qz_laowang"},
		{"小李", "", ""}, // a hash: checked below
		{"小李", "xiaoli", "xiaoli"},
		{"123", "", ""},
	} {
		got, err := domain.LoginFor(c.name, c.given)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if c.want != "" && got != c.want || !domain.ValidLogin(got) {
			t.Errorf("domain.LoginFor(%q, %q) = %q, want %q", c.name, c.given, got, c.want)
		}
	}
	a, _ := domain.LoginFor("小李", "")
	b, _ := domain.LoginFor("小张", "")
	if a == b || !regexp.MustCompile(`^qz_[0-9a-f]{8}$`).MatchString(a) {
		t.Errorf("hashed logins %q %q", a, b)
	}
	for _, bad := range []string{"Bad-Login", "x;DROP ROLE y", `a"b`, "1abc", strings.Repeat("a", 64), "pg_monitor"} {
		_, err := domain.LoginFor("某人", bad)
		wantKey(t, err, "operator.bad_login")
	}
	if p := generatePassword(); len(p) != 24 || domain.CheckPassword(p) != nil || strings.ContainsAny(p, "@:/?#%") {
		t.Errorf("generated password %q", p)
	}
	wantKey(t, domain.CheckPassword("有中文的密码也不行啊哦哦"), "operator.bad_password")
	v, err := scramVerifier("correct-horse-battery")
	if err != nil || !regexp.MustCompile(`^SCRAM-SHA-256\$4096:[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}:[A-Za-z0-9+/=]{44}$`).MatchString(v) {
		t.Errorf("verifier %q, %v", v, err)
	}
}

func TestTablePrivilegesKeepTheAuditLogAppendOnly(t *testing.T) {
	for _, c := range []struct {
		role  domain.Role
		table string
		want  string
	}{
		{domain.RoleViewer, "members", "SELECT"},
		{domain.RoleViewer, "audit_log", "SELECT"},
		{domain.RoleOperator, "members", "SELECT INSERT UPDATE DELETE"},
		{domain.RoleOperator, "audit_log", "SELECT INSERT"},
		{domain.RoleOperator, "operators", "SELECT"},
		{domain.RoleOperator, "schema_versions", "SELECT"},
		{domain.RoleOwner, "operators", "SELECT INSERT UPDATE DELETE"},
		{domain.RoleOwner, "audit_log", "SELECT INSERT"},
		{domain.RoleOperator, "a_table_added_later", "SELECT INSERT UPDATE DELETE"},
	} {
		if got := strings.Join(tablePrivileges(c.role, c.table), " "); got != c.want {
			t.Errorf("%s on %s: %s, want %s", c.role, c.table, got, c.want)
		}
	}
}

// On a local file there are no logins: asking for one says so.
func TestLocalWorkspaceHasNoLogins(t *testing.T) {
	skipOnServer(t, "a server workspace has logins")
	s := mustOpen(t)
	_, err := s.AddOperator(context.Background(), domain.OperatorInput{Name: "老王", Role: domain.RoleOwner, Login: "laowang"})
	wantKey(t, err, "operator.login_server_only")
}

// TestTeamMovesOverFromTheSharedLogin: a server workspace from before
// logins (operators listed by name, everyone on the owner's login) keeps
// its name-based roles through that login after the upgrade, and each
// person is given a login by adding them again. A login that is not the
// tables' owner cannot be the one to upgrade the schema.
func TestTeamMovesOverFromTheSharedLogin(t *testing.T) {
	ctx := context.Background()
	if !pgtest.Enabled() {
		t.Skip("needs a PostgreSQL server (tests/pg/with-postgres.sh)")
	}
	path := filepath.Join(t.TempDir(), "team.db")
	old := mustOpenAt(t, path, Options{Clock: domain.FixedClock(t0), targetVersion: 22})
	mustGroup(t, old, "读书会")
	for _, o := range []domain.OperatorInput{{Name: "老王", Role: domain.RoleOwner}, {Name: "小李", Role: domain.RoleViewer}} {
		old.SetOperator("老王")
		if _, err := old.AddOperator(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	// A login made by hand that may read everything, opening first.
	early, password := testLogin("early"), "early-login-password"
	var where struct{ Schema, Database string }
	if err := old.db.Raw("SELECT current_schema() AS schema, current_database() AS database").Scan(&where).Error; err != nil {
		t.Fatal(err)
	}
	schema := where.Schema
	for _, q := range []string{
		"CREATE ROLE " + early + " LOGIN PASSWORD '" + password + "'",
		"GRANT USAGE ON SCHEMA " + schema + " TO " + early,
		"GRANT CONNECT ON DATABASE " + quoteIdent(where.Database) + " TO " + early,
		"GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + early,
	} {
		if err := old.db.Exec(q).Error; err != nil {
			t.Fatal(err)
		}
	}
	u, err := url.Parse(pgtest.Redirect(path))
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(early, password)
	_, err = Open(u.String(), Options{KeyPath: paths.KeyPath(path)})
	wantKey(t, err, "store.migrate_owner_only")

	own := mustOpenAt(t, path, Options{Clock: domain.FixedClock(t0)})
	own.SetOperator("小李")
	_, err = own.CreateGroup(ctx, domain.GroupInput{Name: "新群"})
	wantKey(t, err, "operator.read_only")
	own.SetOperator("老王")
	if _, err := own.CreateGroup(ctx, domain.GroupInput{Name: "新群"}); err != nil {
		t.Fatal(err)
	}
	viewerLogin := testLogin("viewer")
	li, err := own.AddOperator(ctx, domain.OperatorInput{Name: "小李", Role: domain.RoleViewer, Login: viewerLogin})
	if err != nil || li.Password == "" {
		t.Fatalf("giving 小李 a login: %+v, %v", li, err)
	}
	// The shared login no longer writes as someone who has a login.
	own.SetOperator("小李")
	_, err = own.CreateGroup(ctx, domain.GroupInput{Name: "又一个群"})
	wantKey(t, err, "operator.not_you")
	// The owner takes the shared login as theirs.
	own.SetOperator("老王")
	if _, err := own.AddOperator(ctx, domain.OperatorInput{Name: "老王", Role: domain.RoleOwner, Login: own.login.Login}); err != nil {
		t.Fatal(err)
	}
	own.SetOperator("")
	if name, src, err := own.OperatorSource(ctx); err != nil || name != "老王" || src != OperatorFromServer {
		t.Errorf("the owner's login is %s (%s), %v; want 老王 from the server", name, src, err)
	}
	_, err = own.AddOperator(ctx, domain.OperatorInput{Name: "老王", Role: domain.RoleOwner})
	wantKey(t, err, "operator.exists")
	log, err := own.AuditLog(ctx, domain.AuditFilter{Action: "operator.login"})
	if err != nil || len(log) != 2 || log[0].Operator != "老王" {
		t.Errorf("operator.login entries = %+v, %v", log, err)
	}
	vs := mustOpenAt(t, func() string { v := *u; v.User = url.UserPassword(viewerLogin, li.Password); return v.String() }(), Options{KeyPath: paths.KeyPath(path)})
	_, err = vs.CreateGroup(ctx, domain.GroupInput{Name: "不行"})
	wantKey(t, err, "operator.login_read_only")
}

// A viewer refused a read is not told it is read-only; refused a write or
// a row lock taken to write, it is.
func TestRefusedStatementsThatWrite(t *testing.T) {
	for q, want := range map[string]bool{
		"SELECT count(*) FROM pg_authid":                            false,
		"  select * from members where id = 1":                      false,
		"WITH x AS (SELECT 1) SELECT * FROM x":                      false,
		`SELECT * FROM "members" WHERE id = $1 FOR UPDATE`:          true,
		"SELECT id FROM chat_groups WHERE id = $1 FOR KEY SHARE":    true,
		"UPDATE members SET nickname = 'x'":                         true,
		`INSERT INTO "audit_log" ("at") VALUES ($1) RETURNING "id"`: true,
		"TRUNCATE audit_log":                                        true,
	} {
		if got := writes(q); got != want {
			t.Errorf("writes(%q) = %v, want %v", q, got, want)
		}
	}
}
