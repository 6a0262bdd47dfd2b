// The member merge on the Members tab: "合并到…" in the drawer and the notice
// of members who may be recorded more than once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { mountView, unmountView } from '../testing/mountView'

vi.mock('../../wailsjs/go/app/MembersService', () => ({
  Ledger: vi.fn(),
  Member: vi.fn(),
  Save: vi.fn(),
  AcceptSuggestion: vi.fn(),
  DismissSuggestion: vi.fn(),
  DismissStrike: vi.fn(),
  Export: vi.fn(),
  MarkRemoved: vi.fn(),
  AddPoints: vi.fn(),
  MergeCandidates: vi.fn(),
  Merge: vi.fn(),
}))
vi.mock('../../wailsjs/go/app/HealthService', () => ({ Weeks: vi.fn(), Group: vi.fn(), Overview: vi.fn(), SaveInput: vi.fn() }))

import * as MembersService from '../../wailsjs/go/app/MembersService'
import * as HealthService from '../../wailsjs/go/app/HealthService'
import { applyLocale } from '../i18n'
import { resetWeek } from '../health/week'
import MembersView from './MembersView.vue'
import { makeDetailDTO, makeLedgerDTO, makeMemberDTO } from '../testing/membersFixtures'

const bound = vi.mocked(MembersService)

// 陈晓雨 held twice: the list's record (1) and one from an old text import (4).
const second = makeMemberDTO({
  id: 4,
  version: 5,
  name: '陈晓雨',
  names: ['陈晓雨', '小雨-上海'],
  ids: [],
  tags: [],
  joinedAt: '',
  lastMessageAt: '2024-02-01T21:00:00+08:00',
  messages: 12,
})
const ledgerWithTwin = () => {
  const l = makeLedgerDTO()
  l.members.push(second)
  return l
}
const candidate = () => ({
  name: '陈晓雨',
  into: { id: 1, version: 3, name: '陈晓雨', names: ['陈晓雨', '晓雨-杭州'], firstMessageAt: '2024-03-04T07:00:00+08:00', lastMessageAt: '2024-03-06T08:30:27+08:00', messages: 8 },
  from: [{ id: 4, version: 5, name: '陈晓雨', names: ['陈晓雨', '小雨-上海'], firstMessageAt: '2024-01-05T09:00:00+08:00', lastMessageAt: '2024-02-01T21:00:00+08:00', messages: 12 }],
})

const $ = (sel: string) => document.body.querySelector(sel) as HTMLElement | null
const $$ = (sel: string) => [...document.body.querySelectorAll<HTMLElement>(sel)]
const text = (sel: string) => $(sel)?.textContent ?? ''

async function type(sel: string, value: string) {
  const input = $(`${sel} input`) as HTMLInputElement
  input.value = value
  input.dispatchEvent(new Event('input'))
  await flushPromises()
}

async function click(sel: string) {
  $(sel)!.click()
  await flushPromises()
}

async function openDrawerOf(id: number) {
  $(`[data-testid="member-row"][data-member-id="${id}"]`)!.click()
  await flushPromises()
  await click('[data-testid="member-merge"]')
}

beforeEach(() => {
  vi.resetAllMocks()
  resetWeek()
  applyLocale('zh-CN')
  vi.mocked(HealthService).Weeks.mockResolvedValue([{ week: '2024-W10', start: '2024-03-04T00:00:00+08:00', end: '2024-03-11T00:00:00+08:00' }] as never)
  bound.Ledger.mockResolvedValue(ledgerWithTwin() as never)
  bound.Member.mockResolvedValue(makeDetailDTO() as never)
  bound.MergeCandidates.mockResolvedValue([] as never)
})

afterEach(unmountView)

describe('合并到… in the member drawer', () => {
  it('offers the members of the same name, says which record is kept, merges and shows the kept one', async () => {
    await mountView(MembersView, { groupId: 7 })
    await openDrawerOf(1)
    expect(text('[data-testid="merge-dialog"]')).toContain('把“陈晓雨”合并到…')
    // With nothing typed: the other record called 陈晓雨, told apart by its other name, when it last spoke and how much.
    const targets = $$('[data-testid="merge-target"]')
    expect(targets.map((t) => t.dataset.memberId)).toEqual(['4'])
    expect(targets[0].textContent).toContain('小雨-上海')
    expect(targets[0].textContent).toContain('最后发言 2024年2月1日 · 共 12 条消息')
    expect(($('[data-testid="merge-confirm"]') as HTMLButtonElement).disabled).toBe(true)

    await click('[data-testid="merge-target"][data-member-id="4"]')
    expect(text('[data-testid="merge-explain"]')).toBe(
      '把“陈晓雨（晓雨-杭州）”合并到“陈晓雨（小雨-上海）”：陈晓雨（晓雨-杭州） 的消息、积分和记过都归到 陈晓雨（小雨-上海），陈晓雨（晓雨-杭州） 这条记录会消失。可以在导入记录里撤销。',
    )

    bound.Merge.mockResolvedValue({ batchId: 40, label: '陈晓雨 → 陈晓雨', intoId: 4, name: '陈晓雨', merged: 1, duplicates: 2 } as never)
    bound.Member.mockResolvedValue(makeDetailDTO({ member: { ...second, messages: 20 }, remark: '小雨-上海' }) as never)
    const after = makeLedgerDTO()
    after.members = [after.members[1], after.members[2], { ...second, messages: 20 }]
    bound.Ledger.mockResolvedValue(after as never)
    await click('[data-testid="merge-confirm"]')
    await flushPromises()
    expect(bound.Merge).toHaveBeenCalledWith({ groupId: 7, intoId: 4, intoVersion: 5, fromIds: [1] })
    // The drawer shows the record kept, the list lost a row.
    expect(bound.Member).toHaveBeenLastCalledWith(7, 4, '2024-W10')
    expect($('[data-member-id="4"][data-version]')).not.toBeNull()
    expect(text('[data-testid="member-merged"]')).toContain('已把“陈晓雨（晓雨-杭州）”合并到“陈晓雨（小雨-上海）”')
    expect(text('[data-testid="member-merged"]')).toContain('其中 2 条重复的消息只保留了一条')
    expect(text('[data-testid="member-merged-undo"]')).toContain('去导入记录撤销')
    expect(bound.Ledger).toHaveBeenCalledTimes(2)
    expect($$('[data-testid="member-row"]').map((r) => r.dataset.memberId)).toEqual(['2', '3', '4'])
  })

  it('finds any member by 微信号 or remark, and shows a hostile name as text', async () => {
    await mountView(MembersView, { groupId: 7 })
    await openDrawerOf(1)
    await type('[data-testid="merge-search"]', 'WXID_LZQ')
    expect($$('[data-testid="merge-target"]').map((t) => t.dataset.memberId)).toEqual(['2'])
    await type('[data-testid="merge-search"]', '<img')
    expect(text('[data-testid="merge-dialog"]')).toContain('<img src=x onerror=alert(1)>推广')
    expect($('[data-testid="merge-dialog"] img')).toBeNull()
    await type('[data-testid="merge-search"]', '没有这个人')
    expect(text('[data-testid="merge-no-match"]')).toContain('没有找到符合的成员')
  })

  it('says so when no one shares the name, instead of an empty list', async () => {
    bound.Member.mockResolvedValue(makeDetailDTO({ member: makeMemberDTO({ id: 2, name: '林知秋', names: ['林知秋'] }) }) as never)
    await mountView(MembersView, { groupId: 7 })
    await openDrawerOf(2)
    expect(text('[data-testid="merge-type-hint"]')).toContain('没有和“林知秋”同名的成员')
    expect($$('[data-testid="merge-target"]')).toHaveLength(0)
  })

  it('shows Go’s refusal in its words and reads the ledger again after a conflict', async () => {
    await mountView(MembersView, { groupId: 7 })
    await openDrawerOf(1)
    await click('[data-testid="merge-target"][data-member-id="4"]')
    bound.Merge.mockRejectedValue({ code: 'conflict', message: '“陈晓雨”和“陈晓雨”的微信号不同，是两个人，不能合并' })
    await click('[data-testid="merge-confirm"]')
    expect(text('[data-testid="merge-error"]')).toContain('是两个人，不能合并')
    expect(bound.Ledger).toHaveBeenCalledTimes(2)
    expect($('[data-testid="member-merged"]')).toBeNull()
  })

  it('speaks English', async () => {
    applyLocale('en')
    await mountView(MembersView, { groupId: 7 })
    await openDrawerOf(1)
    await click('[data-testid="merge-target"][data-member-id="4"]')
    expect(text('[data-testid="merge-explain"]')).toContain('Merge "陈晓雨 (晓雨-杭州)" into "陈晓雨 (小雨-上海)"')
    expect(text('[data-testid="merge-explain"]')).toContain('You can undo it in the import history')
  })
})

describe('members who may be recorded more than once', () => {
  it('shows no notice when nobody is', async () => {
    await mountView(MembersView, { groupId: 7 })
    expect(bound.MergeCandidates).toHaveBeenCalledWith(7)
    expect($('[data-testid="merge-notice"]')).toBeNull()
  })

  it('lists each person with the record kept and the others, and merges them all in one call', async () => {
    bound.MergeCandidates.mockResolvedValue([candidate()] as never)
    await mountView(MembersView, { groupId: 7 })
    expect(text('[data-testid="merge-notice"]')).toContain('有 1 位成员可能被重复记录了')
    await click('[data-testid="merge-notice-open"]')
    const set = $('[data-testid="merge-candidate"]')!
    expect(set.textContent).toContain('2 条记录')
    const records = $$('[data-testid="merge-record"]')
    expect(records.map((r) => r.dataset.role)).toEqual(['keep', 'fold'])
    expect(records[0].textContent).toContain('保留')
    expect(records[0].textContent).toContain('晓雨-杭州')
    expect(records[0].textContent).toContain('共 8 条消息 · 2024年3月4日 至 2024年3月6日')
    expect(records[1].textContent).toContain('并入')
    expect(records[1].textContent).toContain('共 12 条消息 · 2024年1月5日 至 2024年2月1日')

    bound.Merge.mockResolvedValue({ batchId: 41, label: '陈晓雨 → 陈晓雨', intoId: 1, name: '陈晓雨', merged: 1, duplicates: 0 } as never)
    bound.MergeCandidates.mockResolvedValue([] as never)
    await click('[data-testid="merge-candidate-merge"]')
    await flushPromises()
    expect(bound.Merge).toHaveBeenCalledWith({ groupId: 7, intoId: 1, intoVersion: 3, fromIds: [4] })
    expect(bound.Ledger).toHaveBeenCalledTimes(2)
    expect($('[data-testid="merge-notice"]')).toBeNull()
  })

  it('shows a hostile name as text', async () => {
    const c = candidate()
    c.name = c.into.name = '<img src=x onerror=alert(1)>'
    bound.MergeCandidates.mockResolvedValue([c] as never)
    await mountView(MembersView, { groupId: 8 })
    await click('[data-testid="merge-notice-open"]')
    expect(text('[data-testid="merge-candidate"]')).toContain('<img src=x onerror=alert(1)>')
    expect($('[data-testid="merge-candidate"] img')).toBeNull()
  })

  it('hides the notice for now, and shows it again when the list changes', async () => {
    bound.MergeCandidates.mockResolvedValue([candidate()] as never)
    await mountView(MembersView, { groupId: 9 })
    await click('[data-testid="merge-notice-dismiss"]')
    expect($('[data-testid="merge-notice"]')).toBeNull()
    unmountView()
    await mountView(MembersView, { groupId: 9 })
    expect($('[data-testid="merge-notice"]')).toBeNull() // the same people: still dismissed
    unmountView()
    const more = candidate()
    more.from.push({ ...more.from[0], id: 6 })
    bound.MergeCandidates.mockResolvedValue([more] as never)
    await mountView(MembersView, { groupId: 9 })
    expect(text('[data-testid="merge-notice"]')).toContain('有 1 位成员可能被重复记录了')
  })
})
