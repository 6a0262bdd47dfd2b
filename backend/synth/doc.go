// Package synth makes one synthetic WeChat group chat — its ground truth and
// the files every export tool would write of it — so tests can hold the
// importers to the truth and operators can try the app on realistic files.
//
// New(seed) builds the truth: a reading group (晨读打卡营) of twelve people
// over three ISO weeks (2024-W11 to 2024-W13, Asia/Shanghai), a few hundred
// messages with check-ins (打卡), questions and staff answers, links, images,
// emoji, voice and a video, a quote, two identical "好的" from one person in
// one minute, a link card whose URL some exports lose, and the system lines
// of one join by invitation and one leave. The cast covers the identity
// cases of docs/metrics.md "Members and presence": the exporting account (group
// owner, tagged 群主), an admin (管理员, staff), two people who share the
// nickname 小王 but not their remarks or ids, one whose remark has a space
// (Amy Chen), one known only by their wxid, one who joins mid-way and one
// who leaves. Everything is a pure function of the seed: the same seed
// writes the same bytes.
//
// Files (Chat.Files) and what each loses against the truth:
//
//   - chat_memotrace.csv (memotrace): UTF-8 with BOM, CRLF records (line
//     breaks inside a field stay LF). Sender wxid, Remark (the display name
//     with spaces written as _, "Amy_Chen"), NickName; CreateTime in
//     seconds; IsSender=1 marks the exporter. Media as XML. Loses: the
//     content of the link card whose URL is lost and of the quote (empty
//     StrContent, as MemoTrace writes cards it did not unpack). System rows
//     have empty sender columns.
//   - chat_pywxdump.csv (pywxdump): no BOM, CRLF. talker is the wxid only,
//     我 for the exporter (no id for it), 未知 for system notices; Chinese
//     type_name; CreateTime local wall-clock seconds. Loses: every name.
//   - chat_chatlog.json (chatlog): a JSON array, one-space indent. sender id,
//     senderName (the display name, unsanitised), isSelf; RFC 3339 times with
//     +08:00; media as [图片] etc. Loses: nicknames (no separate field) and the
//     URL of the lost link card (contents.url "").
//   - chat_wechat_text.txt (wechat-text, "merge and forward as text"): names
//     only (the display name: remark, else group nickname, else nickname),
//     minute precision, day rulers, no system messages, media as
//     placeholders ([图片: md5.jpg(请在附件中查看)], [动画表情], [语音], [视频],
//     [链接] TITLE). Loses: ids, seconds, joins and leaves, URLs of cards, the
//     quote (shown as its reply text), the exporter mark.
//   - chat_wecom_archive.jsonl (wecom-archive): one JSON object a line after
//     a switch line; msgid, msgtime in ms, from, tolist, roomid, msgtype.
//     from is the same per-person id the wxid formats use — a synthetic
//     simplification: a real archive has WeCom userids and external ids
//     (wm…/wo…) instead. Loses: every name, the exporter mark, system
//     messages, the quote (sent as text).
//   - chat_typed.csv (csv, typed in Excel): UTF-8 with BOM, CRLF; 时间,发送人,
//     内容; display names only; some rows' times minute-only
//     (Message.MinuteInCSV); placeholders as in wechat-text. Loses what
//     wechat-text loses, and seconds on some rows only.
//   - members_full.csv: the member list (UTF-8 BOM, CRLF) of the ten listed
//     people: 昵称,群昵称,微信号,备注,性别,地区,入群时间,入群方式,邀请人,标签.
//     Its 微信号 is the account's WeChat ID, never the chat wxid (as in real
//     lists). The person known only by wxid and the one who left are not on it.
//   - members_same_name.csv: the same ten rows without 微信号, so the two 小王
//     rows differ only by their remarks: two people.
//   - members_damaged.csv: the full list with a row that has more fields than
//     the header and, below it, a field whose quote is never closed (it
//     swallows the rows after it); DamagedLines names both lines.
package synth
