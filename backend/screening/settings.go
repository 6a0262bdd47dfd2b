package screening

import (
	"context"
	"encoding/json"
	"strconv"
)

// Settings is where a group's criteria are kept: the workspace's settings.
type Settings interface {
	Setting(ctx context.Context, key string) (string, bool, error)
	SetSetting(ctx context.Context, key, value string) error
}

func key(groupID int64) string { return "group_screening:" + strconv.FormatInt(groupID, 10) }

// Load reads group groupID's criteria (the defaults when never set), for
// the app and the CLI alike.
func Load(ctx context.Context, st Settings, groupID int64) (Criteria, error) {
	c := DefaultCriteria()
	v, ok, err := st.Setting(ctx, key(groupID))
	if err != nil || !ok {
		return c, err
	}
	err = json.Unmarshal([]byte(v), &c)
	c.MinFriends = c.Friends()
	return c, err
}

// Save checks and stores group groupID's criteria, returning them cleaned.
func Save(ctx context.Context, st Settings, groupID int64, c Criteria) (Criteria, error) {
	c, err := c.Validate()
	if err != nil {
		return c, err
	}
	b, err := json.Marshal(c)
	if err != nil {
		return c, err
	}
	return c, st.SetSetting(ctx, key(groupID), string(b))
}
