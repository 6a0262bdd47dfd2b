import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import GroupsView from './views/GroupsView.vue'
import SettingsView from './views/SettingsView.vue'

// Hash history: Wails' asset server only knows the files in dist/.
export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/groups' },
  { path: '/groups', name: 'groups', component: GroupsView },
  { path: '/settings', name: 'settings', component: SettingsView },
  { path: '/:rest(.*)*', redirect: '/groups' },
]

export function makeRouter() {
  return createRouter({ history: createWebHashHistory(), routes })
}
