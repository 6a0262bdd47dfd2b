package contentsvc

import (
	"fmt"
	"strings"

	"qunzhu/backend/content"
	"qunzhu/backend/msg"
)

// Title is the operator's title of an item, or one made from its format
// and type in lang (早报 · 干货教程): the window, `plan` and the .ics all
// show the same.
func Title(lang string, it content.Item) string {
	if it.Title != "" {
		return it.Title
	}
	return msg.T(lang, "content.title", map[string]any{
		"format": msg.T(lang, "content.format."+string(it.Format), nil),
		"type":   msg.T(lang, "content.type."+string(it.Type), nil)})
}

// NoteText puts one reason of an item's place into words; codes among its
// arguments (type, format, weekday) are translated too.
func NoteText(lang string, n content.Note) string {
	args := make(map[string]any, len(n.Args))
	for k, v := range n.Args {
		switch k {
		case "type":
			v = msg.T(lang, "content.type."+fmt.Sprint(v), nil)
		case "format":
			v = msg.T(lang, "content.format."+fmt.Sprint(v), nil)
		case "weekday":
			v = msg.T(lang, "weekday."+fmt.Sprint(v), nil)
		}
		args[k] = v
	}
	return msg.T(lang, n.Key, args)
}

// NoteTexts is every reason in words, in order.
func NoteTexts(lang string, ns []content.Note) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = NoteText(lang, n)
	}
	return out
}

// Reasons is the reasons as one line, with the language's separator.
func Reasons(lang string, ns []content.Note) string {
	sep := "；"
	if lang == msg.EN {
		sep = "; "
	}
	return strings.Join(NoteTexts(lang, ns), sep)
}
