import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'

vi.mock('../api/system', () => ({
  info: vi.fn(),
  openDemo: vi.fn(),
  startEmpty: vi.fn(),
}))
vi.mock('../api/groups', () => ({
  create: vi.fn(),
  options: vi.fn(),
}))

import * as systemApi from '../api/system'
import * as groupsApi from '../api/groups'
import { ApiError } from '../api'
import { welcomeDue, screenShortcut } from '../desktop'
import { applyLocale, i18n } from '../i18n'
import { makeRouter, routes } from '../router'
import { groupOptions, makeGroup } from '../testing/fixtures'
import WelcomeView from './WelcomeView.vue'

const sys = vi.mocked(systemApi)
const grp = vi.mocked(groupsApi)

const info = {
  productName: '群主工作台 Qunzhu',
  version: '0.1.0',
  language: 'zh' as const,
  dataDir: '/home/li/.local/share/qunzhu',
  dbPath: '/home/li/.local/share/qunzhu/qunzhu.db',
  keyPath: '/home/li/.local/share/qunzhu/qunzhu.db.key',
  platform: 'linux/amd64',
  welcome: true,
  locked: false,
}

const Blank = defineComponent({ render: () => h('div') })

async function show() {
  // The real route table's paths, with light stand-ins for the other screens.
  const router = createRouter({
    history: createMemoryHistory(),
    routes: routes.map((r) => (r.name === 'welcome' ? { ...r, component: WelcomeView } : 'redirect' in r ? r : { ...r, component: Blank })) as typeof routes,
  })
  await router.push('/welcome')
  const w = mount(defineComponent({ render: () => h(RouterView) }), {
    global: { plugins: [i18n, router] },
    attachTo: document.body,
  })
  await flushPromises()
  return { w, router }
}

const text = () => document.body.textContent ?? ''

beforeEach(() => {
  vi.resetAllMocks()
  applyLocale('zh-CN')
  welcomeDue.value = true
  sys.info.mockResolvedValue(info)
  grp.options.mockResolvedValue(groupOptions)
})

afterEach(() => {
  document.body.innerHTML = ''
  welcomeDue.value = false
})

describe('welcome screen', () => {
  it('offers the demo or an empty start, and says where the data lives and that it stays here', async () => {
    const { w } = await show()
    expect(w.find('[data-testid="welcome-demo"]').exists()).toBe(true)
    expect(w.find('[data-testid="welcome-empty"]').exists()).toBe(true)
    expect(w.find('[data-testid="welcome-data-path"]').text()).toBe(info.dbPath)
    expect(text()).toContain('只保存在这台电脑上')
    expect(text()).toContain('不会上传')
  })

  it('speaks English too', async () => {
    applyLocale('en')
    await show()
    expect(text()).toContain('Open the demo workspace')
    expect(text()).toContain('Everything stays on this computer')
  })

  it('opens the demo workspace and goes to the Overview', async () => {
    sys.openDemo.mockResolvedValue({ ...info, welcome: false })
    const { w, router } = await show()
    await w.find('[data-testid="welcome-demo"]').trigger('click')
    await flushPromises()
    expect(sys.openDemo).toHaveBeenCalledOnce()
    expect(welcomeDue.value).toBe(false)
    expect(router.currentRoute.value.path).toBe('/overview')
  })

  it('starts empty: creates the named group and opens the import wizard on it', async () => {
    grp.create.mockResolvedValue(makeGroup({ id: 7, name: '考研英语 1 群' }))
    sys.startEmpty.mockResolvedValue({ ...info, welcome: false })
    const { w, router } = await show()
    await w.find('[data-testid="welcome-group-name"] input').setValue('  考研英语 1 群 ')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(grp.create).toHaveBeenCalledWith(expect.objectContaining({ name: '考研英语 1 群', timeZone: 'Asia/Shanghai' }))
    expect(sys.startEmpty).toHaveBeenCalledOnce()
    expect(router.currentRoute.value.path).toBe('/import')
    expect(router.currentRoute.value.query.group).toBe('7')
  })

  it('asks for a name before starting empty', async () => {
    const { w } = await show()
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid="welcome-name-missing"]').exists()).toBe(true)
    expect(grp.create).not.toHaveBeenCalled()
    expect(sys.startEmpty).not.toHaveBeenCalled()
  })

  it("shows Go's message when the demo cannot be written, and stays", async () => {
    sys.openDemo.mockRejectedValue(new ApiError('internal', '磁盘已满'))
    const { w, router } = await show()
    await w.find('[data-testid="welcome-demo"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="welcome-error"]').text()).toContain('磁盘已满')
    expect(router.currentRoute.value.path).toBe('/welcome')
    expect(welcomeDue.value).toBe(true)
  })
})

describe('screen shortcuts', () => {
  const key = (k: string, mods: Partial<KeyboardEvent> = {}) =>
    ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods }) as KeyboardEvent
  it('Ctrl or ⌘ with 1…9 picks a place in the rail', () => {
    expect(screenShortcut(key('1', { ctrlKey: true }))).toBe(0)
    expect(screenShortcut(key('4', { metaKey: true }))).toBe(3)
  })
  it('leaves every other key alone', () => {
    expect(screenShortcut(key('1'))).toBeNull()
    expect(screenShortcut(key('0', { ctrlKey: true }))).toBeNull()
    expect(screenShortcut(key('c', { ctrlKey: true }))).toBeNull()
    expect(screenShortcut(key('2', { ctrlKey: true, shiftKey: true }))).toBeNull()
  })
})

describe('first-run routing', () => {
  it('leads every screen to the welcome until it is answered, and the welcome to the Overview after', async () => {
    const router = makeRouter()
    welcomeDue.value = true
    await router.push('/groups')
    expect(router.currentRoute.value.name).toBe('welcome')
    welcomeDue.value = false
    await router.push('/groups')
    expect(router.currentRoute.value.name).toBe('groups')
    await router.push('/welcome')
    expect(router.currentRoute.value.name).toBe('overview')
  })
})
