// Every screen rendered in zh-CN with the app's real i18n and fixture data
// (src/testing), its text checked for developer words (./words.ts). Data the
// operator typed or imported (names, WeChat IDs, file names) may be Latin; a
// code Go sends (a role, a zone, a status, a type) must be shown in words, so
// the fixtures' code fields never count as data.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { defineComponent, h, type Component } from 'vue'
import { NConfigProvider, dateZhCN, zhCN } from 'naive-ui'

const { auto, fixtures } = vi.hoisted(() => {
  const fixtures: Record<string, unknown> = {}
  // every bound function of a service resolves to its fixture, or null (what Go sends for "nothing")
  const auto = (service: string) => async (importOriginal: () => Promise<Record<string, unknown>>) => {
    const m = await importOriginal()
    return Object.fromEntries(Object.keys(m).map((k) => [k, vi.fn(async () => {
      const f = fixtures[`${service}.${k}`]
      return f === undefined ? null : JSON.parse(JSON.stringify(f))
    })]))
  }
  return { auto, fixtures }
})

vi.mock('../../wailsjs/go/app/AuditService', auto('AuditService'))
vi.mock('../../wailsjs/go/app/AutomationService', auto('AutomationService'))
vi.mock('../../wailsjs/go/app/ContentService', auto('ContentService'))
vi.mock('../../wailsjs/go/app/GroupService', auto('GroupService'))
vi.mock('../../wailsjs/go/app/HealthService', auto('HealthService'))
vi.mock('../../wailsjs/go/app/ImportService', auto('ImportService'))
vi.mock('../../wailsjs/go/app/LiveService', auto('LiveService'))
vi.mock('../../wailsjs/go/app/MembersService', auto('MembersService'))
vi.mock('../../wailsjs/go/app/OptionsService', auto('OptionsService'))
vi.mock('../../wailsjs/go/app/ReportService', auto('ReportService'))
vi.mock('../../wailsjs/go/app/RiskService', auto('RiskService'))
vi.mock('../../wailsjs/go/app/RulesService', auto('RulesService'))
vi.mock('../../wailsjs/go/app/SafetyService', auto('SafetyService'))
vi.mock('../../wailsjs/go/app/StartService', auto('StartService'))
vi.mock('../../wailsjs/go/app/SystemService', auto('SystemService'))
vi.mock('../../wailsjs/go/app/TeamService', auto('TeamService'))

import { applyLocale } from '../i18n'
import { groupOptions, makeBatch, makeGroup } from '../testing/fixtures'
import { makeGroupWeekDTO } from '../testing/healthFixtures'
import { makeDetailDTO, makeLedgerDTO, makeQueueDTO } from '../testing/membersFixtures'
import { mountView, unmountView } from '../testing/mountView'
import { DEFAULT_OPERATOR } from '../audit/diff'
import { plainOffenders, exportGuideAllowed } from './words'

const at = new Date(2026, 4, 6, 20, 30).getTime()
const contentItem = (id: number, when: string, extra: Record<string, unknown> = {}) => ({
  id, groupId: 1, groupName: '读书会', type: 'interactive', format: 'share', title: '', displayTitle: '主题分享 · 互动话题', body: '',
  at: when, status: 'planned', results: {}, rate: null, generated: true, reasons: ['每周主题分享第 1/2 次'], version: 1, due: '',
  presenterName: '', ...extra,
})
const week = { week: '2024-W18', start: '2024-04-29T00:00:00+08:00', end: '2024-05-06T00:00:00+08:00' }

Object.assign(fixtures, {
  'GroupService.List': [makeGroup({ id: 1, name: '读书会', members: 120, messages: 5000 })],
  'GroupService.Get': makeGroup({ id: 1 }),
  'GroupService.Options': groupOptions,
  'HealthService.Weeks': [week],
  'HealthService.Group': makeGroupWeekDTO(),
  'HealthService.Overview': [makeGroupWeekDTO()],
  'HealthService.Dashboard': {
    week: makeGroupWeekDTO({ group: { id: 1, name: '读书会', type: 'service', members: 120, messages: 5000 } }),
    charts: {},
    comparison: {
      profile: 'education', otherGroups: 1,
      rows: [
        { key: 'messages_per_day', value: 116, hasRef: true, refMin: 50, refMax: 200, refSource: '日均消息 50–200 条', refCondition: '', others: 90, othersCount: 1 },
        { key: 'members_end', value: 120, hasRef: false, refMin: null, refMax: null, refSource: '', refCondition: '', others: null, othersCount: 0 },
      ],
    },
    unanswered: [{ name: '陈晓雨', at: '2024-04-30T20:30:00+08:00', text: '请问作业在哪里交？', waitSeconds: 30282, late: true }],
    inactiveDays: 14,
  },
  'MembersService.Ledger': makeLedgerDTO(),
  'MembersService.Member': makeDetailDTO(),
  'MembersService.MergeCandidates': [],
  'RulesService.Queue': makeQueueDTO(),
  'RulesService.RulesText': '【群规】\n1. 禁止发广告。',
  'ImportService.History': [makeBatch(), makeBatch({ id: 11, kind: 'chat', format: 'memotrace', file: '群聊.csv', undoable: false })],
  'AuditService.Operator': { name: 'owner', source: 'default' },
  'AuditService.Entries': {
    entries: [
      { id: 9, at, operator: '运营小王', action: 'member.update', entity: 'member', entityId: 42, groupId: 1, groupName: '读书会', before: '{"name":"陈晓雨","tier":"normal"}', after: '{"name":"陈晓雨","tier":"core"}' },
      { id: 8, at, operator: 'owner', action: 'settings.update', entity: 'setting', entityId: 0, groupId: 0, groupName: '', before: '', after: '{"key":"operator_name","value":"运营小王"}' },
      { id: 7, at, operator: 'owner', action: 'risk.hit.dismiss', entity: 'risk_hit', entityId: 0, groupId: 1, groupName: '读书会', before: '', after: '{"hit_key":"fraud:h:c0914ab"}' },
      { id: 6, at, operator: 'owner', action: 'automation.seed', entity: 'group', entityId: 1, groupId: 1, groupName: '读书会', before: '', after: '{"welcome":{"text":"欢迎！"},"keyword_replies":6,"lang":"zh","profile":"education"}' },
      { id: 4, at, operator: '运营小王', action: 'content.update', entity: 'content', entityId: 8, groupId: 1, groupName: '读书会', before: '{"scheduled_at":"2024-03-05T20:30:00+08:00","status":"planned","week":"2024-W10"}', after: '{"scheduled_at":"2024-03-06T20:30:00+08:00","status":"posted","week":"2024-W10"}' },
      { id: 5, at, operator: 'owner', action: 'incident.update', entity: 'incident', entityId: 3, groupId: 1, groupName: '读书会', before: '{"status":"open"}', after: '{"status":"closed"}' },
    ],
    more: false,
    operators: ['owner', '运营小王'],
  },
  'TeamService.Status': { mode: 'local', database: 'D:\\群主\\数据.db', keyPath: 'D:\\群主\\数据.db.key', operator: 'owner', role: 'owner', logins: false },
  'TeamService.Operators': [{ name: '老王', role: 'owner', login: '' }, { name: '小李', role: 'viewer', login: '' }],
  'SystemService.Info': { productName: '群主工作台', version: '1.0.0', language: 'zh', dataDir: 'D:\\群主', dbPath: 'D:\\群主\\数据.db', keyPath: 'D:\\群主\\数据.db.key', platform: 'windows', welcome: false, locked: false },
  'StartService.Checklist': null,
  'ContentService.Week': {
    group: { id: 1, name: '读书会', timeZone: 'Asia/Shanghai' },
    week,
    items: [contentItem(1, '2024-04-30T20:30:00+08:00'), contentItem(2, '2024-05-01T08:00:00+08:00', { format: 'morning_brief', type: 'tutorial', status: 'posted', displayTitle: '早报 · 干货教程' })],
    hasPlan: true, generated: false, unplaced: [],
    cadence: { morningBrief: true, morningBriefAt: '08:00', liveSession: true, liveWeekday: 3, liveSessionAt: '20:00', ugcCall: true, ugcNth: 1,
      ugcWeekday: 6, ugcCallAt: '20:30', sharesPerWeek: 2, shareAt: '20:30', dailyCap: 3, minGapMinutes: 120, quietStart: '23:00', quietEnd: '07:00', version: 0 },
    charts: { mix: { series: [] }, formats: { series: [] } }, byType: [], byFormat: [{ key: 'share', planned: 1, posted: 0, skipped: 0 }, { key: 'ugc_call', planned: 1, posted: 0, skipped: 0 }],
    rates: [], now: '2024-04-30T20:40:00+08:00', mix: {}, target: {}, library: [],
  },
  'ContentService.Calendar': { from: '2024-04-29', days: 7, groups: [{ id: 1, name: '读书会', index: 0 }], items: [contentItem(1, '2024-04-30T20:30:00+08:00')], now: '' },
  'RiskService.View': {
    group: { id: 1, name: '读书会' }, week, from: '2024-04-15', now: '2024-05-06T10:00:00+08:00', opened: 0,
    hits: [{ key: 'fraud:h:c0914ab', set: 'default', category: 'fraud', level: 3, sender: '推广小助手', at: '2024-04-30T20:30:00+08:00', match: '兼职日结', content: '兼职日结，私聊', members: 1, decision: '', incidentId: 0, messageId: 5, past: false }],
    incidents: [{ id: 3, groupId: 1, type: 'fraud', level: 3, status: 'open', occurredAt: '2024-04-30T20:30:00+08:00', openedAt: '2024-04-30T20:40:00+08:00', dueAt: '2024-04-30T20:55:00+08:00', lateMinutes: 0, closedAt: '', overdue: false, summary: '群内出现诈骗信息', checklist: ['核实并删除消息'], checked: [], notes: '', evidence: [5], version: 1 }],
  },
  'AutomationService.Templates': {
    group: { id: 1, name: '读书会' },
    welcome: { text: '欢迎 @{成员} 入群，请先看群规：{群规链接}', rulesLink: '', version: 1, preview: null },
    replies: [{ id: 1, keywords: ['作业'], reply: '作业在群公告里', version: 1 }],
    placeholders: [{ key: 'member', zh: '成员' }, { key: 'rules_link', zh: '群规链接' }],
    minScore: 0.3,
  },
  'AutomationService.Highlights': {
    group: { id: 1, name: '读书会' }, week, library: [{ id: 1, messageId: 2, source: 'staff', name: '林知秋', at: '2024-04-30T20:30:00+08:00', kind: 'text', content: '读书方法分享' }],
    suggestions: [{ messageId: 1, name: '陈晓雨', at: '2024-04-30T21:00:00+08:00', kind: 'text', content: '今天读完了', replies: 3, repliers: 2, highlightId: 0 }],
    digest: '【读书会】精华',
  },
  'ContentService.Due': [contentItem(1, '2024-04-30T20:30:00+08:00', { due: 'due' })],
  // the live watch (issue 24): a group synced from chatlog, and its 待处理 list on the Overview
  'LiveService.Sources': [{ groupId: 1, groupName: '读书会', kind: 'chatlog', url: 'http://127.0.0.1:5030', talker: '123@chatroom', folder: '', everySeconds: 60,
    enabled: true, allowRemote: false, notifyReminders: true, notifyIncidents: true, lastSyncAt: '2024-04-30T20:31:00+08:00', lastError: '', failures: 0 }],
  'LiveService.Pending': [
    { id: 1, groupId: 1, groupName: '读书会', kind: 'unanswered', level: 0, name: '陈晓雨', text: '请问作业在哪里交？', at: '2024-04-30T20:15:00+08:00', waitingMinutes: 16, heldUntil: '', incidentId: 0, incidentType: '', dueAt: '' },
    { id: 2, groupId: 1, groupName: '读书会', kind: 'unanswered', level: 0, name: '林知秋', text: '明天几点开始？', at: '2024-04-30T23:30:00+08:00', waitingMinutes: 20, heldUntil: '2024-05-01T07:00:00+08:00', incidentId: 0, incidentType: '', dueAt: '' },
    { id: 3, groupId: 1, groupName: '读书会', kind: 'incident', level: 3, name: '推广小助手', text: '兼职日结，私聊', at: '2024-04-30T20:30:00+08:00', waitingMinutes: 5, heldUntil: '', incidentId: 3, incidentType: 'fraud', dueAt: '2024-04-30T20:55:00+08:00' },
    { id: 4, groupId: 1, groupName: '读书会', kind: 'risk', level: 2, name: '推广小助手', text: '有需要的私聊', at: '2024-04-30T20:32:00+08:00', waitingMinutes: 3, heldUntil: '', incidentId: 0, set: 'lure', incidentType: '', dueAt: '' },
  ],
})

/** Fields whose values are codes from Go, to be shown in words — never counted as the operator's data. */
const codeFields = new Set(['set', 'platform', 'key', 'placeholders', 'displayTitle', 'reasons', 'type', 'profile', 'role', 'tier', 'status', 'timeZone', 'timeZones', 'defaultTimeZone', 'types', 'profiles', 'kind', 'format', 'source', 'mode', 'category', 'decision', 'action', 'entity', 'operator', 'operators', 'week', 'before', 'after', 'language', 'check', 'name_key', 'sources', 'incidentType'])

/** Latin words of the operator's own data in the fixtures (WeChat IDs, file names), which a screen may show. */
function dataWords(v: unknown, key = '', out = new Set<string>()): Set<string> {
  if (codeFields.has(key)) return out
  if (typeof v === 'string') for (const m of v.matchAll(/[A-Za-z][A-Za-z0-9]*(?:[._-][A-Za-z0-9]+)*/g)) for (const w of [m[0], ...m[0].split('.')]) out.add(w)
  else if (Array.isArray(v)) v.forEach((x) => dataWords(x, key, out))
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) dataWords(x, k, out)
  return out
}

// Go's default operator name is a code (shown as 负责人), not a name the operator gave
const data = Object.fromEntries([...dataWords(fixtures)].filter((w) => w !== DEFAULT_OPERATOR).map((w) => [w, 'the operator’s own data']))

const views = import.meta.glob<{ default: Component }>('../views/*.vue')
const props: Record<string, Record<string, unknown>> = {
  GroupAssistantView: { groupId: 1 },
  GroupContentView: { groupId: 1 },
  GroupHealthView: { groupId: 1 },
  GroupHighlightsView: { groupId: 1 },
  MembersView: { groupId: 1, initialMember: 1 }, // with the member drawer open
  RiskView: { groupId: 1 },
  RulesView: { groupId: 1 },
}

/** What a screen opens (a dialog, a form), clicked so that it is read too. */
const opens: Record<string, string[]> = {
  AuditView: ['[data-testid="audit-row"]'],
  GroupsView: ['[data-testid="group-create"]'],
  GroupContentView: ['[data-testid="new-item"]'],
  RulesView: ['[data-testid="group-live-open"]'], // a group's live sync settings (issue 24)
}

/** Screens whose own subject is other tools: the export guide names their folders and examples. */
const extraFor: Record<string, Record<string, string>> = { ExportGuideView: exportGuideAllowed }

/** Everything a person can read on the page: text, and the words in titles, placeholders and labels. */
function pageText(): string {
  const texts: string[] = []
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.parentElement?.closest('script,style')) texts.push(n.textContent ?? '')
  }
  // Naive UI's own spinner and close button label themselves "loading" and "close" for
  // screen readers, untranslated by its zh-CN locale: the library's words, not ours
  const attrs = [...document.body.querySelectorAll('[title],[placeholder],[aria-label],[alt]')]
    .filter((el) => !el.closest('.n-base-loading,.n-base-close'))
    .flatMap((el) => ['title', 'placeholder', 'aria-label', 'alt'].map((a) => el.getAttribute(a) ?? ''))
  return [...texts, ...attrs].join('\n')
}

/** The view inside Naive UI's Chinese locale, as App.vue shows every screen. */
function inApp(view: Component): Component {
  return defineComponent({ render: () => h(NConfigProvider, { locale: zhCN, dateLocale: dateZhCN }, { default: () => h(view) }) })
}

beforeEach(() => applyLocale('zh-CN'))
afterEach(unmountView)

describe('every screen in zh-CN', () => {
  for (const [path, load] of Object.entries(views)) {
    const name = path.replace(/^.*\/(\w+)\.vue$/, '$1')
    it(`${name} shows no developer words`, async () => {
      const view = (await load()).default
      const p = props[name] ?? {}
      await mountView(inApp(defineComponent({ render: () => h(view, p) })))
      for (const selector of opens[name] ?? []) {
        const found = document.body.querySelectorAll<HTMLElement>(selector)
        expect(found.length, `${name} has ${selector}`).toBeGreaterThan(0)
        for (const el of found) el.click()
        await flushPromises()
      }
      await flushPromises()
      expect(plainOffenders(pageText(), { ...data, ...(extraFor[name] ?? {}) })).toEqual([])
    }, 30_000)
  }
})
