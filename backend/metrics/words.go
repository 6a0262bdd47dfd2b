package metrics

import "qunzhu/backend/rulecheck"

// words is rulecheck's one-pass word matcher, under the names the figures
// use.
type words struct{ rulecheck.Words }

func newWords(list []string) *words { return &words{*rulecheck.NewWords(list)} }

// in reports whether s contains one of the words.
func (ws *words) in(s string) bool { return ws.Words.In(s) }
