package livesvc

import "testing"

// TestIsEmptyList: chatlog answers a room's empty days with [] or null; a
// list with a message, or anything else, goes to the import.
func TestIsEmptyList(t *testing.T) {
	for _, c := range []struct {
		head string
		want bool
	}{{"", true}, {"  \n", true}, {"[]", true}, {"[ \n ]", true}, {"\xef\xbb\xbf[]", true}, {"null", true},
		{`[{"seq":1`, false}, {"[\n  {", false}, {`{"error":"x"}`, false}, {"[", false}} {
		if got := isEmptyList([]byte(c.head)); got != c.want {
			t.Errorf("isEmptyList(%q) = %v, want %v", c.head, got, c.want)
		}
	}
}
