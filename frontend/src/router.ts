import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import GroupsView from './views/GroupsView.vue'
import ImportView from './views/ImportView.vue'
import SettingsView from './views/SettingsView.vue'

// Hash history: Wails' asset server only knows the files in dist/.
export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/groups' },
  { path: '/groups', name: 'groups', component: GroupsView },
  {
    path: '/import',
    name: 'import',
    component: ImportView,
    // /import?group=3 opens the wizard on that group (e.g. from a group's empty state).
    props: (route) => ({ initialGroup: Number(route.query.group) || null }),
  },
  { path: '/settings', name: 'settings', component: SettingsView },
  { path: '/:rest(.*)*', redirect: '/groups' },
]

export function makeRouter() {
  return createRouter({ history: createWebHashHistory(), routes })
}
