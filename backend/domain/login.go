package domain

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"
)

// The rules of an operator's PostgreSQL login and password (team mode):
// the store creates the login on the server, and the words for a refused
// one are the operator's to act on.

// loginPattern is what a login may be called: plain lower-case
// identifiers, the same in SQL, in a connection URL and in pg_hba.conf
// (PostgreSQL keeps names starting pg_ for itself).
var loginPattern = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

// ValidLogin reports whether l may be a login.
func ValidLogin(l string) bool { return loginPattern.MatchString(l) && !strings.HasPrefix(l, "pg_") }

// LoginFor is the login of operator name: given, or made from the name's
// ASCII letters and digits ("qz_laowang"), or from a hash of it when it has
// none (a Chinese name: "qz_3f2a9c01"), so it is always a valid identifier.
func LoginFor(name, given string) (string, error) {
	if given = strings.TrimSpace(given); given != "" {
		if !ValidLogin(given) {
			return "", Errorf(EINVALID, "operator.bad_login", map[string]any{"login": given})
		}
		return given, nil
	}
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_':
			b.WriteRune(r)
		}
	}
	base := b.String()
	if strings.Trim(base, "0123456789_") == "" {
		sum := sha256.Sum256([]byte(name))
		base = hex.EncodeToString(sum[:4])
	}
	login := "qz_" + base
	if len(login) > 63 {
		login = login[:63]
	}
	return login, nil
}

// CheckPassword keeps passwords to printable ASCII of a useful length:
// the server stores a SCRAM verifier computed here (the store's scramVerifier), and a
// client normalises non-ASCII passwords (SASLprep) before hashing them,
// which this code does not repeat.
func CheckPassword(p string) error {
	if len(p) < 12 {
		return Errorf(EINVALID, "operator.weak_password", nil)
	}
	for i := 0; i < len(p); i++ {
		if p[i] < 0x21 || p[i] > 0x7e {
			return Errorf(EINVALID, "operator.bad_password", nil)
		}
	}
	return nil
}
