import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { mountView, unmountView } from '../testing/mountView'

vi.mock('../../wailsjs/go/app/AuditService', () => ({ Entries: vi.fn(), Operator: vi.fn(), SetOperatorName: vi.fn(), Export: vi.fn() }))
vi.mock('../../wailsjs/go/app/GroupService', () => ({ List: vi.fn() }))

import * as AuditService from '../../wailsjs/go/app/AuditService'
import * as GroupService from '../../wailsjs/go/app/GroupService'
import { applyLocale } from '../i18n'
import AuditView from './AuditView.vue'

const bound = vi.mocked(AuditService)

const at = new Date(new Date().getFullYear(), 4, 6, 20, 30).getTime()
const page = () => ({
  entries: [
    {
      id: 9, at, operator: '运营小王', action: 'member.update', entity: 'member', entityId: 42, groupId: 7, groupName: '读书会',
      before: '{"name":"<b>陈晓雨</b>","tier":"normal","notes":"***"}', after: '{"name":"<b>陈晓雨</b>","tier":"core","notes":"***"}',
    },
    { id: 8, at, operator: 'owner', action: 'settings.update', entity: 'setting', entityId: 0, groupId: 0, groupName: '', before: '', after: '{"key":"operator_name","value":"运营小王"}' },
  ],
  more: false,
  operators: ['owner', '运营小王'],
})

const show = () => mountView(AuditView)

beforeEach(() => {
  vi.resetAllMocks()
  applyLocale('zh-CN')
  bound.Entries.mockResolvedValue(page() as never)
  bound.Operator.mockResolvedValue({ name: 'owner', source: 'default' } as never)
  vi.mocked(GroupService).List.mockResolvedValue([{ id: 7, name: '读书会' }] as never)
})

afterEach(unmountView)

describe('audit log screen', () => {
  it('lists entries in words with Chinese times, and expands one into a text-only diff', async () => {
    const w = await show()
    expect(bound.Entries).toHaveBeenCalledWith({ groupId: 0, action: '', operator: '', from: 0, to: 0 })
    const rows = w.findAll('[data-testid="audit-row"]')
    expect(rows).toHaveLength(2)
    expect(rows[0].text()).toContain('5月6日 20:30')
    expect(rows[0].text()).toContain('编辑成员')
    expect(rows[0].text()).toContain('成员 #42')
    expect(rows[0].text()).toContain('读书会')
    expect(rows[1].text()).toContain('工作区')
    expect(w.find('[data-testid="audit-operator-name"]').text()).toBe('以 负责人 身份记录')

    await rows[0].trigger('click')
    await flushPromises()
    const diff = w.find('[data-testid="audit-diff"]')
    expect(diff.find('[data-field="tier"] [data-testid="audit-before"]').text()).toBe('普通成员')
    expect(diff.find('[data-field="tier"] [data-testid="audit-after"]').text()).toBe('核心成员')
    expect(diff.find('[data-field="notes"]').text()).toContain('已修改，内容保密')
    expect(diff.find('[data-field="name"]').text()).toContain('<b>陈晓雨</b>')
    expect(document.body.querySelector('[data-testid="audit-diff"] b')).toBeNull()
  })

  it('sets the operator name and shows who is recorded from then on; a refusal is shown', async () => {
    const w = await show()
    await w.find('[data-testid="audit-operator-edit"]').trigger('click')
    await w.find('[data-testid="audit-operator-input"] input').setValue('运营小李')
    bound.SetOperatorName.mockRejectedValueOnce({ code: 'invalid', message: '操作人名称最长 32 个字' })
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid="audit-operator-error"]').text()).toContain('最长 32 个字')
    bound.SetOperatorName.mockResolvedValueOnce({ name: '运营小李', source: 'setting' } as never)
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(bound.SetOperatorName).toHaveBeenLastCalledWith('运营小李')
    expect(w.find('[data-testid="audit-operator-name"]').text()).toBe('以 运营小李 身份记录')
  })

  it('exports the filtered log through Go and says where', async () => {
    const w = await show()
    bound.Export.mockResolvedValue('/home/op/审计日志.xlsx' as never)
    await w.find('[data-testid="audit-export-xlsx"]').trigger('click')
    await flushPromises()
    expect(bound.Export).toHaveBeenCalledWith({ groupId: 0, action: '', operator: '', from: 0, to: 0 }, 'xlsx')
    expect(document.body.textContent).toContain('已导出到 /home/op/审计日志.xlsx')
  })

  it('says so when nothing is recorded yet', async () => {
    bound.Entries.mockResolvedValue({ entries: [], more: false, operators: [] } as never)
    const w = await show()
    expect(w.find('[data-testid="audit-empty"]').text()).toContain('还没有任何记录')
  })
})
