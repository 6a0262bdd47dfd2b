// The only door to Go. Views import from here, never from wailsjs/.
export * as groups from './groups'
export * as health from './health'
export * as imports from './imports'
export * as reports from './reports'
export * as system from './system'
export { ApiError, type ApiErrorCode } from './errors'
export type * from './types'
export type { Week, GroupWeek, HealthCheck, HealthAlert, WeekInput, FigureSource, Figures, ChartOption, ChartName, Comparison, ComparisonRow, Dashboard, UnansweredQuestion } from './health'
