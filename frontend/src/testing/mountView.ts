import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h, type Component } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { NMessageProvider } from 'naive-ui'
import { i18n } from '../i18n'

let mounted: VueWrapper | null = null

/**
 * mountView mounts a screen the way the app shows it: inside Naive UI's
 * message provider, with i18n and a router that takes any path, attached to
 * the document (Naive UI teleports popovers and drawers there). It resolves
 * once the screen's first loads have settled. Call unmountView after each
 * test.
 */
export async function mountView(view: Component, props: Record<string, unknown> = {}): Promise<VueWrapper> {
  // Messages stay up (duration 0): Naive UI's hide timer outlives an
  // unmount, and firing after the test file's window is gone fails the run.
  const Host = defineComponent({ render: () => h(NMessageProvider, { duration: 0 }, { default: () => h(view as never, props) }) })
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { render: () => null } }] })
  const w = mount(Host, { global: { plugins: [i18n, router] }, attachTo: document.body })
  mounted = w
  await flushPromises()
  await flushPromises()
  return w
}

/** unmountView removes what mountView mounted, and whatever it teleported. */
export function unmountView() {
  mounted?.unmount()
  mounted = null
  document.body.innerHTML = ''
}
