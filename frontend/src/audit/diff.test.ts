import { describe, expect, it } from 'vitest'
import { i18n } from '../i18n'
import { actionLabel, dayRange, diff, entityLabel, when } from './diff'

const t = (k: string, a?: Record<string, unknown>) => i18n.global.t(k, a ?? {})
const te = (k: string) => i18n.global.te(k)

describe('audit diff', () => {
  it('shows a member edit field by field, the name as context and notes as changed but private', () => {
    const rows = diff(
      {
        before: '{"name":"陈晓雨","notes":"***","tags":[],"tier":"normal"}',
        after: '{"name":"陈晓雨","notes":"***","tags":["志愿者","上海"],"tier":"core","tier_locked":true}',
      },
      t,
      te,
    )
    expect(rows.map((r) => [r.field, r.kind])).toEqual([
      ['name', 'context'],
      ['notes', 'changed'],
      ['tags', 'changed'],
      ['tier', 'changed'],
      ['tier_locked', 'changed'],
    ])
    expect(rows[0].label).toBe('成员')
    expect(rows[1].after).toMatchObject({ sealed: true, text: '（已修改，内容保密）' })
    expect(rows[2].before.text).toBe('（无）')
    expect(rows[2].after.text).toBe('志愿者、上海')
    expect([rows[3].before.text, rows[3].after.text]).toEqual(['普通成员', '核心成员'])
    expect(rows[4].before).toMatchObject({ none: true, text: '—' })
    expect(rows[4].after.text).toBe('是')
  })

  it("names a group's name 名称, not 成员", () => {
    const rows = diff({ entity: 'group', before: '{"name":"读书会","members":12}', after: '' }, t, te)
    expect(rows.find((r) => r.field === 'name')?.label).toBe('名称')
    expect(diff({ entity: 'member', before: '{"name":"陈晓雨"}', after: '' }, t, te)[0].label).toBe('成员')
  })

  it('marks a creation added and an undo removed; hostile text stays text', () => {
    const created = diff({ before: '', after: '{"name":"<img src=x onerror=alert(1)>"}' }, t, te)
    expect(created[0]).toMatchObject({ kind: 'added', after: { text: '<img src=x onerror=alert(1)>' } })
    const undone = diff({ before: '{"file":"名单.csv","imported":3}', after: '' }, t, te)
    expect(undone.map((r) => r.kind)).toEqual(['removed', 'removed'])
    expect(diff({ before: '', after: 'not json' }, t, te)[0].after.text).toBe('not json')
  })

  it('names actions and records, in words even for unknown ones', () => {
    expect(actionLabel('member.update', t, te)).toBe('编辑成员')
    expect(actionLabel('incident.open.v2', t, te)).toBe('其他修改')
    expect(entityLabel({ entity: 'member', entityId: 12 }, t, te)).toBe('成员 #12')
    expect(entityLabel({ entity: 'setting', entityId: 0 }, t, te)).toBe('设置')
  })

  it('shows codes, hashes and nested records in words, never as keys or JSON', () => {
    const hit = diff({ entity: 'risk_hit', before: '', after: '{"hit_key":"fraud:h:c0914ab"}' }, t, te)
    expect(hit[0].label).toBe('风险提示')
    expect(hit[0].after.text).toBe('诈骗风险提示')
    const seeded = diff({ entity: 'group', before: '', after: '{"welcome":{"text":"欢迎！"},"keyword_replies":6,"lang":"zh","profile":"education"}' }, t, te)
    const by = Object.fromEntries(seeded.map((r) => [r.label, r.after.text]))
    expect(by).toMatchObject({ 欢迎语: '内容：欢迎！', '关键词回复（条）': '6', 语言: '中文' })
    const incident = diff({ entity: 'incident', before: '{"status":"open"}', after: '{"status":"closed"}' }, t, te)
    expect([incident[0].before.text, incident[0].after.text]).toEqual(['待处理', '已关闭'])
    const setting = diff({ entity: 'setting', before: '', after: '{"key":"ui.window","value":"{\\"w\\":1200}"}' }, t, te)
    expect(setting.map((r) => `${r.label}=${r.after.text}`)).toEqual(['项目=窗口大小', '值=窗口宽度：1200'])
    expect(diff({ before: '', after: '{"some_new_field":1}' }, t, te)[0].label).toBe('其他信息')
    const timed = diff({ entity: 'content', before: '', after: '{"scheduled_at":"2024-03-05T20:30:00+08:00","week":"2024-W10"}' }, t, te)
    expect(timed.map((r) => r.after.text)).toEqual(['2024年第10周', '2024年3月5日 20:30'])
  })

  it('writes times the Chinese way and turns days into a half-open range', () => {
    const at = new Date(2024, 4, 6, 20, 30).getTime()
    expect(when(at, 'zh-CN', new Date(2024, 0, 1))).toBe('5月6日 20:30')
    expect(when(at, 'en', new Date(2024, 0, 1))).toBe('May 6 20:30')
    expect(when(at, 'zh-CN', new Date(2025, 0, 1))).toBe('2024年5月6日 20:30')
    const { from, to } = dayRange([new Date(2024, 4, 6, 15).getTime(), new Date(2024, 4, 7, 9).getTime()])
    expect(from).toBe(new Date(2024, 4, 6).getTime())
    expect(to).toBe(new Date(2024, 4, 8).getTime())
    expect(dayRange(null)).toEqual({ from: 0, to: 0 })
  })
})
