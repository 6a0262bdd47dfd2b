package livesvc

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	"qunzhu/backend/domain"
)

// chatlogDay is the date layout of chatlog's time parameter.
const chatlogDay = "2006-01-02"

// firstDay is where a group's first poll starts: chatlog then serves the
// room's whole history.
const firstDay = "2000-01-01"

// chatlogQuery is the request for a room's messages from the day before
// the group's newest message (or its whole history) to the day after
// today. Whole days, as chatlog reads time=YYYY-MM-DD~YYYY-MM-DD; a day's
// margin on each side covers the zone chatlog's computer reads the days in.
// What the group already holds comes back too and is skipped as duplicates
// by the import.
func chatlogQuery(src domain.LiveSource, g domain.GroupSummary, now time.Time) (string, error) {
	u, err := domain.ChatlogURL(src.URL)
	if err != nil {
		return "", err
	}
	loc := g.Location()
	from := firstDay
	if g.LastMessageAt != nil {
		from = g.LastMessageAt.In(loc).AddDate(0, 0, -1).Format(chatlogDay)
	}
	to := now.In(loc).AddDate(0, 0, 1).Format(chatlogDay)
	u.Path += "/api/v1/chatlog"
	u.RawQuery = url.Values{"talker": {src.Talker}, "time": {from + "~" + to}, "format": {"json"}}.Encode()
	return u.String(), nil
}

// fetchChatlog saves the room's messages chatlog serves into a file in a
// temporary folder and returns its path ("" when it served none): the
// import reads a file, however large the first poll's history is, without
// holding it in memory. The file is named for the room (chatlog-ROOM.json):
// the import history and any message about it show that name. The caller
// removes the folder (filepath.Dir of the path).
func (s *Service) fetchChatlog(ctx context.Context, rawURL, talker string) (string, error) {
	body, err := s.get(ctx, rawURL)
	if err != nil {
		return "", err
	}
	defer body.Close()
	br := bufio.NewReader(body)
	head, _ := br.Peek(16)
	if isEmptyList(head) {
		return "", nil
	}
	dir, err := os.MkdirTemp("", "qunzhu-live-")
	if err != nil {
		return "", err
	}
	f, err := os.Create(filepath.Join(dir, "chatlog-"+fileSafe(talker)+".json"))
	if err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	if _, err := io.Copy(f, br); err != nil {
		f.Close()
		os.RemoveAll(dir)
		return "", domain.Errorf(domain.EINVALID, "live.read_failed", map[string]any{"error": err.Error()})
	}
	if err := f.Close(); err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	return f.Name(), nil
}

// fileSafe is name with every character a file name may not hold on any
// system replaced by "_".
func fileSafe(name string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("@._-", r) {
			return r
		}
		return '_'
	}, name)
}

// isEmptyList reports whether a response's start says it holds no message:
// nothing, [] or null (chatlog writes a room's empty day as either).
func isEmptyList(head []byte) bool {
	t := bytes.TrimSpace(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")))
	if t, ok := bytes.CutPrefix(t, []byte("[")); ok {
		return bytes.HasPrefix(bytes.TrimSpace(t), []byte("]"))
	}
	return len(t) == 0 || bytes.HasPrefix(t, []byte("null"))
}

// get requests rawURL and returns the body of a 200 answer. A service that
// is down or answers otherwise is an error naming the address and what it
// said, in words the operator can act on.
func (s *Service) get(ctx context.Context, rawURL string) (io.ReadCloser, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, domain.Errorf(domain.EINVALID, "live.bad_url", map[string]any{"value": domain.Excerpt(rawURL, 60)})
	}
	resp, err := s.client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, domain.Errorf(domain.EINVALID, "live.unreachable", map[string]any{"host": req.URL.Host})
	}
	if resp.StatusCode != http.StatusOK {
		defer resp.Body.Close()
		said, _ := io.ReadAll(io.LimitReader(resp.Body, 300))
		return nil, domain.Errorf(domain.EINVALID, "live.bad_status", map[string]any{"host": req.URL.Host,
			"status": resp.StatusCode, "said": domain.Excerpt(strings.TrimSpace(string(said)), 120)})
	}
	return resp.Body, nil
}

// Room is one group chat chatlog lists.
type Room struct {
	ID   string `json:"id"`   // …@chatroom, what the watch's talker is
	Name string `json:"name"` // its remark or nickname, "" when it has none
}

// chatlogRoom is a room as chatlog lists it (model.ChatRoom).
type chatlogRoom struct {
	Name     string `json:"name"`
	NickName string `json:"nickName"`
	Remark   string `json:"remark"`
}

// Rooms lists the group chats a chatlog service knows
// (URL/api/v1/chatroom?format=json), for the window's room picker. A
// service whose API has no such list answers with an error; the operator
// then types the room's id.
func (s *Service) Rooms(ctx context.Context, rawURL string, allowRemote bool) ([]Room, error) {
	u, err := domain.ChatlogURL(rawURL)
	if err != nil {
		return nil, err
	}
	if !allowRemote && !domain.IsLoopback(u) {
		return nil, domain.Errorf(domain.EINVALID, "live.not_loopback", map[string]any{"value": u.Host})
	}
	u.Path += "/api/v1/chatroom"
	u.RawQuery = url.Values{"format": {"json"}}.Encode()
	body, err := s.get(ctx, u.String())
	if err != nil {
		return nil, err
	}
	defer body.Close()
	raw, err := io.ReadAll(io.LimitReader(body, 32<<20))
	if err != nil {
		return nil, err
	}
	rooms, err := parseRooms(raw)
	if err != nil {
		return nil, domain.Errorf(domain.EINVALID, "live.bad_rooms", map[string]any{"host": u.Host})
	}
	return rooms, nil
}

// parseRooms reads chatlog's room list: {"items": [...]} (its paged
// answer) or a bare array.
func parseRooms(raw []byte) ([]Room, error) {
	var list []chatlogRoom
	var paged struct {
		Items []chatlogRoom `json:"items"`
	}
	if err := json.Unmarshal(raw, &paged); err == nil && paged.Items != nil {
		list = paged.Items
	} else if err := json.Unmarshal(raw, &list); err != nil {
		return nil, errors.Join(err, fmt.Errorf("not a room list"))
	}
	out := make([]Room, 0, len(list))
	for _, r := range list {
		if strings.TrimSpace(r.Name) == "" {
			continue
		}
		out = append(out, Room{ID: r.Name, Name: cmp.Or(strings.TrimSpace(r.Remark), strings.TrimSpace(r.NickName))})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}
