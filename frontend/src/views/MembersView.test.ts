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
  UndoRemoved: vi.fn(),
  AddPoints: vi.fn(),
  MergeCandidates: vi.fn(),
  Merge: vi.fn(),
}))
vi.mock('../../wailsjs/go/app/HealthService', () => ({
  Weeks: vi.fn(),
  Group: vi.fn(),
  Overview: vi.fn(),
  SaveInput: vi.fn(),
}))

import * as MembersService from '../../wailsjs/go/app/MembersService'
import * as HealthService from '../../wailsjs/go/app/HealthService'
import { applyLocale } from '../i18n'
import { resetWeek } from '../health/week'
import MembersView from './MembersView.vue'
import { makeDetailDTO, makeLedgerDTO, makeMemberDTO } from '../testing/membersFixtures'

const bound = vi.mocked(MembersService)
const healthBound = vi.mocked(HealthService)



const show = () => mountView(MembersView, { groupId: 7 })

const body = () => document.body

beforeEach(() => {
  vi.resetAllMocks()
  resetWeek()
  applyLocale('zh-CN')
  healthBound.Weeks.mockResolvedValue([{ week: '2024-W10', start: '2024-03-04T00:00:00+08:00', end: '2024-03-11T00:00:00+08:00' }] as never)
  bound.Ledger.mockResolvedValue(makeLedgerDTO() as never)
  bound.Member.mockResolvedValue(makeDetailDTO() as never)
  bound.MergeCandidates.mockResolvedValue([] as never)
})

afterEach(unmountView)

describe('members screen', () => {
  it('shows the week’s ledger with Chinese labels, dates and the pyramid against its target', async () => {
    const w = await show()
    expect(bound.Ledger).toHaveBeenCalledWith(7, '2024-W10')
    const rows = w.findAll('[data-testid="member-row"]')
    expect(rows.length).toBeGreaterThan(0)
    const text = body().textContent ?? ''
    expect(text).toContain('显示 3 / 3 名成员')
    expect(text).toContain('2024年3月6日 08:30')
    expect(text).toContain('核心成员')
    const pyramid = w.find('[data-testid="tier-pyramid"]')
    const core = pyramid.find('[data-tier="core"]')
    expect(core.find('[data-testid="pyramid-actual"]').text()).toBe('0')
    expect(core.find('[data-testid="pyramid-target"]').text()).toBe('1')
  })

  it('shows a hostile nickname as text, never as markup', async () => {
    await show()
    expect(body().textContent).toContain('<img src=x onerror=alert(1)>推广')
    expect(body().querySelector('img[src="x"]')).toBeNull()
  })

  it('narrows the table as the operator types any name or id', async () => {
    const w = await show()
    await w.find('[data-testid="members-search"] input').setValue('chenxy')
    await flushPromises()
    expect(body().textContent).toContain('显示 1 / 3 名成员')
    expect(w.findAll('[data-testid="member-name"]').map((n) => n.text())).toEqual(['陈晓雨'])
    await w.find('[data-testid="members-search"] input').setValue('没有这个人')
    await flushPromises()
    expect(body().textContent).toContain('没有符合筛选条件的成员')
  })

  it('accepts a suggestion and reloads the ledger', async () => {
    const w = await show()
    const s = w.find('[data-testid="suggestion"]')
    expect(s.text()).toContain('陈晓雨')
    expect(s.text()).toContain('近 28 天消息 8 条，排名第 1')
    bound.Ledger.mockResolvedValue(makeLedgerDTO({ suggestions: [], members: [makeMemberDTO({ tier: 'core', version: 4 })] }) as never)
    await s.find('[data-testid="suggestion-accept"]').trigger('click')
    await flushPromises()
    expect(bound.AcceptSuggestion).toHaveBeenCalledWith(7, 1, '2024-W10', 'core', 3)
    expect(bound.Ledger).toHaveBeenCalledTimes(2)
    expect(body().textContent).toContain('这一周没有调整建议')
  })

  it('opens a member, saves the form with its version, and shows a conflict in Go’s words', async () => {
    const w = await show()
    await w.find('[data-testid="member-row"][data-member-id="1"]').trigger('click')
    await flushPromises()
    expect(bound.Member).toHaveBeenCalledWith(7, 1, '2024-W10')
    const drawer = () => body().querySelector('[data-testid="member-drawer"]')!
    expect(drawer().textContent).toContain('晓雨-杭州')
    expect(drawer().textContent).toContain('违规：广告')
    // a theme share the member presented, posted: its title (as text) and the points
    const share = drawer().querySelector('[data-testid="member-timeline"] li[data-kind="share"]')!
    expect(share.textContent).toContain('主讲主题分享“读书方法<i>分享</i>” +20 积分')
    expect(share.querySelector('i')).toBeNull()
    // chat text is text: the <b> stays visible as characters
    expect(drawer().textContent).toContain('<b>打卡</b> 第3天')
    expect(drawer().querySelector('b')).toBeNull()
    expect(drawer().textContent).toContain('[图片]')

    bound.Save.mockResolvedValue(makeDetailDTO({ member: makeMemberDTO({ tier: 'core', tierLocked: true, version: 4 }) }) as never)
    const save = drawer().querySelector('[data-testid="member-save"]') as HTMLButtonElement
    save.click()
    await flushPromises()
    expect(bound.Save).toHaveBeenCalledWith(7, 1, '2024-W10', { version: 3, tier: 'normal', tierLocked: false, tags: ['活跃', '老学员'], notes: '老学员，爱分享' })
    expect(bound.Ledger).toHaveBeenCalledTimes(2) // the list reloads after a save

    bound.Save.mockRejectedValue({ code: 'conflict', message: '“陈晓雨”的资料已在别处被修改' })
    ;(drawer().querySelector('[data-testid="member-save"]') as HTMLButtonElement).click()
    await flushPromises()
    await flushPromises()
    expect(drawer().querySelector('[data-testid="member-save-error"]')?.textContent).toContain('已在别处被修改')
    expect(bound.Member).toHaveBeenCalledTimes(2) // loaded again after the conflict
  })

  it('lists the removal list with each reason and copies the names in one click', async () => {
    const dto = makeLedgerDTO()
    dto.members[2] = { ...dto.members[2], present: true, leftAt: '' }
    dto.members.push(makeMemberDTO({ id: 4, name: '小满', names: ['小满'], ids: [], tags: [], inactive: true, lastMessageAt: '', messages28d: 0 }))
    bound.Ledger.mockResolvedValue(dto as never)
    const writeText = vi.fn().mockResolvedValue(undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const w = await show()
    const entries = w.findAll('[data-testid="removal-entry"]')
    expect(entries.map((e) => e.attributes('data-member-id'))).toEqual(['3', '4'])
    expect(entries[0].text()).toContain('潜水：最近发言 2024年3月4日 · 记过 3 次，已达上限')
    expect(entries[1].text()).toContain('潜水：从未发言')
    await w.find('[data-testid="removal-copy"]').trigger('click')
    await flushPromises()
    expect(writeText).toHaveBeenCalledWith('<img src=x onerror=alert(1)>推广\n小满')
  })

  it('grants points with a reason and shows Go’s refusal of an overdraft', async () => {
    const w = await show()
    await w.find('[data-testid="member-row"][data-member-id="1"]').trigger('click')
    await flushPromises()
    const q = (sel: string) => document.body.querySelector(sel) as HTMLElement
    expect(q('[data-testid="member-points"]').textContent).toContain('积分：15')
    const amount = q('[data-testid="points-amount"] input') as HTMLInputElement
    amount.value = '20'
    amount.dispatchEvent(new Event('input'))
    amount.dispatchEvent(new Event('blur'))
    const reason = q('[data-testid="points-reason"] input') as HTMLInputElement
    reason.value = '主题分享'
    reason.dispatchEvent(new Event('input'))
    await flushPromises()
    bound.AddPoints.mockResolvedValueOnce(makeDetailDTO({ member: makeMemberDTO({ points: 35 }) }) as never)
    q('[data-testid="points-grant"]').click()
    await flushPromises()
    expect(bound.AddPoints).toHaveBeenCalledWith(7, 1, '2024-W10', 20, '主题分享')
    expect(q('[data-testid="member-points"]').textContent).toContain('积分：35')

    bound.AddPoints.mockRejectedValueOnce({ code: 'invalid', message: '“陈晓雨”只有 35 积分，不够兑换 50 积分' })
    amount.value = '50'
    amount.dispatchEvent(new Event('input'))
    amount.dispatchEvent(new Event('blur'))
    await flushPromises()
    q('[data-testid="points-redeem"]').click()
    await flushPromises()
    expect(bound.AddPoints).toHaveBeenLastCalledWith(7, 1, '2024-W10', -50, '')
    expect(q('[data-testid="points-error"]').textContent).toContain('不够兑换 50 积分')
  })

  it('refuses a points amount out of range with the range, never clamped', async () => {
    const w = await show()
    await w.find('[data-testid="member-row"][data-member-id="1"]').trigger('click')
    await flushPromises()
    const q = (sel: string) => document.body.querySelector(sel) as HTMLElement
    q('[data-testid="points-grant"]').click()
    await flushPromises()
    expect(q('[data-testid="points-amount-error"]').textContent).toBe('这一项不能空着')
    const amount = q('[data-testid="points-amount"] input') as HTMLInputElement
    amount.value = '200000'
    amount.dispatchEvent(new Event('input'))
    amount.dispatchEvent(new Event('blur'))
    await flushPromises()
    expect(q('[data-testid="points-amount-error"]').textContent).toBe('请填 1 到 100,000 之间的整数')
    expect(amount.value).toBe('200000')
    q('[data-testid="points-grant"]').click()
    await flushPromises()
    expect(bound.AddPoints).not.toHaveBeenCalled()
  })

  it('marks a member of the removal list as removed, then reloads the ledger', async () => {
    const dto = makeLedgerDTO()
    dto.members[2] = { ...dto.members[2], present: true, leftAt: '' }
    bound.Ledger.mockResolvedValue(dto as never)
    const w = await show()
    await w.find('[data-testid="removal-entry"] [data-testid="removal-mark"]').trigger('click')
    await flushPromises()
    const dialog = document.body.querySelector('.n-dialog') as HTMLElement
    expect(dialog.textContent).toContain('标记为已移出')
    const before = Date.now()
    ;(dialog.querySelector('.n-dialog__action .n-button--primary-type') as HTMLButtonElement).click()
    await flushPromises()
    expect(bound.MarkRemoved).toHaveBeenCalledTimes(1)
    const [group, member, version, at] = bound.MarkRemoved.mock.calls[0]
    expect([group, member, version]).toEqual([7, 3, 1])
    expect(Math.abs(Number(at) - before)).toBeLessThan(60_000) // defaults to now
    expect(bound.Ledger).toHaveBeenCalledTimes(2)
  })

  it('takes a removal mark back from 撤销 on the toast', async () => {
    const dto = makeLedgerDTO()
    dto.members[2] = { ...dto.members[2], present: true, leftAt: '' }
    bound.Ledger.mockResolvedValue(dto as never)
    bound.MarkRemoved.mockResolvedValue(undefined as never)
    bound.UndoRemoved.mockResolvedValue(undefined as never)
    const w = await show()
    await w.find('[data-testid="removal-entry"] [data-testid="removal-mark"]').trigger('click')
    await flushPromises()
    ;(document.body.querySelector('.n-dialog .n-dialog__action .n-button--primary-type') as HTMLButtonElement).click()
    await flushPromises()
    ;(document.body.querySelector('[data-testid="toast-undo"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(bound.UndoRemoved).toHaveBeenCalledWith(7, 3)
    expect(document.body.textContent).toContain('不再记为已移出')
    expect(bound.Ledger).toHaveBeenCalledTimes(3) // loaded, after the mark, after the undo
  })

  it('opens a member from the keyboard', async () => {
    const w = await show()
    const row = w.find('[data-testid="member-row"][data-member-id="2"]')
    expect(row.attributes('tabindex')).toBe('0')
    await row.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(bound.Member).toHaveBeenCalledWith(7, 2, '2024-W10')
  })

  it('teaches how to fill an empty group', async () => {
    bound.Ledger.mockResolvedValue(makeLedgerDTO({ members: [], suggestions: [] }) as never)
    const w = await show()
    const empty = w.find('[data-testid="members-empty"]')
    expect(empty.text()).toContain('导入成员名单，或导入聊天记录')
    // and the buttons for it: this group's member list, its chat, how to export one
    expect(empty.find('[data-testid="teach-members"]').text()).toBe('导入成员名单')
    expect(empty.find('[data-testid="teach-chat"]').text()).toBe('导入聊天记录')
    expect(empty.find('[data-testid="teach-guide"]').text()).toBe('如何导出聊天记录')
    await empty.find('[data-testid="teach-chat"]').trigger('click')
    expect(window.location.hash).toBe('#/import?group=7&kind=chat')
  })

  it('speaks English', async () => {
    applyLocale('en')
    await show()
    expect(body().textContent).toContain('Showing 3 of 3 members')
    expect(body().textContent).toContain('Tier pyramid')
  })
})
