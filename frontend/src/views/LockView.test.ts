import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'

vi.mock('../api/system', async (orig) => ({ ...(await orig<typeof import('../api/system')>()), info: vi.fn() }))
vi.mock('../api/safety', () => ({ unlock: vi.fn() }))

import * as systemApi from '../api/system'
import * as safetyApi from '../api/safety'
import { ApiError } from '../api'
import { lockedDue, welcomeDue } from '../desktop'
import { applyLocale, i18n } from '../i18n'
import { makeRouter, routes } from '../router'
import LockView from './LockView.vue'

const sys = vi.mocked(systemApi)
const safe = vi.mocked(safetyApi)

const info = {
  productName: '群主工作台 Qunzhu',
  version: '0.1.0',
  language: 'zh' as const,
  dataDir: '/home/li/.local/share/qunzhu',
  dbPath: '/home/li/.local/share/qunzhu/qunzhu.db',
  keyPath: '/home/li/.local/share/qunzhu/qunzhu.db.key',
  platform: 'linux/amd64',
  welcome: false,
  locked: true,
}

const Blank = defineComponent({ render: () => h('div', { 'data-testid': 'other-screen' }) })

async function show(path = '/overview') {
  // The real route table with light stand-ins for the other screens, and
  // the lock rule of makeRouter's guard (tested below on makeRouter itself).
  const router = createRouter({
    history: createMemoryHistory(),
    routes: routes.map((r) => (r.name === 'lock' ? { ...r, component: LockView } : 'redirect' in r ? r : { ...r, component: Blank })) as typeof routes,
  })
  router.beforeEach((to) => {
    if (lockedDue.value) return to.name === 'lock' ? true : { name: 'lock' }
    if (to.name === 'lock') return { name: 'overview' }
    return true
  })
  await router.push(path)
  const w = mount(defineComponent({ render: () => h(RouterView) }), {
    global: { plugins: [i18n, router] },
    attachTo: document.body,
  })
  await flushPromises()
  return { w, router }
}

beforeEach(() => {
  vi.resetAllMocks()
  applyLocale('zh-CN')
  lockedDue.value = true
  sys.info.mockResolvedValue(info)
})

afterEach(() => {
  document.body.innerHTML = ''
  lockedDue.value = false
  welcomeDue.value = false
})

describe('lock screen', () => {
  it('is the only screen reachable while locked', async () => {
    const { w, router } = await show('/groups')
    expect(router.currentRoute.value.name).toBe('lock')
    expect(w.find('[data-testid="other-screen"]').exists()).toBe(false)
    await router.push('/settings')
    expect(router.currentRoute.value.name).toBe('lock')
    expect(document.body.textContent).toContain('群主工作台已上锁')
  })

  it('says clearly when the passphrase is wrong and stays locked', async () => {
    safe.unlock.mockRejectedValue(new ApiError('invalid', '密码不正确，数据未打开'))
    const { w, router } = await show()
    await w.find('[data-testid="lock-unlock"]').trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid="lock-empty"]').exists()).toBe(true)
    expect(safe.unlock).not.toHaveBeenCalled()

    await w.find('input').setValue('wrong one')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(safe.unlock).toHaveBeenCalledWith('wrong one')
    expect(w.find('[data-testid="lock-error"]').text()).toContain('密码不正确')
    expect(router.currentRoute.value.name).toBe('lock')
    expect(lockedDue.value).toBe(true)
    expect((w.find('input').element as HTMLInputElement).value).toBe('')
  })

  it('unlocks into the stored language and the Overview', async () => {
    safe.unlock.mockResolvedValue({ ...info, locked: false, language: 'en' })
    const { w, router } = await show()
    await w.find('input').setValue('open sesame')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(lockedDue.value).toBe(false)
    expect(router.currentRoute.value.name).toBe('overview')
    expect(i18n.global.locale.value).toBe('en')
  })
})

describe('makeRouter', () => {
  it('leads every screen to the lock screen while locked, and away from it once unlocked', async () => {
    const router = makeRouter()
    await router.push('/groups')
    expect(router.currentRoute.value.name).toBe('lock')
    lockedDue.value = false
    await router.push('/groups')
    expect(router.currentRoute.value.name).toBe('groups')
    await router.push('/lock')
    expect(router.currentRoute.value.name).toBe('overview')
  })
})
