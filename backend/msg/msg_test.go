package msg

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"qunzhu/backend/domain"
)

// TestCatalogParity fails when a key exists in one language only, or when
// the two texts of a key use different placeholders.
func TestCatalogParity(t *testing.T) {
	for k, zs := range zh {
		es, ok := en[k]
		if !ok {
			t.Errorf("key %q has zh-CN text but no English", k)
			continue
		}
		if a, b := placeholders(zs), placeholders(es); a != b {
			t.Errorf("key %q: zh placeholders %s, en placeholders %s", k, a, b)
		}
	}
	for k := range en {
		if _, ok := zh[k]; !ok {
			t.Errorf("key %q has English text but no zh-CN", k)
		}
	}
}

var placeholderRE = regexp.MustCompile(`\{[a-z_]+\}`)

func placeholders(s string) string {
	found := placeholderRE.FindAllString(s, -1)
	set := map[string]bool{}
	for _, p := range found {
		set[p] = true
	}
	out := make([]string, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return fmt.Sprint(out)
}

func TestTranslate(t *testing.T) {
	tests := []struct {
		name, lang string
		err        error
		want       string
	}{
		{"zh default", "", domain.Errorf(domain.EINVALID, "group.name_taken", map[string]any{"name": "读书会"}), "已有名为“读书会”的社群"},
		{"zh-CN locale", "zh_CN.UTF-8", domain.Errorf(domain.EINVALID, "group.name_required", nil), "群名称不能为空"},
		{"english", "en-US", domain.Errorf(domain.EINVALID, "group.name_too_long", map[string]any{"max": 64}), "The group name cannot be longer than 64 characters"},
		{"wrapped domain error", "en", fmt.Errorf("saving: %w", domain.Errorf(domain.ENOTFOUND, "group.id_not_found", map[string]any{"id": 7})), "No group with id 7"},
		{"plain error keeps its text", "en", errors.New("disk full"), "Internal error: disk full"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Error(tt.lang, tt.err); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMissingKeyIsVisible(t *testing.T) {
	if got := T(ZH, "no.such.key", nil); !strings.Contains(got, "no.such.key") {
		t.Errorf("missing key rendered as %q", got)
	}
}
