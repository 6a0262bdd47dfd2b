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
