import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import OverviewView from './views/OverviewView.vue'
import WelcomeView from './views/WelcomeView.vue'
import LockView from './views/LockView.vue'
import { lockedDue, welcomeDue } from './desktop'
import { useWeek } from './health/week'

// The first screens (Overview, and the welcome and lock screens before it)
// are in the main bundle; every other screen is its own chunk, loaded when
// first opened, so the window parses a third less script before its first
// screen (issue "packages": the first screen within 2 seconds).
const AuditView = () => import('./views/AuditView.vue')
const CalendarView = () => import('./views/CalendarView.vue')
const GroupContentView = () => import('./views/GroupContentView.vue')
const GroupsView = () => import('./views/GroupsView.vue')
const GroupAssistantView = () => import('./views/GroupAssistantView.vue')
const GroupHealthView = () => import('./views/GroupHealthView.vue')
const GroupHighlightsView = () => import('./views/GroupHighlightsView.vue')
const ImportView = () => import('./views/ImportView.vue')
const ExportGuideView = () => import('./views/ExportGuideView.vue')
const MembersView = () => import('./views/MembersView.vue')
const ReportsView = () => import('./views/ReportsView.vue')
const RulesView = () => import('./views/RulesView.vue')
const RiskView = () => import('./views/RiskView.vue')
const SettingsView = () => import('./views/SettingsView.vue')
// 运营与角色 and 迁移工作区 (issue 23): the team screens under Settings
const OperatorsView = () => import('./views/OperatorsView.vue')
const MoveWorkspaceView = () => import('./views/MoveWorkspaceView.vue')

// Hash history: Wails' asset server only knows the files in dist/.
export const routes: RouteRecordRaw[] = [
  // The start page stays Groups until tests/e2e/browser.test.mjs opens Groups through nav-groups.
  { path: '/', redirect: '/overview' },
  { path: '/overview', name: 'overview', component: OverviewView },
  { path: '/groups', name: 'groups', component: GroupsView },
  {
    path: '/groups/:id(\\d+)/health',
    name: 'group-health',
    component: GroupHealthView,
    props: (route) => ({ groupId: Number(route.params.id) }),
  },
  {
    path: '/groups/:id(\\d+)/members',
    name: 'group-members',
    component: MembersView,
    // ?member=12 opens that member's page (e.g. from the violations queue)
    props: (route) => ({ groupId: Number(route.params.id), initialMember: Number(route.query.member) || null }),
  },
  {
    path: '/groups/:id(\\d+)/rules',
    name: 'group-rules',
    component: RulesView,
    props: (route) => ({ groupId: Number(route.params.id) }),
  },
  {
    path: '/groups/:id(\\d+)/content',
    name: 'group-content',
    component: GroupContentView,
    // ?new=share opens a new theme share of the week (the advice 补充主题分享)
    props: (route) => ({ groupId: Number(route.params.id), newShare: route.query.new === 'share' }),
  },
  {
    path: '/groups/:id(\\d+)/content/assistant',
    name: 'group-assistant',
    component: GroupAssistantView,
    props: (route) => ({ groupId: Number(route.params.id) }),
  },
  {
    path: '/groups/:id(\\d+)/content/highlights',
    name: 'group-highlights',
    component: GroupHighlightsView,
    props: (route) => ({ groupId: Number(route.params.id) }),
  },
  {
    path: '/groups/:id(\\d+)/risk',
    name: 'group-risk',
    component: RiskView,
    // ?incident=12 opens that incident's drawer
    props: (route) => ({ groupId: Number(route.params.id), initialIncident: Number(route.query.incident) || null }),
  },
  {
    path: '/import',
    name: 'import',
    component: ImportView,
    // /import?group=3 opens the wizard on that group (e.g. from a group's empty state);
    // &kind=chat on a chat import, &format=pywxdump with that format chosen.
    props: (route) => ({
      initialGroup: Number(route.query.group) || null,
      initialKind: route.query.kind === 'chat' || route.query.kind === 'members' ? route.query.kind : null,
      initialFormat: typeof route.query.format === 'string' ? route.query.format : null,
    }),
  },
  {
    // 如何导出聊天记录: one page per source; ?group=3 keeps the group the import is for.
    path: '/import/guide/:source?',
    name: 'export-guide',
    component: ExportGuideView,
    props: (route) => ({ source: typeof route.params.source === 'string' ? route.params.source : '', groupId: Number(route.query.group) || null }),
  },
  { path: '/calendar', name: 'calendar', component: CalendarView },
  {
    path: '/reports',
    name: 'reports',
    component: ReportsView,
    // /reports?group=3 opens on that group's report (the guided start's 生成周报)
    props: (route) => ({ initialGroup: Number(route.query.group) || null }),
  },
  { path: '/settings', name: 'settings', component: SettingsView },
  { path: '/settings/audit', name: 'audit', component: AuditView },
  { path: '/settings/operators', name: 'operators', component: OperatorsView },
  { path: '/settings/move', name: 'move-workspace', component: MoveWorkspaceView },
  // First run only (main.ts asks Go); the rail is hidden there.
  { path: '/welcome', name: 'welcome', component: WelcomeView, meta: { bare: true } },
  // A passphrase protects the workspace: nothing else is reachable until it is unlocked.
  { path: '/lock', name: 'lock', component: LockView, meta: { bare: true } },
  { path: '/:rest(.*)*', redirect: '/overview' },
]

export function makeRouter() {
  const router = createRouter({ history: createWebHashHistory(), routes })
  // Until the welcome screen is answered every screen leads there; once it
  // is, the welcome screen itself leads to the Overview.
  router.beforeEach((to) => {
    if (lockedDue.value) return to.name === 'lock' ? true : { name: 'lock' }
    if (to.name === 'lock') return { name: 'overview' }
    if (welcomeDue.value && to.name !== 'welcome') return { name: 'welcome' }
    if (!welcomeDue.value && to.name === 'welcome') return { name: 'overview' }
    return true
  })
  // A week not picked by the operator follows the screen: a group's screens
  // open on its latest week with messages, the others on any group's. A
  // navigation overtaken by a later one (a slow screen's chunk) says nothing.
  router.afterEach((to, _from, failure) => {
    if (!failure) useWeek().setScope(weekScope(to.path, to.params.id))
  })
  return router
}

/** weekScope is the group whose screens a path opens, null for the others. */
export function weekScope(path: string, id: unknown): number | null {
  return path.startsWith('/groups/') && typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : null
}
