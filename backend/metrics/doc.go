// Package metrics computes a group's weekly indicators, health checks,
// rule violations and check-in points exactly as docs/metrics.md
// defines them. Everything here is a pure function of domain values: the
// caller loads the messages of Window(w) and the group's members, and
// Compute returns the week's figures.
//
// Readings taken where docs/metrics.md leaves room (each is tested):
//
//   - Staff. A message is staff when the import marked it (Message.IsStaff:
//     the exporting account and staff at import time), when its member's
//     CURRENT tier is admin, when its member carries the exporting-account
//     marker (domain.SelfID among its seen ids), or when any staff alias
//     equals the message's SenderID or SenderName, or one of its member's
//     names or ids (nickname, group nickname, remark, wxid, 微信号, every
//     name and id seen in chat). A member is staff (for inactive_members and
//     points) by the same member tests, or when any loaded message of it was
//     marked staff at import. Aliases match exactly after trimming.
//   - Days and the "14 days" of inactive_members are local calendar days in
//     the group's zone (AddDate), so a DST change does not shift midnight;
//     the answer limit is exactly 86,400 s.
//   - A member tagged 已退群/已移出 with no dated leave (Member.LeftUndated)
//     is counted in no member figure: not in members_start/end, new_members,
//     left_members, next_day_retention or inactive_members. Messages it sent
//     still count as messages and its sender as active.
//   - A sender is its member (Message.MemberID); a message without one is
//     keyed by its SenderID, else its SenderName.
//   - response_median_minutes < 15 is judged on the shown (rounded) value,
//     so the verdict never contradicts the figure printed beside it.
//   - inactive_members is null when no message was ever imported (Earliest
//     nil), as well as when the earliest is later than end − 14 days.
//   - ads: every URL of a text link post is checked, a link card by its
//     <url>; a URL with no host is not an ad. Hosts compare case-insensitively.
//   - flood: a run is 5 consecutive countable non-staff messages of one
//     sender; runs that share a message merge into one burst, reported at its
//     first message and counted in that message's week. Bursts are found in
//     the messages given (Window loads 14 days before the week), so a burst
//     begun earlier than that is not seen as begun.
//   - Weeks are built with time.Date in the zone; in a zone whose midnight
//     is skipped by DST, the week starts at the instant time.Date gives.
package metrics
