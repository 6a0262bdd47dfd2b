package store

import "bytes"

// TablesAsText is every row of every table of a server workspace as
// PostgreSQL writes it out as text (what pg_dump holds), for tests that
// look for values in clear; nil for a file workspace, whose bytes they read.
func TablesAsText(s *Store) ([]byte, error) {
	if !s.IsServer() {
		return nil, nil
	}
	tables, err := s.db.Migrator().GetTables()
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	for _, t := range tables {
		var rows []string
		if err := s.db.Raw("SELECT t::text FROM " + quoteIdent(t) + " t").Scan(&rows).Error; err != nil {
			return nil, err
		}
		for _, r := range rows {
			out.WriteString(r)
			out.WriteByte('\n')
		}
	}
	return out.Bytes(), nil
}

// OpenAtVersion opens (or creates) the workspace at path migrated only up
// to schema version v: a workspace as an older build left it.
func OpenAtVersion(path string, opt Options, v int) (*Store, error) {
	opt.targetVersion = v
	return Open(path, opt)
}

// ExecForTests runs a statement on the workspace's database: a test that
// makes a workspace as an older build wrote it.
func ExecForTests(s *Store, sql string, args ...any) error {
	return s.db.Exec(sql, args...).Error
}

// ScalarForTests reads one value from the workspace's database.
func ScalarForTests(s *Store, sql string, dst any, args ...any) error {
	return s.db.Raw(sql, args...).Scan(dst).Error
}
