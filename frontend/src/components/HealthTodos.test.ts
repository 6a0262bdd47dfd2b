import { describe, expect, it, beforeEach } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { applyLocale, i18n } from '../i18n'
import type { Todo } from '../api'
import HealthTodos from './HealthTodos.vue'

const stub = { template: '<div />' }
function router() {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: stub },
      { path: '/groups/:id/risk', name: 'group-risk', component: stub },
    ],
  })
}

const todo = (t: Partial<Todo>): Todo => ({ kind: 'check', check: '', incidentId: 0, incidentType: '', level: 0, dueAt: '', overdue: false, count: 0, ...t })

beforeEach(() => applyLocale('zh-CN'))

describe('HealthTodos', () => {
  it('says each thing to do in plain words, with its button', async () => {
    const r = router()
    const w = mount(HealthTodos, {
      props: {
        groupId: 3,
        silent: false,
        todos: [
          todo({ kind: 'incident', incidentId: 12, incidentType: 'fraud', level: 3, overdue: true }),
          todo({ kind: 'check', check: 'response_median_minutes' }),
          todo({ kind: 'removal', count: 14 }),
        ],
      },
      global: { plugins: [i18n, r] },
    })
    const items = w.findAll('[data-testid="health-todo"]')
    expect(items.map((i) => i.attributes('data-kind'))).toEqual(['incident', 'check', 'removal'])
    expect(items[0].text()).toContain('处理诈骗事件（3级）')
    expect(items[0].text()).toContain('已超时')
    expect(items[1].text()).toContain('群主回复太慢：设置自动提醒')
    expect(items[2].text()).toContain('移出 14 位长期潜水的成员')
    for (const i of items) expect(i.text()).not.toMatch(/[A-Za-z_]{3,}/)

    await items[0].find('[data-testid="health-todo-action"]').trigger('click')
    await flushPromises()
    expect(r.currentRoute.value.fullPath).toBe('/groups/3/risk?incident=12')
    await items[1].find('[data-testid="health-todo-action"]').trigger('click')
    expect(w.emitted('advice')).toEqual([['response_median_minutes']])
    await items[2].find('[data-testid="health-todo-action"]').trigger('click')
    expect(w.emitted('removal')).toHaveLength(1)
  })

  it('has a calm line when nothing is due', () => {
    const w = mount(HealthTodos, { props: { groupId: 3, silent: false, todos: [] }, global: { plugins: [i18n, router()] } })
    expect(w.findAll('[data-testid="health-todo"]')).toHaveLength(0)
    expect(w.find('[data-testid="health-calm"]').text()).toContain('本周没有要紧的事')
  })
})
